import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

describe.each(testEngines())('Learn and the quiz in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  const viewports =
    engine === 'sqlite'
      ? ([
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ] as const)
      : ([['phone', PHONE]] as const);
  for (const [viewport, size] of viewports) {
    it(`searches, opens a node, follows a DOI link and takes the quiz (${viewport})`, async () => {
      const shot = (name: string) =>
        engine === 'sqlite' ? screenshot(page, `${name}-${viewport}`) : Promise.resolve('');
      const context = await run.browser.newContext({ viewport: size });
      await context.route('https://doi.org/**', (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<title>doi.org</title><p>Resolved</p>',
        }),
      );
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
      await page.getByRole('heading', { name: 'Learn', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'The gut–brain axis' }).waitFor();
      await shot('learn');

      // How Insights reads a person's numbers, with the methods cited (folded until opened).
      const methods = page.locator('details.learn-methods');
      await methods.locator('summary').click();
      expect(await methods.textContent()).toMatch(/Bayley .* Hammersley .*Benjamini/s);
      expect(
        await methods
          .locator('a[href="https://doi.org/10.1175/1520-0442(1995)008%3C0336:TSCIAI%3E2.0.CO;2"]')
          .count(),
      ).toBe(1);
      await methods.locator('summary').click();

      await page.getByLabel('Search the knowledge graph').fill('butyrate');
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByRole('list', { name: 'Results for butyrate' });
      await results.waitFor();
      expect(await results.getByRole('listitem').count()).toBeGreaterThan(3);
      await shot('learn-search');
      await results.getByRole('link', { name: 'Butyrate', exact: true }).click();

      await page.getByRole('heading', { name: 'Butyrate', level: 1 }).waitFor();
      // The neighbourhood picture is drawn by the lazily loaded cytoscape chunk.
      await page.locator('.learn-graph-canvas canvas').first().waitFor();
      await expect(page.getByText('Faecalibacterium', { exact: true }).first().isVisible()).resolves.toBe(
        true,
      );
      await shot('learn-node');

      const study = page.getByRole('link', { name: 'doi:10.1038/s41575-019-0157-3' });
      expect(await study.getAttribute('href')).toBe('https://doi.org/10.1038/s41575-019-0157-3');
      const [popup] = await Promise.all([context.waitForEvent('page'), study.click()]);
      await popup.waitForLoadState();
      expect(popup.url()).toBe('https://doi.org/10.1038/s41575-019-0157-3');
      await popup.close();

      await page.goto(`${run.server.url}/learn`);
      await page.getByRole('link', { name: 'Take the quiz' }).click();
      await page.getByRole('heading', { name: 'Quiz', level: 1 }).waitFor();
      await page.getByText('No quizzes yet').waitFor();
      await page.getByRole('button', { name: 'Start the quiz' }).click();

      let right = 0;
      for (let i = 1; i <= 10; i += 1) {
        await page.getByText(`Question ${i} of 10`).waitFor();
        await page
          .locator('.quiz-option')
          .nth(i % 4)
          .click();
        await page.getByRole('button', { name: 'Check answer' }).click();
        const feedback = page.locator('.quiz-feedback');
        await feedback.waitFor();
        const verdict = (await feedback.locator('.notice').textContent()) ?? '';
        expect(verdict).toMatch(/^(Right\.|Not quite\.) .{20,}/);
        if (verdict.startsWith('Right.')) right += 1;
        const source = feedback.getByRole('link').first();
        expect(await source.getAttribute('href')).toMatch(/^https:\/\/doi\.org\/10\.\d{4,9}\//);
        if (i === 1) await shot('quiz-feedback');
        await page.getByRole('button', { name: i === 10 ? 'See my score' : 'Next question' }).click();
      }
      await expect(
        page.getByRole('status').filter({ hasText: 'You scored' }).textContent(),
      ).resolves.toContain(`You scored ${right} out of 10`);
      const history = page.locator('.quiz-history li');
      await history.first().waitFor();
      expect(await history.count()).toBe(1);
      expect(await history.first().textContent()).toContain(`${right} / 10`);
      await shot('quiz-history');
      await context.close();
    });
  }
});
