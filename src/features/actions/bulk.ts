/**
 * Bulk actions, the pure part: which selected Runs an action applies to (the same domain rules
 * as one Run's buttons), and why the others are left out.
 */
import { actionVerdict } from '../../domain/actions';
import type { ActingUser } from '../../domain/permissions';
import type { Run } from '../../domain/run';
import { runFacts } from '../../domain/run';
import type { BulkAction } from '../../queries/run-actions';

export interface Eligibility {
  readonly eligible: readonly Run[];
  /** The most common reason among the Runs left out, or null when none is left out. */
  readonly reason: string | null;
}

export function eligibility(
  action: BulkAction,
  runs: readonly Run[],
  user: ActingUser,
): Eligibility {
  const eligible: Run[] = [];
  const reasons = new Map<string, number>();
  for (const run of runs) {
    const verdict = actionVerdict(action, runFacts(run), user);
    if (verdict.allowed) eligible.push(run);
    else reasons.set(verdict.reason, (reasons.get(verdict.reason) ?? 0) + 1);
  }
  let reason: string | null = null;
  let most = 0;
  for (const [text, n] of reasons) {
    if (n > most) {
      reason = text;
      most = n;
    }
  }
  return { eligible, reason };
}

export const runsWord = (n: number): string => (n === 1 ? 'Run' : 'Runs');
