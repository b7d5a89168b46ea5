import { expect, test } from 'vitest';
import { lineageOf } from './lineage';

test('a resumed Run links to its parent and to what was created from it', () => {
  expect(
    lineageOf({
      parentId: 27,
      relaunch: 'resume',
      children: [
        { id: 70, relaunch: 'rerun' },
        { id: 64, relaunch: 'resume' },
      ],
    }),
  ).toEqual({
    parent: { id: 27, text: 'Resumed from' },
    children: [
      { id: 64, text: 'Resumed as' },
      { id: 70, text: 'Rerun as' },
    ],
  });
});

test('a rerun names its parent; unknown children stay unknown', () => {
  expect(lineageOf({ parentId: 35, relaunch: 'rerun', children: null })).toEqual({
    parent: { id: 35, text: 'Rerun of' },
    children: null,
  });
  expect(lineageOf({ parentId: null, relaunch: null, children: [] })).toEqual({
    parent: null,
    children: [],
  });
});
