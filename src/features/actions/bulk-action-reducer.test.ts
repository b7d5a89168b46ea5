import { expect, test } from 'vitest';
import { makeRun } from '../../../test/run-fixture';
import { ApiError } from '../../api/errors';
import type { BulkActionEvent, BulkActionState } from './bulk-action-reducer';
import { BULK_IDLE, bulkActionReducer, dialogStep, outcomeOnScreen } from './bulk-action-reducer';

const ME = 'ada@example.com';
const a = makeRun({ id: 1, state: 'running' });
const b = makeRun({ id: 2, state: 'queued' });
const c = makeRun({ id: 3, state: 'running' });

const unreached = new ApiError({
  kind: 'network',
  status: 0,
  detail: 'Cannot reach the API',
  method: 'PUT',
  url: '/api/operations/abort/2',
});

const OPEN: BulkActionEvent = {
  type: 'open',
  action: 'abort',
  eligible: [a, b, c],
  skipped: 2,
  actingEmail: ME,
};
/** #1 aborted, #2 not sent, #3 had already finished. */
const SETTLED: BulkActionEvent = {
  type: 'settled',
  results: [
    { status: 'fulfilled', value: { ...a, state: 'aborted', abortedBy: ME } },
    { status: 'rejected', reason: unreached },
    { status: 'fulfilled', value: { ...c, state: 'success' } },
  ],
};

const run = (events: readonly BulkActionEvent[], from: BulkActionState = BULK_IDLE) =>
  events.reduce(bulkActionReducer, from);

/** The batch out: the same object for as long as it is out (the hook sends each batch once). */
const batchOf = (state: BulkActionState) => (state.step === 'sending' ? state.batch : null);

const confirming = run([OPEN]);
const sending = run([OPEN, { type: 'confirm' }]);
const done = run([OPEN, { type: 'confirm' }, SETTLED]);

test('open: idle → confirming with the eligible Runs and the skipped count', () => {
  expect(confirming).toEqual({
    step: 'confirming',
    batch: { action: 'abort', runs: [a, b, c], actingEmail: ME, origin: 'selection' },
    skipped: 2,
    behind: null,
  });
});

test('confirm: confirming → sending, nothing answered yet, the dialog open and busy', () => {
  expect(sending).toEqual({
    step: 'sending',
    batch: { action: 'abort', runs: [a, b, c], actingEmail: ME, origin: 'selection' },
    skipped: 2,
    answered: 0,
    dialog: true,
  });
});

test('progress counts the answers of the batch out, never backwards nor beyond the total', () => {
  const two = run([{ type: 'progress', answered: 2 }], sending);
  expect(two).toMatchObject({ step: 'sending', answered: 2 });
  expect(batchOf(two)).toBe(batchOf(sending));
  expect(bulkActionReducer(two, { type: 'progress', answered: 1 })).toBe(two);
  expect(bulkActionReducer(two, { type: 'progress', answered: 9 })).toMatchObject({ answered: 3 });
  expect(bulkActionReducer(confirming, { type: 'progress', answered: 1 })).toBe(confirming);
});

test('settled: sending → done with an outcome per Run and the ones not sent to retry', () => {
  expect(done).toMatchObject({ step: 'done', notSent: [b], takeFocus: true });
  if (done.step !== 'done') throw new Error('not done');
  expect(done.outcome.items.map((item) => [item.id, item.status, item.text])).toEqual([
    [1, 'done', 'Done'],
    [2, 'failed', 'Not sent: the API could not be reached'],
    [3, 'refused', 'Had already finished as Success'],
  ]);
  // A Run the batch has no answer for is said to have failed, and can be retried.
  expect(run([{ type: 'settled', results: [] }], sending)).toMatchObject({
    notSent: [a, b, c],
  });
});

test('close: Cancel goes back to idle, or to the outcome that was on screen', () => {
  expect(run([{ type: 'close' }], confirming)).toBe(BULK_IDLE);
  const again = run([OPEN], done);
  expect(again).toMatchObject({ step: 'confirming', behind: { step: 'done', takeFocus: false } });
  expect(run([{ type: 'close' }], again)).toMatchObject({
    step: 'done',
    notSent: [b],
    takeFocus: false,
  });
});

test('close while sending closes the dialog; the batch goes on, and its outcome leaves the focus alone', () => {
  const closed = run([{ type: 'close' }], sending);
  expect(closed).toEqual({ ...sending, dialog: false });
  expect(batchOf(closed)).toBe(batchOf(sending));
  expect(bulkActionReducer(closed, { type: 'close' })).toBe(closed);
  expect(run([SETTLED], closed)).toMatchObject({ step: 'done', takeFocus: false });
});

test('retry: done → sending the Runs not sent alone, without the dialog nor clearing a selection', () => {
  expect(run([{ type: 'retry' }], done)).toEqual({
    step: 'sending',
    batch: { action: 'abort', runs: [b], actingEmail: ME, origin: 'retry' },
    skipped: 0,
    answered: 0,
    dialog: false,
  });
});

test('dismiss: done → idle', () => {
  expect(run([{ type: 'dismiss' }], done)).toBe(BULK_IDLE);
});

test('a second confirm while sending sends nothing: the same state, the same batch', () => {
  expect(bulkActionReducer(sending, { type: 'confirm' })).toBe(sending);
  expect(bulkActionReducer(sending, { type: 'retry' })).toBe(sending);
  expect(bulkActionReducer(sending, OPEN)).toBe(sending);
  expect(bulkActionReducer(sending, { type: 'dismiss' })).toBe(sending);
});

test('every other event that does not fit the step is refused', () => {
  const refused: [BulkActionState, BulkActionEvent][] = [
    [BULK_IDLE, { type: 'confirm' }],
    [BULK_IDLE, { type: 'close' }],
    [BULK_IDLE, SETTLED],
    [BULK_IDLE, { type: 'retry' }],
    [BULK_IDLE, { type: 'dismiss' }],
    [BULK_IDLE, { ...OPEN, eligible: [] }],
    [confirming, OPEN],
    [confirming, SETTLED],
    [confirming, { type: 'retry' }],
    [confirming, { type: 'dismiss' }],
    [done, { type: 'confirm' }],
    [done, { type: 'close' }],
    [done, SETTLED],
    [done, { type: 'progress', answered: 1 }],
  ];
  for (const [state, event] of refused) expect(bulkActionReducer(state, event)).toBe(state);
  // Nothing left to retry: nothing is sent.
  const allDone = run([
    OPEN,
    { type: 'confirm' },
    { type: 'settled', results: [a, b, c].map(() => ({ status: 'fulfilled', value: null })) },
  ]);
  expect(bulkActionReducer(allDone, { type: 'retry' })).toBe(allDone);
});

test('the dialog shows while confirming and while sending, unless closed; the outcome while done and behind a new confirmation', () => {
  const closed = run([{ type: 'close' }], sending);
  expect([BULK_IDLE, confirming, sending, closed, done].map(dialogStep)).toEqual([
    null,
    confirming,
    sending,
    null,
    null,
  ]);
  const again = run([OPEN], done);
  expect([BULK_IDLE, confirming, sending, done].map(outcomeOnScreen)).toEqual([
    null,
    null,
    null,
    done,
  ]);
  expect(outcomeOnScreen(again)).toMatchObject({ step: 'done', notSent: [b] });
});
