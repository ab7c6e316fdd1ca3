import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

interface ClaimRow {
  id: string;
  statement: string;
  verdict: string;
  verdictLabel: string;
  grade: string;
  references: { doi: string }[];
}

describe.each(testEngines())('"Where the articles go too far" in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  const looks =
    engine === 'sqlite'
      ? ([
          ['phone-light', PHONE, 'light'],
          ['phone-dark', PHONE, 'dark'],
          ['desktop-light', DESKTOP, 'light'],
          ['desktop-dark', DESKTOP, 'dark'],
        ] as const)
      : ([['phone-light', PHONE, 'light']] as const);

  for (const [look, viewport, colorScheme] of looks) {
    it(`lists every claim the evidence does not back, with verdict and papers, from Learn (${look})`, async () => {
      const context = await run.browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      // Public: no account needed to read what the articles get wrong.
      const { claims } = (await (await fetch(`${run.server.url}/api/knowledge/claims`)).json()) as {
        claims: ClaimRow[];
      };
      // Chosen here from the verdict and grade, independently of the page's own filter.
      const expected = claims.filter((c) => c.verdict === 'not_supported' || c.grade === 'speculative');
      expect(expected.map((c) => c.id)).toEqual(
        expect.arrayContaining([
          'claim_100_billion_messages',
          'claim_complex_carbs_serotonin',
          'claim_scfa_prevent_neurodegeneration',
          'claim_hydroxynorketamine_new_treatment',
          'claim_leaky_gut_inflammation',
          'claim_meditation_gaba',
        ]),
      );

      await page.goto(`${run.server.url}/learn`);
      await page.getByRole('heading', { name: 'Learn', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'where the articles go too far' }).click();
      await page.getByRole('heading', { name: 'Where the articles go too far', level: 1 }).waitFor();
      const cards = page
        .getByTestId('too-far')
        .getByRole('listitem')
        .filter({ has: page.locator('p') });
      await cards.first().waitFor();
      const cardTexts = await page.locator('.too-far-claim').allTextContents();
      expect(cardTexts).toHaveLength(expected.length);
      for (const [i, c] of expected.entries()) {
        const text = cardTexts[i] ?? '';
        expect(text).toContain(c.statement);
        expect(text).toContain(`${c.verdictLabel}.`);
        for (const r of c.references) expect(text).toContain(`doi:${r.doi}`);
      }
      // A claim the evidence supports never appears.
      const supported = claims.find((c) => c.id === 'claim_exercise_antidepressant');
      expect(cardTexts.join('\n')).not.toContain(supported?.statement ?? '—');
      if (engine === 'sqlite') await screenshot(page, `learn-too-far-${look}`);
      await context.close();
    });
  }
});
