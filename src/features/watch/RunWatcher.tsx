/**
 * Keeps a watched Run's detail in the query cache, wherever the person is, so that its end is
 * seen (use-run-watch-engine.ts): pushed by the Run-change stream while it is live (no request),
 * else read every POLL.watch while active — also in a background tab, where a notification
 * matters most. Renders nothing.
 */
import { useQuery } from '@tanstack/react-query';
import { POLL } from '../../config/polling';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';
import { liveRefetch } from '../../queries/live';
import { runDetailQuery } from '../../queries/runs';

export function RunWatcher({ id }: { id: number }) {
  useQuery({
    ...runDetailQuery(id),
    refetchInterval: liveRefetch((run: Run) => isActive(run.state), POLL.watch),
    refetchIntervalInBackground: true,
  });
  return null;
}
