import { expect, test } from 'vitest';
import {
  OPERATION_TYPES,
  isOperationType,
  operationInfo,
  operationLabel,
  progressText,
  remainingText,
} from './operations';

test('the seven operation types: API value, label, unit word and capabilities (SPEC §1, §2)', () => {
  const table = OPERATION_TYPES.map((type) => {
    const info = operationInfo(type);
    return [
      type,
      info.label,
      info.unit,
      info.unitSingular,
      info.hasContainerProgress ? 'per-container' : 'run-level',
      info.startsQueued ? 'queued' : 'running',
      info.canResume ? 'resume' : '-',
      info.canRerun ? 'rerun' : '-',
    ];
  });
  expect(table).toEqual([
    ['catalog', 'Sync', 'Containers', 'Container', 'run-level', 'queued', '-', 'rerun'],
    ['profile', 'Profile', 'Tables', 'Table', 'per-container', 'queued', 'resume', 'rerun'],
    ['scan', 'Scan', 'Tables', 'Table', 'per-container', 'queued', 'resume', 'rerun'],
    ['external_scan', 'External Scan', 'Tables', 'Table', 'run-level', 'queued', '-', '-'],
    ['export', 'Export', 'Tables', 'Table', 'run-level', 'queued', '-', 'rerun'],
    [
      'materialize',
      'Materialize',
      'Computed Tables',
      'Computed Table',
      'run-level',
      'queued',
      '-',
      'rerun',
    ],
    ['promote', 'Promote', 'Entities', 'Entity', 'run-level', 'running', 'resume', 'rerun'],
  ]);
  for (const type of OPERATION_TYPES) expect(operationLabel(type)).toBe(operationInfo(type).label);
});

test('isOperationType accepts API values, not labels', () => {
  for (const type of OPERATION_TYPES) expect(isOperationType(type)).toBe(true);
  for (const value of ['sync', 'Scan', 'external scan', ''])
    expect(isOperationType(value)).toBe(false);
});

test('progress and remaining texts use the unit word, singular for one', () => {
  expect(progressText('scan', 4, 14)).toBe('4 / 14 Tables');
  expect(progressText('scan', 1, 1)).toBe('1 / 1 Table');
  expect(progressText('materialize', 2, 5)).toBe('2 / 5 Computed Tables');
  expect(progressText('catalog', 0, 0)).toBe('0 / 0 Containers');
  expect(progressText('promote', 3, 7)).toBe('3 / 7 Entities');
  expect(remainingText('scan', 9)).toBe('9 remaining tables');
  expect(remainingText('profile', 1)).toBe('1 remaining table');
  expect(remainingText('promote', 2)).toBe('2 remaining entities');
  // The containers' own word where all are of a kind the type's word does not cover.
  const files = [{ containerType: 'file' }, { containerType: 'file' }];
  expect(progressText('scan', 1, 2, files)).toBe('1 / 2 File patterns');
  expect(progressText('profile', 1, 1, files.slice(1))).toBe('1 / 1 File pattern');
  expect(remainingText('scan', 2, files)).toBe('2 remaining file patterns');
  expect(progressText('scan', 0, 2, [{ containerType: 'view' }])).toBe('0 / 2 Views');
  const mixed = [{ containerType: 'table' }, { containerType: 'view' }];
  expect(progressText('scan', 1, 2, mixed)).toBe('1 / 2 Tables');
  expect(progressText('materialize', 1, 2, files)).toBe('1 / 2 Computed Tables');
  expect(remainingText('promote', 1)).toBe('1 remaining entity');
});
