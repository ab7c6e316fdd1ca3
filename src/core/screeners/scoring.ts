/**
 * Scoring the questionnaires exactly as their manuals say: every item answered, each answer one
 * of the printed codes, the total the plain sum (WHO-5: the raw sum × 4). Incomplete or
 * out-of-range answers are refused naming the item (`answers.phq9_3`), never guessed.
 *
 * @example
 * scoreInstrument('phq9', { phq9_1: 1, phq9_2: 2, …, phq9_9: 0 }).band.label // 'Moderate'
 */
import { ValidationError } from '../errors.ts';
import { type Band, INSTRUMENTS, type Instrument, type InstrumentId } from './instruments.ts';

export type Answers = Readonly<Record<string, unknown>>;

export interface ScreenerScore {
  instrument: InstrumentId;
  /** The item answers as validated, plus the difficulty answer when given. */
  answers: Record<string, number>;
  /** The sum of the item codes (PHQ-9 0–27, GAD-7 0–21, WHO-5 0–25). */
  raw: number;
  /** The score the bands apply to: the total, or for WHO-5 the percentage score (raw × 4). */
  score: number;
  band: Band;
  /** PHQ-9/GAD-7 functional-difficulty answer (0–3), not part of the score. */
  difficulty: number | null;
}

/** The band a reported score falls in; throws when the score is outside the instrument's range. */
export function bandFor(instrument: Instrument, score: number): Band {
  const band = instrument.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`${instrument.shortName} score out of range: ${score}`);
  return band;
}

function readCode(answers: Answers, key: string, allowed: readonly number[]): number {
  const field = `answers.${key}`;
  const value = answers[key];
  if (value === undefined || value === null) {
    throw new ValidationError(field, `${field} is required: answer every question`, 'required');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || !allowed.includes(value)) {
    const lo = Math.min(...allowed);
    const hi = Math.max(...allowed);
    throw new ValidationError(field, `${field} must be a whole number from ${lo} to ${hi}`);
  }
  return value;
}

/**
 * Validates and scores one filled-in questionnaire. Unknown keys are refused too, so a typo
 * can't silently drop an answer.
 */
export function scoreInstrument(id: InstrumentId, answers: Answers): ScreenerScore {
  const instrument = INSTRUMENTS[id];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new ValidationError('answers', 'answers must be an object of item → answer');
  }
  const known = new Set(instrument.items.map((i) => i.id));
  if (instrument.difficulty) known.add(instrument.difficulty.id);
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      throw new ValidationError(
        `answers.${key}`,
        `answers.${key} is not a question of ${instrument.shortName}`,
        'unknown_field',
      );
    }
  }
  const codes = instrument.options.map((o) => o.value);
  const validated: Record<string, number> = {};
  let raw = 0;
  for (const item of instrument.items) {
    const code = readCode(answers, item.id, codes);
    validated[item.id] = code;
    raw += code;
  }
  let difficulty: number | null = null;
  const d = instrument.difficulty;
  if (d && answers[d.id] !== undefined && answers[d.id] !== null) {
    difficulty = readCode(
      answers,
      d.id,
      d.options.map((o) => o.value),
    );
    validated[d.id] = difficulty;
  }
  // WHO-5 manual: "To obtain a percentage score ranging from 0 to 100, the raw score is multiplied by 4."
  const score = id === 'who5' ? raw * 4 : raw;
  return { instrument: id, answers: validated, raw, score, band: bandFor(instrument, score), difficulty };
}

export const scorePhq9 = (answers: Answers) => scoreInstrument('phq9', answers);
export const scoreGad7 = (answers: Answers) => scoreInstrument('gad7', answers);
export const scoreWho5 = (answers: Answers) => scoreInstrument('who5', answers);

export interface Who5Change {
  /** Percentage points, later minus earlier. */
  change: number;
  /** |change| ≥ 10 points (Topp et al. 2015, doi:10.1159/000376585). */
  meaningful: boolean;
  direction: 'better' | 'worse' | 'same';
}

/** The change between two WHO-5 percentage scores and whether it counts as meaningful. */
export function who5Change(earlier: number, later: number): Who5Change {
  const change = later - earlier;
  return {
    change,
    meaningful: Math.abs(change) >= 10,
    direction: change > 0 ? 'better' : change < 0 ? 'worse' : 'same',
  };
}
