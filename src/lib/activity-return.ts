/**
 * The Activity page's last address (its filters, sort, expanded Runs), so that the way back from
 * a Run page returns to the same view. Kept for the tab's session; a value that no longer
 * validates is dropped by the Activity route's own search validation.
 */
const KEY = 'runs-dashboard.activity-return';

let last: Record<string, unknown> | null = null;

export function rememberActivitySearch(search: Record<string, unknown>): void {
  last = search;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(search));
  } catch {
    // storage blocked or full: the address is remembered for this page only
  }
}

export function lastActivitySearch(): Record<string, unknown> {
  if (last !== null) return last;
  let read: Record<string, unknown> = {};
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    if (typeof stored === 'object' && stored !== null && !Array.isArray(stored))
      read = Object.fromEntries(Object.entries(stored));
  } catch {
    // unreadable: start from the default view
  }
  last = read;
  return read;
}
