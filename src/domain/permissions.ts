/** Workspace roles; Admin bypasses team permissions (SPEC §2). */
export const ROLES = ['Member', 'Manager', 'Admin'] as const;
export type Role = (typeof ROLES)[number];

/** Team permissions on a datastore, lowest first. */
export const PERMISSIONS = ['Reporter', 'Viewer', 'Drafter', 'Author', 'Editor'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface ActingUser {
  readonly email: string;
  readonly role: Role;
  /** Team permission per datastore id; a datastore absent here is not visible. */
  readonly permissions: Readonly<Record<string, Permission>>;
}

function rank(permission: Permission | undefined): number {
  return permission === undefined ? -1 : PERMISSIONS.indexOf(permission);
}

export function hasPermission(
  user: ActingUser,
  datastoreId: number | string,
  needed: Permission,
): boolean {
  if (user.role === 'Admin') return true;
  return rank(user.permissions[String(datastoreId)]) >= rank(needed);
}

/** Viewing a Run needs at least Reporter on its datastore. */
export const canView = (user: ActingUser, datastoreId: number | string): boolean =>
  hasPermission(user, datastoreId, 'Reporter');

/** Every action needs Editor on the Run's datastore. */
export const canAct = (user: ActingUser, datastoreId: number | string): boolean =>
  hasPermission(user, datastoreId, 'Editor');
