/**
 * A day's values from phones and wearables as two plain lines per export — the night's, then the
 * day's — and the apps and devices they came from. Read-only: a device's record stays as it was
 * imported; the person's own check-in for the day is where they change things (sleep, say), and it
 * counts first.
 */
import { Fragment, useMemo } from 'react';
import { type DeviceItem, type DeviceValue, deviceFormatter } from './device-values.ts';
import './days.css';

function DeviceLine({ items }: { items: readonly DeviceItem[] }) {
  if (items.length === 0) return null;
  return (
    <span className="device-line">
      {items.map((i, n) => (
        // The dot stays with the item before it (a no-break space), so a line breaks only after it.
        <Fragment key={i.measure}>
          {n > 0 && '\u00a0· '}
          <span className="device-item" title={`from ${i.from}`}>
            {i.text}
          </span>
        </Fragment>
      ))}
    </span>
  );
}

export function DeviceValues({ values }: { values: readonly DeviceValue[] }) {
  const format = useMemo(() => deviceFormatter(), []);
  return format.groups(values).map((g) => (
    <span key={g.source} className="device-values">
      <DeviceLine items={g.night} />
      <DeviceLine items={g.day} />
      <span className="device-from">{g.from}</span>
    </span>
  ));
}
