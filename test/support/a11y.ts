/**
 * Accessibility checks for browser tests: axe-core through Playwright (WCAG 2.1 A/AA rules), and a
 * keyboard walk that presses Tab through the page and reports every visible control it never
 * reached (a radio group counts as one stop, as browsers make it), and the controls too small to tap.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeSummary {
  violations: { id: string; impact: string; help: string; nodes: string[] }[];
  serious: number;
  critical: number;
  moderate: number;
  minor: number;
}

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is. Legacy mode runs `axe.run`
 * in the page itself; the default mode injects axe into every frame and then into a blank page it
 * opens to merge the frames' results, which our pages (no iframes) do not need. Measured here on
 * the 19 signed-in pages: the same violations, passes and incomplete results, in 0.53 s a page
 * instead of 1.12 s.
 */
export async function axe(page: Page): Promise<AxeSummary> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode()
    .analyze();
  const count = (impact: string) => result.violations.filter((v) => v.impact === impact).length;
  return {
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })),
    serious: count('serious'),
    critical: count('critical'),
    moderate: count('moderate'),
    minor: count('minor'),
  };
}

/** Controls a keyboard user could not reach with Tab (described by tag, name and text). */
export async function unreachableByKeyboard(page: Page, maxTabs = 400): Promise<string[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __reached: Set<Element> };
    w.__reached = new Set();
    document.addEventListener('focusin', (e) => w.__reached.add(e.target as Element), true);
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // Tab round the whole page once: stop when focus comes back to where the walk began.
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const back = await page.evaluate((step) => {
      const w = window as unknown as { __first?: Element | null; __last?: Element | null };
      const a = document.activeElement;
      if (step === 0) w.__first = a;
      const done = step > 2 && a === w.__first && w.__last !== a;
      w.__last = a;
      return done;
    }, i);
    if (back) break;
  }
  return page.evaluate(() => {
    const reached = (window as unknown as { __reached: Set<Element> }).__reached;
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [role="button"], [role="tab"], [role="switch"], [tabindex]:not([tabindex="-1"])';
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Native radios and checkboxes drawn as tiles are visually hidden but take focus.
      const input = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
      return (
        (input || (r.width > 0 && r.height > 0)) &&
        style.visibility !== 'hidden' &&
        !el.closest('[hidden], [inert]')
      );
    };
    const missing: string[] = [];
    const groupsReached = new Set<string>();
    for (const el of reached)
      if (el instanceof HTMLInputElement && el.type === 'radio') groupsReached.add(el.name);
    for (const el of document.querySelectorAll(selector)) {
      if (!visible(el) || reached.has(el)) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && groupsReached.has(el.name)) continue;
      // Inside a closed <details>, only the summary is reachable, as intended.
      const details = el.closest('details');
      if (details && !details.open && el.tagName !== 'SUMMARY') continue;
      const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      missing.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`);
    }
    return missing;
  });
}

/** Visible controls on the page smaller than 44×44 CSS px (WCAG 2.5.5), outside running text. */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(
      'button, a[href], input, select, textarea, summary, [role="button"]',
    )) {
      const target =
        el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
          ? (el.closest('label') ?? el)
          : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Links inside a sentence are exempt (WCAG 2.5.8 "inline").
      if (el.tagName === 'A' && !el.classList.contains('button') && getComputedStyle(el).display === 'inline')
        continue;
      if (el.closest('.skip-link')) continue;
      if (r.height < 44 || r.width < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        out.push(
          `${el.tagName.toLowerCase()}.${[...target.classList].join('.')} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  });
}
