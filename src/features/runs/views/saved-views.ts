/**
 * Saved views of the Activity page, kept in this browser's local storage: a name, the view's
 * address text (view-search.ts) and its row density; and which one, if any, Activity opens with.
 *
 * What is stored is read with suspicion (another version of the app, a hand edit, a damaged
 * store): damaged data is set aside and said, an entry that cannot be read is left out and said,
 * and a setting a view cannot have is ignored and said — never a crash.
 */
import { useSyncExternalStore } from 'react';
import type { Density } from '../density';
import { VIEWS_KEY } from './default-view';
import { readViewSearch } from './view-search';

export interface SavedView {
  readonly id: string;
  readonly name: string;
  /** The view's address text: `status=failure&sort=duration`. */
  readonly search: string;
  readonly density: Density;
}

export interface SavedViews {
  readonly views: readonly SavedView[];
  /** The view Activity opens with (an address without settings), or null. */
  readonly defaultId: string | null;
  /** What could not be read, in words. */
  readonly problems: readonly string[];
}

/** Longest name kept. */
export const NAME_MAX = 60;

const EMPTY: SavedViews = { views: [], defaultId: null, problems: [] };
const DAMAGED =
  'Your saved views could not be read: the stored data is damaged. It was set aside, so none are listed; views you save now start a new list.';

type Unknown = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One stored view, cleaned, and what was ignored in it; null when it is not a view. */
function readView(v: unknown): { view: SavedView; ignored: readonly string[] } | null {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.name !== 'string') return null;
  const name = v.name.trim().slice(0, NAME_MAX);
  if (v.id === '' || name === '' || typeof v.search !== 'string') return null;
  const { text, ignored } = readViewSearch(v.search);
  const density: Density = v.density === 'comfortable' ? 'comfortable' : 'compact';
  return { view: { id: v.id, name, search: text, density }, ignored };
}

/** Reads stored text (null: nothing stored). */
export function parseSavedViews(raw: string | null): SavedViews {
  if (raw === null || raw === '') return EMPTY;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ...EMPTY, problems: [DAMAGED] };
  }
  if (!isObject(data) || !Array.isArray(data.views)) return { ...EMPTY, problems: [DAMAGED] };
  const views: SavedView[] = [];
  const problems: string[] = [];
  let unreadable = 0;
  for (const entry of data.views as unknown[]) {
    const read = readView(entry);
    if (read === null || views.some((v) => v.id === read.view.id)) {
      unreadable += 1;
      continue;
    }
    views.push(read.view);
    for (const ignored of read.ignored) problems.push(`View “${read.view.name}”: ${ignored}.`);
  }
  if (unreadable > 0) {
    problems.unshift(
      unreadable === 1
        ? 'One saved view could not be read and is left out.'
        : `${unreadable} saved views could not be read and are left out.`,
    );
  }
  const wanted = typeof data.defaultId === 'string' ? data.defaultId : null;
  const defaultId = views.some((v) => v.id === wanted) ? wanted : null;
  if (wanted !== null && defaultId === null) {
    problems.push('The default view could not be found: Activity opens with all Runs.');
  }
  return { views, defaultId, problems };
}

// The store: read again only when the stored text changed; blocked storage lasts for the page.
let memory: string | null = null;
let lastRaw: string | null | undefined;
let last: SavedViews = EMPTY;
const listeners = new Set<() => void>();

function readRaw(): string | null {
  try {
    return localStorage.getItem(VIEWS_KEY);
  } catch {
    return memory;
  }
}

export function savedViews(): SavedViews {
  const raw = readRaw();
  if (raw !== lastRaw) {
    lastRaw = raw;
    last = parseSavedViews(raw);
  }
  return last;
}

function write(views: readonly SavedView[], defaultId: string | null): void {
  const current = savedViews();
  const raw = JSON.stringify({ version: 1, views, defaultId });
  memory = raw;
  try {
    // Damaged data is kept aside, once, rather than lost to the first save.
    if (current.problems.includes(DAMAGED)) {
      localStorage.setItem(`${VIEWS_KEY}.damaged`, localStorage.getItem(VIEWS_KEY) ?? '');
    }
    localStorage.setItem(VIEWS_KEY, raw);
  } catch {
    // Blocked or full: kept in memory for this page.
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useSavedViews(): SavedViews {
  return useSyncExternalStore(subscribe, savedViews, () => EMPTY);
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const newId = (): string => `v${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Saves the view under a name; a view of that name is replaced. Which happened, and its name. */
export function saveView(
  name: string,
  search: string,
  density: Density,
): { readonly done: 'saved' | 'replaced'; readonly name: string } {
  const { views, defaultId } = savedViews();
  const clean = name.trim().slice(0, NAME_MAX);
  const existing = views.find((v) => sameName(v.name, clean));
  if (existing) {
    write(
      views.map((v) => (v.id === existing.id ? { ...v, search, density } : v)),
      defaultId,
    );
    return { done: 'replaced', name: existing.name };
  }
  write([...views, { id: newId(), name: clean, search, density }], defaultId);
  return { done: 'saved', name: clean };
}

/** Renames a view; a sentence saying why not, or null when done. */
export function renameView(id: string, name: string): string | null {
  const { views, defaultId } = savedViews();
  const clean = name.trim().slice(0, NAME_MAX);
  if (clean === '') return 'Give the view a name.';
  if (views.some((v) => v.id !== id && sameName(v.name, clean))) {
    return `There is already a view named “${clean}”.`;
  }
  write(
    views.map((v) => (v.id === id ? { ...v, name: clean } : v)),
    defaultId,
  );
  return null;
}

/** Deletes a view; what it was and where, to undo. */
export function deleteView(
  id: string,
): { view: SavedView; index: number; wasDefault: boolean } | null {
  const { views, defaultId } = savedViews();
  const index = views.findIndex((v) => v.id === id);
  const view = views[index];
  if (view === undefined) return null;
  write(
    views.filter((v) => v.id !== id),
    defaultId === id ? null : defaultId,
  );
  return { view, index, wasDefault: defaultId === id };
}

export function restoreView(deleted: {
  view: SavedView;
  index: number;
  wasDefault: boolean;
}): void {
  const { views, defaultId } = savedViews();
  if (views.some((v) => v.id === deleted.view.id)) return;
  const next = [...views];
  next.splice(deleted.index, 0, deleted.view);
  write(next, deleted.wasDefault ? deleted.view.id : defaultId);
}

export function setDefaultView(id: string | null): void {
  const { views } = savedViews();
  write(views, views.some((v) => v.id === id) ? id : null);
}
