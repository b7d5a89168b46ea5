import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { Run } from '../../domain/run';
import type { LevelCounts, LogStore } from '../../queries/log-store';
import { LOG_LEVELS } from '../../queries/log-store';
import { logQuery } from '../../queries/logs';
import { deltaText } from './compare';
import { CompareTable } from './CompareTable';

const LEVEL_LABELS = { info: 'Info', warning: 'Warning', error: 'Error' } as const;

function useLevelCounts(runId: number): { counts: LevelCounts; complete: boolean } {
  const { data } = useQuery(logQuery(runId, null));
  const store: LogStore = data.store;
  useSyncExternalStore(store.subscribe, store.getVersion);
  return { counts: store.counts, complete: store.complete };
}

/** Lines per level of each Run's own log, with the change from A to B. */
export function LogLevelsCompared({ a, b }: { a: Run; b: Run }) {
  const left = useLevelCounts(a.id);
  const right = useLevelCounts(b.id);
  const partial = !left.complete || !right.complete;
  return (
    <>
      <CompareTable
        caption="Log lines by level"
        a={a.id}
        b={b.id}
        withChange
        rows={LOG_LEVELS.map((level) => {
          const delta = right.counts[level] - left.counts[level];
          return {
            key: level,
            label: LEVEL_LABELS[level],
            a: left.counts[level].toLocaleString(),
            b: right.counts[level].toLocaleString(),
            change: deltaText(delta),
            differs: delta !== 0,
          };
        })}
      />
      {partial ? (
        <p className="muted">Counted so far: a log is still being read or still being written.</p>
      ) : null}
    </>
  );
}
