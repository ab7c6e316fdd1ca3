/**
 * A day's device values in plain words for History: "8,412 steps", "Resting heart rate 58 bpm",
 * "HRV 45 ms (SDNN)", numbers and times in the person's own format, grouped by the export they came
 * from (the night's values, then the day's) and naming the apps and devices behind them ("from
 * Ana’s Apple Watch and Ana’s iPhone").
 */
import type { listCheckins } from '../../contract/checkins.ts';
import type { OutputOf } from '../../contract/endpoint.ts';

export type DeviceValue = NonNullable<OutputOf<typeof listCheckins>['days'][number]['devices']>[number];

export interface DeviceItem {
  measure: string;
  text: string;
  /** The apps or devices this one value came from. */
  from: string;
}

/** One export's values of a day: the night's and the day's, each a line of items. */
export interface DeviceGroup {
  source: string;
  /** "from Ana’s Apple Watch and Ana’s iPhone (Apple Health)". */
  from: string;
  night: DeviceItem[];
  day: DeviceItem[];
}

/** The night's measures (the night that ended the day's morning), in the order they are read. */
const NIGHT_ORDER = [
  'sleep_hours',
  'bedtime',
  'wake_time',
  'time_in_bed_hours',
  'sleep_efficiency',
  'deep_sleep_minutes',
  'rem_sleep_minutes',
  'core_sleep_minutes',
  'awake_minutes',
];
/** Then the day's: activity, then heart and breathing. */
const DAY_ORDER = [
  'steps',
  'workout_minutes',
  'daylight_minutes',
  'mindful_minutes',
  'resting_heart_rate',
  'hrv_sdnn',
  'hrv_rmssd',
  'respiratory_rate',
];
const ORDER = [...NIGHT_ORDER, ...DAY_ORDER];
const NIGHT = new Set(NIGHT_ORDER);

export interface DeviceFormat {
  /** A BCP 47 language tag; undefined means the browser's. */
  locale?: string;
}

/**
 * Words for device values in one locale (the browser's unless given).
 * @example deviceFormatter({ locale: 'en-GB' }).groups(day.devices)[0].day[0].text // '8,412 steps'
 */
export function deviceFormatter({ locale }: DeviceFormat = {}) {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tenth = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const time = (minutes: number) => clock.format(new Date(Date.UTC(2000, 0, 1, 0, Math.round(minutes))));
  const duration = (minutes: number) => {
    const m = Math.round(minutes);
    if (m < 60) return `${whole.format(m)} min`;
    const rest = m % 60;
    return rest === 0
      ? `${whole.format(m / 60)} h`
      : `${whole.format(Math.floor(m / 60))} h ${whole.format(rest)} min`;
  };

  /** One value's words; undefined for a wake time shown with its bedtime. */
  function text(v: DeviceValue, day: readonly DeviceValue[]): string | undefined {
    const n = v.value;
    switch (v.measure) {
      case 'steps':
        return `${whole.format(n)} ${n === 1 ? 'step' : 'steps'}`;
      case 'sleep_hours':
        return `Sleep ${tenth.format(n)} h`;
      case 'bedtime': {
        const wake = day.find((w) => w.measure === 'wake_time' && w.source === v.source);
        return wake ? `${time(n)} – ${time(wake.value)}` : `Bedtime ${time(n)}`;
      }
      case 'wake_time':
        return day.some((b) => b.measure === 'bedtime' && b.source === v.source)
          ? undefined
          : `Woke ${time(n)}`;
      case 'time_in_bed_hours':
        return `In bed ${tenth.format(n)} h`;
      case 'sleep_efficiency':
        return `Efficiency ${percent.format(n / 100)}`;
      case 'deep_sleep_minutes':
        return `Deep ${duration(n)}`;
      case 'rem_sleep_minutes':
        return `REM ${duration(n)}`;
      case 'core_sleep_minutes':
        return `Light ${duration(n)}`; // Apple's "Core" stage (the measure's label: "Core (light) sleep")
      case 'awake_minutes':
        return `Awake ${duration(n)}`;
      case 'resting_heart_rate':
        return `Resting heart rate ${whole.format(n)} bpm`;
      case 'hrv_sdnn':
        return `HRV ${whole.format(n)} ms (SDNN)`;
      case 'hrv_rmssd':
        return `HRV ${whole.format(n)} ms (RMSSD)`;
      case 'respiratory_rate':
        return `Breathing ${tenth.format(n)}/min`;
      case 'daylight_minutes':
        return `Daylight ${duration(n)}`;
      case 'mindful_minutes':
        return `Mindful ${duration(n)}`;
      case 'workout_minutes':
        return `Workouts ${duration(n)}`;
      default:
        // A measure added later: its own label and unit, as the server names them.
        return `${v.label} ${tenth.format(n)}${v.unit ? ` ${v.unit}` : ''}`;
    }
  }

  const names = (v: Pick<DeviceValue, 'origins' | 'sourceName'>) =>
    v.origins.length > 0 ? list.format(v.origins) : v.sourceName;

  /** The day's values by export, in the order of ORDER, each export naming its apps and devices. */
  function groups(day: readonly DeviceValue[]): DeviceGroup[] {
    const rank = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length);
    const bySource = new Map<string, DeviceValue[]>();
    for (const v of day) bySource.set(v.source, [...(bySource.get(v.source) ?? []), v]);
    return [...bySource.entries()].map(([source, values]) => {
      const sorted = [...values].sort((a, b) => rank(a.measure) - rank(b.measure));
      const origins = [...new Set(sorted.flatMap((v) => v.origins))];
      const sourceName = sorted[0]?.sourceName ?? source;
      const who = names({ origins, sourceName });
      const items = sorted.flatMap((v) => {
        const words = text(v, values);
        return words === undefined ? [] : [{ measure: v.measure, text: words, from: names(v) }];
      });
      return {
        source,
        from: who === sourceName ? `from ${sourceName}` : `from ${who} (${sourceName})`,
        night: items.filter((i) => NIGHT.has(i.measure)),
        day: items.filter((i) => !NIGHT.has(i.measure)),
      };
    });
  }

  return { groups, time, duration };
}
