import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../screeners/scoring.ts';
import { ANSWERS_READ_FOR, escalate, levelOf, screenTriggers } from './escalation.ts';
import { previousPhq9Scores, safetyNow } from './now.ts';

/**
 * Answers that add up to `total`, filled item by item (each 0–3), with item 9 set apart: the real
 * scoring (scoreInstrument) then gives the score the rule reads.
 */
function phq9(total: number, item9 = 0) {
  let left = total - item9;
  const answers: Record<string, number> = { phq9_9: item9 };
  for (let i = 1; i <= 8; i++) {
    const v = Math.max(0, Math.min(3, left));
    answers[`phq9_${i}`] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`PHQ-9 total ${total} with item 9 = ${item9} is impossible`);
  return scoreInstrument('phq9', answers);
}
function gad7(total: number) {
  let left = total;
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 7; i++) {
    const v = Math.max(0, Math.min(3, left));
    answers[`gad7_${i}`] = v;
    left -= v;
  }
  return scoreInstrument('gad7', answers);
}
/** WHO-5 percentage = raw × 4 (the manual), so 28 % is raw 7 and 32 % is raw 8. */
function who5(raw: number) {
  let left = raw;
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 5; i++) {
    const v = Math.max(0, Math.min(5, left));
    answers[`who5_${i}`] = v;
    left -= v;
  }
  return scoreInstrument('who5', answers);
}
const codes = (e: { triggers: { code: string }[] }) => e.triggers.map((t) => t.code);

describe('PHQ-9', () => {
  it.each([
    [0, 'none'],
    [4, 'none'],
    [5, 'none'], // mild raises nothing
    [9, 'none'],
    [10, 'mention'],
    [14, 'mention'],
    [15, 'mention'], // "moderately severe" is still worth mentioning
    [19, 'mention'],
    [20, 'professional'],
    [24, 'professional'], // the most item 9 = 0 allows
  ])('total %i → %s', (total, level) => {
    const s = phq9(total);
    expect(s.score).toBe(total);
    expect(escalate(s).level).toBe(level);
  });

  it('item 9 above "Not at all" is urgent whatever the total, even 1', () => {
    for (const item9 of [1, 2, 3]) {
      const e = escalate(phq9(item9, item9));
      expect(e.level).toBe('urgent');
      expect(codes(e)).toEqual(['phq9_item9']);
    }
    const both = escalate(phq9(24, 3));
    expect(both.level).toBe('urgent');
    expect(codes(both)).toEqual(['phq9_item9', 'phq9_severe']);
  });

  it('a rise of 6 points since the previous PHQ-9 is reliable change; 5 is not', () => {
    expect(escalate(phq9(9), 4).level).toBe('none'); // +5, and 9 is mild
    const rise = escalate(phq9(10), 4); // +6
    expect(rise.level).toBe('professional');
    expect(codes(rise)).toEqual(['phq9_rise', 'phq9_moderate']);
    expect(rise.triggers[0]?.message).toContain('rose by 6 points');
    expect(escalate(phq9(12), 12).level).toBe('mention'); // no change
    expect(escalate(phq9(3), 15).level).toBe('none'); // a fall raises nothing
    expect(codes(escalate(phq9(15), 10))).toEqual(['phq9_moderate']); // +5
    expect(codes(escalate(phq9(16), 10))).toEqual(['phq9_rise', 'phq9_moderate']); // +6
  });

  it('the previous total matters only for PHQ-9', () => {
    expect(escalate(gad7(9), 0).level).toBe('none');
  });
});

describe('GAD-7', () => {
  it.each([
    [4, 'none'],
    [9, 'none'],
    [10, 'mention'],
    [14, 'mention'],
    [15, 'professional'],
    [21, 'professional'],
  ])('total %i → %s', (total, level) => {
    expect(escalate(gad7(total)).level).toBe(level);
  });
});

describe('WHO-5 (percentage score)', () => {
  it.each([
    [0, 0, 'professional'],
    [7, 28, 'professional'],
    [8, 32, 'mention'], // 29–31 % cannot occur: scores are multiples of 4
    [12, 48, 'mention'],
    [13, 52, 'none'],
    [25, 100, 'none'],
  ])('raw %i (%i %%) → %s', (raw, pct, level) => {
    const s = who5(raw);
    expect(s.score).toBe(pct);
    expect(escalate(s).level).toBe(level);
  });

  it('reads the boundaries 28/29 and 50/51 as the index’s authors draw them', () => {
    expect(escalate({ instrument: 'who5', answers: {}, score: 28 }).level).toBe('professional');
    expect(escalate({ instrument: 'who5', answers: {}, score: 29 }).level).toBe('mention');
    expect(escalate({ instrument: 'who5', answers: {}, score: 50 }).level).toBe('mention');
    expect(escalate({ instrument: 'who5', answers: {}, score: 51 }).level).toBe('none');
  });
});

describe('the signals check', () => {
  const flags = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, true]));

  it('gives only thoughts of self-harm the crisis heading', () => {
    const harm = escalate({ instrument: 'signals', answers: flags(['red_flag_self_harm']), score: null });
    expect(harm.level).toBe('urgent');
    expect(codes(harm)).toEqual(['red_flag_harm']);
  });

  it('sends changes in eating or sleeping, and the other red flags, to a professional instead', () => {
    const eating = escalate({
      instrument: 'signals',
      answers: flags(['red_flag_eating_sleeping']),
      score: null,
    });
    expect(eating.level).toBe('professional');
    expect(eating.triggers[0]?.message).toMatch(/talk with a professional/);
    expect(eating.triggers[0]?.message).not.toMatch(/crisis|suicide/i);
    const both = escalate({
      instrument: 'signals',
      answers: flags(['red_flag_self_harm', 'red_flag_substance_use', 'signal_fatigue']),
      score: null,
    });
    expect(both.level).toBe('urgent');
    expect(codes(both)).toEqual(['red_flag_harm', 'red_flag']);
    expect(both.triggers[1]?.redFlags).toEqual(['red_flag_substance_use']);
  });

  it('raises nothing for signals alone', () => {
    expect(escalate({ instrument: 'signals', answers: flags(['signal_fatigue']), score: null }).level).toBe(
      'none',
    );
  });
});

describe('the issue’s case: PHQ-9 24, GAD-7 21, WHO-5 0 % with item 9 = 0', () => {
  it('reaches professional help on every one of the three', () => {
    for (const s of [phq9(24), gad7(21), who5(0)]) expect(escalate(s).level).toBe('professional');
  });
});

describe('what stands now (safetyNow)', () => {
  const at = (i: number) => `2026-03-0${i}T10:00:00.000Z`;
  const result = (id: string, s: ReturnType<typeof gad7>, i: number, read: string | null = null) => ({
    id,
    instrument: s.instrument,
    answers: s.answers,
    score: s.score,
    date: `2026-03-0${i}`,
    createdAt: at(i),
    previousPhq9: null,
    supportReadAt: read,
  });
  const noDiary = { shown: [], pattern: [] };

  it('pauses suggestions for an unread professional screen, then shows them under the card once read', () => {
    const unread = safetyNow([result('a', gad7(16), 1)], noDiary);
    expect(unread.pausedBy.map((t) => t.code)).toEqual(['gad7_severe']);
    expect(unread.talkToProfessional).toBe(false);
    expect(unread.unreadResultIds).toEqual(['a']);
    const read = safetyNow([result('a', gad7(16), 1, at(2))], noDiary);
    expect(read.pausedBy).toEqual([]);
    expect(read.talkToProfessional).toBe(true);
    expect(read.screen.map((t) => t.code)).toEqual(['gad7_severe']);
  });

  it('keeps an urgent result pausing suggestions even when read', () => {
    const s = phq9(3, 1);
    const now = safetyNow([{ ...result('b', gad7(0), 1, at(2)), ...s, id: 'b' }], noDiary);
    expect(now.pausedBy.map((t) => t.code)).toEqual(['phq9_item9']);
  });

  it('raises nothing for mentions and mild results', () => {
    const now = safetyNow([result('c', gad7(12), 1), result('d', gad7(3), 2)], noDiary);
    expect(now).toEqual({ screen: [], pausedBy: [], talkToProfessional: false, unreadResultIds: [] });
  });

  it('keeps the diary pattern pausing suggestions while its prompt is put away', () => {
    const pattern = [{ code: 'low_mood_pattern', level: 'professional', message: 'm' }] as const;
    const now = safetyNow([], { shown: [], pattern: [...pattern] });
    expect(now.screen).toEqual([]);
    expect(now.pausedBy.map((t) => t.code)).toEqual(['low_mood_pattern']);
  });

  it('finds each PHQ-9’s previous total by creation time', () => {
    const rows = [
      { id: 'x', instrument: 'phq9', answers: {}, score: 8, date: '2026-03-01', createdAt: at(1) },
      { id: 'g', instrument: 'gad7', answers: {}, score: 3, date: '2026-03-02', createdAt: at(2) },
      { id: 'y', instrument: 'phq9', answers: {}, score: 15, date: '2026-03-03', createdAt: at(3) },
    ];
    expect(previousPhq9Scores(rows)).toEqual(
      new Map([
        ['x', null],
        ['y', 8],
      ]),
    );
  });
});

describe('levels', () => {
  it('orders urgent > professional > mention > none, and screens only the first two', () => {
    const t = (level: 'urgent' | 'professional' | 'mention') => ({
      code: 'red_flag' as const,
      level,
      message: '',
    });
    expect(levelOf([])).toBe('none');
    expect(levelOf([t('mention'), t('urgent')])).toBe('urgent');
    expect(levelOf([t('mention'), t('professional')])).toBe('professional');
    expect(screenTriggers([t('mention'), t('professional')]).map((x) => x.level)).toEqual(['professional']);
  });
});

describe('which answers the rules read', () => {
  it('judges GAD-7 and WHO-5 by their totals alone, so the caseload may leave their answers unread', () => {
    expect([...ANSWERS_READ_FOR].sort()).toEqual(['phq9', 'signals']);
    for (const total of [0, 9, 10, 15, 21]) {
      const r = gad7(total);
      expect(escalate({ instrument: 'gad7', answers: {}, score: r.score })).toEqual(
        escalate({ instrument: 'gad7', answers: r.answers, score: r.score }),
      );
    }
    const who5Answers: Record<string, number>[] = [
      {},
      { who5_1: 0, who5_2: 0, who5_3: 0, who5_4: 0, who5_5: 0 },
    ];
    for (const answers of who5Answers) {
      expect(escalate({ instrument: 'who5', answers, score: 0 })).toEqual(
        escalate({ instrument: 'who5', answers: {}, score: 0 }),
      );
    }
    // PHQ-9's item 9 is read from the answers: without them an urgent result would be missed.
    const withItem9 = phq9(3, 1);
    expect(escalate({ instrument: 'phq9', answers: withItem9.answers, score: withItem9.score }).level).toBe(
      'urgent',
    );
    expect(escalate({ instrument: 'phq9', answers: {}, score: withItem9.score }).level).not.toBe('urgent');
  });
});
