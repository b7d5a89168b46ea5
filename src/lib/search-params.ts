/**
 * Plain, readable query strings for the router (SPEC §4: people bookmark them), instead of the
 * router's default JSON encoding: `?status=failure,aborted&page=2`, not `?status=%5B%22failure…`.
 *
 * Parsing yields strings, and arrays of strings for repeated keys; each route's `validateSearch`
 * turns those into typed values (and splits comma-separated lists). Stringifying writes arrays
 * comma-separated and leaves out empty values.
 */

export type RawSearch = Record<string, string | string[]>;

/** `?a=1&b=x&b=y` → `{ a: '1', b: ['x', 'y'] }`. A key given once stays a single string. */
export function parseSearch(searchStr: string): RawSearch {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  const search: RawSearch = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    search[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return search;
}

/** `{ status: ['failure', 'aborted'], page: 2, q: undefined }` → `?status=failure,aborted&page=2`. */
export function stringifySearch(search: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(search)) {
    const text = serialise(value);
    if (text === null) continue;
    parts.push(`${encode(key)}=${encode(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function serialise(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    const items = value.map(serialise).filter((v): v is string => v !== null && v !== '');
    return items.length ? items.join(',') : null;
  }
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
      return Number.isFinite(value) ? String(value) : null;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return JSON.stringify(value);
    default:
      return null;
  }
}

/** Percent-encodes, but keeps commas readable (they are allowed in a query string). */
const encode = (text: string): string => encodeURIComponent(text).replace(/%2C/gi, ',');
