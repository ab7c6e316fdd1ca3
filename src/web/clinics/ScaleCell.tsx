/**
 * One scale for one person, as the caseload shows it: the latest score and its band, change since
 * baseline, Jacobson–Truax reliable change, PHQ-9 response and remission, and a sparkline.
 */

import { RELIABLE_CHANGE_BASIS } from '../../core/clinics/reliable-change.ts';
import { addDays } from '../../core/dates.ts';
import { INSTRUMENTS } from '../../core/screeners/instruments.ts';
import type { DailyMoods, ScaleSummary } from './queries.ts';
import { Sparkline } from './Sparkline.tsx';
import { shortDate, signed, verdictWords } from './words.ts';

/** A dashed line where a result starts to be worth a conversation (the instruments' own cut-offs). */
const CUTOFF = { phq9: 10, gad7: 10, who5: 50 } as const;
/** WHO-5 has no reliable-change basis here; a 10-point change is meaningful (Topp et al. 2015). */
const WHO5_MEANINGFUL = 10;
/** The sparklines show the last 12 weeks, or from the baseline when it is older. */
const WINDOW_DAYS = 83;

export function ScaleCell({ scale, today }: { scale: ScaleSummary; today: string }) {
  const inst = INSTRUMENTS[scale.instrument];
  const first = scale.series[0]?.date;
  const from = first && first < addDays(today, -WINDOW_DAYS) ? first : addDays(today, -WINDOW_DAYS);
  const rc = scale.reliableChange;
  const basis = RELIABLE_CHANGE_BASIS[scale.instrument];
  if (!scale.latest)
    return (
      <div className="scale-cell">
        <h4 className="scale-name">{inst.shortName}</h4>
        <p className="muted small">No {inst.shortName} yet</p>
      </div>
    );
  return (
    <div className="scale-cell">
      <h4 className="scale-name">{inst.shortName}</h4>
      <p className="scale-latest">
        <strong>{scale.latest.score}</strong> <span className="band">{scale.latest.band.label}</span>{' '}
        <span className="muted small">{shortDate(scale.latest.date)}</span>
      </p>
      {scale.changeSinceBaseline !== null && scale.baseline && (
        <p className="small">
          {signed(scale.changeSinceBaseline)} since baseline{' '}
          <span className="muted">
            ({scale.baseline.score} on {shortDate(scale.baseline.date)})
          </span>
        </p>
      )}
      {rc && (
        <p
          className={`small rc rc-${rc.verdict === 'no reliable change' ? 'none' : rc.verdict}`}
          title={`${basis ? `r = ${basis.reliability.r}, SD = ${basis.sd.value}: ` : ''}a change of ${rc.criticalChange} points or more is reliable`}
        >
          {verdictWords(rc)}
        </p>
      )}
      {!rc && scale.instrument === 'who5' && scale.changeSinceBaseline !== null && (
        <p
          className={`small rc rc-${Math.abs(scale.changeSinceBaseline) < WHO5_MEANINGFUL ? 'none' : scale.changeSinceBaseline < 0 ? 'deteriorated' : 'improved'}`}
          title="WHO-5: a change of 10 points or more is meaningful (Topp et al. 2015, doi:10.1159/000376585)"
        >
          {Math.abs(scale.changeSinceBaseline) < WHO5_MEANINGFUL
            ? 'Change under 10 points'
            : scale.changeSinceBaseline < 0
              ? 'Fell 10 points or more'
              : 'Rose 10 points or more'}
        </p>
      )}
      {(scale.response !== null || scale.remission !== null) && (
        <p className="small outcome-chips">
          {scale.response !== null && (
            <span className={`chip${scale.response ? ' chip-yes' : ''}`}>
              Response: {scale.response ? 'yes' : 'no'}
            </span>
          )}{' '}
          {scale.remission !== null && (
            <span className={`chip${scale.remission ? ' chip-yes' : ''}`}>
              Remission: {scale.remission ? 'yes' : 'no'}
            </span>
          )}
        </p>
      )}
      <Sparkline
        values={scale.series.map((p) => ({ date: p.date, value: p.score }))}
        from={from}
        to={today}
        min={inst.scoreRange.min}
        max={inst.scoreRange.max}
        cutoff={CUTOFF[scale.instrument]}
        label={`${inst.shortName} over time: ${scale.series.map((p) => `${p.score} on ${shortDate(p.date)}`).join(', ')}`}
      />
    </div>
  );
}

export function MoodCell({ series, today }: { series: DailyMoods; today: string }) {
  const from = addDays(today, -WINDOW_DAYS);
  const mood = series.moods.flatMap((m, i) =>
    m === null ? [] : [{ date: addDays(series.from, i), mood: m }],
  );
  const mean = mood.length ? mood.reduce((a, p) => a + p.mood, 0) / mood.length : null;
  return (
    <div className="scale-cell">
      <h4 className="scale-name">Daily mood</h4>
      {mean === null ? (
        <p className="muted small">No mood logged in 12 weeks</p>
      ) : (
        <>
          <p className="scale-latest">
            <strong>{mean.toFixed(1)}</strong>{' '}
            <span className="small muted">average of {mood.length} days</span>
          </p>
          <Sparkline
            values={mood.map((p) => ({ date: p.date, value: p.mood }))}
            from={from}
            to={today}
            min={1}
            max={10}
            label={`Daily mood over 12 weeks: ${mood.length} days logged, average ${mean.toFixed(1)} of 10, latest ${mood.at(-1)?.mood} on ${shortDate(mood.at(-1)?.date ?? today)}`}
          />
        </>
      )}
    </div>
  );
}
