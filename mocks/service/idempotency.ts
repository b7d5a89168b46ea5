/**
 * Idempotent relaunch (docs/api.md): the Idempotency-Keys that created a Run by Resume or Rerun.
 * A repeat of the same key within the window answers that Run as it is now (201 again) instead of
 * creating another; the same key for another Run or action is refused. Keys live with the store
 * (cleared by a reset) and are rebuilt by a journal replay, since the journal carries them.
 */
import type { RunWire } from '../../src/api/contract';
import { IDEMPOTENCY_WINDOW_MS } from '../../src/api/contract';
import type { CommandContext } from './context';
import type { SimResult } from './result';
import { created, fail } from './result';
import { toWire } from './wire';

export type RelaunchKind = 'resume' | 'rerun';

/** What the first request with a key did. */
export interface KeyUse {
  readonly kind: RelaunchKind;
  readonly parentId: number;
  readonly runId: number;
  /** Virtual time of the first request. */
  readonly at: number;
}

export class IdempotencyKeys {
  private readonly uses = new Map<string, KeyUse>();

  clear(): void {
    this.uses.clear();
  }

  /** The key's first use if it is still within the window at `now`; an expired key is forgotten. */
  find(key: string, now: number): KeyUse | null {
    const use = this.uses.get(key);
    if (!use) return null;
    if (now - use.at > IDEMPOTENCY_WINDOW_MS) {
      this.uses.delete(key);
      return null;
    }
    return use;
  }

  record(key: string, use: KeyUse): void {
    this.uses.set(key, use);
  }
}

/**
 * The answer to a repeat of a key already used: the Run it created, re-read now; or 409 when the
 * key was used for another Run or action, or when that Run has since been deleted.
 */
export function repeatAnswer(
  ctx: CommandContext,
  use: KeyUse,
  kind: RelaunchKind,
  parentId: number,
): SimResult<RunWire> {
  if (use.kind !== kind || use.parentId !== parentId) {
    return fail(
      409,
      `This Idempotency-Key was already used to ${use.kind} Run #${use.parentId}; ` +
        `make a new key for each action (it was sent to ${kind} Run #${parentId})`,
    );
  }
  const run = ctx.store.get(use.runId);
  if (!run) {
    return fail(
      409,
      `Run #${use.runId}, which this Idempotency-Key created, has since been deleted`,
    );
  }
  return created(toWire(run, true, ctx.wire));
}
