// Light/dark theme. With no stored choice the page follows the system
// (prefers-color-scheme, in CSS); a choice made with the toggle is stored and
// wins from then on. Canvas views listen for `themechange` to repaint.

export type Theme = 'light' | 'dark';

const KEY = 'mlp-lab:theme';
export const THEME_CHANGE = 'themechange';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage can be disabled; the system theme still works
  }
}

export function currentTheme(): Theme {
  return stored() ?? (systemDark.matches ? 'dark' : 'light');
}

function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent(THEME_CHANGE, { detail: theme }));
}

function apply(theme: Theme, button: HTMLButtonElement): void {
  const next = theme === 'dark' ? 'light' : 'dark';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
  button.title = `Switch to ${next} theme`;
  button.dataset.theme = theme;
  setTheme(theme);
}

export function initTheme(button: HTMLButtonElement): void {
  apply(currentTheme(), button);
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered, but still switched
    }
    apply(next, button);
  });
  systemDark.addEventListener('change', () => {
    if (!stored()) apply(currentTheme(), button);
  });
}

/**
 * An embed's theme: the one its link fixes (`&theme=dark`, for a deck's
 * colours), or the viewer's system setting. Never the stored choice of the
 * site's toggle, so a slide looks the same on every machine, and never stored.
 */
export function initFixedTheme(fixed: Theme | null): void {
  const follow = (): void => setTheme(fixed ?? (systemDark.matches ? 'dark' : 'light'));
  follow();
  if (!fixed) systemDark.addEventListener('change', follow);
}
