/**
 * What the support screen says: why it is showing, the crisis line and emergency number for the
 * person's region, and the kinds of professional help. Built from the triggers alone — there is no
 * input that can make it empty while a trigger stands.
 *
 * @example supportScreen([{ code: 'phq9_item9', message: '…' }], 'IE').region.emergency.number // '112 or 999'
 */
import type { SafetyTrigger } from '../screeners/safety.ts';
import { PROFESSIONAL_KINDS, type ProfessionalKind } from './professionals.ts';
import { type Region, type RegionId, regionById } from './regions.ts';

export interface SupportScreen {
  heading: string;
  intro: string;
  triggers: SafetyTrigger[];
  region: Region;
  professionals: readonly ProfessionalKind[];
  /** Only the diary prompt can be put away (for 7 days); the others are acknowledged. */
  dismissible: boolean;
}

export function supportScreen(
  triggers: readonly SafetyTrigger[],
  regionId: RegionId | string | null,
): SupportScreen {
  if (triggers.length === 0) throw new Error('supportScreen needs at least one trigger');
  const urgent = triggers.some((t) => t.code !== 'low_mood_pattern');
  return {
    heading: urgent ? 'You don’t have to handle this alone' : 'Checking in on you',
    intro: urgent
      ? 'If you might act on thoughts of harming yourself, or you are in danger now, call the emergency number. Otherwise, a crisis line is free, confidential and there to listen right now.'
      : 'It might help to talk to someone. A crisis line is there to listen any time, and a professional can help you find a way forward.',
    triggers: [...triggers],
    region: regionById(regionId),
    professionals: PROFESSIONAL_KINDS,
    dismissible: !urgent,
  };
}
