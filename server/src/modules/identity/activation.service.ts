import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { maskName, type ActivationStartResult, type TokenPair } from '@dangjian/shared';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { IdentityError } from '../../common/errors/error-codes.js';
import { KvStore } from '../../common/kv/kv-store.js';
import { Transactions } from '../../database/write-gate.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { AccountsService, assertNewPassword } from './accounts.service.js';
import { AuthService, IDENTITY_EVENTS } from './auth.service.js';
import { RolesService } from './roles.service.js';
import { SmsService } from './sms/sms.service.js';
import type { ActivationCompleteDto, ActivationPhoneDto, RegisterPublicDto } from './dto/auth.dto.js';

const STEP_TTL = 15 * 60;

interface StepState {
  stage: 'identified' | 'phone_verified';
  memberId: number;
  tenantId: number;
  phone?: string;
}

/**
 * Activation of a member's account (ID-1…ID-5): ID number → masked name → captcha + SMS to a phone →
 * password twice. Each step hands out a single-use, short-lived token for the next; a failed check
 * keeps the current token so the user can correct the input without starting over.
 */
@Injectable()
export class ActivationService {
  constructor(
    private readonly kv: KvStore,
    private readonly crypto: CryptoService,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly accounts: AccountsService,
    private readonly roles: RolesService,
    private readonly auth: AuthService,
    private readonly sms: SmsService,
    private readonly tenants: TenantsService,
    private readonly tx: Transactions,
    private readonly events: EventEmitter2,
  ) {}

  private async issue(state: StepState): Promise<string> {
    const token = this.crypto.randomToken(24);
    await this.kv.set(`act:${token}`, JSON.stringify(state), STEP_TTL);
    return token;
  }

  private async peek(token: string, stage: StepState['stage']): Promise<StepState> {
    const raw = await this.kv.get(`act:${token}`);
    const state = raw ? (JSON.parse(raw) as StepState) : null;
    if (!state || state.stage !== stage) throw new AppError(IdentityError.StepTokenInvalid);
    return state;
  }

  /** Uses the token up; of two parallel requests with one token only one gets here. */
  private async consume(token: string): Promise<void> {
    if (!(await this.kv.take(`act:${token}`))) throw new AppError(IdentityError.StepTokenInvalid);
  }

  async start(idNumber: string, tenantId?: number): Promise<ActivationStartResult> {
    const id = MembersService.parseIdNumber(idNumber);
    const found = await this.members.findByIdNumber(id, tenantId);
    if (found.length === 0) throw new AppError(IdentityError.MemberNotFound);
    if (found.length > 1) throw new AppError(IdentityError.AmbiguousTenant);
    const member = found[0];
    if (member.activatedAt) throw new AppError(IdentityError.AlreadyActivated);
    const org = await this.scope.findOrg(member.orgId);
    const activationToken = await this.issue({ stage: 'identified', memberId: member.id, tenantId: member.tenantId });
    return { activationToken, maskedName: maskName(member.name), orgName: org?.name ?? '' };
  }

  async verifyPhone(dto: ActivationPhoneDto): Promise<{ activationToken: string }> {
    const state = await this.peek(dto.activationToken, 'identified');
    await this.sms.verify(dto.phone, 'activate', dto.code);
    if (await this.accounts.phoneTaken(state.tenantId, dto.phone)) throw new AppError(IdentityError.PhoneTaken);
    await this.consume(dto.activationToken);
    return { activationToken: await this.issue({ ...state, stage: 'phone_verified', phone: dto.phone }) };
  }

  async complete(dto: ActivationCompleteDto, ip: string): Promise<TokenPair> {
    const state = await this.peek(dto.activationToken, 'phone_verified');
    assertNewPassword(dto.password, dto.passwordConfirm);
    await this.consume(dto.activationToken);
    const member = await this.members.findActive(state.tenantId, state.memberId);
    if (!member) throw new AppError(IdentityError.MemberNotFound);
    if (member.activatedAt) throw new AppError(IdentityError.AlreadyActivated);
    return this.tx.run(async (em) => {
      const account = await this.accounts.create(em, { tenantId: member.tenantId, memberId: member.id, username: null, phone: state.phone!, displayName: member.name, password: dto.password });
      await this.members.markActivated(member.id, state.phone!, em);
      await this.roles.onActivated(em, account);
      if (dto.bindTicket) await this.bindIfStillValid(account.id, dto.bindTicket, em);
      await this.events.emitAsync(IDENTITY_EVENTS.activated, { userId: account.id, tenantId: account.tenantId, memberId: member.id });
      return this.auth.start(account, 'h5', ip, em);
    });
  }

  /**
   * Binding the mini-program identity is a bonus of activation, not a condition: a ticket that expired
   * (10 min) during a slow activation, or an identity bound to someone else, leaves the account
   * unbound — the next silent login offers binding again — instead of failing the last step.
   */
  private async bindIfStillValid(userId: number, ticket: string, em: EntityManager): Promise<void> {
    try {
      await this.auth.bindTicket(userId, ticket, em);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== IdentityError.StepTokenInvalid && e.code !== IdentityError.PlatformIdentityTaken)) throw e;
    }
  }

  /** ID-11: a member of the public (群众) registers with phone, SMS code, real name and password. */
  async registerPublic(dto: RegisterPublicDto, ip: string): Promise<TokenPair> {
    await this.tenants.require(dto.tenantId);
    assertNewPassword(dto.password, dto.passwordConfirm);
    await this.sms.verify(dto.phone, 'register', dto.code);
    return this.tx.run(async (em) => {
      const account = await this.accounts.create(em, { tenantId: dto.tenantId, memberId: null, username: null, phone: dto.phone, displayName: dto.realName, password: dto.password });
      await this.roles.add(em, account.id, dto.tenantId, 'public', null);
      return this.auth.start(account, 'h5', ip, em);
    });
  }
}
