/**
 * The sample's largest taxa as horizontal bars (share of the profile), the rest summed as "other",
 * and the part not assigned at this rank as its own bar (never a taxon).
 */
import { useMemo } from 'react';
import { Plot, PlotFigure } from '../charts/PlotFigure.tsx';
import { percent } from './percent.ts';
import type { SampleAnalysis } from './queries.ts';

export default function MicrobiomeTaxaChart({
  taxa,
  unclassified,
  top = 10,
}: {
  taxa: SampleAnalysis['taxa'];
  unclassified: number;
  top?: number;
}) {
  const rows = useMemo(() => {
    const shown = taxa.slice(0, top).map((t) => ({ name: t.name, share: t.share }));
    const rest = taxa.slice(top).reduce((s, t) => s + t.share, 0);
    if (rest > 0) shown.push({ name: `${taxa.length - top} other taxa`, share: rest });
    if (unclassified > 0) shown.push({ name: 'not assigned at this rank', share: unclassified });
    return shown;
  }, [taxa, unclassified, top]);
  const options = useMemo(
    () =>
      ({
        height: 28 * rows.length + 40,
        marginLeft: 150,
        marginRight: 48,
        x: { label: 'Share of the profile (%)', percent: true, grid: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        marks: [
          Plot.barX(rows, { x: 'share', y: 'name', fill: 'var(--chart-1)' }),
          Plot.text(rows, {
            x: 'share',
            y: 'name',
            text: (r: { share: number }) => percent(r.share),
            dx: 4,
            textAnchor: 'start',
          }),
          Plot.ruleX([0]),
        ],
      }) as Plot.PlotOptions,
    [rows],
  );
  const summary = rows.map((r) => `${r.name} ${percent(r.share)}`).join(', ');
  return <PlotFigure options={options} summary={`Largest taxa: ${summary}.`} />;
}
