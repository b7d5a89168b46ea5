/**
 * The theme: the person's choice (system, light or dark), remembered in localStorage, applied as
 * `data-theme="light" | "dark"` on <html>. "System" follows `prefers-color-scheme`, live, so the
 * stylesheet defines each palette once and only ever reads `data-theme`.
 * (index.html applies the same before the first paint.)
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'runs-dashboard.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readTheme(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

const systemQuery = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;

function resolve(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return systemQuery()?.matches ? 'dark' : 'light';
}

let followSystem: (() => void) | null = null;

export function applyTheme(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', resolve(theme));
  const query = systemQuery();
  if (followSystem) query?.removeEventListener('change', followSystem);
  followSystem = null;
  if (theme === 'system' && query) {
    followSystem = () => document.documentElement.setAttribute('data-theme', resolve('system'));
    query.addEventListener('change', followSystem);
  }
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
