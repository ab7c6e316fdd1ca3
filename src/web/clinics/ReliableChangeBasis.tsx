/**
 * What every reliable change on the page is computed from, per instrument: the reliability r and
 * the SD, with their sources, and the smallest change that counts (Jacobson & Truax 1991).
 */
import { INSTRUMENTS } from '../../core/screeners/instruments.ts';
import type { ReliableChangeBasis as Basis } from './queries.ts';

type Source = Basis['method'];

function Cite({ source }: { source: Source }) {
  const href = source.doi ? `https://doi.org/${source.doi}` : source.url;
  return href ? (
    <a href={href} rel="noreferrer" target="_blank">
      {source.text}
    </a>
  ) : (
    <span>{source.text}</span>
  );
}

export function ReliableChangeBasis({ basis }: { basis: readonly Basis[] }) {
  const method = basis[0]?.method;
  return (
    <section className="card rc-basis" aria-labelledby="rc-basis-title">
      <h2 id="rc-basis-title" className="card-title">
        How reliable change is worked out
      </h2>
      <p className="small">
        A change counts as reliable when it is larger than the scale’s measurement error would explain: RCI =
        (latest − baseline) ÷ (SD · √2 · √(1 − r)), reliable beyond ±1.96
        {method && (
          <>
            {' '}
            (<Cite source={method} />)
          </>
        )}
        . It says the change is probably real, not why it happened.
      </p>
      <table className="rc-table">
        <caption className="visually-hidden">Reliability and SD used per questionnaire</caption>
        <thead>
          <tr>
            <th scope="col">Scale</th>
            <th scope="col">r</th>
            <th scope="col">SD</th>
            <th scope="col">Reliable from</th>
          </tr>
        </thead>
        <tbody>
          {basis.map((b) => (
            <tr key={b.instrument}>
              <th scope="row">{INSTRUMENTS[b.instrument].shortName}</th>
              <td>
                {b.reliability.r} <span className="muted small">({b.reliability.kind}; </span>
                <span className="small">
                  <Cite source={b.reliability.source} />
                </span>
                <span className="muted small">)</span>
              </td>
              <td>
                {b.sd.value} <span className="muted small">({b.sd.sample}; </span>
                <span className="small">
                  <Cite source={b.sd.source} />
                </span>
                <span className="muted small">)</span>
              </td>
              <td>{b.criticalChange} points</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        WHO-5: a change of 10 points or more counts as meaningful (
        <a href="https://doi.org/10.1159/000376585" rel="noreferrer" target="_blank">
          Topp et al. 2015
        </a>
        ).
      </p>
    </section>
  );
}
