import { config } from '../config/env';
import { createApiClient } from './client';

/** Resolves a same-origin base such as `/api` against the page, so fetch gets an absolute URL. */
function absolute(base: string): string {
  if (/^https?:\/\//.test(base) || typeof window === 'undefined') return base;
  return new URL(base, window.location.origin).toString().replace(/\/+$/, '');
}

/** The dashboard's API client, configured once. */
export const api = createApiClient({
  baseUrl: absolute(config.apiBaseUrl),
  token: config.apiToken,
});
