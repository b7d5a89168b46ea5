import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { LogLevel } from '../../api/contract';
import type { LogLoader } from '../../queries/log-loader';
import { logSearchQuery } from '../../queries/logs';
import { clampMatch, matchAnnouncement, stepMatch } from './log-search';
import { LogView, normalizeQuery } from './log-view';

/**
 * What the viewer shows and finds: the view of the store (levels shown, deferred search, kept
 * up to date with every render), its matches — over every line held, or on the server while
 * the log is not whole (when it has search) — the current one and stepping through them.
 */
export function useLogSearch(
  loader: LogLoader,
  levels: ReadonlySet<LogLevel>,
  announce: (text: string) => void,
) {
  const { store } = loader;
  const [input, setInput] = useState('');
  const query = useDeferredValue(input);
  const q = normalizeQuery(query);
  const onServer = q !== '' && !store.whole && loader.caps.lines && loader.caps.search !== false;
  const { runId, containerId } = loader;
  const server = useQuery({
    ...logSearchQuery(loader, runId, containerId, q),
    enabled: onServer,
  });
  const found = onServer ? (server.data ?? null) : null;
  const view = useMemo(
    () => new LogView(store, levels, query, found),
    [store, levels, query, found],
  );
  // Takes in the lines that arrived since the last render (idempotent).
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
    announce(matchAnnouncement(next, view.matchCount, view.lineAt(matches[next] ?? 0)));
  };

  return {
    view,
    currentRow,
    box: {
      value: input,
      onChange: setInput,
      searching: view.query !== '' && !(onServer && server.isPending),
      pending: view.query !== '' && onServer && server.isPending,
      currentMatch: current,
      matchCount: view.matchCount,
      onStep: step,
    },
  };
}
