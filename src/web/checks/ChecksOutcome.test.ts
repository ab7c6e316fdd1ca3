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
import { escalate, PROFESSIONAL_CAN_HELP, screenTriggers } from '../../core/safety/escalation.ts';
import { regionById } from '../../core/safety/regions.ts';
import { supportScreen } from '../../core/safety/support.ts';
import { scorePhq9 } from '../../core/screeners/scoring.ts';
import { SupportGate } from '../components/SupportScreen.tsx';
import { safetyKeys } from '../safety/queries.ts';
import Checks from './Checks.tsx';
import { ChecksOutcome } from './ChecksOutcome.tsx';
import { checkKeys, type OutcomeAnswer, type OverviewAnswer, type ScoreView } from './queries.ts';

// 1 + 6 × 3 + 0 + item 9: 19 (Moderately severe) when item 9 is 0.
const answers = (item9: number) =>
  Object.fromEntries([1, 3, 3, 3, 3, 3, 3, 0, item9].map((c, i) => [`phq9_${i + 1}`, c]));

/** What POST /api/screeners/phq9 answers, built from core exactly as the server does. */
function phq9Outcome(
  item9: number,
  region = 'GB',
  codes = answers(item9),
): OutcomeAnswer & { response: ScoreView } {
  const s = scorePhq9(codes);
  const escalation = escalate(s);
  const triggers = screenTriggers(escalation.triggers);
  return {
    support: triggers.length ? supportScreen(triggers, region) : null,
    response: {
      id: '0b7f7c1e-8d8e-4d38-9a51-6f1f0e0e0e0e',
      instrument: 'phq9',
      date: '2026-03-10',
      createdAt: '2026-03-10T12:00:00.000Z',
      answers: s.answers,
      safetyTriggered: triggers.length > 0,
      level: escalation.level,
      professionalNote: escalation.level === 'none' ? null : PROFESSIONAL_CAN_HELP,
      mentions: escalation.triggers.filter((t) => t.level === 'mention').map((t) => t.message),
      supportReadAt: null,
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

const GB = regionById('GB');
const AU = regionById('AU');
const US = regionById('US');

const render = (node: ReactNode, qc = new QueryClient()) =>
  renderToStaticMarkup(
    createElement(QueryClientProvider, { client: qc }, createElement(MemoryRouter, null, node)),
  );

describe('the support screen comes before any PHQ-9 result', () => {
  it.each([1, 2, 3])('item 9 = %i: the outcome shows the support screen and no score', (item9) => {
    const outcome = phq9Outcome(item9);
    const html = render(createElement(ChecksOutcome, { outcome }));
    expect(html).toContain('data-testid="support-screen"');
    expect(html).toContain(GB.crisisLines[0]?.number); // Samaritans, the GB crisis line
    expect(html).toContain(`tel:${GB.emergency.dial}`);
    expect(html).toContain('data-kind="urgent"');
    expect(html).not.toContain('data-testid="screener-result"');
    expect(html).not.toContain('Total score');
    expect(html).not.toContain(outcome.response.band?.label ?? '—');
  });

  it('item 9 = 0, total 19: the result is drawn at once, saying plainly that a professional can help', () => {
    const html = render(createElement(ChecksOutcome, { outcome: phq9Outcome(0) }));
    expect(html).not.toContain('data-testid="support-screen"');
    expect(html).toContain('data-testid="screener-result"');
    expect(html).toContain('Total score: 19');
    expect(html).toContain('Moderately severe');
    expect(html).toContain('not a diagnosis');
    expect(html).toContain('data-testid="professional-note"');
    expect(html).toContain('A professional can help');
    // The note comes after the score, not before it.
    expect(html.indexOf('screener-result')).toBeLessThan(html.indexOf('professional-note'));
  });

  it('a severe total with item 9 = 0 shows the calm professional screen first: GP first, numbers below', () => {
    const severe = Object.fromEntries([3, 3, 3, 3, 3, 3, 3, 1, 0].map((c, i) => [`phq9_${i + 1}`, c]));
    const outcome = phq9Outcome(0, 'GB', severe);
    expect(outcome.response.score).toBe(22);
    const html = render(createElement(ChecksOutcome, { outcome }));
    expect(html).toContain('data-kind="professional"');
    expect(html).toContain('It’s time to talk to a professional');
    expect(html).not.toContain('data-testid="screener-result"');
    expect(html.indexOf('GP (family doctor)')).toBeLessThan(html.indexOf(`tel:${GB.emergency.dial}`));
    expect(html).toContain(GB.crisisLines[0]?.number);
  });

  it('a mild result raises nothing at all', () => {
    const mild = Object.fromEntries([1, 1, 1, 1, 1, 1, 0, 0, 0].map((c, i) => [`phq9_${i + 1}`, c]));
    const html = render(createElement(ChecksOutcome, { outcome: phq9Outcome(0, 'GB', mild) }));
    expect(html).toContain('Total score: 6');
    expect(html).not.toContain('professional-note');
    expect(html).not.toContain('support-screen');
  });

  it('the gate has no way around it: children are absent while support stands', () => {
    const support = supportScreen([{ code: 'phq9_item9', level: 'urgent', message: 'm' }], 'US');
    const html = render(
      createElement(
        SupportGate,
        { support } as Parameters<typeof SupportGate>[0],
        createElement('p', null, 'SCORE-27'),
      ),
    );
    expect(html).not.toContain('SCORE-27');
    expect(html).toContain(US.crisisLines[0]?.number);
  });

  it('the Checks page keeps scores behind the support screen while a recent trigger stands', () => {
    const outcome = phq9Outcome(2, 'AU');
    const overview: OverviewAnswer = {
      support: outcome.support,
      unreadResultIds: [],
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
    qc.setQueryData(checkKeys.overview(), overview);
    qc.setQueryData(safetyKeys.status, {
      support: null,
      region: { id: 'AU', source: 'locale' },
      snoozedUntil: null,
    });
    const html = render(createElement(Checks), qc);
    expect(html).toContain('data-testid="support-screen"');
    expect(html).toContain(AU.crisisLines[0]?.number); // Lifeline
    expect(html).not.toContain('21 · Severe');
    expect(html).not.toContain('Your results');

    qc.setQueryData(checkKeys.overview(), { ...overview, support: null });
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
        // (`./queries.ts` counts only where its queries read questionnaires: every capability has one now.)
        const readsScreeners =
          /checks\/queries|core\/screeners\/|contract\/screeners|contract\/clinics|contract\/clinician/.test(
            text,
          ) ||
          (/\/(checks|clinics|clinician)\//.test(p) && text.includes("'./queries.ts'"));
        if (readsScreeners && /\.score\b/.test(text)) files.push(p);
      }
    };
    walk('src/web');
    expect(files.sort()).toEqual([
      'src/web/checks/Checks.tsx',
      'src/web/checks/ChecksChart.tsx',
      'src/web/checks/ChecksOutcome.tsx',
      // Clinician-facing pages (a clinic's caseload and person page, a shared summary): scores a
      // clinician reads, never a person's own new result, so no support screen belongs before them.
      'src/web/clinician/Clinician.tsx',
      'src/web/clinics/ScaleCell.tsx',
      'src/web/clinics/Trajectories.tsx',
      // Questionnaires beside mood (Insights). Its hand-written answer type hid it from this scan
      // until the typed client; it draws past scores as a chart, not a new result.
      'src/web/insights/InsightsHabitCharts.tsx',
    ]);
  });
});
