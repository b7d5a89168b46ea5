/**
 * Resume and Rerun that never make a second Run (SPEC §3.1, idempotent relaunch). Each click makes
 * one Idempotency-Key, and every retry of that click sends it again: a server that honours it
 * answers the Run it made the first time. Against a server that ignores it, a retry first looks
 * for the Run the lost attempt may have made — a Run with this parent, of this kind, made since
 * the click — and only sends again when the server shows a Run's parent and none is there. When it
 * shows no parents at all, nobody can know: the retry says so instead of guessing.
 */
import type { ApiClient } from '../api/client';
import type { Run } from '../domain/run';
import { now } from '../lib/now';

export type RelaunchKind = 'resume' | 'rerun';

/** One click on Resume or Rerun, kept for its retries. */
export interface RelaunchClick {
  readonly key: string;
  /** When the click happened, by the dashboard's clock (the simulator's, or this computer's). */
  readonly at: number;
  /** The parent's children known at the click (null when the server does not list them). */
  readonly childrenBefore: ReadonlySet<number> | null;
}

/** How far this computer's clock may be from the server's when telling "made since the click". */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** How many of the newest Runs a retry looks through for the one a lost attempt made. */
const LOOK_BACK = 50;

/** 128 random bits in hex (getRandomValues works on plain http too, where randomUUID is absent). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function relaunchClick(parent: Run): RelaunchClick {
  return {
    key: newKey(),
    at: now(),
    childrenBefore: parent.children ? new Set(parent.children.map((c) => c.id)) : null,
  };
}

/** The server shows no parent of any Run: whether the lost attempt made one cannot be known. */
export class RelaunchUnknownError extends Error {
  override readonly name = 'RelaunchUnknownError';
  constructor(
    readonly kind: RelaunchKind,
    readonly parentId: number,
  ) {
    super(
      `The answer to the ${kind === 'resume' ? 'Resume' : 'Rerun'} of Run #${parentId} was lost, and this API does not say which Run a Run came from: it cannot be known whether a new Run was made. Look for it in Activity before trying again.`,
    );
  }
}

const isNew = (click: RelaunchClick, id: number) => !(click.childrenBefore?.has(id) ?? false);

/** The Run a lost attempt of this click made, null when there is none, or unknowable (throws). */
export async function findRelaunched(
  client: ApiClient,
  kind: RelaunchKind,
  parent: Run,
  click: RelaunchClick,
): Promise<Run | null> {
  const fresh = await client.getRun(parent.id);
  if (fresh.children) {
    const made = fresh.children.find((c) => c.relaunch === kind && isNew(click, c.id));
    return made ? client.getRun(made.id) : null;
  }
  const newest = await client.listRuns({
    page: 1,
    size: LOOK_BACK,
    sort_created: 'desc',
    operation_type: [parent.type],
    datastore: [parent.datastore.id],
  });
  const made = newest.items.find(
    (r) =>
      r.parentId === parent.id &&
      (r.relaunch === null || r.relaunch === kind) &&
      r.type === parent.type &&
      isNew(click, r.id) &&
      r.createdAt >= click.at - CLOCK_SKEW_MS,
  );
  if (made) return made;
  if (newest.items.some((r) => r.parentId !== null)) return null;
  throw new RelaunchUnknownError(kind, parent.id);
}

/**
 * Sends the click's Resume or Rerun: the first time straight away, on a retry only after looking
 * for what the lost attempt made (`force` sends anyway, for a person who checked).
 */
export async function relaunch(
  client: ApiClient,
  kind: RelaunchKind,
  parent: Run,
  click: RelaunchClick,
  attempt: { readonly retry: boolean; readonly force?: boolean },
): Promise<Run> {
  if (attempt.retry && !attempt.force) {
    const made = await findRelaunched(client, kind, parent, click);
    if (made) return made;
  }
  const options = { idempotencyKey: click.key };
  return kind === 'resume'
    ? client.resumeRun(parent.id, options)
    : client.rerunRun(parent.id, options);
}
