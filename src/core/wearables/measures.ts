/**
 * The measures a wearable or phone fills, one value per day (core/wearables/daily.ts). Sleep hours,
 * bedtime and wake time are the check-in's own measures, so a night from a watch and a night typed
 * by hand land in the same place (the person's own check-in counts first). Registering them here
 * makes them levers in Insights, rows in History and the weekly report, and Observations in FHIR.
 */
import { type Measure, registerMeasures } from '../tracking/measures.ts';

export const DEVICE_MEASURES = [
  {
    key: 'steps',
    label: 'Steps',
    kind: 'number',
    group: 'device',
    min: 0,
    max: 200_000,
    integer: true,
    unit: 'steps',
    higherIsBetter: true,
  },
  {
    key: 'time_in_bed_hours',
    label: 'Time in bed',
    kind: 'number',
    group: 'sleep',
    min: 0,
    max: 24,
    unit: 'hours',
  },
  {
    key: 'sleep_efficiency',
    label: 'Sleep efficiency',
    kind: 'number',
    group: 'sleep',
    min: 0,
    max: 100,
    unit: '%',
    higherIsBetter: true,
  },
  {
    key: 'deep_sleep_minutes',
    label: 'Deep sleep',
    kind: 'minutes',
    group: 'sleep',
    min: 0,
    max: 1440,
    unit: 'minutes',
  },
  {
    key: 'rem_sleep_minutes',
    label: 'REM sleep',
    kind: 'minutes',
    group: 'sleep',
    min: 0,
    max: 1440,
    unit: 'minutes',
  },
  {
    key: 'core_sleep_minutes',
    label: 'Core (light) sleep',
    kind: 'minutes',
    group: 'sleep',
    min: 0,
    max: 1440,
    unit: 'minutes',
  },
  {
    key: 'awake_minutes',
    label: 'Awake in the night',
    kind: 'minutes',
    group: 'sleep',
    min: 0,
    max: 1440,
    unit: 'minutes',
    higherIsBetter: false,
  },
  {
    key: 'resting_heart_rate',
    label: 'Resting heart rate',
    kind: 'number',
    group: 'device',
    min: 20,
    max: 250,
    unit: 'beats/min',
  },
  {
    key: 'hrv_sdnn',
    label: 'Heart-rate variability (SDNN)',
    kind: 'number',
    group: 'device',
    min: 0,
    max: 500,
    unit: 'ms',
  },
  {
    key: 'hrv_rmssd',
    label: 'Heart-rate variability (RMSSD)',
    kind: 'number',
    group: 'device',
    min: 0,
    max: 500,
    unit: 'ms',
  },
  {
    key: 'respiratory_rate',
    label: 'Breathing rate',
    kind: 'number',
    group: 'device',
    min: 3,
    max: 80,
    unit: 'breaths/min',
  },
  {
    key: 'mindful_minutes',
    label: 'Mindful minutes',
    kind: 'minutes',
    group: 'device',
    min: 0,
    max: 1440,
    unit: 'minutes',
    higherIsBetter: true,
  },
  {
    key: 'daylight_minutes',
    label: 'Time in daylight',
    kind: 'minutes',
    group: 'device',
    min: 0,
    max: 1440,
    unit: 'minutes',
    higherIsBetter: true,
  },
  {
    key: 'workout_minutes',
    label: 'Workouts',
    kind: 'minutes',
    group: 'device',
    min: 0,
    max: 1440,
    unit: 'minutes',
    higherIsBetter: true,
  },
] as const satisfies readonly Measure[];

export type DeviceMeasureKey =
  | (typeof DEVICE_MEASURES)[number]['key']
  | 'sleep_hours'
  | 'bedtime'
  | 'wake_time';

registerMeasures(DEVICE_MEASURES);
