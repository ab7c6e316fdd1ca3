/**
 * Sample questionnaires for the demo person: WHO-5, PHQ-9 and GAD-7 every 14 days (the app's
 * repeat interval), answered in line with the fortnight's check-ins, so the "questionnaire scores
 * beside mood" chart shows the two moving together. Sample data must never open a support screen
 * for someone who is only trying the app (core/safety/escalation.ts): PHQ-9 item 9 is always "Not
 * at all", GAD-7 items stay at most 2 (total ≤ 14), WHO-5 items at least 2 (≥ 40 %), and a PHQ-9
 * never rises 6 or more over the one before.
 *
 * @example demoQuestionnaires(generateDemoData({ seed: 1, endDate: '2026-03-31' }), 1)
 */
import { addDays } from '../dates.ts';
import { normalDraw, seededRandom } from '../insights/random.ts';
import type { DemoDataset } from './generate.ts';

export interface DemoQuestionnaire {
  date: string;
  instrument: 'who5' | 'phq9' | 'gad7';
  answers: Record<string, number>;
}

const EVERY_DAYS = 14;
const clampRound = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

function fortnightMean(values: Map<string, number>, date: string): number | undefined {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < EVERY_DAYS; i++) {
    const v = values.get(addDays(date, -i));
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : undefined;
}

export function demoQuestionnaires(data: DemoDataset, seed = 1): DemoQuestionnaire[] {
  const rand = seededRandom(seed ^ 0x5eed);
  const mood = new Map<string, number>();
  const stress = new Map<string, number>();
  for (const o of data.observations) {
    if (o.value === null) continue;
    if (o.measure === 'mood') mood.set(o.date, o.value);
    if (o.measure === 'stress') stress.set(o.date, o.value);
  }
  const mean = (xs: Iterable<number>) => {
    const a = [...xs];
    return a.reduce((t, x) => t + x, 0) / a.length;
  };
  // Answers follow how this fortnight compares with the person's usual mood and stress.
  const usualMood = mean(mood.values());
  const usualStress = mean(stress.values());
  const out: DemoQuestionnaire[] = [];
  let previousPhq9: number | null = null;
  for (let date = addDays(data.from, EVERY_DAYS - 1); date <= data.to; date = addDays(date, EVERY_DAYS)) {
    const m = fortnightMean(mood, date);
    const s = fortnightMean(stress, date);
    if (m === undefined || s === undefined) continue;
    // WHO-5 items 0–5 rise with mood; PHQ-9 items 0–3 fall with it; GAD-7 items 0–3 rise with stress.
    const dm = m - usualMood;
    const ds = s - usualStress;
    const who5: Record<string, number> = {};
    for (let i = 1; i <= 5; i++)
      who5[`who5_${i}`] = clampRound(3.4 + 1.8 * dm + 0.5 * normalDraw(rand), 2, 5);
    const phq9: Record<string, number> = { phq9_difficulty: clampRound(0.5 - dm, 0, 3) };
    for (let i = 1; i <= 8; i++)
      phq9[`phq9_${i}`] = clampRound(0.8 - 1.5 * dm + 0.4 * normalDraw(rand), 0, 3);
    phq9.phq9_9 = 0;
    const items = Array.from({ length: 8 }, (_, i) => `phq9_${i + 1}`);
    const total = () => items.reduce((t, k) => t + (phq9[k] ?? 0), 0);
    // Keep any rise under the reliable change of 6, lowering the highest answers first.
    while (previousPhq9 !== null && total() - previousPhq9 >= 6) {
      const top = items.reduce((a, b) => ((phq9[b] ?? 0) > (phq9[a] ?? 0) ? b : a));
      phq9[top] = (phq9[top] ?? 0) - 1;
    }
    previousPhq9 = total();
    const gad7: Record<string, number> = { gad7_difficulty: clampRound(0.5 + ds, 0, 3) };
    for (let i = 1; i <= 7; i++)
      gad7[`gad7_${i}`] = clampRound(0.8 + 1.5 * ds + 0.4 * normalDraw(rand), 0, 2);
    out.push(
      { date, instrument: 'who5', answers: who5 },
      { date, instrument: 'phq9', answers: phq9 },
      { date, instrument: 'gad7', answers: gad7 },
    );
  }
  return out;
}
