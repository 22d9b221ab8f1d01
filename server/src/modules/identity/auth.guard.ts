import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ALLOW_PENDING_PASSWORD_KEY, PUBLIC_KEY, ROLES_KEY } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, IdentityError } from '../../common/errors/error-codes.js';
import { AccountsService } from './accounts.service.js';
import { RolesService } from './roles.service.js';
import { TokensService } from './tokens.service.js';

/**
 * Global guard: every route needs a valid access token of a live session unless marked @Public.
 * The session is checked on every request, so logout and password change take effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
    private readonly roles: RolesService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; ip: string; user?: AuthUser }>();
    const header = req.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? this.tokens.verifyAccess(header.slice(7)) : null;
    if (!claims) throw new AppError(CommonError.Unauthenticated);
    const session = await this.tokens.findSession(claims.sid, claims.sub);
    if (!this.tokens.isLive(session)) throw new AppError(CommonError.Unauthenticated, '登录已过期，请重新登录');
    const account = await this.accounts.find(claims.sub);
    if (!account || account.disabledAt) throw new AppError(IdentityError.AccountDisabled);
    if (account.lockedAt) throw new AppError(IdentityError.AccountLocked);
    if (account.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_KEY, targets)) {
      throw new AppError(IdentityError.PasswordChangeRequired);
    }
    await this.tokens.touch(session);
    const grants = await this.roles.grantsOf(account.id);
    req.user = { userId: account.id, sessionId: session.id, tenantId: account.tenantId, memberId: account.memberId, displayName: account.displayName, roles: grants, ip: req.ip };
    const needed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (needed && !grants.some((g) => needed.includes(g.role))) throw new AppError(CommonError.Forbidden);
    return true;
  }
}
