/**
 * Search that finds what was meant and words a person knows (issue 18): food search lists name
 * matches and stops before unrelated foods; Learn forgives a typo; the microbiome page says what
 * its numbers mean before units and tool names (those sit under "Details"); the CSV list names each
 * kind of data in words, with "1 row" not "1 rows". Phone and desktop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';
import { pageApi } from '../support/page-api.ts';

const metaphlan = readFileSync(
  join(import.meta.dirname, '../../src/core/microbiome/fixtures/metaphlan4_rel_ab_w_read_stats.tsv'),
);

describe.each(testEngines())('search and words on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`food search ranks names first and cuts off unrelated foods; Learn forgives "kimchee" (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      await page.goto(`${run.server.url}/log`);
      const search = page.getByLabel('Find a food');
      const results = page.getByRole('list', { name: 'Search results' }).getByRole('button');

      await search.fill('kefir');
      await expect.poll(() => results.allTextContents()).toEqual(['Kefirfermented', 'Water kefirfermented']);
      await search.fill('oats');
      await expect.poll(async () => (await results.allTextContents())[0]).toBe('Oats or porridge');
      expect(await results.allTextContents()).not.toContain('Dried apricots');

      await page.goto(`${run.server.url}/learn`);
      await page.getByLabel('Search the knowledge graph').fill('kimchee');
      await page.getByRole('button', { name: 'Search' }).click();
      const found = page.getByRole('list', { name: 'Results for kimchee' });
      await found.waitFor();
      expect(await found.getByRole('link', { name: 'Kimchi', exact: true }).count()).toBe(1);
      await context.close();
    });

    it(`microbiome numbers lead with their meaning; the CSV list speaks plainly (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      await page.goto(`${run.server.url}/microbiome`);
      await page.getByLabel('Report file').setInputFiles({
        name: 'profile.tsv',
        mimeType: 'application/octet-stream',
        buffer: metaphlan,
      });
      await page.getByRole('button', { name: 'Upload and analyse' }).click();
      await page.getByRole('heading', { name: /^Sample of/ }).waitFor();
      const diversity = page.getByRole('region', { name: 'Diversity' });
      // The lead says what was found, in words.
      expect(await diversity.locator('.microbiome-lead').textContent()).toMatch(
        /^Your report found \d+ different kinds of microbes/,
      );
      // Units and tool names are out of sight until "Details" is opened.
      // biome-ignore lint/performance/useDomNodeTextContent: what is shown is the point, not the DOM's text
      const visibleText = async () => (await diversity.innerText()).replace(/\s+/g, ' ');
      expect(await visibleText()).not.toMatch(/nats|bits|scikit-bio/);
      await diversity.getByText('Details').first().click();
      expect(await visibleText()).toMatch(/nats, or [\d.]+ bits/);

      const api = await pageApi(page, run.server.url);
      await api.post('/api/food-entries', { foodId: 'kefir', meal: 'lunch', servings: 1 });
      await page.goto(`${run.server.url}/data`);
      await page.getByText('One kind at a time (CSV)').click();
      const kinds = page.locator('.kind-list li');
      await kinds.first().waitFor();
      const lines = (await kinds.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      expect(lines).toContain('Food log 1 row');
      for (const line of lines) {
        expect(line).not.toMatch(/_|\b1 rows\b|^custom food|^quiz attempt|^[a-z]/);
      }
      await context.close();
    });
  }
});
