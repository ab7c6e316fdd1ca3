/**
 * Messages written for a person, in the browser (issue 18): a multi-sample BIOM file offers its
 * samples to pick from, a picture uploaded as a report says which files are read, and sharing with
 * an address that is not a clinician account says what to do — no field names, no query syntax.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

const fixtures = join(import.meta.dirname, '../../src/core/microbiome/fixtures');
const hdf5 = readFileSync(join(fixtures, 'rich_sparse_otu_table_hdf5.biom'));
const png = readFileSync(join(import.meta.dirname, '../../src/web/public/icon-192.png'));

describe.each(testEngines())('person-facing error messages on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`a multi-sample BIOM offers a sample picker; a PNG says which files are read (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      await page.goto(`${run.server.url}/microbiome`);
      const file = page.getByLabel('Report file');

      await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('button', { name: 'Upload and analyse' }).click();
      const refusal = page.locator('.field-error').first();
      await refusal.waitFor();
      const said = (await refusal.textContent()) ?? '';
      expect(said).not.toMatch(/UTF-8/);
      expect(said).toMatch(/MetaPhlAn/);
      expect(said).toMatch(/BIOM/);

      await file.setInputFiles({ name: 'table.biom', mimeType: 'application/octet-stream', buffer: hdf5 });
      await page.getByRole('button', { name: 'Upload and analyse' }).click();
      const pick = page.getByLabel('Which sample is yours?');
      await pick.waitFor();
      const offered = await pick.locator('option').allTextContents();
      expect(offered.slice(1)).toEqual(['Sample1', 'Sample2', 'Sample3', 'Sample4', 'Sample5', 'Sample6']);
      expect(await page.getByText(/\?sample=/).count()).toBe(0);
      await pick.selectOption('Sample2');
      await page.getByRole('button', { name: 'Upload and analyse' }).click();
      await page.waitForURL(/\/microbiome\/samples\//);
      await context.close();
    });
  }

  it('sharing with an address that is no clinician account says what to do, without field names', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    await page.goto(`${run.server.url}/data`);
    await page.getByLabel('Their Gutbrain email').fill('not-a-clinician@example.com');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const message = page.getByText(/No clinician account on this Gutbrain has that email/);
    await message.waitFor();
    expect(await page.getByText(/clinicianEmail/).count()).toBe(0);
    await context.close();
  });
});
