/**
 * An enrolment on the calendar: which dates are program days (paused dates are skipped, so a
 * pause moves the rest of the program later), which week each falls in, and the pause / resume /
 * leave transitions. Logged data is never touched by any of these: only the enrolment changes.
 *
 * @example programDays(challenge, { startDate: '2026-03-02', pauses: [], … }, '2026-03-04')
 * // → [{ date: '2026-03-02', day: 1, weekIndex: 0 }, { … day: 2 }, { … day: 3 }]
 */
import { addDays } from '../dates.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import type { Program } from './schema.ts';

export type EnrolmentStatus = 'active' | 'paused' | 'left';

export interface Pause {
  from: string;
  /** Last paused date; null while still paused. */
  to: string | null;
}

export interface Enrolment {
  id: string;
  programId: string;
  startDate: string;
  status: EnrolmentStatus;
  pauses: Pause[];
  /** The last date of a program that was left. */
  endedOn: string | null;
}

export interface ProgramDay {
  date: string;
  /** 1-based day of the program, counting only days not paused. */
  day: number;
  weekIndex: number;
}

/** Days in a fixed program (undefined for an open-ended one). */
export function programLength(p: Program): number | undefined {
  return p.openEnded ? undefined : p.weeks.reduce((s, w) => s + w.days, 0);
}

/** The 0-based week of program day `day`; open-ended programs repeat 7-day weeks after the last. */
export function weekIndexOfDay(p: Program, day: number): number {
  let end = 0;
  for (let i = 0; i < p.weeks.length; i++) {
    end += (p.weeks[i] as { days: number }).days;
    if (day <= end) return i;
  }
  if (!p.openEnded) return p.weeks.length - 1;
  return p.weeks.length - 1 + Math.ceil((day - end) / 7);
}

export function isPaused(e: Pick<Enrolment, 'pauses'>, date: string): boolean {
  return e.pauses.some((p) => date >= p.from && (p.to === null || date <= p.to));
}

/**
 * The program days from the start up to `horizon` (inclusive), skipping paused dates, stopping at
 * the program's length, at a pause still open, or at the date it was left.
 */
export function programDays(
  p: Program,
  e: Omit<Enrolment, 'id' | 'programId' | 'status'>,
  horizon: string,
): ProgramDay[] {
  const out: ProgramDay[] = [];
  const length = programLength(p);
  const last = e.endedOn && e.endedOn < horizon ? e.endedOn : horizon;
  let day = 0;
  // A year and a half of calendar at most: enough for any program, bounded for a bad horizon.
  for (let date = e.startDate, i = 0; date <= last && i < 550; date = addDays(date, 1), i++) {
    if (isPaused(e, date)) {
      if (e.pauses.some((x) => x.to === null && date >= x.from)) break;
      continue;
    }
    day += 1;
    if (length !== undefined && day > length) break;
    out.push({ date, day, weekIndex: weekIndexOfDay(p, day) });
  }
  return out;
}

/** Pauses from `date` on. */
export function pauseEnrolment(e: Enrolment, date: string): Enrolment {
  if (e.status !== 'active')
    throw new ConflictError(`This program is ${e.status}, so it cannot be paused.`, 'status');
  if (date < e.startDate) throw new ValidationError('date', 'cannot pause before the program starts');
  const last = e.pauses[e.pauses.length - 1];
  if (last?.to && date <= last.to) throw new ValidationError('date', 'overlaps an earlier pause');
  return { ...e, status: 'paused', pauses: [...e.pauses, { from: date, to: null }] };
}

/** Resumes on `date`: the pause ends the day before (a resume on the pause's first day cancels it). */
export function resumeEnrolment(e: Enrolment, date: string): Enrolment {
  if (e.status !== 'paused') throw new ConflictError('This program is not paused.', 'status');
  const open = e.pauses[e.pauses.length - 1] as Pause;
  const closed = e.pauses.slice(0, -1);
  if (date > open.from) closed.push({ from: open.from, to: addDays(date, -1) });
  return { ...e, status: 'active', pauses: closed };
}

/** Leaves the program on `date` (the last day that counts); a pause still open ends there too. */
export function leaveEnrolment(e: Enrolment, date: string): Enrolment {
  if (e.status === 'left') throw new ConflictError('This program was already left.', 'status');
  const endedOn = date < e.startDate ? addDays(e.startDate, -1) : date;
  // A pause that would begin after the last day no longer matters; one still open ends there.
  const pauses = e.pauses
    .filter((p) => p.from <= endedOn)
    .map((p) => (p.to === null ? { ...p, to: endedOn } : p));
  return { ...e, status: 'left', endedOn, pauses };
}
