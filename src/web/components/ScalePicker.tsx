/**
 * A 1–10 (or 0–10) scale as a row of native radio buttons drawn as tiles: one tap to choose, a
 * second tap on the chosen number clears it; arrow keys move the choice (the browser's own radio
 * keyboard handling), and each option is read out as "7 of 10".
 */
import { useId } from 'react';

interface ScalePickerProps {
  label: string;
  min: number;
  max: number;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Words for the two ends, e.g. ['very low', 'very high']. */
  ends?: [string, string];
}

export function ScalePicker({ label, min, max, value, onChange, ends }: ScalePickerProps) {
  const name = useId();
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const describe = (v: number) =>
    `${v} of ${max}${ends && v === min ? `, ${ends[0]}` : ''}${ends && v === max ? `, ${ends[1]}` : ''}`;

  return (
    <fieldset className="scale">
      <legend className="scale-head">
        <span className="scale-label">{label}</span>
        <span className="scale-value">{value === undefined ? 'not set' : `${value} / ${max}`}</span>
      </legend>
      <div className="scale-row">
        {values.map((v) => (
          <label key={v} className="scale-option">
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              aria-label={describe(v)}
              onChange={() => onChange(v)}
              onClick={() => {
                if (value === v) onChange(undefined);
              }}
            />
            <span aria-hidden="true">{v}</span>
          </label>
        ))}
      </div>
      {ends && (
        <div className="scale-ends muted" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
    </fieldset>
  );
}
