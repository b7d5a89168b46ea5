/**
 * The theme: the person's choice (system, light or dark), remembered in localStorage, applied as
 * `data-theme="light" | "dark"` on <html>. "System" follows `prefers-color-scheme`, live, so the
 * stylesheet defines each palette once and only ever reads `data-theme`. `public/theme-boot.js`
 * applies the same before the first paint (an external file, so a strict CSP allows it).
 */
import { useSyncExternalStore } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** The colours the page is drawn in. */
export type ColorScheme = 'light' | 'dark';

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

const systemScheme = (): ColorScheme => (systemQuery()?.matches ? 'dark' : 'light');

let followSystem: (() => void) | null = null;

export function applyTheme(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme === 'system' ? systemScheme() : theme);
  const query = systemQuery();
  if (followSystem) query?.removeEventListener('change', followSystem);
  followSystem = null;
  if (theme === 'system' && query) {
    followSystem = () => document.documentElement.setAttribute('data-theme', systemScheme());
    query.addEventListener('change', followSystem);
  }
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** The colour scheme the page is drawn in now. */
function currentColorScheme(): ColorScheme {
  const theme = document.documentElement.getAttribute('data-theme');
  return theme === 'light' || theme === 'dark' ? theme : systemScheme();
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The current colour scheme, re-rendering when it changes (`data-theme` is always set). */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, currentColorScheme, () => 'light');
}
