import { assertNever } from './assert-never';

/** The five states of a Run (SPEC §1.1). The API value is the same string. */
export const RUN_STATES = ['queued', 'running', 'success', 'failure', 'aborted'] as const;
export type RunState = (typeof RUN_STATES)[number];

export type Phase = 'active' | 'terminal';

export const ACTIVE_STATES: readonly RunState[] = ['queued', 'running'];
export const TERMINAL_STATES: readonly RunState[] = ['success', 'failure', 'aborted'];

export function isRunState(value: string): value is RunState {
  return (RUN_STATES as readonly string[]).includes(value);
}

export function phaseOf(state: RunState): Phase {
  switch (state) {
    case 'queued':
    case 'running':
      return 'active';
    case 'success':
    case 'failure':
    case 'aborted':
      return 'terminal';
    default:
      return assertNever(state, 'state');
  }
}

export const isActive = (state: RunState): boolean => phaseOf(state) === 'active';
export const isTerminal = (state: RunState): boolean => phaseOf(state) === 'terminal';

export function stateLabel(state: RunState): string {
  switch (state) {
    case 'queued':
      return 'Queued';
    case 'running':
      return 'Running';
    case 'success':
      return 'Success';
    case 'failure':
      return 'Failure';
    case 'aborted':
      return 'Aborted';
    default:
      return assertNever(state, 'state');
  }
}

/** Badge tone. Aborted shares Failure's red; icon and label tell them apart. */
export type StateTone = 'neutral' | 'warning' | 'success' | 'danger';

export function stateTone(state: RunState): StateTone {
  switch (state) {
    case 'queued':
      return 'neutral';
    case 'running':
      return 'warning';
    case 'success':
      return 'success';
    case 'failure':
    case 'aborted':
      return 'danger';
    default:
      return assertNever(state, 'state');
  }
}

/** Material Design Icons name of each state's icon (SPEC §1.1). */
export type StateIconName =
  'mdiClockOutline' | 'mdiLoading' | 'mdiCheckCircle' | 'mdiCloseCircle' | 'mdiAlertCircle';

export function stateIcon(state: RunState): StateIconName {
  switch (state) {
    case 'queued':
      return 'mdiClockOutline';
    case 'running':
      return 'mdiLoading';
    case 'success':
      return 'mdiCheckCircle';
    case 'failure':
      return 'mdiCloseCircle';
    case 'aborted':
      return 'mdiAlertCircle';
    default:
      return assertNever(state, 'state');
  }
}
