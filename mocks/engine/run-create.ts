/** A new Run in its initial state (Queued, or Running for Promote), with its first log lines. */
import { initialState } from '../../src/domain/lifecycle';
import { operationInfo } from '../../src/domain/operations';
import { RunLog, log } from './run-log';
import type { RunInit, SimRun } from './run-model';
import { beginPlan } from './run-step';

export function createRun(init: RunInit): SimRun {
  const state = initialState(init.type);
  const run: SimRun = {
    id: init.id,
    type: init.type,
    datastoreId: init.datastore.id,
    created: init.created,
    triggeredBy: init.triggeredBy,
    schedule: init.schedule ?? null,
    tags: init.tags ?? [],
    settings: init.settings,
    containers: init.containers,
    plan: init.plan,
    parentId: init.parentId ?? null,
    relaunch: init.relaunch ?? null,
    state,
    startTime: null,
    endTime: null,
    message: null,
    abortedBy: null,
    slot: null,
    cursor: null,
    analyzed: 0,
    records: 0,
    anomalies: 0,
    partitions: 0,
    fieldsProfiled: 0,
    checksSynchronized: 0,
    completed: [],
    results: [],
    log: new RunLog(),
    quiet: init.quiet ?? false,
    lastSeq: 0,
    warnings: 0,
    history: [{ from: null, to: state, at: init.created }],
  };
  const { label, unit } = operationInfo(init.type);
  const origin =
    run.relaunch === 'resume'
      ? ` (resume of #${run.parentId}: ${init.containers.length} ${unit.toLowerCase()} left)`
      : run.relaunch === 'rerun'
        ? ` (rerun of #${run.parentId})`
        : '';
  log(
    run,
    init.created,
    'info',
    `${label} run created by ${init.triggeredBy} on ${init.datastore.name}${origin}`,
  );
  if (state === 'running') beginPlan(run, init.created);
  else log(run, init.created, 'info', 'Queued: waiting for a free worker');
  return run;
}
