import { describe, expect, it } from 'vitest';
import { GAD7, PHQ9, WHO5 } from './instruments.ts';

// Transcribed from the published forms (PHQ-9 and GAD-7 from Pfizer's PHQ screeners; WHO-5 1998
// version). The instruments' bands are only valid for this exact wording.
describe('instrument wording', () => {
  it('PHQ-9 items, answers and functional question match the Pfizer form', () => {
    expect(PHQ9.items.map((i) => i.text)).toEqual([
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    ]);
    expect(PHQ9.options.map((o) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
    expect(PHQ9.difficulty?.options.map((o) => o.label)).toEqual([
      'Not difficult at all',
      'Somewhat difficult',
      'Very difficult',
      'Extremely difficult',
    ]);
    expect(PHQ9.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `phq9_${n}`));
  });

  it('GAD-7 items match the published form', () => {
    expect(GAD7.items.map((i) => i.text)).toEqual([
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ]);
  });

  it('WHO-5 items match the 1998 version and cite Topp et al. 2015', () => {
    expect(WHO5.items.map((i) => i.text)).toEqual([
      'I have felt cheerful and in good spirits',
      'I have felt calm and relaxed',
      'I have felt active and vigorous',
      'I woke up feeling fresh and rested',
      'My daily life has been filled with things that interest me',
    ]);
    expect(WHO5.citation.doi).toBe('10.1159/000376585');
  });
});
