import type { RoleGrant } from '@dangjian/shared';

/** The caller of a request, as the auth guard established it. Every service call takes it. */
export interface AuthUser {
  userId: number;
  sessionId: number;
  tenantId: number | null;
  memberId: number | null;
  displayName: string;
  roles: RoleGrant[];
  ip: string | null;
}

export function hasRole(user: AuthUser, ...roles: RoleGrant['role'][]): boolean {
  return user.roles.some((r) => roles.includes(r.role));
}

export function isAdmin(user: AuthUser): boolean {
  return hasRole(user, 'tenant_admin', 'org_admin', 'branch_admin');
}
