import { expect, test } from 'vitest';
import type { ActingUser, Permission, Role } from './permissions';
import { PERMISSIONS, canAct, canView, hasPermission } from './permissions';

const user = (role: Role, permission?: Permission): ActingUser => ({
  email: 'someone@example.com',
  role,
  permissions: permission ? { '1': permission } : {},
});

test('viewing needs at least Reporter; acting needs Editor (SPEC §2)', () => {
  const table = PERMISSIONS.map((p) => [
    p,
    canView(user('Member', p), 1),
    canAct(user('Member', p), 1),
  ]);
  expect(table).toEqual([
    ['Reporter', true, false],
    ['Viewer', true, false],
    ['Drafter', true, false],
    ['Author', true, false],
    ['Editor', true, true],
  ]);
});

test('no permission on a datastore means neither viewing nor acting there', () => {
  const editorElsewhere = user('Member', 'Editor');
  expect(canView(editorElsewhere, 2)).toBe(false);
  expect(canAct(editorElsewhere, 2)).toBe(false);
  expect(canView(user('Member'), 1)).toBe(false);
});

test('Admin bypasses team permissions; Manager does not', () => {
  expect(canAct(user('Admin'), 1)).toBe(true);
  expect(canView(user('Admin'), 99)).toBe(true);
  expect(canAct(user('Manager', 'Viewer'), 1)).toBe(false);
  expect(canAct(user('Manager', 'Editor'), 1)).toBe(true);
  expect(canAct(user('Manager'), 1)).toBe(false);
});

test('datastore ids work as numbers or strings', () => {
  expect(hasPermission(user('Member', 'Author'), '1', 'Drafter')).toBe(true);
  expect(hasPermission(user('Member', 'Author'), 1, 'Editor')).toBe(false);
});
