import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

const daylio = new URL('../../src/core/import/fixtures/daylio-current.csv', import.meta.url);

describe.each(testEngines())('data & sharing in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('import, share with a clinician, clinician reads the summary and PDF, person revokes, clinician cannot', async () => {
    const drContext = await run.browser.newContext({ viewport: DESKTOP });
    const dr = await drContext.newPage();
    const drAccount = await registerViaUi(dr, run.server.url, 'Dr Bell');
    await dr.goto(`${run.server.url}/data`);
    await dr.getByRole('heading', { name: 'Data & sharing' }).waitFor();
    await dr.getByRole('button', { name: 'Make this a clinician account' }).click();
    await dr.getByRole('link', { name: 'Open your dashboard' }).waitFor();

    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Alice');
    await page
      .getByRole('group', { name: /^Mood/ })
      .getByRole('radio', { name: /^7 of 10/ })
      .click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText(/^Saved at/).isVisible()).toBe(true);

    // Import a Daylio export through the preview.
    await page.goto(`${run.server.url}/data`);
    await page.getByRole('heading', { name: 'Data & sharing' }).waitFor();
    await page.getByLabel('From').selectOption('daylio');
    await page.getByLabel('File').setInputFiles(daylio.pathname);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByText('4 rows, 3 days from 2021-09-26 to 2021-09-28.', { exact: false }).waitFor();
    expect(await page.getByLabel(/^sad/).inputValue()).toBe('3');
    await page.getByRole('combobox', { name: 'Where Music goes' }).selectOption('skip');
    if (engine === 'sqlite') await screenshot(page, 'data-import-preview-phone');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported\./).waitFor();

    // Loop's export as the zip it is: unpacked in the browser, per-habit folders read.
    const zip = zipSync({
      'Habits.csv': strToU8(
        'Position,Name,Question,Description,NumRepetitions,Interval,Color\n001,Meditate,,,1,1,#FF8F00\n',
      ),
      'Checkmarks.csv': strToU8('Date,Meditate,\n2026-03-02,2,\n'),
      '001 Meditate/Checkmarks.csv': strToU8(
        'Date,Value,Notes\n2026-03-02,YES_MANUAL,Ten minutes\n2026-03-01,NO,\n',
      ),
      '001 Meditate/Scores.csv': strToU8('Date,Score\n2026-03-02,0.5\n'),
    });
    await page.getByLabel('From').selectOption('loop');
    // Hold the zip's bytes back (its reading waits until released) to see that Preview waits for the
    // new file: it once sent the previous Daylio file under "Loop", and the preview never came.
    await page.evaluate(() => {
      const read = Blob.prototype.arrayBuffer;
      const w = window as unknown as { releaseRead?: () => void };
      Blob.prototype.arrayBuffer = function (this: Blob) {
        return new Promise<ArrayBuffer>((resolve) => {
          w.releaseRead = () => {
            Blob.prototype.arrayBuffer = read;
            resolve(read.call(this));
          };
        });
      };
    });
    await page.getByLabel('Files').setInputFiles({
      name: 'Loop Habits CSV 2026-03-02.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip),
    });
    const waiting = page.getByRole('button', { name: 'Reading the file…' });
    await waiting.waitFor();
    expect(await waiting.isDisabled()).toBe(true);
    // The page loads the unzip chunk before it asks for the bytes: release only once it has asked.
    await page.waitForFunction(
      () => typeof (window as unknown as { releaseRead?: () => void }).releaseRead === 'function',
    );
    expect(await waiting.isDisabled()).toBe(true);
    await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByText('2 rows, 2 days from 2026-03-01 to 2026-03-02.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported\. 3 values added/).waitFor();

    // A PHQ-9 with item 9 "Several days" and a total of 1 ("Minimal" as a band).
    const phq9 = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/session')).json();
      const answers = Object.fromEntries(
        Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 1 : 0]),
      );
      const res = await fetch('/api/screeners/phq9', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ answers }),
      });
      return res.status;
    });
    expect(phq9).toBe(201);

    // Share with the clinician.
    await page.getByLabel('Their Gutbrain email').fill(drAccount.email);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByText('Dr Bell').first().waitFor();
    if (engine === 'sqlite') await screenshot(page, 'data-sharing-phone');

    // The clinician sees Alice and her summary.
    await dr.goto(`${run.server.url}/clinician`);
    await dr.getByText('Alice').first().waitFor();
    await dr.getByRole('button', { name: 'Open summary' }).click();
    await dr.getByRole('heading', { name: 'Alice' }).waitFor();
    await dr.locator('.chart-canvas svg').first().waitFor();
    // Safety first, in words: item 9's answer and date, never only "Minimal".
    const safety = dr.getByTestId('clinician-safety');
    expect(await safety.getByText(/answered “Several days” \(1 of 3\)/).count()).toBe(1);
    expect(await safety.getByText(/the crisis screen with crisis lines was shown/).count()).toBe(1);
    if (engine === 'sqlite') await screenshot(dr, 'clinician-summary-desktop');
    const personId = await dr
      .getByRole('link', { name: 'Printable summary (PDF)' })
      .getAttribute('href')
      .then((h) => h?.split('/')[4] as string);
    const pdf = await dr.request.get(`${run.server.url}/api/clinician/people/${personId}/report.pdf`);
    expect(pdf.status()).toBe(200);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const file = `test-results/e2e-summary-${engine}.pdf`;
    writeFileSync(file, body);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '1',
      '-l',
      '1',
      file,
      `test-results/screenshots/e2e-summary-${engine}`,
    ]);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('Alice');

    // Alice sees the reads in her access log, then revokes.
    await page.reload();
    await page.getByText(/Dr Bell read your summary/).waitFor();
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Nobody.').waitFor();

    // At once: the clinician's list is empty and the summary answers 404.
    await dr.goto(`${run.server.url}/clinician`);
    await dr.getByRole('heading', { name: 'Nobody yet' }).waitFor();
    const after = await dr.request.get(`${run.server.url}/api/clinician/people/${personId}/summary`);
    expect(after.status()).toBe(404);
    await drContext.close();
    await context.close();
  });
});
