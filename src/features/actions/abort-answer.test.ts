import { expect, test } from 'vitest';
import { makeRun } from '../../../test/run-fixture';
import type { RunState } from '../../domain/states';
import { readAbortAnswer } from './abort-answer';

const ME = 'ada@example.com';

test('an Aborted answer: by me, by someone else, or by no one named', () => {
  expect(readAbortAnswer(makeRun({ state: 'aborted', abortedBy: ME }), ME)).toEqual({
    kind: 'aborted',
    by: ME,
  });
  expect(readAbortAnswer(makeRun({ state: 'aborted', abortedBy: 'System' }), ME)).toEqual({
    kind: 'aborted-by-other',
    by: 'System',
  });
  for (const abortedBy of [null, undefined, '']) {
    expect(readAbortAnswer(makeRun({ state: 'aborted', abortedBy }), ME)).toEqual({
      kind: 'aborted',
      by: null,
    });
  }
});

test('a finished answer is the race; an active one means the abort is on its way', () => {
  const read = (state: RunState) => readAbortAnswer(makeRun({ state }), ME);
  expect(read('success')).toEqual({ kind: 'finished', state: 'success' });
  expect(read('failure')).toEqual({ kind: 'finished', state: 'failure' });
  expect(read('queued')).toEqual({ kind: 'requested', state: 'queued' });
  expect(read('running')).toEqual({ kind: 'requested', state: 'running' });
});
