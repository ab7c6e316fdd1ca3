/**
 * The Bristol stool form scale as pictures with the scale's own descriptions
 * (Lewis & Heaton 1997, doi:10.3109/00365529709011203).
 */
import { type ReactNode, useId } from 'react';
import { BRISTOL_TYPES } from '../../core/checkin/limits.ts';

/** Simple drawings of the seven forms: lumps → sausage → soft blobs → liquid. */
function BristolIcon({ type }: { type: number }) {
  const fill = 'currentColor';
  const shapes: Record<number, ReactNode> = {
    1: [8, 20, 32, 44].map((x, i) => <circle key={x} cx={x + 4} cy={i % 2 ? 14 : 18} r="5" fill={fill} />),
    2: (
      <g fill={fill}>
        {[10, 18, 26, 34, 42].map((x) => (
          <circle key={x} cx={x} cy="16" r="6" />
        ))}
      </g>
    ),
    3: (
      <g>
        <rect x="4" y="10" width="48" height="12" rx="6" fill={fill} />
        <path d="M16 10v4M26 22v-4M36 10v4" stroke="var(--surface)" strokeWidth="2" />
      </g>
    ),
    4: <rect x="4" y="11" width="48" height="10" rx="5" fill={fill} />,
    5: (
      <g fill={fill}>
        <ellipse cx="12" cy="16" rx="8" ry="5" />
        <ellipse cx="29" cy="14" rx="7" ry="5" />
        <ellipse cx="45" cy="17" rx="7" ry="4" />
      </g>
    ),
    6: <path d="M4 18c4-8 8 2 12-4s8 6 12 0 8 4 12-2 6 6 12 2v6H4z" fill={fill} />,
    7: <path d="M2 20c6-4 10 4 16 0s10 4 16 0 10 4 16 0v6H2z" fill={fill} opacity="0.75" />,
  };
  return (
    <svg viewBox="0 0 56 32" width="56" height="32" aria-hidden="true" focusable="false">
      {shapes[type]}
    </svg>
  );
}

export function BristolPicker({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  const name = useId();
  const selected = BRISTOL_TYPES.find((t) => t.type === value);
  return (
    <fieldset className="bristol">
      <legend>Stool form (Bristol scale)</legend>
      <div className="bristol-grid">
        {BRISTOL_TYPES.map((t) => (
          <label key={t.type} className="bristol-option" title={t.description}>
            <input
              type="radio"
              name={name}
              value={t.type}
              checked={value === t.type}
              aria-label={`Type ${t.type}: ${t.description}`}
              onChange={() => onChange(t.type)}
              onClick={() => {
                if (value === t.type) onChange(undefined);
              }}
            />
            <span className="bristol-tile" aria-hidden="true">
              <BristolIcon type={t.type} />
              <span className="bristol-type">Type {t.type}</span>
              <span className="bristol-name">{t.name}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="muted small bristol-desc" aria-live="polite">
        {selected
          ? `Type ${selected.type}: ${selected.description}.`
          : 'Optional. Tap the picture closest to today’s.'}
      </p>
    </fieldset>
  );
}
