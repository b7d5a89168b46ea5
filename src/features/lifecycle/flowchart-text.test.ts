import { expect, test } from 'vitest';
import { wrapLabel, writeFlowchart } from './flowchart-text';

test('a label that fits stays on one line; a longer one breaks into a phrase per line', () => {
  expect(wrapLabel('created', 16)).toEqual(['created']);
  expect(wrapLabel('Resume or Rerun', 16)).toEqual(['Resume or Rerun']);
  expect(wrapLabel('every container processed', 16)).toEqual(['every container', 'processed']);
  expect(wrapLabel('worker picks it up', 16)).toEqual(['worker picks', 'it up']);
  expect(wrapLabel('user or system aborts', 16)).toEqual(['user or system', 'aborts']);
  expect(wrapLabel('every computed table processed', 16)).toEqual([
    'every computed',
    'table processed',
  ]);
  expect(wrapLabel('every computed table processed', 12)).toEqual([
    'every',
    'computed',
    'table',
    'processed',
  ]);
  // A word longer than a line stands alone rather than being cut.
  expect(wrapLabel('unrecoverable error', 8)).toEqual(['unrecoverable', 'error']);
  expect(wrapLabel('  spaced   out  ', 16)).toEqual(['spaced out']);
});

test('a label of many words is still wrapped, without trying every split', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve';
  const lines = wrapLabel(text, 16);
  expect(lines.join(' ')).toBe(text);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
});

test("the layout's direction is written first and long labels are wrapped to its lines", () => {
  const spec = {
    accTitle: 't',
    accDescr: 'd',
    nodes: [
      { id: 'a', shape: 'state', lines: ['A'], classes: ['tone_neutral', 'current'] },
      { id: 'b', shape: 'state', lines: ['B', 'line 2'], classes: ['tone_success'] },
    ],
    edges: [{ from: 'a', to: 'b', kind: 'user', label: 'user or system aborts', role: 'next' }],
  } as const;
  expect(writeFlowchart({ ...spec, layout: 'tall' })).toBe(
    [
      'flowchart TB',
      '  accTitle: t',
      '  accDescr: d',
      '  a["A"]',
      '  b["B<br/>line 2"]',
      '  a next_a_b@-.->|"user or system<br/>aborts"| b',
      '  classDef current stroke-width:3px,font-weight:bold',
      '  class a tone_neutral',
      '  class b tone_success',
      '  class a current',
      '  linkStyle 0 stroke-width:3px',
      '',
    ].join('\n'),
  );
});
