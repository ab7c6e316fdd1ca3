/**
 * A choice of how many days to show, kept in the page's `?days=` so it survives reloads and links.
 *
 * @example const [range, setRange] = useDayRange([30, 90, 365]); <DayRangePicker ranges={…} value={range} onChange={setRange} />
 */
import { useSearchParams } from 'react-router';

export function useDayRange<R extends number>(ranges: readonly R[]): [R, (days: R) => void] {
  const [params, setParams] = useSearchParams();
  const range = ranges.find((r) => String(r) === params.get('days')) ?? (ranges[0] as R);
  return [range, (days: R) => setParams({ days: String(days) })];
}

export function DayRangePicker<R extends number>({
  ranges,
  value,
  onChange,
}: {
  ranges: readonly R[];
  value: R;
  onChange: (days: R) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Range</legend>
      {ranges.map((r) => (
        <button
          key={r}
          type="button"
          className={r === value ? 'selected' : ''}
          aria-pressed={r === value}
          onClick={() => onChange(r)}
        >
          {r} days
        </button>
      ))}
    </fieldset>
  );
}
