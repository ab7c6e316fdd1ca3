/**
 * Values imported from another tracker, drawn as chips marked with the app's name. Read-only by
 * design: the import is a record of what the other app held; the person's own check-in for the day
 * is where they change things, and it takes precedence.
 */
import type { ImportedValues } from './days.ts';
import { sourceName } from './days.ts';
import './days.css';

export function ImportedChips({ imported }: { imported: ImportedValues }) {
  const { checkin, derived } = imported;
  return (
    <span className="chips imported-chips">
      <span className="chip chip-source">from {sourceName(imported.source)}</span>
      {checkin.mood !== undefined && <span className="chip chip-mood">Mood {checkin.mood}</span>}
      {derived.energyAverage !== undefined && (
        <span className="chip">Energy {derived.energyAverage.toFixed(1)}</span>
      )}
      {derived.sleepHours !== undefined && (
        <span className="chip">Sleep {derived.sleepHours.toFixed(1)} h</span>
      )}
      {checkin.sleepQuality !== undefined && (
        <span className="chip">Sleep quality {checkin.sleepQuality}</span>
      )}
      {checkin.stress !== undefined && <span className="chip">Stress {checkin.stress}</span>}
      {checkin.focus !== undefined && <span className="chip">Focus {checkin.focus}</span>}
      {derived.gutComfort !== undefined && (
        <span className="chip">Gut comfort {derived.gutComfort.toFixed(1)}</span>
      )}
    </span>
  );
}

/** Today's read-only panel for a day with imported values. */
export function ImportedPanel({
  imported,
  hasOwn,
}: {
  imported: readonly ImportedValues[];
  hasOwn: boolean;
}) {
  return (
    <section className="card imported-panel" aria-label="Imported values">
      <h2 className="card-title">Imported for this day</h2>
      {imported.map((i) => (
        <div key={i.source} className="imported-source">
          <ImportedChips imported={i} />
          {i.checkin.note && <p className="day-note muted">{i.checkin.note}</p>}
        </div>
      ))}
      <p className="muted small">
        Imported values are read-only: they stay as the other app recorded them.{' '}
        {hasOwn
          ? 'Your own check-in below is used wherever the two differ.'
          : 'Check in below to add your own values; yours are then used wherever the two differ.'}
      </p>
    </section>
  );
}
