/**
 * Alpha diversity with what each number means, in plain words, and where the measure comes from.
 * These are definitions of the measures, not health claims; health statements come from the graph.
 */
import type { SampleAnalysis } from './queries.ts';

type AlphaDiversity = NonNullable<SampleAnalysis['diversity']>;

interface Measure {
  name: string;
  value: string;
  meaning: string;
  /** Units, formulas and tool conventions: behind "Details", after what the number means. */
  details?: string;
  source: { citation: string; url: string };
}

const fmt = (v: number) => v.toFixed(2);

function measures(d: AlphaDiversity, rank: string): Measure[] {
  return [
    {
      name: 'Shannon diversity',
      value: fmt(d.shannonNats),
      meaning: 'Variety: rises with more kinds of microbes and with a more even share between them.',
      details: `${fmt(d.shannonNats)} nats, or ${fmt(d.shannonBits)} bits. Nats use the natural logarithm; bits are the same measure in base 2, the default of scikit-bio 0.5, so check the unit before comparing with another report.`,
      source: {
        citation: 'Shannon CE (1948). Bell System Technical Journal.',
        url: 'https://doi.org/10.1002/j.1538-7305.1948.tb01338.x',
      },
    },
    {
      name: 'Simpson diversity',
      value: fmt(d.simpson),
      meaning:
        'The chance that two reads picked at random come from different taxa: near 0 when one dominates, near 1 when many share.',
      details: 'Computed as 1 − Σp², where p is each taxon’s share of the sample.',
      source: { citation: 'Simpson EH (1949). Nature.', url: 'https://doi.org/10.1038/163688a0' },
    },
    {
      name: 'Inverse Simpson',
      value: fmt(d.inverseSimpson),
      meaning:
        'How many equally common taxa would give the same Simpson value: an "effective number" of taxa.',
      source: { citation: 'Hill MO (1973). Ecology.', url: 'https://doi.org/10.2307/1934352' },
    },
    {
      name: 'Observed taxa',
      value: String(d.observed),
      meaning: `How many different kinds of microbes the report found, counted at ${rank} level. Deeper sequencing finds more, so compare samples sequenced alike.`,
      source: { citation: 'Whittaker RH (1972). Taxon.', url: 'https://doi.org/10.2307/1218190' },
    },
    {
      name: 'Pielou evenness',
      value: d.pielou === null ? 'not defined (one taxon)' : fmt(d.pielou),
      meaning:
        'Shannon diversity divided by its largest possible value for this many taxa: 1 means all equally common.',
      source: {
        citation: 'Pielou EC (1966). Journal of Theoretical Biology.',
        url: 'https://doi.org/10.1016/0022-5193(66)90013-0',
      },
    },
    {
      name: 'Chao1 (estimated taxa)',
      value: 'value' in d.chao1 ? fmt(d.chao1.value) : 'not computed',
      meaning:
        'value' in d.chao1
          ? 'An estimate of how many kinds were present, counting those likely missed.'
          : d.chao1.refused,
      details:
        'value' in d.chao1
          ? 'From how many taxa were seen once or twice in the read counts (the bias-corrected form).'
          : undefined,
      source: { citation: 'Chao A (1987). Biometrics.', url: 'https://doi.org/10.2307/2531532' },
    },
  ];
}

/** One plain sentence first: how many kinds were found and how evenly they share the sample. */
function leadSentence(d: AlphaDiversity, rank: string): string {
  const effective = Math.round(d.inverseSimpson);
  return `Your report found ${d.observed} different kinds of microbes (counted at ${rank} level). Taking into account how evenly they share the sample, that is as varied as ${effective} equally common ${effective === 1 ? 'kind' : 'kinds'} would be.`;
}

export function DiversityCard({ diversity, rank }: { diversity: AlphaDiversity; rank: string }) {
  return (
    <section className="card" aria-labelledby="mb-diversity">
      <h2 className="card-title" id="mb-diversity">
        Diversity
      </h2>
      <p className="microbiome-lead">{leadSentence(diversity, rank)}</p>
      <p className="muted">
        More variety is generally a sign of a resilient gut community, but there is no single healthy value
        for one person: the numbers depend on how a sample was sequenced and analysed, so they are most useful
        for comparing your own samples processed the same way.
      </p>
      <dl className="microbiome-measures">
        {measures(diversity, rank).map((m) => (
          <div key={m.name} className="microbiome-measure">
            <dt>{m.name}</dt>
            <dd>
              <strong>{m.value}</strong>
              <p className="muted">{m.meaning}</p>
              <details className="microbiome-details">
                <summary>Details</summary>
                {m.details && <p className="small">{m.details}</p>}
                <a className="microbiome-cite" href={m.source.url} target="_blank" rel="noreferrer">
                  {m.source.citation}
                </a>
              </details>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
