/**
 * The watches the person set, kept in the browser's local storage so that they survive a reload
 * (and are shared by the tabs of this browser): "notify me when Run #56 finishes" and "notify me
 * when any Failure appears" among the Runs of a filter. A watch clears itself once it has told
 * (watch-engine.ts, FailureWatcher.tsx). What cannot be read back is dropped, one watch at a time.
 */
import { useSyncExternalStore } from 'react';
import type { OperationType } from '../../domain/operations';
import { OPERATION_TYPES } from '../../domain/operations';
import { WATCHES_CHANGED, WATCHES_KEY, subscribeWatchSignal } from './watch-signal';

/** The filters a watch for Failures keeps (the list API's names); status and paging are its own. */
export interface WatchedFilters {
  readonly operation_type?: readonly OperationType[] | undefined;
  readonly datastore?: readonly number[] | undefined;
  readonly has_logs?: boolean | undefined;
  readonly id?: number | undefined;
  readonly start_date?: string | undefined;
  readonly end_date?: string | undefined;
}

export interface RunWatch {
  readonly kind: 'run';
  readonly id: number;
  readonly type: OperationType;
}

export interface FailureWatch {
  readonly kind: 'failures';
  /** One watch per set of filters: their canonical text. */
  readonly key: string;
  readonly filters: WatchedFilters;
  /** The filters in words ("Scan Runs on orders-db"). */
  readonly scope: string;
  /** The Failures already there when the watch began (null until the first answer). */
  readonly seen: readonly number[] | null;
}

export type Watch = RunWatch | FailureWatch;

// Checked by hand rather than with zod: a schema here would pull zod functions the app does not
// use elsewhere into the chunk the entry shares (zod lives there), and the entry would grow.
type Unknown = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Unknown => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isType = (v: unknown): v is OperationType =>
  typeof v === 'string' && (OPERATION_TYPES as readonly string[]).includes(v);
const listOf =
  <T>(item: (v: unknown) => v is T) =>
  (v: unknown): v is readonly T[] =>
    Array.isArray(v) && v.every(item);
const optional =
  <T>(check: (v: unknown) => v is T) =>
  (v: unknown): v is T | undefined =>
    v === undefined || check(v);

function readFilters(v: unknown): WatchedFilters | null {
  if (!isObject(v)) return null;
  const { operation_type, datastore, has_logs, id, start_date, end_date } = v;
  const valid =
    optional(listOf(isType))(operation_type) &&
    optional(listOf(isId))(datastore) &&
    (has_logs === undefined || typeof has_logs === 'boolean') &&
    optional(isId)(id) &&
    optional(isDay)(start_date) &&
    optional(isDay)(end_date);
  return valid ? { operation_type, datastore, has_logs, id, start_date, end_date } : null;
}

/** One stored watch, or null when it is not one this version can follow. */
function readWatch(v: unknown): Watch | null {
  if (!isObject(v)) return null;
  if (v.kind === 'run') {
    return isId(v.id) && isType(v.type) ? { kind: 'run', id: v.id, type: v.type } : null;
  }
  if (v.kind !== 'failures' || typeof v.key !== 'string' || typeof v.scope !== 'string') {
    return null;
  }
  const filters = readFilters(v.filters);
  const seen = v.seen === null || listOf(isId)(v.seen) ? v.seen : undefined;
  if (filters === null || seen === undefined) return null;
  return { kind: 'failures', key: v.key, filters, scope: v.scope, seen };
}

/** What was read: the watches, and how many stored entries could not be read. */
export interface StoredWatches {
  readonly watches: readonly Watch[];
  readonly dropped: number;
}

const NONE: StoredWatches = { watches: [], dropped: 0 };

/** Reads stored text: bad JSON counts as one dropped entry, a bad entry as one. */
export function parseWatches(raw: string | null): StoredWatches {
  if (raw === null || raw === '') return NONE;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { watches: [], dropped: 1 };
  }
  if (!Array.isArray(data)) return { watches: [], dropped: 1 };
  const watches: Watch[] = [];
  for (const entry of data as unknown[]) {
    const watch = readWatch(entry);
    if (watch) watches.push(watch);
  }
  return { watches, dropped: data.length - watches.length };
}

/** Storage that may be blocked (a private window): then the watches last for this page. */
let memory: string | null = null;
function readRaw(): string | null {
  try {
    return localStorage.getItem(WATCHES_KEY);
  } catch {
    return memory;
  }
}

let lastRaw: string | null | undefined;
let lastRead: StoredWatches = NONE;

/** The stored watches, read again only when the stored text changed (another tab, a clear). */
export function storedWatches(): StoredWatches {
  const raw = readRaw();
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastRead = parseWatches(raw);
  }
  return lastRead;
}

const getWatches = (): readonly Watch[] => storedWatches().watches;

function write(watches: readonly Watch[]): void {
  const raw = watches.length > 0 ? JSON.stringify(watches) : null;
  memory = raw;
  try {
    if (raw === null) localStorage.removeItem(WATCHES_KEY);
    else localStorage.setItem(WATCHES_KEY, raw);
  } catch {
    // Blocked or full: kept in memory for this page.
  }
  window.dispatchEvent(new Event(WATCHES_CHANGED));
}

const isRun = (id: number) => (w: Watch) => w.kind === 'run' && w.id === id;
const isFailures = (key: string) => (w: Watch) => w.kind === 'failures' && w.key === key;

/** Removes the first watch that matches; whether there was one (so a watch tells only once). */
function remove(match: (w: Watch) => boolean): boolean {
  const watches = getWatches();
  const index = watches.findIndex(match);
  if (index < 0) return false;
  write(watches.filter((_, i) => i !== index));
  return true;
}

export function watchRun(run: { readonly id: number; readonly type: OperationType }): void {
  if (getWatches().some(isRun(run.id))) return;
  write([...getWatches(), { kind: 'run', id: run.id, type: run.type }]);
}

export const unwatchRun = (id: number): boolean => remove(isRun(id));

/** The canonical text of a set of filters: the same filters, in any order, give the same key. */
export function filtersKey(filters: WatchedFilters): string {
  const sorted = <T extends string | number>(list: readonly T[] | undefined) =>
    list && list.length > 0 ? [...list].sort() : undefined;
  return JSON.stringify([
    sorted(filters.operation_type),
    sorted(filters.datastore),
    filters.has_logs,
    filters.id,
    filters.start_date,
    filters.end_date,
  ]);
}

export function watchFailures(filters: WatchedFilters, scope: string): void {
  const key = filtersKey(filters);
  if (getWatches().some(isFailures(key))) return;
  write([...getWatches(), { kind: 'failures', key, filters, scope, seen: null }]);
}

export const unwatchFailures = (key: string): boolean => remove(isFailures(key));

/** The Failures a watch has seen (so that only new ones tell). */
export function setSeen(key: string, seen: readonly number[]): void {
  write(getWatches().map((w) => (w.kind === 'failures' && w.key === key ? { ...w, seen } : w)));
}

/** Writes back what could be read, dropping the stored entries that could not. */
export const cleanStoredWatches = (): void => write(getWatches());

export function useWatches(): readonly Watch[] {
  return useSyncExternalStore(subscribeWatchSignal, getWatches, () => NONE.watches);
}

export function useRunWatched(id: number): boolean {
  const watched = () => getWatches().some(isRun(id));
  return useSyncExternalStore(subscribeWatchSignal, watched, () => false);
}

export function useFailuresWatched(key: string): boolean {
  const watched = () => getWatches().some(isFailures(key));
  return useSyncExternalStore(subscribeWatchSignal, watched, () => false);
}
