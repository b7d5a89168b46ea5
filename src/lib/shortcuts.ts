/**
 * Keyboard shortcuts for people who live in the dashboard (SPEC §4): one listener on the window,
 * and views that register what a key does while they are on screen. None fires while typing in a
 * field; two-key sequences (`g a`) wait a second for their second key; they can be turned off
 * (remembered).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface ShortcutInfo {
  readonly keys: string;
  readonly does: string;
}

/** Every shortcut, as the help dialog lists them. */
export const SHORTCUTS: readonly ShortcutInfo[] = [
  { keys: '?', does: 'Show this list' },
  { keys: '/', does: 'Search (the Run ID search, or the log search on a Run’s Logs tab)' },
  { keys: 'j / k', does: 'Next / previous Run in the list' },
  { keys: 'Enter', does: 'Expand or collapse the active Run' },
  { keys: 'o', does: 'Open the active Run’s page' },
  { keys: 'w', does: 'Notify me when the active Run finishes (again: stop)' },
  { keys: 'r', does: 'Refresh' },
  { keys: 'Escape', does: 'Close a dialog, or collapse the active Run' },
  { keys: 'g a', does: 'Go to Activity' },
  { keys: 'g l', does: 'Go to Lifecycle' },
];

type Handler = (event: KeyboardEvent) => void;

const KEY = 'runs-dashboard.shortcuts';
const registry = new Map<string, Handler[]>();
const listeners = new Set<() => void>();

function readEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

let enabled = readEnabled();

export function setShortcutsEnabled(next: boolean): void {
  enabled = next;
  try {
    if (next) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, 'off');
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  for (const listener of listeners) listener();
}

export function useShortcutsEnabled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => enabled,
    () => true,
  );
}

/** A field where keys type text: shortcuts stay silent there. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
    target.type,
  );
}

/** Enter on a control does what the control does; only elsewhere is it a shortcut. */
function isControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('a, button, input, select, summary, textarea, [role="tab"]') !== null
  );
}

let pendingG = 0;

/** The key's name in the registry: `j`, `?`, `g a`, `Enter`, `Escape`. */
function keyOf(event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key;
  if (pendingG > Date.now()) {
    pendingG = 0;
    return `g ${key}`;
  }
  if (key === 'g') {
    pendingG = Date.now() + 1_000;
    return null;
  }
  return key;
}

/** The one window listener; installed once by the app shell. */
export function handleShortcut(event: KeyboardEvent): void {
  if (!enabled || event.defaultPrevented || isTyping(event.target)) return;
  // A dialog's keys are the dialog's: nothing behind it moves.
  if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
  const key = keyOf(event);
  if (key === null) return;
  if (key === 'Enter' && isControl(event.target)) return;
  const handlers = registry.get(key);
  const handler = handlers?.[handlers.length - 1];
  if (!handler) return;
  handler(event);
}

/**
 * Registers what keys do while the calling component is mounted (the most recent registration of
 * a key wins: a dialog over a page). A handler that does nothing leaves the event alone; one
 * that acts calls `event.preventDefault()`.
 */
export function useShortcuts(map: Readonly<Record<string, Handler>>): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  const keys = Object.keys(map).join('\n');
  useEffect(() => {
    const installed = keys.split('\n').map((key) => {
      const handler: Handler = (event) => latest.current[key]?.(event);
      registry.set(key, [...(registry.get(key) ?? []), handler]);
      return [key, handler] as const;
    });
    return () => {
      for (const [key, handler] of installed) {
        registry.set(
          key,
          (registry.get(key) ?? []).filter((h) => h !== handler),
        );
      }
    };
  }, [keys]);
}
