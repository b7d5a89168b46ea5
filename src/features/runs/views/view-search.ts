/**
 * What a saved view keeps of the Activity page's address: its filters, sort and page size (not
 * the page it was on, nor the Runs it had open), as the same readable text the address uses
 * (`status=failure&sort=duration`), so that its link is that address. Reading one back checks it
 * like an address: what is not valid, or not a setting of the page, is ignored and said.
 */
import { operationLabel } from '../../../domain/operations';
import { stateLabel } from '../../../domain/states';
import { parseSearch, stringifySearch } from '../../../lib/search-params';
import type { ActivitySearch } from '../activity-search';
import {
  ACTIVITY_DEFAULTS,
  ACTIVITY_PARAMS,
  tidyActivitySearch,
  validateActivitySearch,
} from '../activity-search';
import { searchNotices } from '../search-notices';

/** Not part of a view: where the person was in it. */
const NOT_KEPT: readonly string[] = ['page', 'expanded'];

/** The view's text: `status=failure&sort=duration` (empty for the page's defaults). */
export function viewSearchOf(search: ActivitySearch): string {
  return stringifySearch(tidyActivitySearch({ ...search, page: 1, expanded: [] })).replace(
    /^\?/,
    '',
  );
}

const shown = (text: string): string => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** A stored view's text, checked: the search it gives, its own text again, and what was ignored. */
export function readViewSearch(text: string): {
  readonly search: ActivitySearch;
  readonly text: string;
  readonly ignored: readonly string[];
} {
  const raw = Object.fromEntries(
    Object.entries(parseSearch(text)).filter(([key]) => !NOT_KEPT.includes(key)),
  );
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(ACTIVITY_PARAMS as readonly string[]).includes(key)) {
      ignored.push(`Ignored ${shown(key)}=${shown(String(value))}: not a setting of this page`);
    }
  }
  const search = { ...validateActivitySearch(raw), page: 1, expanded: [] };
  ignored.push(...searchNotices(raw, search).filter((n) => n.startsWith('Ignored ')));
  return { search, text: viewSearchOf(search), ignored };
}

/** A view in words, for the list: "Status: Failure · Type: Scan · longest first". */
export function describeView(
  search: ActivitySearch,
  datastoreName: (id: number) => string | undefined,
): string {
  const parts: string[] = [];
  if (search.status.length) parts.push(`Status: ${search.status.map(stateLabel).join(', ')}`);
  if (search.type.length) parts.push(`Type: ${search.type.map(operationLabel).join(', ')}`);
  if (search.datastore.length) {
    const names = search.datastore.map((id) => datastoreName(id) ?? `datastore ${id}`);
    parts.push(`Datastore: ${names.join(', ')}`);
  }
  if (search.has_logs !== undefined) parts.push(`Has logs: ${search.has_logs ? 'yes' : 'no'}`);
  if (search.q !== undefined) parts.push(`Run #${search.q}`);
  if (search.from || search.to) parts.push(`Days: ${search.from ?? '…'} to ${search.to ?? '…'}`);
  const newest = search.order === 'desc';
  parts.push(
    search.sort === 'duration'
      ? `By duration, ${newest ? 'longest' : 'shortest'} first`
      : `${newest ? 'Newest' : 'Oldest'} first`,
  );
  if (search.size !== ACTIVITY_DEFAULTS.size) parts.push(`${search.size} a page`);
  return parts.join(' · ');
}
