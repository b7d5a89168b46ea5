import { useDeferredValue, useMemo, useState } from 'react';
import type { LogLevel } from '../../api/contract';
import type { LogStore } from '../../queries/log-store';
import { clampMatch, matchAnnouncement, stepMatch } from './log-search';
import { LogView } from './log-view';

/**
 * What the viewer shows and finds: the view of the store (levels shown, deferred search, kept
 * up to date with every render), its matches, the current one and stepping through them.
 */
export function useLogSearch(
  store: LogStore,
  levels: ReadonlySet<LogLevel>,
  announce: (text: string) => void,
) {
  const [input, setInput] = useState('');
  const query = useDeferredValue(input);
  const view = useMemo(() => new LogView(store, levels, query), [store, levels, query]);
  // Takes in the lines that arrived since the last render (idempotent, incremental).
  view.sync();
  const matches = view.matches;

  // A new search or filter starts again at its first match.
  const [chosen, setChosen] = useState(0);
  const [matchView, setMatchView] = useState(view);
  if (matchView !== view) {
    setMatchView(view);
    setChosen(0);
  }
  const current = clampMatch(chosen, matches.length);
  const currentRow = matches.length ? (matches[current] ?? -1) : -1;

  /** Moves to the next (1) or previous (-1) match and says where it is. */
  const step = (delta: number) => {
    if (!matches.length) return;
    const next = stepMatch(current, delta, matches.length);
    setChosen(next);
    announce(matchAnnouncement(next, matches.length, view.lineAt(matches[next] ?? 0)));
  };

  return {
    /** The search as typed (the view follows it, deferred). */
    input,
    setInput,
    view,
    /** Index of the current match among `matchCount`; its row, or -1 for none. */
    current,
    currentRow,
    matchCount: matches.length,
    step,
  };
}
