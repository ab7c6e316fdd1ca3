/**
 * The educational signals self-check and the red-flag questions, both from the first seed article
 * ("The Close Link Between Neurotransmitters and Mental Health", Ganda 2024). The signals are what
 * the article links to serotonin, dopamine, GABA and norepinephrine; answering them is a
 * reflection, never a diagnosis, because — in the article's own words — "These symptoms can have
 * many causes." The red flags are the article's "Red Flag Symptoms"; any one shows the support
 * screen.
 *
 * @example reflectOnSignals({ signal_excessive_worry: true }).systems[0].neurotransmitter // 'gaba'
 */
import { ValidationError } from '../errors.ts';
import type { EvidenceGrade } from '../knowledge/types.ts';

export type SignalSystem = 'serotonin' | 'dopamine' | 'gaba' | 'norepinephrine';

export interface Signal {
  /** Knowledge-graph signal node id. */
  id: string;
  label: string;
}

export interface SignalGroup {
  /** Knowledge-graph neurotransmitter node id. */
  neurotransmitter: SignalSystem;
  name: string;
  /**
   * The grade of the graph's signal → messenger edges (`signal--linked_to--messenger`), shown beside
   * every heading that names the messenger; the knowledge-link tests keep it equal to the graph's.
   */
  linkGrade: EvidenceGrade;
  signals: readonly Signal[];
}

export const SIGNAL_GROUPS: readonly SignalGroup[] = [
  {
    neurotransmitter: 'serotonin',
    linkGrade: 'speculative',
    name: 'Serotonin',
    signals: [
      { id: 'signal_sad_or_irritable_mood', label: 'Persistent sad or irritable moods' },
      { id: 'signal_sleep_changes', label: 'Changes in sleep patterns' },
      { id: 'signal_loss_of_interest', label: 'Loss of interest in activities you usually enjoy' },
      { id: 'signal_appetite_changes', label: 'Appetite changes' },
    ],
  },
  {
    neurotransmitter: 'dopamine',
    linkGrade: 'speculative',
    name: 'Dopamine',
    signals: [
      { id: 'signal_low_motivation', label: 'Difficulty feeling motivated' },
      { id: 'signal_focus_problems', label: 'Problems with focus and attention' },
      { id: 'signal_reduced_pleasure', label: 'Reduced pleasure in activities' },
      { id: 'signal_fatigue', label: 'Fatigue or low energy' },
    ],
  },
  {
    neurotransmitter: 'gaba',
    linkGrade: 'speculative',
    name: 'GABA',
    signals: [
      { id: 'signal_excessive_worry', label: 'Excessive worry or anxiety' },
      { id: 'signal_difficulty_relaxing', label: 'Difficulty relaxing or sleeping' },
      { id: 'signal_feeling_wired', label: 'Feeling “wired” or overstimulated' },
      { id: 'signal_muscle_tension', label: 'Muscle tension' },
    ],
  },
  {
    neurotransmitter: 'norepinephrine',
    linkGrade: 'speculative',
    name: 'Norepinephrine',
    signals: [
      { id: 'signal_difficulty_concentrating', label: 'Difficulty concentrating' },
      { id: 'signal_memory_problems', label: 'Problems with memory' },
      { id: 'signal_extreme_stress_response', label: 'Extreme stress responses' },
      { id: 'signal_overwhelmed', label: 'Feeling overwhelmed by daily activities' },
    ],
  },
];

/**
 * Every text of the signals check that names a messenger, with the graph edge it rests on — for the
 * knowledge-link test (`lintMessengerTexts`): a heading may say "the article links these to
 * serotonin" only while it shows the grade of that link.
 */
export function signalsMessengerTexts(): {
  where: string;
  text: string;
  evidence: { edge: string; grade: EvidenceGrade };
}[] {
  return SIGNAL_GROUPS.flatMap((g) =>
    g.signals.map((s) => ({
      where: `signals check ${g.neurotransmitter} · ${s.id}`,
      text: signalGroupHeading(g),
      evidence: { edge: `${s.id}--linked_to--${g.neurotransmitter}`, grade: g.linkGrade },
    })),
  );
}

/** "Signals the article links to serotonin" — the heading of a group of signals. */
export function signalGroupHeading(g: SignalGroup): string {
  return `Signals the article links to ${g.name}`;
}

export const SIGNAL_IDS: readonly string[] = SIGNAL_GROUPS.flatMap((g) => g.signals.map((s) => s.id));

/** The article's red-flag symptoms, asked as yes/no questions after the signals. */
export const RED_FLAGS = [
  { id: 'red_flag_self_harm', label: 'Thoughts of self-harm or suicide' },
  { id: 'red_flag_hopelessness', label: 'Persistent hopelessness lasting more than 2 weeks' },
  { id: 'red_flag_anxiety_daily_life', label: 'Severe anxiety interfering with daily activities' },
  { id: 'red_flag_mood_swings', label: 'Dramatic mood swings affecting relationships' },
  { id: 'red_flag_substance_use', label: 'Substance use to manage emotions' },
  { id: 'red_flag_eating_sleeping', label: 'Significant changes in eating or sleeping patterns' },
] as const;

export type RedFlagId = (typeof RED_FLAGS)[number]['id'];
export const RED_FLAG_IDS: readonly RedFlagId[] = RED_FLAGS.map((f) => f.id);

/** The article's caution, shown with every reflection. */
export const SIGNALS_CAUTION =
  'These symptoms can have many causes. If you’re experiencing persistent mental health challenges, it’s important to talk to a healthcare professional.';

export const SIGNALS_SOURCE = {
  title: 'The Close Link Between Neurotransmitters and Mental Health',
  author: 'Gurprit Ganda',
  published: '2024-07-26',
};

export interface SignalsAnswers {
  signals: string[];
  redFlags: RedFlagId[];
}

/**
 * Validates a signals check: `{ signal_id: boolean, …, red_flag_id: boolean }`. Every question is
 * answered (yes or no), so "not answered" can never be read as "no" for a red flag.
 */
export function parseSignalsAnswers(answers: unknown): SignalsAnswers {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new ValidationError('answers', 'answers must be an object of question → yes/no');
  }
  const given = answers as Record<string, unknown>;
  const known = new Set<string>([...SIGNAL_IDS, ...RED_FLAG_IDS]);
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      throw new ValidationError(
        `answers.${key}`,
        `answers.${key} is not a question of the signals check`,
        'unknown_field',
      );
    }
  }
  const read = (key: string): boolean => {
    const v = given[key];
    if (v === undefined || v === null) {
      throw new ValidationError(`answers.${key}`, `answers.${key} is required: answer yes or no`, 'required');
    }
    if (typeof v !== 'boolean')
      throw new ValidationError(`answers.${key}`, `answers.${key} must be true or false`);
    return v;
  };
  return {
    signals: SIGNAL_IDS.filter(read),
    redFlags: RED_FLAG_IDS.filter(read),
  };
}

export interface SystemTouched {
  neurotransmitter: SignalSystem;
  name: string;
  /** The signals of this system the person said yes to, in the article's order. */
  signals: Signal[];
}

/** Which systems the yes-answers touch, most signals first (ties keep the article's order). */
export function reflectOnSignals(signalIds: readonly string[]): { systems: SystemTouched[] } {
  const yes = new Set(signalIds);
  const systems = SIGNAL_GROUPS.map((g) => ({
    neurotransmitter: g.neurotransmitter,
    name: g.name,
    signals: g.signals.filter((s) => yes.has(s.id)),
  })).filter((s) => s.signals.length > 0);
  // Array.prototype.sort is stable, so equal counts keep the article's order.
  systems.sort((a, b) => b.signals.length - a.signals.length);
  return { systems };
}
