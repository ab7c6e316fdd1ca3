/**
 * What a support screen says, by the highest level among its triggers:
 * - urgent: the crisis screen — numbers first, then the kinds of professional help;
 * - professional: calm, a GP or mental-health professional first, the region's numbers below;
 * - diary: the gentle "Checking in on you" prompt, which may be put away once per episode.
 * Built from the triggers alone: no input can make it empty while a trigger stands.
 *
 * @example supportScreen([{ code: 'phq9_item9', level: 'urgent', message: '…' }], 'IE').region.emergency.number // '112 or 999'
 */
import type { SafetyTrigger } from './escalation.ts';
import { PROFESSIONAL_KINDS, type ProfessionalKind } from './professionals.ts';
import { type Region, type RegionId, regionById } from './regions.ts';

export type SupportKind = 'urgent' | 'professional' | 'diary';

export interface SupportScreen {
  kind: SupportKind;
  heading: string;
  intro: string;
  /** For the professional screen: the first step, above the numbers. */
  firstStep: string | null;
  triggers: SafetyTrigger[];
  region: Region;
  professionals: readonly ProfessionalKind[];
  /** Only the diary prompt can be put away (for 7 days, once per episode); the others are read. */
  dismissible: boolean;
}

const WORDS: Record<SupportKind, { heading: string; intro: string; firstStep: string | null }> = {
  urgent: {
    heading: 'You don’t have to handle this alone',
    intro:
      'If you might act on thoughts of harming yourself, or you are in danger now, call the emergency number. Otherwise, a crisis line is free, confidential and there to listen right now.',
    firstStep: null,
  },
  professional: {
    heading: 'It’s time to talk to a professional',
    intro:
      'Your answers suggest that things are weighing on you heavily right now. This is not a diagnosis, and it is not a crisis screen — it is a nudge to get support from someone trained to help.',
    firstStep:
      'Please book an appointment with your GP (family doctor) or a mental-health professional in the next few days, and show them these results if you like. If things get worse or you feel unsafe, the numbers below are there at any hour.',
  },
  diary: {
    heading: 'Checking in on you',
    intro:
      'It might help to talk to someone. A crisis line is there to listen any time, and a professional can help you find a way forward.',
    firstStep: null,
  },
};

export function supportScreen(
  triggers: readonly SafetyTrigger[],
  regionId: RegionId | null,
  options: { snoozeAvailable?: boolean } = {},
): SupportScreen {
  const shown = triggers.filter((t) => t.level !== 'mention');
  if (shown.length === 0) throw new Error('supportScreen needs at least one urgent or professional trigger');
  const kind: SupportKind = shown.some((t) => t.level === 'urgent')
    ? 'urgent'
    : shown.every((t) => t.code === 'low_mood_pattern')
      ? 'diary'
      : 'professional';
  return {
    kind,
    ...WORDS[kind],
    triggers: [...shown],
    region: regionById(regionId),
    professionals: PROFESSIONAL_KINDS,
    dismissible: kind === 'diary' && options.snoozeAvailable !== false,
  };
}
