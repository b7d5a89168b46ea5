import { LIVE_REFRESH_MS } from '../../config/polling';
import type { Run } from '../../domain/run';
import { isActive } from '../../domain/states';

/**
 * How often a view of these Runs refreshes itself: every few seconds while any of them is active,
 * never once none is (one request per view, never one per row).
 */
export function liveInterval(runs: readonly Pick<Run, 'state'>[] | undefined): number | false {
  return runs?.some((run) => isActive(run.state)) ? LIVE_REFRESH_MS : false;
}
