import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@dangjian/shared';
import type { AuthUser } from './auth-user.js';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const ALLOW_PENDING_PASSWORD_KEY = 'auth:allow-pending-password';
export const AUTH_RATE_LIMIT_KEY = 'auth:rate-limit';

/** No login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** The caller must hold one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Shorthand for routes of the admin page: any admin role of a tenant. */
export const AdminOnly = () => Roles('tenant_admin', 'org_admin', 'branch_admin');
/** Reachable while a forced password change is pending (me, change password, logout). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_KEY, true);

/** Login, activation and SMS routes: the stricter per-IP limit AUTH_RATE_LIMIT_PER_MINUTE applies. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT_KEY, true);

/** The authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);

/** The client's IP address (behind a proxy, trustProxy decides). */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().ip);
