/**
 * Renders an Observable Plot figure into a div and replaces it when the options change.
 * Charts pass a `summary` that screen readers get instead of the drawing.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

export function PlotFigure({ options, summary }: { options: Plot.PlotOptions; summary: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth);
    const figure = Plot.plot({ width, ...options });
    figure.setAttribute('aria-hidden', 'true');
    el.replaceChildren(figure);
    return () => figure.remove();
  }, [options]);
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas" />
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}

export { Plot };
