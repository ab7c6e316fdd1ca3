/**
 * Draws the app icons (PNG) from src/web/public/icon.svg with Debian's Chromium, so the installable
 * app has the sizes browsers ask for without a network or an image library. Run it again after
 * changing icon.svg: `npx tsx scripts/make-icons.ts`.
 *
 * - icon-192.png, icon-512.png: the icon as drawn (rounded square), purpose "any".
 * - icon-maskable-512.png: the artwork inside the 80 % safe zone on a full-bleed background, purpose
 *   "maskable" (https://www.w3.org/TR/appmanifest/#icon-masks).
 * - apple-touch-icon.png (180 px): iOS home screen, no transparency.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC = join('src', 'web', 'public');
const BACKGROUND = '#2f7d6d';

interface IconSpec {
  file: string;
  size: number;
  /** Share of the canvas the artwork fills (the rest is background). */
  artwork: number;
  /** Fill the whole square behind the artwork (no transparent corners). */
  fullBleed: boolean;
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, artwork: 1, fullBleed: false },
  { file: 'icon-512.png', size: 512, artwork: 1, fullBleed: false },
  { file: 'icon-maskable-512.png', size: 512, artwork: 0.8, fullBleed: true },
  { file: 'apple-touch-icon.png', size: 180, artwork: 1, fullBleed: true },
];

function pageFor(svg: string, spec: IconSpec): string {
  const art = Math.round(spec.size * spec.artwork);
  const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<!doctype html><html><body style="margin:0;width:${spec.size}px;height:${spec.size}px;
    display:flex;align-items:center;justify-content:center;background:${spec.fullBleed ? BACKGROUND : 'transparent'}">
    <img src="${data}" width="${art}" height="${art}" alt=""></body></html>`;
}

async function main(): Promise<void> {
  const svg = readFileSync(join(PUBLIC, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const spec of ICONS) {
      const page = await browser.newPage({ viewport: { width: spec.size, height: spec.size } });
      await page.setContent(pageFor(svg, spec));
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      await page.screenshot({
        path: join(PUBLIC, spec.file),
        omitBackground: !spec.fullBleed,
        clip: { x: 0, y: 0, width: spec.size, height: spec.size },
      });
      await page.close();
      console.log(`${spec.file} ${spec.size}×${spec.size}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
