/**
 * One Insights chart: a titled card with a short "how to read it", the drawing (Observable Plot via
 * PlotFigure, with a text summary for screen readers), or an empty state saying what would fill it.
 */
import type { ReactNode } from 'react';
import { type Plot, PlotFigure } from '../charts/PlotFigure.tsx';

export function ChartCard({
  id,
  title,
  description,
  empty,
  options,
  summary,
  children,
  figureExtra,
}: {
  id: string;
  title: string;
  description: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
  options: Plot.PlotOptions | null;
  summary: string;
  children?: ReactNode;
  /** A second drawing under the first, before the summary (e.g. mood under questionnaire scores). */
  figureExtra?: ReactNode;
}) {
  return (
    <section className="card insight-chart" aria-labelledby={`${id}-title`}>
      <h3 className="card-title" id={`${id}-title`}>
        {title}
      </h3>
      <p className="muted small">{description}</p>
      {empty !== null || options === null ? (
        <p className="insight-empty">{empty}</p>
      ) : (
        <>
          <PlotFigure options={options} summary={summary} />
          {figureExtra}
          {/* The same words are the figure's caption for screen readers; shown here for everyone. */}
          <p className="insight-summary small" aria-hidden="true">
            {summary}
          </p>
        </>
      )}
      {children}
    </section>
  );
}

/** Midnight UTC of a local date, for a time axis that never shifts a day with the browser's zone. */
export function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "Aug 26": short axis labels that fit a phone. */
export function shortDate(date: string): string {
  return utcDay(date).toLocaleDateString('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
