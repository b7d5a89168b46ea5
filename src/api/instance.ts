import { config } from '../config/env';
import { Breaker } from './breaker';
import { createApiClient } from './client';

/** Resolves a same-origin base such as `/api` against the page, so fetch gets an absolute URL. */
function absolute(base: string): string {
  if (/^https?:\/\//.test(base) || typeof window === 'undefined') return base;
  return new URL(base, window.location.origin).toString().replace(/\/+$/, '');
}

/** Whether the API can be reached, for the whole tab (every read waits on it while it cannot). */
export const breaker = new Breaker();

if (typeof window !== 'undefined') {
  // Going offline is noticed at once; coming back online lets every waiting read go.
  if (navigator.onLine === false) breaker.setOnline(false);
  window.addEventListener('offline', () => breaker.setOnline(false));
  window.addEventListener('online', () => breaker.setOnline(true));
}

/** The dashboard's API client, configured once. */
export const api = createApiClient({
  baseUrl: absolute(config.apiBaseUrl),
  breaker,
  timeouts: config.timeouts,
});
