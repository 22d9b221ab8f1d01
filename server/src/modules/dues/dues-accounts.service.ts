import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES, maskIdNumber, normalizeIdNumber, usccProblem, type DuesAccountView } from '@dangjian/shared';
import { In, type Repository } from 'typeorm';
import { hasRole, type AuthUser } from '../../common/auth/auth-user.js';
import { CryptoService } from '../../common/crypto/crypto.service.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, DuesError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { Tenant } from '../tenancy/entities/tenant.entity.js';
import { DuesContext } from './dues-context.service.js';
import type { DuesAccountFormDto } from './dto/account.dto.js';
import { DuesAccount } from './entities/dues-account.entity.js';

/**
 * Dues accounts 党费账户 (DUES-8): an organisation applies with the merchant form; the platform
 * approves (naming the merchant the money is split to) or rejects; an approved account fixes the
 * organisation's channel for good.
 */
@Injectable()
export class DuesAccountsService {
  constructor(
    @InjectRepository(DuesAccount) private readonly accounts: Repository<DuesAccount>,
    private readonly ctx: DuesContext,
    private readonly crypto: CryptoService,
    private readonly tx: Transactions,
  ) {}

  async apply(user: AuthUser, dto: DuesAccountFormDto): Promise<DuesAccountView> {
    const org = await this.ctx.scope.assertOrg(user, dto.orgId);
    const codeProblem = usccProblem(dto.licenseNo);
    if (codeProblem) throw new AppError(CommonError.ValidationFailed, codeProblem, [{ field: 'licenseNo', message: codeProblem }]);
    const problem = checkIdNumber(dto.legalPersonIdNumber);
    if (problem) throw new AppError(CommonError.ValidationFailed, `法人${ID_NUMBER_PROBLEM_MESSAGES[problem]}`, [{ field: 'legalPersonIdNumber', message: ID_NUMBER_PROBLEM_MESSAGES[problem] }]);
    const id = await this.tx.run(async (em) => {
      await this.ctx.scope.lockOrg(org.id, em);
      const mine = await em.getRepository(DuesAccount).find({ where: { orgId: org.id, status: In(['pending', 'approved']) } });
      const approved = mine.find((a) => a.status === 'approved');
      if (approved) throw new AppError(DuesError.AccountChannelFixed, `该组织的党费账户已开通（${approved.channel === 'wechat' ? '微信' : '支付宝'}），审核通过后不能更改支付方式`);
      if (mine.some((a) => a.status === 'pending')) throw new AppError(DuesError.AccountPendingExists);
      const { orgId: _o, channel, legalPersonIdNumber, bankAccountNo, ...form } = dto;
      const idNumber = normalizeIdNumber(legalPersonIdNumber);
      const saved = await em.getRepository(DuesAccount).save(
        em.getRepository(DuesAccount).create({
          tenantId: org.tenantId,
          orgId: org.id,
          channel,
          status: 'pending',
          form: { ...form, region: { ...form.region }, bankRegion: { ...form.bankRegion } },
          legalIdCipher: this.crypto.encrypt(idNumber),
          legalIdMasked: maskIdNumber(idNumber),
          bankAccountCipher: this.crypto.encrypt(bankAccountNo),
          bankAccountMasked: `${bankAccountNo.slice(0, 4)}****${bankAccountNo.slice(-4)}`,
          merchantId: null,
          rejectReason: null,
          reviewedByUserId: null,
          reviewedAt: null,
          createdByUserId: user.userId,
        }),
      );
      return saved.id;
    });
    return (await this.views([await this.accounts.findOneByOrFail({ id })]))[0];
  }

  /** Admins see their organisations' applications; the platform sees every tenant's. */
  async list(user: AuthUser, status?: DuesAccount['status']): Promise<DuesAccountView[]> {
    const qb = this.accounts.createQueryBuilder('a');
    if (hasRole(user, 'platform_admin')) qb.where('1=1');
    else {
      const f = this.ctx.scope.orgFilter('a.orgId', user);
      qb.where('a.tenantId = :t', { t: user.tenantId ?? -1 }).andWhere(f.sql, f.params);
    }
    if (status) qb.andWhere('a.status = :status', { status });
    return this.views(await qb.orderBy('a.id', 'DESC').take(500).getMany());
  }

  async approve(user: AuthUser, id: number, merchantId: string): Promise<DuesAccountView> {
    return this.review(user, id, { status: 'approved', merchantId });
  }

  async reject(user: AuthUser, id: number, reason: string): Promise<DuesAccountView> {
    return this.review(user, id, { status: 'rejected', rejectReason: reason });
  }

  private async review(user: AuthUser, id: number, patch: Partial<DuesAccount>): Promise<DuesAccountView> {
    await this.tx.run(async (em) => {
      const a = await em.getRepository(DuesAccount).findOne({ where: { id }, lock: this.tx.lock });
      if (!a) throw new AppError(DuesError.NotFound, '党费账户申请不存在');
      if (a.status !== 'pending') throw new AppError(DuesError.AccountNotPending);
      await em.getRepository(DuesAccount).update({ id }, { ...patch, reviewedByUserId: user.userId, reviewedAt: this.ctx.now() });
    });
    return (await this.views([await this.accounts.findOneByOrFail({ id })]))[0];
  }

  private async views(rows: DuesAccount[]): Promise<DuesAccountView[]> {
    const orgNames = await this.ctx.scope.orgNames([...new Set(rows.map((a) => a.orgId))]);
    const tenants = rows.length ? await this.ctx.ds.getRepository(Tenant).find({ where: { id: In([...new Set(rows.map((a) => a.tenantId))]) } }) : [];
    const tenantNames = new Map(tenants.map((t) => [t.id, t.name]));
    return rows.map((a) => ({
      ...a.form,
      id: a.id,
      orgId: a.orgId,
      channel: a.channel,
      tenantName: tenantNames.get(a.tenantId) ?? '',
      orgName: orgNames.get(a.orgId) ?? '',
      legalPersonIdMasked: a.legalIdMasked,
      bankAccountNoMasked: a.bankAccountMasked,
      status: a.status,
      merchantId: a.merchantId,
      rejectReason: a.rejectReason,
      reviewedAt: a.reviewedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    }));
  }
}
