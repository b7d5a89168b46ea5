import { expect, test } from 'vitest';
import {
  ACTIVE_STATES,
  RUN_STATES,
  TERMINAL_STATES,
  isActive,
  isRunState,
  isTerminal,
  phaseOf,
  stateIcon,
  stateLabel,
  stateTone,
} from './states';

test('the five states with their phase, label, tone and icon (SPEC §1.1)', () => {
  const table = RUN_STATES.map((state) => [
    state,
    phaseOf(state),
    stateLabel(state),
    stateTone(state),
    stateIcon(state),
  ]);
  expect(table).toEqual([
    ['queued', 'active', 'Queued', 'neutral', 'mdiClockOutline'],
    ['running', 'active', 'Running', 'warning', 'mdiLoading'],
    ['success', 'terminal', 'Success', 'success', 'mdiCheckCircle'],
    ['failure', 'terminal', 'Failure', 'danger', 'mdiCloseCircle'],
    ['aborted', 'terminal', 'Aborted', 'danger', 'mdiAlertCircle'],
  ]);
});

test('Aborted shares Failure’s colour but not its label or icon', () => {
  expect(stateTone('aborted')).toBe(stateTone('failure'));
  expect(stateLabel('aborted')).not.toBe(stateLabel('failure'));
  expect(stateIcon('aborted')).not.toBe(stateIcon('failure'));
});

test('active and terminal split the states in two', () => {
  expect(ACTIVE_STATES).toEqual(['queued', 'running']);
  expect(TERMINAL_STATES).toEqual(['success', 'failure', 'aborted']);
  for (const state of RUN_STATES) {
    expect(isActive(state)).toBe(ACTIVE_STATES.includes(state));
    expect(isTerminal(state)).toBe(!isActive(state));
  }
});

test('isRunState accepts the API values only', () => {
  for (const state of RUN_STATES) expect(isRunState(state)).toBe(true);
  for (const value of ['Queued', 'done', '', 'cancelled']) expect(isRunState(value)).toBe(false);
});

test('an unknown state is an error, not a silent default', () => {
  expect(() => stateLabel('paused' as never)).toThrow('Unexpected state: "paused"');
  expect(() => phaseOf('paused' as never)).toThrow();
  expect(() => stateTone('paused' as never)).toThrow();
  expect(() => stateIcon('paused' as never)).toThrow();
});
