/**
 * Honest about what the address asked for (SPEC §4): the values of the Activity page's URL that
 * were not valid and so were ignored ("Ignored status=bogus"), and filters that cannot match
 * anything (a date range that ends before it starts). Never a silent drop.
 */
import { ACTIVITY_DEFAULTS, validateActivitySearch } from './activity-search';
import type { ActivitySearch } from './activity-search';

const LISTS = ['type', 'status', 'datastore', 'expanded'] as const;
const SCALARS = ['has_logs', 'q', 'from', 'to', 'sort', 'order', 'page', 'size'] as const;

const itemsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

const shown = (value: string): string => (value.length > 30 ? `${value.slice(0, 30)}…` : value);

/** One sentence per thing ignored or impossible, in the order of the contract's params. */
export function searchNotices(raw: Record<string, unknown>, search: ActivitySearch): string[] {
  const notices: string[] = [];
  for (const key of LISTS) {
    for (const item of itemsOf(raw[key])) {
      if (validateActivitySearch({ [key]: item })[key].length === 0) {
        notices.push(`Ignored ${key}=${shown(item)}`);
      }
    }
  }
  for (const key of SCALARS) {
    const value = raw[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const parsed = validateActivitySearch({ [key]: value })[key];
    const defaults: Partial<Record<string, unknown>> = ACTIVITY_DEFAULTS;
    const fellBack =
      parsed === undefined || (parsed === defaults[key] && String(parsed) !== value.trim());
    if (!fellBack) continue;
    notices.push(
      key === 'q' && /^#?\d{16,}$/.test(value.trim())
        ? `Ignored q=${shown(value)}: too long to be a Run ID`
        : `Ignored ${key}=${shown(value)}`,
    );
  }
  if (search.from !== undefined && search.to !== undefined && search.from > search.to) {
    notices.push(
      `The date range ends (${search.to}) before it starts (${search.from}): no Run can match`,
    );
  }
  return notices;
}
