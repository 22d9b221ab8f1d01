import { Injectable } from '@nestjs/common';
import { Listen } from '../../common/events/listener.js';
import { InjectRepository } from '@nestjs/typeorm';
import { isPasswordAcceptable, maskPhone, type LockedAccount, type ResetPasswordResult } from '@dangjian/shared';
import { In, IsNull, Not, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, IdentityError, MemberError } from '../../common/errors/error-codes.js';
import { MEMBER_EVENTS, MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { PlatformIdentity } from './entities/platform-identity.entity.js';
import { UserSession } from './entities/session.entity.js';
import { UserAccount } from './entities/user.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { TokensService } from './tokens.service.js';

/** Checks a new password against the policy and its confirmation (ID-4). */
export function assertNewPassword(password: string, confirm: string): void {
  if (!isPasswordAcceptable(password)) throw new AppError(IdentityError.PasswordPolicy, undefined, [{ field: 'password', message: '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少两种' }]);
  if (password !== confirm) throw new AppError(IdentityError.PasswordMismatch, undefined, [{ field: 'passwordConfirm', message: '两次输入的密码不一致' }]);
}

/** Accounts: lookup, creation, and the admin actions of ID-9 (unlock, reset with a one-time password). */
@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly crypto: CryptoService,
    private readonly tokens: TokensService,
  ) {}

  find(id: number): Promise<UserAccount | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Password login accepts a phone or a username (ID-7). */
  findByAccount(account: string): Promise<UserAccount[]> {
    return this.users.find({ where: [{ phone: account }, { username: account }], take: 5 });
  }

  findByPhone(phone: string, tenantId?: number): Promise<UserAccount[]> {
    return this.users.find({ where: { phone, ...(tenantId ? { tenantId } : {}) }, take: 5 });
  }

  findByMember(memberId: number): Promise<UserAccount | null> {
    return this.users.findOne({ where: { memberId } });
  }

  /** The account's identity on a mini-program platform (WeChat openid for an app, Alipay user id): whom a payment is ordered for. */
  platformIdentity(userId: number, platform: PlatformIdentity['platform'], appKey: string): Promise<PlatformIdentity | null> {
    return this.users.manager.getRepository(PlatformIdentity).findOne({ where: { userId, platform, appKey } });
  }

  /** Member id → account id, for the members that have activated an account. */
  async userIdsOfMembers(memberIds: number[]): Promise<Map<number, number>> {
    if (!memberIds.length) return new Map();
    const rows = await this.users.find({ select: { id: true, memberId: true }, where: { memberId: In(memberIds) } });
    return new Map(rows.map((u) => [u.memberId!, u.id]));
  }

  async phoneTaken(tenantId: number | null, phone: string, exceptUserId?: number): Promise<boolean> {
    const hit = await this.users.findOne({ where: { tenantId: tenantId ?? IsNull(), phone } });
    return !!hit && hit.id !== exceptUserId;
  }

  async create(em: EntityManager, data: Pick<UserAccount, 'tenantId' | 'memberId' | 'username' | 'phone' | 'displayName'> & { password: string | null }): Promise<UserAccount> {
    const repo = em.getRepository(UserAccount);
    if (data.phone && (await repo.findOne({ where: { tenantId: data.tenantId ?? IsNull(), phone: data.phone } }))) throw new AppError(IdentityError.PhoneTaken);
    if (data.username && (await repo.findOne({ where: { username: data.username } }))) throw new AppError(IdentityError.UsernameTaken);
    return repo.save(
      repo.create({ ...data, passwordHash: data.password ? await this.crypto.hashPassword(data.password) : null, mustChangePassword: false, failedLogins: 0, lockedAt: null, disabledAt: null }),
    );
  }

  /** ID-9: the next wrong password; the third in a row locks the account. Returns tries left. */
  async recordFailure(user: UserAccount, maxTries: number): Promise<number> {
    await this.users.increment({ id: user.id }, 'failedLogins', 1);
    const fresh = await this.users.findOneOrFail({ where: { id: user.id } });
    if (fresh.failedLogins >= maxTries) await this.users.update({ id: user.id, lockedAt: IsNull() }, { lockedAt: new Date() });
    return Math.max(0, maxTries - fresh.failedLogins);
  }

  async recordSuccess(user: UserAccount): Promise<void> {
    if (user.failedLogins) await this.users.update({ id: user.id }, { failedLogins: 0 });
  }

  async setPassword(userId: number, password: string, mustChange: boolean, em?: EntityManager): Promise<void> {
    await (em?.getRepository(UserAccount) ?? this.users).update({ id: userId }, { passwordHash: await this.crypto.hashPassword(password), mustChangePassword: mustChange, failedLogins: 0, lockedAt: null });
  }

  async setPhone(user: UserAccount, phone: string, em: EntityManager): Promise<void> {
    await em.getRepository(UserAccount).update({ id: user.id }, { phone });
    if (user.memberId) await this.members.setPhone(user.memberId, phone, em);
  }

  // ---- admin actions (ID-9), scoped by the account's member record ----

  /** An account the admin may act on: a member in scope, or (tenant admins only) a non-member account. */
  private async scopedAccount(admin: AuthUser, userId: number): Promise<UserAccount> {
    const account = await this.users.findOne({ where: { id: userId, tenantId: admin.tenantId ?? -1 } });
    if (!account) throw new AppError(CommonError.NotFound, '账号不存在');
    if (account.memberId) {
      const visible = await this.members.inScope(admin, [account.memberId]);
      if (!visible.size) throw new AppError(CommonError.NotFound, '账号不存在');
    } else if (this.scope.adminRoots(admin) !== null) {
      throw new AppError(CommonError.NotFound, '账号不存在');
    }
    return account;
  }

  async accountOfMember(admin: AuthUser, memberId: number): Promise<number> {
    if (!(await this.members.inScope(admin, [memberId])).size) throw new AppError(MemberError.NotFound);
    const account = await this.findByMember(memberId);
    if (!account) throw new AppError(MemberError.NoAccount);
    return account.id;
  }

  async locked(admin: AuthUser): Promise<LockedAccount[]> {
    const rows = await this.users.find({ where: { tenantId: admin.tenantId ?? -1, lockedAt: Not(IsNull()) }, order: { lockedAt: 'DESC' }, take: 200 });
    const memberOrgs = await this.members.inScope(admin, rows.map((r) => r.memberId).filter((x): x is number => x != null));
    const tenantWide = this.scope.adminRoots(admin) === null;
    return rows
      .filter((r) => (r.memberId ? memberOrgs.has(r.memberId) : tenantWide))
      .map((r) => ({
        userId: r.id,
        memberId: r.memberId,
        name: r.displayName,
        phoneMasked: r.phone ? maskPhone(r.phone) : null,
        orgName: r.memberId ? memberOrgs.get(r.memberId) ?? null : null,
        lockedAt: new Date(r.lockedAt!).toISOString(),
      }));
  }

  async unlock(admin: AuthUser, userId: number): Promise<void> {
    const account = await this.scopedAccount(admin, userId);
    await this.users.update({ id: account.id }, { lockedAt: null, failedLogins: 0 });
  }

  /** ID-9: a random one-time password, shown once to the admin; the user must change it at next login. */
  async resetPassword(admin: AuthUser, userId: number): Promise<ResetPasswordResult> {
    const account = await this.scopedAccount(admin, userId);
    const oneTimePassword = this.crypto.oneTimePassword();
    await this.setPassword(account.id, oneTimePassword, true);
    await this.tokens.revokeAll(account.id);
    return { oneTimePassword };
  }

  // ---- member lifecycle ----

  @Listen(MEMBER_EVENTS.deleted)
  async onMemberDeleted(e: { memberId: number; em: EntityManager }): Promise<void> {
    const account = await e.em.getRepository(UserAccount).findOne({ where: { memberId: e.memberId } });
    if (!account) return;
    await e.em.getRepository(UserAccount).update({ id: account.id }, { disabledAt: new Date() });
    await this.tokens.revokeAll(account.id, e.em);
  }

  @Listen(MEMBER_EVENTS.restored)
  async onMemberRestored(e: { memberId: number }): Promise<void> {
    await this.users.update({ memberId: e.memberId }, { disabledAt: null });
  }

  @Listen(MEMBER_EVENTS.purged)
  async onMemberPurged(e: { memberId: number; em: EntityManager }): Promise<void> {
    const account = await e.em.getRepository(UserAccount).findOne({ where: { memberId: e.memberId } });
    if (!account) return;
    for (const entity of [UserRole, UserSession, PlatformIdentity]) await e.em.getRepository(entity).delete({ userId: account.id });
    await e.em.getRepository(UserAccount).delete({ id: account.id });
  }

  usersByIds(ids: number[]): Promise<UserAccount[]> {
    return ids.length ? this.users.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }
}
