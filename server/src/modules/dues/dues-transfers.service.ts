import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { beijingDate, beijingMonthRange, transferable, transferOpensOn, type DuesTransferPreview, type DuesTransferView } from '@dangjian/shared';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { isDuplicateKey } from '../../common/errors/all-exceptions.filter.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { PaySplitsService, type SplitProgress } from '../payments/pay-splits.service.js';
import { PaymentsService } from '../payments/payments.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesLedger } from './dues-ledger.service.js';
import { DuesPayment } from './entities/dues-payment.entity.js';
import { DuesTransfer } from './entities/dues-transfer.entity.js';

/**
 * Upward transfer 上划 (DUES-7): from the tenant's transfer day, an organisation's online dues of
 * the month go to the dues account holder in one action — split per order through the channel
 * (WeChat profit sharing / Alipay settle), tracked and retried. The payments it takes are marked in
 * the same transaction, so the same money can never be transferred twice.
 */
@Injectable()
export class DuesTransfersService {
  private readonly logger = new Logger(DuesTransfersService.name);

  constructor(
    @InjectRepository(DuesTransfer) private readonly transfers: Repository<DuesTransfer>,
    private readonly ctx: DuesContext,
    private readonly ledger: DuesLedger,
    private readonly payments: PaymentsService,
    private readonly splits: PaySplitsService,
    private readonly tx: Transactions,
  ) {}

  /** The month's paid online payments of the organisation's subtree into the account, not yet transferred. */
  private async candidates(em: EntityManager, tenantId: number, orgId: number, accountId: number, month: string, lock: boolean): Promise<DuesPayment[]> {
    const { from, to } = beijingMonthRange(month);
    const subtree = await this.ctx.scope.subtreeIds(orgId);
    const rows = await em.getRepository(DuesPayment).find({
      where: { tenantId, orgId: In(subtree), accountId, status: 'paid', transferId: IsNull() },
      ...(lock ? { lock: this.tx.lock } : {}),
    });
    return rows.filter((p) => p.paidVia !== 'cash' && p.paidAt && p.paidAt >= from && p.paidAt < to);
  }

  async preview(user: AuthUser, orgId: number, month: string): Promise<DuesTransferPreview> {
    const org = await this.ctx.scope.assertOrg(user, orgId);
    const account = await this.ctx.accountFor(org.id);
    const settings = await this.ctx.settings(org.tenantId);
    const openFrom = transferOpensOn(month, settings);
    const base = { orgId: org.id, orgName: org.name, month, account, openFrom };
    if (!account) return { ...base, transferableFen: 0, paymentCount: 0, canTransfer: false, reason: '所在组织尚未开通党费账户' };
    const list = await this.candidates(this.ctx.ds.manager, org.tenantId, org.id, account.accountId, month, false);
    const { take, amountFen } = transferable(list.map((p) => ({ ...p, state: p.status, via: p.paidVia, transferred: false })), account.accountId);
    const reason = this.refusal(openFrom, amountFen, await this.transfers.findOne({ where: { orgId: org.id, month } }));
    return { ...base, transferableFen: amountFen, paymentCount: take.length, canTransfer: reason === null, reason };
  }

  /** Why a transfer cannot start now, or null. */
  private refusal(openFrom: string, amountFen: number, existing: DuesTransfer | null): string | null {
    if (existing) return '该组织本月党费已上划';
    if (beijingDate(this.ctx.now()) < openFrom) return `${Number(openFrom.slice(5, 7))}月${Number(openFrom.slice(8))}日起才能上划该月党费`;
    if (!amountFen) return '没有可上划的党费';
    return null;
  }

  async create(user: AuthUser, orgId: number, month: string): Promise<DuesTransferView> {
    const org = await this.ctx.scope.assertOrg(user, orgId);
    const account = await this.ctx.accountFor(org.id);
    if (!account) throw new AppError(DuesError.NoAccount, '所在组织尚未开通党费账户');
    const holder = await this.ctx.account(account.accountId);
    const settings = await this.ctx.settings(org.tenantId);
    const id = await this.tx.run(async (em) => {
      await this.ctx.scope.lockOrg(org.id, em);
      const existing = await em.getRepository(DuesTransfer).findOne({ where: { orgId: org.id, month } });
      if (existing) throw new AppError(DuesError.TransferExists);
      const list = await this.candidates(em, org.tenantId, org.id, account.accountId, month, true);
      const amountFen = list.reduce((s, p) => s + p.amountFen, 0);
      const refused = this.refusal(transferOpensOn(month, settings), amountFen, null);
      if (refused) throw new AppError(amountFen ? DuesError.TransferNotOpen : DuesError.TransferEmpty, refused);
      const t = await em.getRepository(DuesTransfer).save(
        em.getRepository(DuesTransfer).create({ tenantId: org.tenantId, orgId: org.id, accountId: account.accountId, month, channel: account.channel, amountFen, paymentCount: list.length, status: 'processing', lastError: null, createdByUserId: user.userId, createdByName: user.displayName, doneAt: null }),
      );
      // Take the payments only if no one else took them meanwhile (another organisation above or below).
      const taken = await em.getRepository(DuesPayment).createQueryBuilder().update().set({ transferId: t.id }).where('id IN (:...ids) AND transferId IS NULL', { ids: list.map((p) => p.id) }).execute();
      if (taken.affected !== list.length) throw new AppError(DuesError.TransferExists, '部分党费已被其他组织上划，请刷新后重试');
      const orders = await this.payments.findByRefs('dues', list.map((p) => p.id));
      await this.splits.create(em, t.id, org.tenantId, orders, { merchantId: holder!.merchantId ?? '', name: account.orgName });
      await this.ledger.postTransfer(em, t);
      return t.id;
    }).catch((e: unknown) => {
      // A parallel press created the organisation's transfer for the month first (unique orgId + month).
      throw isDuplicateKey(e) ? new AppError(DuesError.TransferExists) : e;
    });
    await this.runSplits(id);
    return this.view(user, id);
  }

  async retry(user: AuthUser, id: number): Promise<DuesTransferView> {
    await this.view(user, id);
    await this.runSplits(id);
    return this.view(user, id);
  }

  private async runSplits(id: number): Promise<void> {
    const p = await this.splits.run(id);
    await this.applyProgress(id, p);
  }

  private async applyProgress(id: number, p: SplitProgress): Promise<void> {
    const status = p.total > 0 && p.done === p.total ? 'done' : p.failed ? 'failed' : 'processing';
    await this.transfers.update({ id }, { status, lastError: p.lastError, doneAt: status === 'done' ? this.ctx.now() : null });
  }

  /** Splits still processing or failed are asked about and retried every five minutes. */
  @Interval('dues.transfers', 5 * 60_000)
  async retryOpen(): Promise<void> {
    const open = await this.transfers.find({ where: { status: In(['processing', 'failed']) }, take: 50 });
    for (const t of open) {
      try {
        await this.runSplits(t.id);
      } catch (e) {
        this.logger.warn(`transfer ${t.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  async list(user: AuthUser, orgId?: number): Promise<DuesTransferView[]> {
    const f = this.ctx.scope.orgFilter('t.orgId', user, orgId);
    const rows = await this.transfers.createQueryBuilder('t').where('t.tenantId = :tid', { tid: user.tenantId ?? -1 }).andWhere(f.sql, f.params).orderBy('t.id', 'DESC').take(200).getMany();
    return this.views(rows);
  }

  private async view(user: AuthUser, id: number): Promise<DuesTransferView> {
    const f = this.ctx.scope.orgFilter('t.orgId', user);
    const t = await this.transfers.createQueryBuilder('t').where('t.id = :id AND t.tenantId = :tid', { id, tid: user.tenantId ?? -1 }).andWhere(f.sql, f.params).getOne();
    if (!t) throw new AppError(DuesError.NotFound, '上划记录不存在');
    return (await this.views([t]))[0];
  }

  private async views(rows: DuesTransfer[]): Promise<DuesTransferView[]> {
    const progress = await this.splits.progressOf(rows.map((t) => t.id));
    const names = await this.ctx.scope.orgNames([...new Set(rows.map((t) => t.orgId))]);
    return rows.map((t) => {
      const p = progress.get(t.id)!;
      return {
        id: t.id,
        orgId: t.orgId,
        orgName: names.get(t.orgId) ?? '',
        month: t.month,
        channel: t.channel,
        amountFen: t.amountFen,
        paymentCount: t.paymentCount,
        status: t.status,
        splitsDone: p.done,
        splitsTotal: p.total,
        lastError: t.lastError,
        createdByName: t.createdByName,
        createdAt: t.createdAt.toISOString(),
        doneAt: t.doneAt?.toISOString() ?? null,
      };
    });
  }
}
