/**
 * The compare page's address: `?a=27&b=54`, two Run IDs. The address keeps what was given; a
 * value that is not a Run ID is ignored, and the page says so ("Ignored b=abc: Run IDs are whole
 * numbers").
 */

/** A Run ID from the address (a whole number, as text or number), or undefined. */
export function runIdParam(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text.trim())) return undefined;
  const id = Number(text.trim());
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** What links and the picker give: Run IDs. */
export interface CompareSearchInput {
  readonly a?: number | string;
  readonly b?: number | string;
}

/** Each side as the address gave it (text), so that what was ignored can be said. */
export interface CompareSearch {
  readonly a: string | undefined;
  readonly b: string | undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return undefined;
}

export function validateCompareSearch(input: {
  readonly a?: unknown;
  readonly b?: unknown;
}): CompareSearch {
  // Both keys always: the router keeps a key the validation leaves out at its raw value.
  return { a: asText(input.a), b: asText(input.b) };
}

const shown = (value: string): string => (value.length > 30 ? `${value.slice(0, 30)}…` : value);

/** One sentence per side of the address that was given but is not a Run ID. */
export function compareNotices(search: CompareSearch): string[] {
  const notices: string[] = [];
  for (const key of ['a', 'b'] as const) {
    const value = search[key];
    if (value !== undefined && runIdParam(value) === undefined)
      notices.push(`Ignored ${key}=${shown(value)}: Run IDs are whole numbers.`);
  }
  return notices;
}
