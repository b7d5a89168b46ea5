/**
 * The commands of SPEC §2 and §3 (launch, abort, resume, rerun, delete, switch user): each is
 * journaled with its time first, then checked (404, then 403, then 409), then applied.
 */
import type { LaunchBody, RunWire, SimUserBody, UserWire } from '../../src/api/contract';
import { canAct } from '../../src/domain/permissions';
import { operationInfo } from '../../src/domain/operations';
import { userFor } from '../db/acting-user';
import { datastoreById, workItems } from '../db/catalog';
import { relaunchContainers } from '../engine/relaunch';
import { abortRun } from '../engine/run-abort';
import { checkAction } from './checks';
import type { CommandContext } from './context';
import type { RelaunchKind } from './idempotency';
import { repeatAnswer } from './idempotency';
import type { SimResult } from './result';
import { created, fail, noContent, ok } from './result';
import { toWire } from './wire';

export function launch(ctx: CommandContext, body: LaunchBody): SimResult<RunWire> {
  const at = ctx.begin({ op: 'launch', body });
  const user = ctx.user();
  const datastore = datastoreById(body.datastore_id);
  if (!datastore) return fail(404, `Datastore ${body.datastore_id} does not exist`);
  if (!canAct(user, datastore.id)) {
    return fail(403, `You need the Editor permission on ${datastore.name} to launch a run`);
  }
  const pool = workItems(body.type, datastore);
  let containers = pool;
  if (body.container_ids && body.container_ids.length > 0) {
    const wanted = new Set(body.container_ids);
    containers = pool.filter((c) => wanted.has(c.id));
    const unknown = body.container_ids.filter((cid) => !pool.some((c) => c.id === cid));
    if (unknown.length > 0) {
      return fail(
        400,
        `Not ${operationInfo(body.type).unit.toLowerCase()} of ${datastore.name}: ${unknown.join(', ')}`,
      );
    }
  }
  const run = ctx.create({
    type: body.type,
    datastore,
    containers,
    created: at,
    triggeredBy: user.email,
  });
  ctx.reconcile(at);
  return created(toWire(run, true, ctx.wire));
}

export function abort(ctx: CommandContext, id: number): SimResult<RunWire> {
  const at = ctx.begin({ op: 'abort', id });
  const checked = checkAction(ctx, 'abort', id);
  if ('status' in checked) {
    // The race of SPEC §2: a Run that finished before the abort landed stays as it is, and the
    // answer is its real state.
    if (checked.status === 409) {
      const run = ctx.store.get(id);
      if (run) return ok(toWire(run, true, ctx.wire));
    }
    return checked;
  }
  abortRun(checked, at, ctx.user().email);
  ctx.pool.retire(checked);
  ctx.reconcile(at);
  return ok(toWire(checked, true, ctx.wire));
}

/**
 * Resume or Rerun: a new Run of the same type, settings and tags, linked to its parent. With an
 * Idempotency-Key already used within its window, the Run that key created instead (no new Run).
 */
export function relaunch(
  ctx: CommandContext,
  kind: RelaunchKind,
  id: number,
  key: string | null = null,
): SimResult<RunWire> {
  const at = ctx.begin(key === null ? { op: kind, id } : { op: kind, id, key });
  const used = key === null ? null : ctx.keys.find(key, at);
  if (used) return repeatAnswer(ctx, used, kind, id);
  const checked = checkAction(ctx, kind, id);
  if ('status' in checked) return checked;
  const parent = checked;
  const datastore = datastoreById(parent.datastoreId);
  if (!datastore) return fail(404, `Datastore ${parent.datastoreId} does not exist`);
  const run = ctx.create({
    type: parent.type,
    datastore,
    containers: relaunchContainers(parent, kind),
    created: at,
    triggeredBy: ctx.user().email,
    schedule: null,
    settings: parent.settings,
    tags: parent.tags,
    parentId: parent.id,
    relaunch: kind,
  });
  if (key !== null) ctx.keys.record(key, { kind, parentId: id, runId: run.id, at });
  ctx.reconcile(at);
  return created(toWire(run, true, ctx.wire));
}

export function deleteRun(ctx: CommandContext, id: number): SimResult<null> {
  ctx.begin({ op: 'delete', id });
  const checked = checkAction(ctx, 'delete', id);
  if ('status' in checked) return checked;
  ctx.store.delete(id);
  ctx.pool.release(id);
  return noContent();
}

export function setUser(ctx: CommandContext, body: SimUserBody): SimResult<UserWire> {
  ctx.begin({ op: 'user', body });
  const user = userFor(body);
  ctx.actAs(user);
  return ok(user);
}
