/**
 * Escalation by severity: the one rule that decides what a questionnaire or signals-check result
 * raises. Pure and without options on purpose — no setting, flag or preference can switch a level
 * off. Screeners, recommendations, the clinician summary and the web all read it from here.
 *
 * - urgent — PHQ-9 item 9 above "Not at all", or a harm red flag in the signals check: the crisis
 *   screen comes first.
 * - professional — PHQ-9 ≥ 20, GAD-7 ≥ 15, WHO-5 ≤ 28 %, a PHQ-9 rise of 6 or more since the
 *   previous PHQ-9, or another red flag: a calm screen putting a GP or mental-health professional
 *   first, with the region's numbers below; self-help suggestions wait until it has been read.
 * - mention — PHQ-9 10–19, GAD-7 10–14, WHO-5 29–50 %: the result page says plainly that a
 *   professional can help and how to find one.
 * - none — minimal or mild results raise nothing, so the net does not cry wolf.
 *
 * @example escalate({ instrument: 'gad7', answers, score: 15 }).level // 'professional'
 */
import { RED_FLAGS, type RedFlagId } from '../screeners/signals.ts';

export type EscalationLevel = 'urgent' | 'professional' | 'mention' | 'none';

export type TriggerCode =
  | 'phq9_item9'
  | 'red_flag_harm'
  | 'red_flag'
  | 'phq9_severe'
  | 'gad7_severe'
  | 'who5_very_low'
  | 'phq9_rise'
  | 'low_mood_pattern'
  | 'phq9_moderate'
  | 'gad7_moderate'
  | 'who5_low';

export interface SafetyTrigger {
  code: TriggerCode;
  level: Exclude<EscalationLevel, 'none'>;
  /** Gentle, plain words saying why. */
  message: string;
  /** For red flags: which ones. */
  redFlags?: RedFlagId[];
}

export interface Escalation {
  level: EscalationLevel;
  triggers: SafetyTrigger[];
}

/** One result as the rule reads it. */
export interface ResultToEscalate {
  instrument: string;
  answers: Readonly<Record<string, number | boolean>>;
  /** The reported score (WHO-5: the percentage score); null for the signals check. */
  score: number | null;
}

export const PHQ9_ITEM9 = 'phq9_9';

/**
 * The thresholds and where each comes from. PHQ-9: Kroenke, Spitzer & Williams 2001
 * (doi:10.1046/j.1525-1497.2001.016009606.x) — 10 is the cut-point for major depression
 * (sensitivity and specificity 88 %), 20 the start of "severe". GAD-7: Spitzer et al. 2006
 * (doi:10.1001/archinte.166.10.1092) — 10 is the cut-point for further evaluation, 15 "severe".
 * WHO-5: Topp et al. 2015 (doi:10.1159/000376585) — ≤ 50 poor well-being (screen for
 * depression), ≤ 28 likely depression. PHQ-9 rise: Jacobson & Truax 1991
 * (doi:10.1037/0022-006X.59.1.12) reliable change, which for PHQ-9 the NHS Talking Therapies
 * (IAPT) manual applies as a change of 6 points or more.
 */
export const THRESHOLDS = {
  phq9Severe: 20,
  phq9Moderate: 10,
  gad7Severe: 15,
  gad7Moderate: 10,
  who5VeryLow: 28,
  who5Low: 50,
  phq9ReliableRise: 6,
} as const;

/** The signals-check red flag that is about harm; the others call for a professional, not a crisis line. */
export const HARM_RED_FLAGS: readonly RedFlagId[] = ['red_flag_self_harm'];

const LEVEL_ORDER: readonly EscalationLevel[] = ['urgent', 'professional', 'mention', 'none'];

/** The highest level among the triggers ('none' when there are none). */
export function levelOf(triggers: readonly SafetyTrigger[]): EscalationLevel {
  return LEVEL_ORDER.find((l) => triggers.some((t) => t.level === l)) ?? 'none';
}

function redFlagTriggers(answers: Readonly<Record<string, number | boolean>>): SafetyTrigger[] {
  const yes = RED_FLAGS.filter((f) => answers[f.id] === true);
  const harm = yes.filter((f) => HARM_RED_FLAGS.includes(f.id));
  const other = yes.filter((f) => !HARM_RED_FLAGS.includes(f.id));
  const out: SafetyTrigger[] = [];
  if (harm.length > 0) {
    out.push({
      code: 'red_flag_harm',
      level: 'urgent',
      message:
        'You said yes to thoughts of self-harm or suicide. You deserve support with this right now, and you don’t have to wait.',
      redFlags: harm.map((f) => f.id),
    });
  }
  if (other.length > 0) {
    out.push({
      code: 'red_flag',
      level: 'professional',
      message: `You said yes to ${other.map((f) => f.label.toLowerCase()).join('; ')}. These are signs that it’s time to talk with a professional — a GP or a mental-health professional can help.`,
      redFlags: other.map((f) => f.id),
    });
  }
  return out;
}

function phq9Triggers(
  answers: Readonly<Record<string, number | boolean>>,
  score: number,
  previousScore: number | null,
): SafetyTrigger[] {
  const out: SafetyTrigger[] = [];
  const item9 = answers[PHQ9_ITEM9];
  if (typeof item9 === 'number' && item9 > 0) {
    out.push({
      code: 'phq9_item9',
      level: 'urgent',
      message:
        'You said you have had thoughts that you would be better off dead or of hurting yourself. You deserve support with this, and you don’t have to wait.',
    });
  }
  if (score >= THRESHOLDS.phq9Severe) {
    out.push({
      code: 'phq9_severe',
      level: 'professional',
      message: `Your PHQ-9 total of ${score} is in the range the questionnaire’s authors call severe. That is a lot to carry, and a professional can help.`,
    });
  }
  if (previousScore !== null && score - previousScore >= THRESHOLDS.phq9ReliableRise) {
    out.push({
      code: 'phq9_rise',
      level: 'professional',
      message: `Your PHQ-9 total rose by ${score - previousScore} points since last time (from ${previousScore} to ${score}) — more than the questionnaire’s usual ups and downs.`,
    });
  }
  if (score >= THRESHOLDS.phq9Moderate && score < THRESHOLDS.phq9Severe) {
    out.push({
      code: 'phq9_moderate',
      level: 'mention',
      message: `A PHQ-9 total of ${score} is at or above 10, where the questionnaire’s authors suggest talking it through with a professional.`,
    });
  }
  return out;
}

function gad7Triggers(score: number): SafetyTrigger[] {
  if (score >= THRESHOLDS.gad7Severe) {
    return [
      {
        code: 'gad7_severe',
        level: 'professional',
        message: `Your GAD-7 total of ${score} is in the range the questionnaire’s authors call severe. Anxiety like this is treatable, and a professional can help.`,
      },
    ];
  }
  if (score >= THRESHOLDS.gad7Moderate) {
    return [
      {
        code: 'gad7_moderate',
        level: 'mention',
        message: `A GAD-7 total of ${score} is at or above 10, where the questionnaire’s authors suggest a closer look with a professional.`,
      },
    ];
  }
  return [];
}

function who5Triggers(score: number): SafetyTrigger[] {
  if (score <= THRESHOLDS.who5VeryLow) {
    return [
      {
        code: 'who5_very_low',
        level: 'professional',
        message: `A WHO-5 score of ${score} % is at or below 28 %, where the index’s authors recommend seeing a professional to look at how you are.`,
      },
    ];
  }
  if (score <= THRESHOLDS.who5Low) {
    return [
      {
        code: 'who5_low',
        level: 'mention',
        message: `A WHO-5 score of ${score} % is at or below 50 %, which the index’s authors call poor well-being — worth talking over with a professional.`,
      },
    ];
  }
  return [];
}

/**
 * The instruments whose individual answers `escalate` reads (PHQ-9 item 9, the signals' red flags);
 * the others are judged by their totals, so a reader of many results may skip their answers.
 */
export const ANSWERS_READ_FOR: readonly string[] = ['phq9', 'signals'];

/**
 * What one result raises. `previousPhq9` is the total of the person's PHQ-9 before this one (for
 * reliable change); it is ignored for the other instruments.
 */
export function escalate(result: ResultToEscalate, previousPhq9: number | null = null): Escalation {
  let triggers: SafetyTrigger[] = [];
  if (result.instrument === 'signals') triggers = redFlagTriggers(result.answers);
  else if (result.score !== null) {
    if (result.instrument === 'phq9') triggers = phq9Triggers(result.answers, result.score, previousPhq9);
    else if (result.instrument === 'gad7') triggers = gad7Triggers(result.score);
    else if (result.instrument === 'who5') triggers = who5Triggers(result.score);
  }
  return { level: levelOf(triggers), triggers };
}

/** The triggers that call for a support screen (urgent and professional), without the mentions. */
export function screenTriggers(triggers: readonly SafetyTrigger[]): SafetyTrigger[] {
  return triggers.filter((t) => t.level === 'urgent' || t.level === 'professional');
}

/** What a result page says under a "worth mentioning" result: plainly, and how to find one. */
export const PROFESSIONAL_CAN_HELP = {
  heading: 'A professional can help',
  text: 'Results like this are worth talking over with someone trained to help. Your GP (family doctor) is a good first step: they can look at the whole picture and refer you on. You can also contact a psychologist or counsellor directly.',
  findOne:
    'To find one: book an appointment with your GP or local health centre, or ask your health insurer or national health service for a list of mental-health professionals near you.',
} as const;

/** The card that stands above suggestions once a "talk to a professional" screen has been read. */
export const TALK_TO_A_PROFESSIONAL = {
  heading: 'Talk to a professional',
  text: 'Your recent results suggested seeing a GP or a mental-health professional. Everyday habits can help alongside that, not instead of it — the suggestions below are for the meantime.',
} as const;
