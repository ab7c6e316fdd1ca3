/**
 * The one place a questionnaire result or a signals reflection is drawn. Everything goes through
 * `SupportGate`, so with a trigger (core/safety/escalation.ts: urgent or "talk to a professional")
 * the support screen is shown instead of the score until the person has read it — each time the
 * result is opened. A "worth mentioning" result says plainly that a professional can help.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { INSTRUMENTS, type InstrumentId } from '../../core/screeners/instruments.ts';
import { SupportGate } from '../components/SupportScreen.tsx';
import { insightKeys } from '../insights/queries.ts';
import { formatDate } from '../useToday.ts';
import {
  markSupportRead,
  type OutcomeAnswer,
  type ResponseView,
  type ScoreView,
  type SignalsView,
} from './queries.ts';

/** "A professional can help": under every result from "worth mentioning" up, in plain words. */
export function ProfessionalNote({ response }: { response: ResponseView }) {
  const note = response.professionalNote;
  if (!note) return null;
  return (
    <aside
      className="card professional-note"
      aria-labelledby="professional-note"
      data-testid="professional-note"
    >
      <h3 id="professional-note" className="card-title">
        {note.heading}
      </h3>
      {response.mentions.map((m) => (
        <p key={m}>{m}</p>
      ))}
      <p>{note.text}</p>
      <p className="small">{note.findOne}</p>
      <p className="small">
        <Link to="/learn/general_practitioner">What a GP can do</Link> ·{' '}
        <Link to="/learn/when_gutbrain_suggests_help">When Gutbrain suggests help, and why</Link> ·{' '}
        <Link to="/support">Crisis lines for your country</Link>
      </p>
    </aside>
  );
}

function ScoreResult({ response }: { response: ScoreView }) {
  const instrument = INSTRUMENTS[response.instrument as InstrumentId];
  const band = response.band;
  return (
    <section className="card result" aria-labelledby="result-heading" data-testid="screener-result">
      <p className="eyebrow">
        {instrument.shortName} · {formatDate(response.date)}
      </p>
      <h2 id="result-heading">
        {response.scoreLabel}: {response.score}
        <span className="muted small"> out of {instrument.scoreRange.max}</span>
      </h2>
      {band && (
        <p className="result-band">
          Band: <strong>{band.label}</strong>{' '}
          <span className="muted small">
            ({band.min}–{band.max})
          </span>
        </p>
      )}
      {response.instrument === 'who5' && (
        <p className="small muted">Raw score {response.raw} of 25, multiplied by 4.</p>
      )}
      {response.change && (
        <p>
          Since {formatDate(response.change.since)}: {response.change.change > 0 ? '+' : ''}
          {response.change.change} points
          {response.change.meaningful
            ? ' — a change of 10 points or more counts as meaningful.'
            : ' — less than the 10 points that count as a meaningful change.'}
        </p>
      )}
      {instrument.difficulty && response.difficulty != null && (
        <p className="small">
          How difficult these problems made things:{' '}
          {instrument.difficulty.options.find((o) => o.value === response.difficulty)?.label}
        </p>
      )}
      <ScaleBar instrument={response.instrument as InstrumentId} score={response.score ?? 0} />
      <p className="notice notice-info">{response.notADiagnosis}</p>
      <p className="small muted">
        {instrument.citation.text} doi:
        <a href={`https://doi.org/${instrument.citation.doi}`} target="_blank" rel="noreferrer">
          {instrument.citation.doi}
        </a>
      </p>
    </section>
  );
}

/** The bands laid out along the score range with a marker at the score. */
function ScaleBar({ instrument, score }: { instrument: InstrumentId; score: number }) {
  const inst = INSTRUMENTS[instrument];
  const span = inst.scoreRange.max - inst.scoreRange.min;
  return (
    <div className="bandbar" aria-hidden="true">
      {inst.bands.map((b) => (
        <div
          key={b.key}
          className={`bandbar-seg${score >= b.min && score <= b.max ? ' current' : ''}`}
          style={{ flexGrow: b.max - b.min + 1 }}
        >
          <span>{b.label}</span>
        </div>
      ))}
      <div
        className="bandbar-marker"
        style={{ left: `${((score - inst.scoreRange.min + 0.5) / (span + 1)) * 100}%` }}
      />
    </div>
  );
}

function SignalsResult({ response }: { response: SignalsView }) {
  const reflection = response.reflection;
  return (
    <section className="card result" aria-labelledby="result-heading" data-testid="signals-result">
      <p className="eyebrow">Signals check · {formatDate(response.date)}</p>
      <h2 id="result-heading">What your answers touch</h2>
      <p className="notice notice-info">{reflection?.caution}</p>
      {reflection && reflection.systems.length === 0 && (
        <p>You did not tick any of the signals. Nothing here points to one system or another.</p>
      )}
      {reflection?.systems.map((s) => (
        <article key={s.neurotransmitter} className="reflection-system">
          <h3>
            <Link to={`/learn/${s.neurotransmitter}`}>{s.name}</Link>{' '}
            <span className="muted small">{s.signals.length} of 4 signals the article links to it</span>
          </h3>
          {s.summary && <p className="small">{s.summary}</p>}
          <ul className="small">
            {s.signals.map((sig) => (
              <li key={sig.id}>{sig.label}</li>
            ))}
          </ul>
          {s.links.map((l) => (
            <p key={l.nodeId} className="small muted">
              How solid is this link? <span className={`grade grade-${l.grade}`}>{l.gradeLabel}</span>{' '}
              {l.note}
            </p>
          ))}
        </article>
      ))}
      {reflection && reflection.tested.length > 0 && (
        <section className="reflection-system reflection-tested" aria-labelledby="tested-heading">
          <h3 id="tested-heading">What has been tested in people for mood, worry and stress</h3>
          <p className="small">
            No food or habit is shown to change one brain messenger. These everyday things were tested in
            trials for how people feel:
          </p>
          <ul className="reflection-supports">
            {reflection.tested.map((x) => (
              <li key={x.edgeId}>
                <Link to={`/learn/${x.nodeId}`}>{x.sentence}</Link>{' '}
                <span className={`grade grade-${x.grade}`}>{x.gradeLabel}</span>
                <div className="small muted">
                  {x.note}{' '}
                  {x.references.map((r, i) => (
                    <span key={r.doi}>
                      {i > 0 && ' · '}
                      <a href={`https://doi.org/${r.doi}`} target="_blank" rel="noreferrer">
                        {r.citation}
                      </a>
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="small muted">
        This is an educational reflection, not a diagnosis, and not advice to take any supplement or medicine.
      </p>
    </section>
  );
}

/** A submission's or a stored response's outcome, support screen first. */
export function ChecksOutcome({ outcome }: { outcome: OutcomeAnswer }) {
  const { support, response } = outcome;
  const qc = useQueryClient();
  const read = useMutation({
    mutationFn: () => markSupportRead(response.id),
    // Suggestions were waiting for this: let Insights ask again.
    onSuccess: () => qc.invalidateQueries({ queryKey: insightKeys.recommendations }),
  });
  return (
    <SupportGate
      support={support}
      acknowledgeLabel="I’ve read this — show my answers"
      onRead={() => read.mutate()}
    >
      {'score' in response ? <ScoreResult response={response} /> : <SignalsResult response={response} />}
      <ProfessionalNote response={response} />
    </SupportGate>
  );
}
