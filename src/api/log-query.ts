/**
 * The log query (docs/api.md "Logs"), part of the contract (re-exported by contract.ts): one form
 * at a time, serialised by the client and parsed by the mock.
 */
/** Most entries one log answer carries (SPEC §3), and the most a `tail` asks for (§3.1). */
export const LOG_PAGE_LIMIT = 1000;

// The log query (docs/api.md "Logs"): one form at a time, serialised by the client and parsed by
// the mock. The fields of each form are named as its parameters.

/** Largest `limit` of an `after`, `before` or `line` page, and most lines `tail` and `q` give. */
export const MAX_LOG_LIMIT = 10_000;
export const MAX_LOG_TAIL = 1000;
export const MAX_LOG_MATCHES = 10_000;
const MAX_SEARCH_TEXT = 200;

export type LogsQuery = { readonly container: number | null } & (
  | { readonly kind: 'after'; readonly after: number; readonly limit: number }
  | { readonly kind: 'before'; readonly before: number; readonly limit: number }
  | { readonly kind: 'line'; readonly line: number; readonly limit: number }
  | { readonly kind: 'tail'; readonly tail: number }
  | { readonly kind: 'search'; readonly q: string }
);

export function logsSearchParams(query: LogsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'kind' && key !== 'container') params.set(key, String(value));
  }
  if (query.container !== null) params.set('container', String(query.container));
  return params;
}

const LOG_FORMS = ['after', 'tail', 'before', 'line', 'q'] as const;
const SEQ = 'a whole number (a log seq)';
const LOG_NUMBERS = [
  ['container', 0, 'a container id'],
  ['after', 0, SEQ],
  ['before', 0, SEQ],
  ['line', 1, 'a line number (from 1)'],
  ['tail', 1, `a whole number from 1 to ${MAX_LOG_TAIL}`, MAX_LOG_TAIL],
  ['limit', 1, `a whole number from 1 to ${MAX_LOG_LIMIT}`, MAX_LOG_LIMIT],
] as const;

/** Parses a log query as the server sees it; a message names the bad parameter. */
export function parseLogsQuery(
  params: URLSearchParams,
): { ok: true; query: LogsQuery } | { ok: false; detail: string } {
  const fail = (detail: string) => ({ ok: false as const, detail });
  const [form = 'after', other] = LOG_FORMS.filter((name) => params.has(name));
  if (other)
    return fail(
      `${other} cannot be combined with ${form}: use one of after, tail, before, line or q`,
    );
  if (params.has('limit') && (form === 'tail' || form === 'q'))
    return fail(`limit does not apply to ${form}`);
  const numbers = new Map<string, number>();
  for (const [name, min, what, max = Number.MAX_SAFE_INTEGER] of LOG_NUMBERS) {
    const raw = params.get(name);
    if (raw === null) continue;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= min && n <= max)) return fail(`${name} must be ${what}`);
    numbers.set(name, n);
  }
  const container = numbers.get('container') ?? null;
  const limit = numbers.get('limit') ?? LOG_PAGE_LIMIT;
  const value = numbers.get(form) ?? 0;
  switch (form) {
    case 'after':
      return { ok: true, query: { kind: 'after', after: value, limit, container } };
    case 'before':
      return { ok: true, query: { kind: 'before', before: value, limit, container } };
    case 'line':
      return { ok: true, query: { kind: 'line', line: value, limit, container } };
    case 'tail':
      return { ok: true, query: { kind: 'tail', tail: value, container } };
    case 'q': {
      const q = params.get('q') ?? '';
      if (q.length === 0 || q.length > MAX_SEARCH_TEXT)
        return fail(`q must be the text to search for (1 to ${MAX_SEARCH_TEXT} characters)`);
      return { ok: true, query: { kind: 'search', q, container } };
    }
    default: {
      const exhaustive: never = form;
      return exhaustive;
    }
  }
}
