/**
 * How a Run works through its plan: a worker starts it, then each planned event happens at its
 * own time (begin a container, complete a step, end the container, end the Run).
 */
import { operationInfo } from '../../src/domain/operations';
import { tagged } from './ansi';
import { formatCount, stepText } from './plan';
import { log } from './run-log';
import type { SimContainerResult, SimRun } from './run-model';
import { end, endResult, transition } from './run-state';

/** A worker picks the Run up (or Promote starts at once). */
export function startRun(run: SimRun, at: number, slot: number | null): void {
  transition(run, 'running', at);
  run.slot = slot;
  beginPlan(run, at);
}

/** The Run is Running from `at`: its plan starts after the setup time. */
export function beginPlan(run: SimRun, at: number): void {
  run.startTime = at;
  log(run, at, 'info', run.slot === null ? 'Started' : `Picked up by worker ${run.slot + 1}`);
  run.cursor = { container: 0, step: -1, at: at + run.plan.setupMs };
}

/** When the Run's next planned event happens; null when it has none (not Running). */
export function nextEventAt(run: SimRun): number | null {
  return run.state === 'running' && run.cursor ? run.cursor.at : null;
}

/**
 * Processes the Run's next planned event at its own time: begin a container (step -1), complete a
 * step, and after the last step end the container (and the Run after the last container).
 */
export function stepRun(run: SimRun, resultIds: () => number): void {
  const cursor = run.cursor;
  if (run.state !== 'running' || !cursor) return;
  const at = cursor.at;
  const plan = run.plan.containers[cursor.container];
  if (!plan) {
    finish(run, at);
    return;
  }
  const { container } = plan;
  const perContainer = operationInfo(run.type).hasContainerProgress;
  const scopeId = run.plan.stepScope === 'container' ? container.id : null;
  // A container's own log is the worker's console: its warnings and errors carry a coloured tag.
  const own = (level: 'warning' | 'error', text: string) =>
    scopeId === null ? text : tagged(level, text);

  if (cursor.step === -1) {
    log(
      run,
      at,
      'info',
      `Processing ${container.name} (${cursor.container + 1}/${run.containers.length})`,
    );
    if (perContainer) {
      log(run, at, 'info', `Query: ${plan.query}`, container.id);
      run.results.push({
        id: resultIds(),
        container,
        created: at,
        startTime: at,
        endTime: null,
        records: 0,
        anomalies: 0,
        fieldsProfiled: 0,
        checksSynchronized: 0,
        result: 'running',
        message: null,
      });
    }
    advanceCursor(run, cursor.container, 0, at);
    return;
  }

  const step = plan.steps[cursor.step];
  if (!step) return;
  const isLast = cursor.step === plan.steps.length - 1;
  const fatalHere = plan.outcome !== 'success' && isLast;
  const result = currentResult(run, container.id);

  if (fatalHere) {
    const error = plan.error ?? 'Unknown error';
    if (plan.outcome === 'fatal') {
      log(run, at, 'error', own('error', error), scopeId);
      if (perContainer && result) endResult(result, at, 'failure', error);
      if (scopeId !== null) log(run, at, 'error', `${container.name}: ${error}`);
      run.message = error;
      transition(run, 'failure', at);
      end(run, at);
      log(run, at, 'error', `Run failed: ${error}`);
      return;
    }
    // A container failure that does not stop the Run.
    if (perContainer && result) {
      log(run, at, 'error', tagged('error', error), container.id);
      endResult(result, at, 'failure', error);
      log(run, at, 'warning', `${container.name} failed and was skipped; the run continues`);
    } else {
      log(run, at, 'warning', `${container.name} was skipped: ${error}`);
    }
    run.analyzed++;
    moveToNextContainer(run, cursor.container, at);
    return;
  }

  run.records += step.records;
  run.anomalies += step.anomalies;
  run.partitions += 1;
  if (result) {
    result.records += step.records;
    result.anomalies += step.anomalies;
  }
  log(run, at, 'info', () => stepText(run.type, container.name, step, plan.steps.length), scopeId);
  if (step.warning) log(run, at, 'warning', own('warning', step.warning), scopeId);

  if (!isLast) {
    advanceCursor(run, cursor.container, cursor.step + 1, at);
    return;
  }
  run.analyzed++;
  run.completed.push(container.id);
  run.fieldsProfiled += plan.fieldsProfiled;
  run.checksSynchronized += plan.checksSynchronized;
  if (result) {
    result.fieldsProfiled = plan.fieldsProfiled;
    result.checksSynchronized = plan.checksSynchronized;
    endResult(result, at, 'success', null);
    const records = result.records;
    log(
      run,
      at,
      'info',
      () => `Finished ${container.name}: ${formatCount(records)} records`,
      container.id,
    );
  }
  moveToNextContainer(run, cursor.container, at);
}

function advanceCursor(run: SimRun, container: number, step: number, at: number): void {
  const plan = run.plan.containers[container];
  const duration = plan?.steps[step]?.durationMs ?? 0;
  run.cursor = { container, step, at: at + duration };
}

function moveToNextContainer(run: SimRun, index: number, at: number): void {
  if (index + 1 >= run.plan.containers.length) {
    finish(run, at);
    return;
  }
  run.cursor = { container: index + 1, step: -1, at };
}

function finish(run: SimRun, at: number): void {
  transition(run, 'success', at);
  end(run, at);
  if (run.warnings > 0) {
    run.message = `Completed with ${run.warnings} ${run.warnings === 1 ? 'warning' : 'warnings'} in the logs`;
  }
  log(
    run,
    at,
    'info',
    `Run finished as Success: ${run.analyzed}/${run.containers.length} processed`,
  );
}

function currentResult(run: SimRun, containerId: number): SimContainerResult | undefined {
  const last = run.results[run.results.length - 1];
  return last && last.container.id === containerId && last.endTime === null ? last : undefined;
}
