import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { maskPhone, type Me, type PlatformLoginResult, type TokenPair } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { IdentityError } from '../../common/errors/error-codes.js';
import { KvStore } from '../../common/kv/kv-store.js';
import { AppConfig } from '../../config/config.js';
import { Transactions } from '../../database/write-gate.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { AccountsService, assertNewPassword } from './accounts.service.js';
import { AlipayClient } from './clients/alipay.client.js';
import { DingtalkClient } from './clients/dingtalk.client.js';
import { WechatClient } from './clients/wechat.client.js';
import { PlatformIdentity } from './entities/platform-identity.entity.js';
import type { UserSession } from './entities/session.entity.js';
import type { UserAccount } from './entities/user.entity.js';
import { RolesService } from './roles.service.js';
import { SmsService } from './sms/sms.service.js';
import { TokensService } from './tokens.service.js';

export const IDENTITY_EVENTS = { login: 'identity.login', activated: 'identity.activated' } as const;

/** ID-9: consecutive wrong passwords that lock an account. */
export const MAX_PASSWORD_TRIES = 3;
const BIND_TICKET_TTL = 600;

interface ExternalIdentity {
  platform: PlatformIdentity['platform'];
  appKey: string;
  externalId: string;
  unionId: string | null;
}

/** Login paths (ID-7, ID-8), sessions (ID-10), password change, binding of mini-program identities (ID-5). */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(PlatformIdentity) private readonly identities: Repository<PlatformIdentity>,
    private readonly accounts: AccountsService,
    private readonly roles: RolesService,
    private readonly tokens: TokensService,
    private readonly sms: SmsService,
    private readonly kv: KvStore,
    private readonly crypto: CryptoService,
    private readonly members: MembersService,
    private readonly tenants: TenantsService,
    private readonly scope: OrgScope,
    private readonly tx: Transactions,
    private readonly events: EventEmitter2,
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly alipay: AlipayClient,
    private readonly dingtalk: DingtalkClient,
  ) {}

  /** Admins get idle-limited sessions (ID-10); everyone else a long-lived, rotating one. */
  private async clientFor(user: UserAccount, platform: UserSession['client'], em?: EntityManager): Promise<UserSession['client']> {
    const grants = await this.roles.grantsOf(user.id, em);
    return grants.some((g) => g.role !== 'member' && g.role !== 'public') && platform === 'h5' ? 'admin' : platform;
  }

  private assertUsable(user: UserAccount): void {
    if (user.disabledAt) throw new AppError(IdentityError.AccountDisabled);
    if (user.lockedAt) throw new AppError(IdentityError.AccountLocked);
  }

  async start(user: UserAccount, platform: UserSession['client'], ip: string | null, em?: EntityManager): Promise<TokenPair> {
    const pair = await this.tokens.issue(user, await this.clientFor(user, platform, em), ip, em);
    await this.events.emitAsync(IDENTITY_EVENTS.login, { userId: user.id, tenantId: user.tenantId, memberId: user.memberId });
    return pair;
  }

  async loginPassword(account: string, password: string, ip: string): Promise<TokenPair> {
    const candidates = await this.accounts.findByAccount(account);
    for (const user of candidates) {
      if (await this.crypto.verifyPassword(password, user.passwordHash)) {
        this.assertUsable(user);
        await this.accounts.recordSuccess(user);
        return this.start(user, 'h5', ip);
      }
    }
    const target = candidates.find((c) => !c.disabledAt);
    if (!target) throw new AppError(IdentityError.InvalidCredentials);
    if (target.lockedAt) throw new AppError(IdentityError.AccountLocked);
    const left = await this.accounts.recordFailure(target, MAX_PASSWORD_TRIES);
    if (left === 0) throw new AppError(IdentityError.AccountLocked, `连续${MAX_PASSWORD_TRIES}次密码错误，账号已锁定，请联系管理员解锁`);
    throw new AppError(IdentityError.InvalidCredentials, `账号或密码错误，还可尝试${left}次`);
  }

  /** Sends a login code only to phones that have an account, answering the same either way. */
  async sendLoginSms(phone: string, captchaToken: string, ip: string) {
    const known = (await this.accounts.findByPhone(phone)).length > 0;
    return this.sms.send(phone, 'login', captchaToken, ip, known);
  }

  async loginSms(phone: string, code: string, ip: string): Promise<TokenPair> {
    await this.sms.verify(phone, 'login', code);
    const users = await this.accounts.findByPhone(phone);
    if (users.length === 0) throw new AppError(IdentityError.SmsCodeExpired);
    if (users.length > 1) throw new AppError(IdentityError.AmbiguousTenant, '该手机号在多个单位注册，请使用用户名和密码登录');
    this.assertUsable(users[0]);
    return this.start(users[0], 'h5', ip);
  }

  /** ID-8: silent login with the platform's code; unknown identities get a ticket to bind after activation. */
  async loginPlatform(platform: ExternalIdentity['platform'], code: string, tenantId: number | undefined, ip: string): Promise<PlatformLoginResult> {
    const ext = await this.resolve(platform, code, tenantId);
    const bound = await this.identities.findOne({ where: { platform, appKey: ext.identity.appKey, externalId: ext.identity.externalId } });
    let user = bound ? await this.accounts.find(bound.userId) : null;
    if (!user && ext.dingtalkMobile && tenantId) user = await this.matchDingtalk(ext.identity, tenantId, ext.dingtalkMobile);
    if (user) {
      this.assertUsable(user);
      return { bound: true, tokens: await this.start(user, platform, ip) };
    }
    const bindTicket = this.crypto.randomToken(24);
    await this.kv.set(`bind:${bindTicket}`, JSON.stringify(ext.identity), BIND_TICKET_TTL);
    return { bound: false, bindTicket };
  }

  private async resolve(platform: ExternalIdentity['platform'], code: string, tenantId?: number): Promise<{ identity: ExternalIdentity; dingtalkMobile?: string | null }> {
    if (platform === 'weapp') {
      const r = await this.wechat.code2Session(code);
      return { identity: { platform, appKey: this.config.WECHAT_APPID, externalId: r.openId, unionId: r.unionId ?? null } };
    }
    if (platform === 'alipay') {
      const r = await this.alipay.oauthToken(code);
      return { identity: { platform, appKey: this.config.ALIPAY_APPID, externalId: r.userId ?? r.openId, unionId: null } };
    }
    const tenant = tenantId ? await this.tenants.find(tenantId) : null;
    if (!tenant?.dingtalkCorpId) throw new AppError(IdentityError.PlatformNotConfigured);
    const r = await this.dingtalk.userByAuthCode(code, tenant.dingtalkCorpId);
    return { identity: { platform, appKey: tenant.dingtalkCorpId, externalId: r.userId, unionId: null }, dingtalkMobile: r.mobile };
  }

  /**
   * TEN-3: a DingTalk user of the tenant's corp is matched to a member by mobile. The member's account
   * is used (or created, passwordless, as DingTalk vouches for the person) and the identity bound.
   */
  private async matchDingtalk(identity: ExternalIdentity, tenantId: number, mobile: string): Promise<UserAccount> {
    const [member, other] = await this.members.findActiveByPhone(tenantId, mobile);
    if (!member || other) throw new AppError(IdentityError.DingtalkUserNotMatched);
    return this.tx.run(async (em) => {
      let account = await this.accounts.findByMember(member.id);
      if (!account) {
        account = await this.accounts.create(em, { tenantId, memberId: member.id, username: null, phone: mobile, displayName: member.name, password: null });
        await this.members.markActivated(member.id, mobile, em);
        await this.roles.onActivated(em, account);
      }
      await this.bindIdentity(account.id, identity, em);
      return account;
    });
  }

  /** Binds the identity held by a bind ticket to an account (after activation or password login). */
  async bindTicket(userId: number, ticket: string, em?: EntityManager): Promise<void> {
    const raw = await this.kv.take(`bind:${ticket}`);
    if (!raw) throw new AppError(IdentityError.StepTokenInvalid);
    const run = (m: EntityManager) => this.bindIdentity(userId, JSON.parse(raw) as ExternalIdentity, m);
    await (em ? run(em) : this.tx.run(run));
  }

  private async bindIdentity(userId: number, ext: ExternalIdentity, em: EntityManager): Promise<void> {
    const repo = em.getRepository(PlatformIdentity);
    const existing = await repo.findOne({ where: { platform: ext.platform, appKey: ext.appKey, externalId: ext.externalId } });
    if (existing && existing.userId !== userId) throw new AppError(IdentityError.PlatformIdentityTaken);
    if (existing) return;
    // ID-5: a new identity of the same platform replaces the old binding of this account.
    await repo.delete({ userId, platform: ext.platform, appKey: ext.appKey });
    await repo.insert({ userId, ...ext });
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokens.rotate(refreshToken, (id) => this.accounts.find(id));
  }

  logout(user: AuthUser): Promise<void> {
    return this.tokens.revokeAll(user.userId);
  }

  /** ID-10: a password change ends every session and starts a fresh one. */
  async changePassword(user: AuthUser, oldPassword: string, newPassword: string, confirm: string, ip: string): Promise<TokenPair> {
    const account = (await this.accounts.find(user.userId))!;
    if (!(await this.crypto.verifyPassword(oldPassword, account.passwordHash))) throw new AppError(IdentityError.InvalidCredentials, '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]);
    assertNewPassword(newPassword, confirm);
    if (newPassword === oldPassword) throw new AppError(IdentityError.PasswordReused);
    return this.tx.run(async (em) => {
      await this.accounts.setPassword(account.id, newPassword, false, em);
      await this.tokens.revokeAll(account.id, em);
      return this.tokens.issue({ ...account, mustChangePassword: false }, await this.clientFor(account, 'h5', em), ip, em);
    });
  }

  /** ID-6: a new phone, proven by an SMS code sent to it. */
  async changePhone(user: AuthUser, phone: string, code: string): Promise<void> {
    await this.sms.verify(phone, 'change_phone', code);
    const account = (await this.accounts.find(user.userId))!;
    if (await this.accounts.phoneTaken(account.tenantId, phone, account.id)) throw new AppError(IdentityError.PhoneTaken);
    await this.tx.run((em) => this.accounts.setPhone(account, phone, em));
  }

  async me(user: AuthUser): Promise<Me> {
    const account = (await this.accounts.find(user.userId))!;
    const tenant = account.tenantId ? await this.tenants.find(account.tenantId) : null;
    const member = account.memberId ? await this.members.findActive(account.tenantId!, account.memberId) : null;
    const org = member ? await this.scope.findOrg(member.orgId) : null;
    return {
      userId: account.id,
      tenantId: account.tenantId,
      tenantName: tenant?.name ?? null,
      username: account.username,
      displayName: account.displayName,
      phoneMasked: account.phone ? maskPhone(account.phone) : null,
      memberId: account.memberId,
      orgId: member?.orgId ?? null,
      orgName: org?.name ?? null,
      idNumberMasked: member?.idMasked ?? null,
      roles: user.roles,
      mustChangePassword: account.mustChangePassword,
    };
  }
}
