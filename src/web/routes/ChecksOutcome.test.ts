/**
 * No code path draws a PHQ-9 result before the support screen when item 9 is above 0. The web
 * draws scores in exactly three files (checked below by a scan of src/web), and each is rendered
 * here with a trigger: the support screen is in the markup and the score is not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { supportScreen } from '../../core/safety/support.ts';
import { safetyTriggersForScreener } from '../../core/screeners/safety.ts';
import { scorePhq9 } from '../../core/screeners/scoring.ts';
import { SupportGate } from '../components/SupportScreen.tsx';
import Checks from './Checks.tsx';
import { KEYS, type OutcomeAnswer, type OverviewAnswer } from './ChecksApi.ts';
import { ChecksOutcome } from './ChecksOutcome.tsx';

// 1 + 6 × 3 + 0 + item 9: 19 (Moderately severe) when item 9 is 0.
const answers = (item9: number) =>
  Object.fromEntries([1, 3, 3, 3, 3, 3, 3, 0, item9].map((c, i) => [`phq9_${i + 1}`, c]));

/** What POST /api/screeners/phq9 answers, built from core exactly as the server does. */
function phq9Outcome(item9: number, region = 'GB'): OutcomeAnswer {
  const s = scorePhq9(answers(item9));
  const triggers = safetyTriggersForScreener('phq9', s.answers);
  return {
    support: triggers.length ? supportScreen(triggers, region) : null,
    response: {
      id: '0b7f7c1e-8d8e-4d38-9a51-6f1f0e0e0e0e',
      instrument: 'phq9',
      date: '2026-03-10',
      createdAt: '2026-03-10T12:00:00.000Z',
      answers: s.answers,
      safetyTriggered: triggers.length > 0,
      notADiagnosis: 'This is a screening score, not a diagnosis.',
      raw: s.raw,
      score: s.score,
      scoreLabel: 'Total score',
      band: s.band,
      difficulty: null,
      change: null,
    },
  };
}

const render = (node: ReactNode, qc = new QueryClient()) =>
  renderToStaticMarkup(
    createElement(QueryClientProvider, { client: qc }, createElement(MemoryRouter, null, node)),
  );

describe('the support screen comes before any PHQ-9 result', () => {
  it.each([1, 2, 3])('item 9 = %i: the outcome shows the support screen and no score', (item9) => {
    const outcome = phq9Outcome(item9);
    const html = render(createElement(ChecksOutcome, { outcome }));
    expect(html).toContain('data-testid="support-screen"');
    expect(html).toContain('116 123'); // Samaritans, the GB crisis line
    expect(html).toContain('tel:999');
    expect(html).not.toContain('data-testid="screener-result"');
    expect(html).not.toContain('Total score');
    expect(html).not.toContain(outcome.response.band?.label ?? '—');
  });

  it('item 9 = 0: the result is drawn at once, with the not-a-diagnosis line', () => {
    const html = render(createElement(ChecksOutcome, { outcome: phq9Outcome(0) }));
    expect(html).not.toContain('data-testid="support-screen"');
    expect(html).toContain('data-testid="screener-result"');
    expect(html).toContain('Total score: 19');
    expect(html).toContain('Moderately severe');
    expect(html).toContain('not a diagnosis');
  });

  it('the gate has no way around it: children are absent while support stands', () => {
    const support = supportScreen([{ code: 'phq9_item9', message: 'm' }], 'US');
    const html = render(
      createElement(
        SupportGate,
        { support } as Parameters<typeof SupportGate>[0],
        createElement('p', null, 'SCORE-27'),
      ),
    );
    expect(html).not.toContain('SCORE-27');
    expect(html).toContain('988');
  });

  it('the Checks page keeps scores behind the support screen while a recent trigger stands', () => {
    const outcome = phq9Outcome(2, 'AU');
    const overview: OverviewAnswer = {
      support: outcome.support,
      today: '2026-03-10',
      scores: [
        {
          id: outcome.response.id,
          instrument: 'phq9',
          date: '2026-03-10',
          score: 21,
          band: 'severe',
          safetyTriggered: true,
        },
      ],
      mood: [],
      reminders: [],
    };
    const qc = new QueryClient();
    qc.setQueryData(KEYS.overview, overview);
    qc.setQueryData(KEYS.status, {
      support: null,
      region: { id: 'AU', source: 'locale' },
      snoozedUntil: null,
    });
    const html = render(createElement(Checks), qc);
    expect(html).toContain('data-testid="support-screen"');
    expect(html).toContain('13 11 14'); // Lifeline
    expect(html).not.toContain('21 · Severe');
    expect(html).not.toContain('Your results');

    qc.setQueryData(KEYS.overview, { ...overview, support: null });
    expect(render(createElement(Checks), qc)).toContain('21 · Severe');
  });

  it('only these files draw a questionnaire score in the web app', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) {
          walk(p);
          continue;
        }
        if (!f.endsWith('.tsx')) continue;
        const text = readFileSync(p, 'utf8');
        // Anything that reads screener answers and touches a `.score`.
        if (/ChecksApi|core\/screeners\//.test(text) && /\.score\b/.test(text)) files.push(p);
      }
    };
    walk('src/web');
    expect(files.sort()).toEqual([
      'src/web/routes/Checks.tsx',
      'src/web/routes/ChecksChart.tsx',
      'src/web/routes/ChecksOutcome.tsx',
    ]);
  });
});
