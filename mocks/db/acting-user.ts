/** The acting user: who the simulator answers as, and the user the __sim control switches to. */
import type { SimUserBody, UserWire } from '../../src/api/contract';
import type { Permission } from '../../src/domain/permissions';
import { PERMISSIONS } from '../../src/domain/permissions';
import { DATASTORES } from './catalog';

const DEFAULT_USER_EMAIL = 'ada@example.com';

/** After a reset: a Member with the highest permission on every datastore. */
export function defaultUser(): UserWire {
  return {
    email: DEFAULT_USER_EMAIL,
    role: 'Member',
    permissions: everywhere(PERMISSIONS[PERMISSIONS.length - 1] as Permission),
  };
}

/** The user `PUT /__sim/user` asks for: Admin, or a Member with one permission everywhere. */
export function userFor(body: SimUserBody): UserWire {
  return {
    email: body.role === 'Admin' ? 'admin@example.com' : DEFAULT_USER_EMAIL,
    role: body.role,
    permissions: everywhere(body.permission ?? 'Editor'),
  };
}

function everywhere(permission: Permission): Record<string, Permission> {
  const permissions: Record<string, Permission> = {};
  for (const d of DATASTORES) permissions[String(d.id)] = permission;
  return permissions;
}
