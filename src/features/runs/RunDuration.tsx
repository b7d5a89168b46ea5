import type { Run } from '../../domain/run';
import { durationMs } from '../../domain/run';
import { isActive } from '../../domain/states';
import { useNow } from '../../lib/now';
import { formatDuration } from '../../lib/time';

/**
 * "Running for 3 minutes" ticking live while the Run is active (one shared timer for the page),
 * "Took 38 minutes" once it is terminal, "Queued for 2 minutes" before a worker picks it up.
 */
export function RunDuration({
  run,
}: {
  run: Pick<Run, 'state' | 'createdAt' | 'startedAt' | 'endedAt'>;
}) {
  const now = useNow(isActive(run.state));
  return <>{durationText(run, now)}</>;
}

function durationText(
  run: Pick<Run, 'state' | 'createdAt' | 'startedAt' | 'endedAt'>,
  now: number,
): string {
  if (run.state === 'queued')
    return `Queued for ${formatDuration(Math.max(0, now - run.createdAt))}`;
  const ms = durationMs(run, now);
  if (ms === null) return 'Never started';
  return isActive(run.state) ? `Running for ${formatDuration(ms)}` : `Took ${formatDuration(ms)}`;
}
