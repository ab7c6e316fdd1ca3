/**
 * The appearance setting (System, Light or Dark), remembered per device in localStorage. The page
 * applies it before its first paint with public/appearance.js; this module reads and changes it.
 */
export const APPEARANCES = ['system', 'light', 'dark'] as const;
export type Appearance = (typeof APPEARANCES)[number];

const KEY = 'gutbrain.appearance';

declare global {
  interface Window {
    /** Set by public/appearance.js: re-applies the theme for a new choice. */
    gutbrainAppearance?: (choice: Appearance) => void;
  }
}

export function readAppearance(): Appearance {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function setAppearance(choice: Appearance): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage blocked: the choice holds until the page is closed.
  }
  if (window.gutbrainAppearance) window.gutbrainAppearance(choice);
  else if (choice !== 'system') document.documentElement.dataset.theme = choice;
}
