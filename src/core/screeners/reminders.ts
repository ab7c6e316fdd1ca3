/**
 * The two-weekly reminder: the questionnaires ask about "the last 2 weeks", so repeating them every
 * 14 days gives a continuous picture without overlap.
 *
 * @example repeatReminders({ phq9: '2026-03-01' }, '2026-03-15') // → [{ instrument: 'phq9', due: '2026-03-15', … }]
 */
import { addDays, daysBetween } from '../dates.ts';
import { INSTRUMENT_IDS, type InstrumentId } from './instruments.ts';

export const REPEAT_EVERY_DAYS = 14;

export interface RepeatReminder {
  instrument: InstrumentId;
  lastDate: string;
  due: string;
  daysSince: number;
}

/** Questionnaires taken before and last taken 14 or more days ago, most overdue first. */
export function repeatReminders(
  lastDates: Readonly<Partial<Record<string, string>>>,
  today: string,
): RepeatReminder[] {
  const out: RepeatReminder[] = [];
  for (const instrument of INSTRUMENT_IDS) {
    const lastDate = lastDates[instrument];
    if (!lastDate) continue;
    const daysSince = daysBetween(lastDate, today);
    if (daysSince >= REPEAT_EVERY_DAYS) {
      out.push({ instrument, lastDate, due: addDays(lastDate, REPEAT_EVERY_DAYS), daysSince });
    }
  }
  return out.sort((a, b) => b.daysSince - a.daysSince);
}
