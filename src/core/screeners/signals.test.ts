import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseSignalsAnswers, RED_FLAG_IDS, reflectOnSignals, SIGNAL_GROUPS, SIGNAL_IDS } from './signals.ts';

const allNo = () => Object.fromEntries([...SIGNAL_IDS, ...RED_FLAG_IDS].map((id) => [id, false]));

describe('the signals self-check', () => {
  it('has the article’s four groups of four signals, with the shared node ids', () => {
    expect(SIGNAL_GROUPS.map((g) => g.neurotransmitter)).toEqual([
      'serotonin',
      'dopamine',
      'gaba',
      'norepinephrine',
    ]);
    expect(SIGNAL_GROUPS.map((g) => g.signals.length)).toEqual([4, 4, 4, 4]);
    expect(SIGNAL_GROUPS[2]?.signals.map((s) => s.id)).toEqual([
      'signal_excessive_worry',
      'signal_difficulty_relaxing',
      'signal_feeling_wired',
      'signal_muscle_tension',
    ]);
    expect(RED_FLAG_IDS).toHaveLength(6);
  });

  it('requires a yes or no for every question, so a skipped red flag never reads as "no"', () => {
    const a = allNo();
    delete a.red_flag_self_harm;
    try {
      parseSignalsAnswers(a);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('answers.red_flag_self_harm');
    }
    expect(() => parseSignalsAnswers({ ...allNo(), signal_fatigue: 'yes' })).toThrow(/true or false/);
    expect(() => parseSignalsAnswers({ ...allNo(), signal_made_up: true })).toThrow(/not a question/);
  });

  it('reports which systems the yes-answers touch, most first, ties in the article’s order', () => {
    const parsed = parseSignalsAnswers({
      ...allNo(),
      signal_fatigue: true,
      signal_excessive_worry: true,
      signal_muscle_tension: true,
      signal_sleep_changes: true,
      red_flag_eating_sleeping: true,
    });
    expect(parsed.redFlags).toEqual(['red_flag_eating_sleeping']);
    const r = reflectOnSignals(parsed.signals);
    expect(r.systems.map((s) => [s.neurotransmitter, s.signals.length])).toEqual([
      ['gaba', 2],
      ['serotonin', 1],
      ['dopamine', 1],
    ]);
    expect(reflectOnSignals([]).systems).toEqual([]);
  });
});
