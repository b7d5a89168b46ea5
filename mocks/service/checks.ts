/** The checks of SPEC §2 before a Run is shown or acted on, in their order: 404, 403, 409. */
import type { ActionKind, RunFacts } from '../../src/domain/actions';
import { actionLabel, actionVerdict } from '../../src/domain/actions';
import { canAct, canView } from '../../src/domain/permissions';
import { stateLabel } from '../../src/domain/states';
import { datastoreById } from '../db/catalog';
import type { SimRun } from '../engine/run-model';
import type { ReadContext } from './context';
import type { SimResult } from './result';
import { fail } from './result';

/** The Run, or 404 (unknown or deleted) or 403 (the acting user may not see it). */
export function findRun(ctx: ReadContext, id: number): SimRun | SimResult<never> {
  const run = ctx.store.get(id);
  if (!run) return fail(404, `Run #${id} does not exist or was deleted`);
  if (!canView(ctx.user(), run.datastoreId)) {
    return fail(
      403,
      `You need at least the Reporter permission on ${datastoreById(run.datastoreId)?.name ?? 'its datastore'} to see Run #${id}`,
    );
  }
  return run;
}

/** What `read` answers of the Run, or the 404 or 403 of findRun. */
export function withRun<T>(
  ctx: ReadContext,
  id: number,
  read: (run: SimRun) => SimResult<T>,
): SimResult<T> {
  const found = findRun(ctx, id);
  return 'status' in found ? found : read(found);
}

/** The Run if the action is valid now, from the domain's rules; else 404, 403 or 409. */
export function checkAction(
  ctx: ReadContext,
  action: ActionKind,
  id: number,
): SimRun | SimResult<never> {
  const found = findRun(ctx, id);
  if ('status' in found) return found;
  const run = found;
  const user = ctx.user();
  if (!canAct(user, run.datastoreId)) {
    const name = datastoreById(run.datastoreId)?.name ?? 'this datastore';
    return fail(
      403,
      `You need the Editor permission on ${name} to ${actionLabel(action).toLowerCase()} Run #${id}`,
    );
  }
  const verdict = actionVerdict(action, facts(run), user);
  if (verdict.allowed) return run;
  if (verdict.cause !== 'state') return fail(409, verdict.reason);
  return fail(409, `Run #${id} is ${stateLabel(run.state)}: ${verdict.reason}`);
}

function facts(run: SimRun): RunFacts {
  const completed = new Set(run.completed);
  return {
    type: run.type,
    state: run.state,
    datastoreId: run.datastoreId,
    remaining: run.containers.filter((c) => !completed.has(c.id)).length,
  };
}
