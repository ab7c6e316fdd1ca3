import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  openNav,
  PHONE,
  registerViaUi,
  screenshot,
  useServerAndBrowser,
} from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

const fixtures = join(import.meta.dirname, '../../src/core/microbiome/fixtures');
const metaphlan = readFileSync(join(fixtures, 'metaphlan4_rel_ab_w_read_stats.tsv'));
// A later sample: Alistipes grows, and Faecalibacterium appears.
const later = Buffer.from(
  `${metaphlan.toString().replace(/(g__Alistipes\t[^\t]*\t)12\.14543/, '$130.0')}k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Oscillospiraceae|g__Faecalibacterium\t2|1|2|3|4|5\t6.0\t0\t0\n`,
);
const modules = Buffer.from('MGB005\tGABA synthesis I\nK01580\nK13052,K13053\tK00823\n///\n');
const koTable = Buffer.from('# Gene Family\tme_Abundance-RPKs\nUNMAPPED\t10\nK01580\t4\nK00823\t2\n');

async function uploadReport(
  page: Page,
  file: { name: string; buffer: Buffer },
  date: string,
  extra?: () => Promise<void>,
) {
  await page.getByLabel('Report file').setInputFiles({ ...file, mimeType: 'application/octet-stream' });
  await page.getByLabel('Date the sample was collected').fill(date);
  await extra?.();
  await page.getByRole('button', { name: 'Upload and analyse' }).click();
}

describe.each(testEngines())('microbiome pages in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [viewport, name] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    it(`uploads reports and shows a page per sample (${name})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      await openNav(page, 'Microbiome');
      await page.getByRole('heading', { name: 'Microbiome', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'No samples yet' }).waitFor();

      // A malformed report: the error names the line, and nothing is added.
      await uploadReport(
        page,
        { name: 'bad.tsv', buffer: Buffer.from('clade_name\tS1\nk__Bacteria\tlots\n') },
        '2026-01-02',
      );
      await expect
        .poll(() => page.getByText("Line 2: column 'S1' holds 'lots', not a number").count())
        .toBe(1);

      await uploadReport(page, { name: 'profile.tsv', buffer: metaphlan }, '2026-01-02');
      await page.getByRole('heading', { name: /^Sample of/ }).waitFor();
      await page.locator('.chart-canvas svg').first().waitFor();
      // scikit-bio: 0.9785 nats, 1.4117 bits (reference.py).
      expect(await page.getByText('0.98 nats, or 1.41 bits').count()).toBe(1);
      expect(await page.getByText('not found').count()).toBe(6);

      await openNav(page, 'Microbiome');
      await uploadReport(page, { name: 'later.tsv', buffer: later }, '2026-02-02');
      await page.getByRole('heading', { name: /^Since/ }).waitFor();
      // 6 / (52.85687 + 34.6816 + 30 + 0.31609 + 6) = 4.8 %
      await page.getByText(/^found, 4\.8%/).waitFor();

      // A KO table for the same date, with module definitions, adds the modules.
      await openNav(page, 'Microbiome');
      await uploadReport(page, { name: 'ko.tsv', buffer: koTable }, '2026-02-02', async () => {
        await page.getByText('Extra files').click();
        await page
          .getByLabel('Module definitions (GBM format, for a KO table)')
          .setInputFiles({ name: 'gbm.txt', mimeType: 'text/plain', buffer: modules });
      });
      await page.getByRole('heading', { name: 'Gut–brain modules' }).waitFor();
      expect(await page.getByRole('row', { name: /GABA synthesis I/ }).textContent()).toContain('100%');
      if (engine === 'sqlite') {
        await page.locator('summary', { hasText: 'Faecalibacterium' }).click();
        await screenshot(page, `microbiome-sample-${name}`);
        await openNav(page, 'Microbiome');
        await page.getByRole('heading', { name: 'Samples' }).waitFor();
        await screenshot(page, `microbiome-list-${name}`);
      }
      await context.close();
    });
  }
});
