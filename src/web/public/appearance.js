// Applies the appearance chosen in Settings (System, Light or Dark; kept on this device) before the
// first paint: a classic blocking script in <head>, served from 'self' because the CSP allows no
// inline script. src/web/appearance/appearance.ts reads and changes the choice.
(() => {
  let choice = null;
  try {
    choice = localStorage.getItem('gutbrain.appearance');
  } catch {
    // Storage blocked: follow the system.
  }
  const media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const apply = () => {
    const theme = choice === 'light' || choice === 'dark' ? choice : media?.matches ? 'dark' : 'light';
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply();
  media?.addEventListener?.('change', apply);
  window.gutbrainAppearance = (next) => {
    choice = next;
    apply();
  };
})();
