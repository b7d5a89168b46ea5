/**
 * A watch for Failures among the Runs of a filter: reads the newest Failures of those filters
 * (pushed by the Run-change stream while it is live, else every POLL.watch, also in a background
 * tab). The Failures there at the first answer are the watch's baseline; the first new one tells,
 * and the watch clears itself. Renders nothing.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { POLL } from '../../config/polling';
import type { Run } from '../../domain/run';
import { liveRefetch } from '../../queries/live';
import { runListQuery } from '../../queries/runs';
import type { FailureWatch } from './watch-store';
import { setSeen, unwatchFailures } from './watch-store';
import { failureListOf } from './watch-words';

export function FailureWatcher({
  watch,
  onFailures,
}: {
  watch: FailureWatch;
  onFailures: (watch: FailureWatch, runs: readonly Run[]) => void;
}) {
  const { key, filters, seen } = watch;
  const { data } = useQuery({
    ...runListQuery(failureListOf(filters)),
    placeholderData: undefined,
    refetchInterval: liveRefetch(() => true, POLL.watch),
    refetchIntervalInBackground: true,
  });

  useEffect(() => {
    if (data === undefined) return;
    const failures = data.items.filter((run) => run.state === 'failure');
    if (seen === null) {
      setSeen(
        key,
        failures.map((run) => run.id),
      );
      return;
    }
    const fresh = failures.filter((run) => !seen.includes(run.id));
    if (fresh.length > 0 && unwatchFailures(key)) onFailures(watch, fresh);
  }, [data, seen, key, watch, onFailures]);
  return null;
}
