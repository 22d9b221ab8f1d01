import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  beijingDate,
  beijingYearRange,
  DUES_MAX_BACK_MONTHS,
  duesMonth,
  goesToCentral,
  maskName,
  normalizeIdNumber,
  reversalProblem,
  shiftMonth,
  type DuesOrderResult,
  type DuesPaymentView,
  type DuesProxyLookup,
  type Page,
  type PayChannel,
} from '@dangjian/shared';
import { Brackets, In, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { isDuplicateKey } from '../../common/errors/all-exceptions.filter.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { AppConfig } from '../../config/config.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { Organization } from '../organizations/entities/organization.entity.js';
import type { PayOrder } from '../payments/entities/pay-order.entity.js';
import { PaymentsService, type PaymentSettler } from '../payments/payments.service.js';
import { DuesBillsService, PREPAY_MONTHS } from './dues-bills.service.js';
import { DuesContext } from './dues-context.service.js';
import { DuesLedger } from './dues-ledger.service.js';
import { DuesStandardsService } from './dues-standards.service.js';
import type { DuesCashDto, DuesOrderDto, DuesPaymentQueryDto, DuesProxyLookupDto } from './dto/dues.dto.js';
import { DuesBill } from './entities/dues-bill.entity.js';
import { DuesPayment } from './entities/dues-payment.entity.js';

const CHANNEL_LABEL: Record<PayChannel, string> = { wechat: '微信', alipay: '支付宝' };
const WHERE_TO_PAY: Record<PayChannel, string> = { wechat: '微信小程序', alipay: '支付宝或钉钉小程序' };
const PROXY_TICKET_MS = 30 * 60_000;

interface PlannedMonth {
  month: string;
  amountFen: number;
  /** The bill row when it exists (current and back months; future ones are made when paid). */
  bill: DuesBill | null;
}

/**
 * Paying dues (DUES-3…DUES-6, PAY-1): online orders with an idempotency key, settling them when the
 * channel confirms (exactly once, inside the payments transaction), cash entries, reversals, and the
 * lists and receipts built on the payments.
 */
@Injectable()
export class DuesPaymentsService implements OnModuleInit, PaymentSettler {
  private readonly logger = new Logger(DuesPaymentsService.name);

  constructor(
    @InjectRepository(DuesPayment) private readonly payments: Repository<DuesPayment>,
    @InjectRepository(DuesBill) private readonly bills: Repository<DuesBill>,
    private readonly ctx: DuesContext,
    private readonly standards: DuesStandardsService,
    private readonly billsService: DuesBillsService,
    private readonly ledger: DuesLedger,
    private readonly pay: PaymentsService,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
  ) {}

  onModuleInit(): void {
    this.pay.registerSettler('dues', this);
  }

  // ---- 代缴: paying for another member (DUES-5) ----

  private ticketSig(userId: number, memberId: number, exp: number): string {
    return createHmac('sha256', `${this.config.JWT_SECRET}:dues-proxy`).update(`${userId}.${memberId}.${exp}`).digest('base64url');
  }

  async proxyLookup(user: AuthUser, dto: DuesProxyLookupDto): Promise<DuesProxyLookup> {
    if (!user.tenantId) throw new AppError(DuesError.ProxyInvalid);
    const found = (await this.ctx.members.findByIdNumber(normalizeIdNumber(dto.idNumber), user.tenantId)).find((m) => m.name === dto.name);
    if (!found) throw new AppError(DuesError.ProxyInvalid);
    const exp = this.ctx.now().getTime() + PROXY_TICKET_MS;
    const dues = await this.billsService.memberDues(found, Number(this.ctx.currentMonth().slice(0, 4)));
    return {
      memberId: found.id,
      memberName: maskName(found.name),
      orgName: dues.orgName,
      proxyTicket: `${exp}.${this.ticketSig(user.userId, found.id, exp)}`,
      dues: { year: dues.year, months: dues.months, payableMonths: dues.payableMonths, prepayableMonths: dues.prepayableMonths, account: dues.account, standard: dues.standard },
    };
  }

  private checkTicket(user: AuthUser, memberId: number, ticket: string | undefined): void {
    const [expText, sig] = (ticket ?? '').split('.');
    const exp = Number(expText);
    if (!sig || !Number.isInteger(exp) || exp < this.ctx.now().getTime()) throw new AppError(DuesError.ProxyInvalid, '代缴信息已过期，请重新查找党员');
    const expected = Buffer.from(this.ticketSig(user.userId, memberId, exp));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError(DuesError.ProxyInvalid);
  }

  // ---- online orders (PAY-1) ----

  async order(user: AuthUser, dto: DuesOrderDto): Promise<DuesOrderResult> {
    let member: Member;
    if (dto.forMemberId && dto.forMemberId !== user.memberId) {
      this.checkTicket(user, dto.forMemberId, dto.proxyTicket);
      const m = user.tenantId ? await this.ctx.members.findActive(user.tenantId, dto.forMemberId) : null;
      if (!m) throw new AppError(DuesError.ProxyInvalid);
      member = m;
    } else {
      member = await this.ctx.self(user);
    }
    const window = await this.ctx.windowOpen(member.tenantId);
    if (!window.open) throw new AppError(DuesError.OutsideWindow, `每月${window.firstDay}日至${window.lastDay}日可以在线交纳党费，现在不在交纳时间内`);
    const account = await this.ctx.accountFor(member.orgId);
    if (!account) throw new AppError(DuesError.NoAccount);
    if (!this.pay.platformFits(account.channel, dto.platform)) {
      throw new AppError(DuesError.WrongPlatform, `本组织党费通过${CHANNEL_LABEL[account.channel]}交纳，请在${WHERE_TO_PAY[account.channel]}中交纳`);
    }
    const voluntaryFen = dto.voluntaryFen ?? 0;
    const months = [...new Set(dto.months)].sort();
    if (!months.length && !voluntaryFen) throw new AppError(DuesError.NothingToPay);

    let created: { payment: DuesPayment; order: PayOrder } | null = null;
    try {
      created = await this.tx.run(async (em) => {
        const again = await this.sameKey(em, user, dto, member, months, voluntaryFen);
        if (again) return again;
        const planned = await this.plan(em, member, months, { online: true });
        const duesFen = planned.reduce((s, p) => s + p.amountFen, 0);
        const payment = await em.getRepository(DuesPayment).save(
          em.getRepository(DuesPayment).create({
            tenantId: member.tenantId,
            memberId: member.id,
            orgId: member.orgId,
            payerUserId: user.userId,
            payerMemberId: user.memberId,
            payerName: user.displayName,
            months,
            duesFen,
            voluntaryFen,
            amountFen: duesFen + voluntaryFen,
            toCentral: goesToCentral(voluntaryFen),
            paidVia: account.channel,
            status: 'pending',
            idempotencyKey: dto.idempotencyKey,
            accountId: account.accountId,
          }),
        );
        await this.hold(em, member, planned, payment.id);
        const order = await this.pay.open(em, {
          tenantId: member.tenantId,
          channel: account.channel,
          platform: dto.platform,
          amountFen: payment.amountFen,
          description: `党费 ${member.name} ${months.length ? months.join(',') : '自愿多交'}`.slice(0, 120),
          payerUserId: user.userId,
          purpose: 'dues',
          refId: payment.id,
        });
        await em.getRepository(DuesPayment).update({ id: payment.id }, { orderId: order.id, orderNo: order.outTradeNo });
        Object.assign(payment, { orderId: order.id, orderNo: order.outTradeNo });
        return { payment, order };
      });
    } catch (e) {
      // A double tap: the other request made the payment with this key a moment ago (it won the
      // unique key, or held the months first). Answer with that payment.
      const raced = isDuplicateKey(e) || (e instanceof AppError && e.code === DuesError.PaymentPending);
      if (!raced) throw e;
      const existing = await this.payments.findOne({ where: { payerUserId: user.userId, idempotencyKey: dto.idempotencyKey } });
      if (!existing) throw e instanceof AppError ? e : new AppError(DuesError.PaymentPending);
      if (existing.memberId !== member.id || existing.voluntaryFen !== voluntaryFen || existing.months.join() !== months.join()) throw new AppError(DuesError.IdempotencyKeyReused);
      const [order] = await this.pay.findByRefs('dues', [existing.id]);
      created = { payment: existing, order };
    }
    const { payment, order } = created;
    const pay = payment.status === 'pending' && order.status === 'pending' ? await this.pay.prepay(order, `/h5/#/subpackages/dues/result?paymentId=${payment.id}`) : null;
    return { paymentId: payment.id, orderNo: order.outTradeNo, amountFen: payment.amountFen, channel: order.channel, status: payment.status, pay };
  }

  /** The same idempotency key again: the same payment when it asked for the same thing, else 409. */
  private async sameKey(em: EntityManager, user: AuthUser, dto: DuesOrderDto, member: Member, months: string[], voluntaryFen: number): Promise<{ payment: DuesPayment; order: PayOrder } | null> {
    const existing = await em.getRepository(DuesPayment).findOne({ where: { payerUserId: user.userId, idempotencyKey: dto.idempotencyKey } });
    if (!existing) return null;
    if (existing.memberId !== member.id || existing.voluntaryFen !== voluntaryFen || existing.months.join() !== months.join()) throw new AppError(DuesError.IdempotencyKeyReused);
    const [order] = await this.pay.findByRefs('dues', [existing.id]);
    return { payment: existing, order };
  }

  /**
   * Which months may be paid and at what amount. Online (DUES-4): unpaid bills of the current month
   * and up to 6 back; future months up to 12 ahead at the standard. Cash: any unpaid bill, and future months.
   */
  private async plan(em: EntityManager, member: Member, months: string[], opts: { online: boolean }): Promise<PlannedMonth[]> {
    const current = this.ctx.currentMonth();
    const bills = months.length ? await em.getRepository(DuesBill).find({ where: { memberId: member.id, month: In(months) }, lock: this.tx.lock }) : [];
    const byMonth = new Map(bills.map((b) => [b.month, b]));
    const planned: PlannedMonth[] = [];
    for (const month of months) {
      const bill = byMonth.get(month) ?? null;
      if (opts.online && month < shiftMonth(current, -DUES_MAX_BACK_MONTHS)) throw new AppError(DuesError.MonthTooOld, `${month}已超过6个月，补交最多只能补交6个月，更早的月份请联系支部`);
      if (month > shiftMonth(current, PREPAY_MONTHS)) throw new AppError(DuesError.MonthNotPayable, `${month}：预交最多只能预交${PREPAY_MONTHS}个月`);
      if (bill?.status === 'paid') throw new AppError(DuesError.MonthNotPayable, `${month}的党费已交纳`);
      if (bill?.holdPaymentId != null) throw new AppError(DuesError.PaymentPending, `${month}有一笔支付正在进行，请完成或稍后再试`);
      if (bill) {
        planned.push({ month, amountFen: bill.amountFen, bill });
        continue;
      }
      if (month <= current) throw new AppError(DuesError.MonthNotPayable, `${month}没有应交的党费账单`);
      const standard = await this.standards.forMonth(member.id, month, em);
      if (!standard) throw new AppError(DuesError.NoStandard);
      planned.push({ month, amountFen: standard.amountFen, bill: null });
    }
    return planned;
  }

  /** Marks the months as taken by this payment; future months get their bill now (unique per member and month). */
  private async hold(em: EntityManager, member: Member, planned: PlannedMonth[], paymentId: number): Promise<void> {
    const repo = em.getRepository(DuesBill);
    for (const p of planned) {
      if (p.bill) {
        const r = await repo.createQueryBuilder().update().set({ holdPaymentId: paymentId }).where('id = :id AND holdPaymentId IS NULL AND status = :unpaid', { id: p.bill.id, unpaid: 'unpaid' }).execute();
        if (!r.affected) throw new AppError(DuesError.PaymentPending);
      } else {
        await repo.insert({ tenantId: member.tenantId, memberId: member.id, orgId: member.orgId, month: p.month, amountFen: p.amountFen, status: 'unpaid', prepaid: false, paymentId: null, holdPaymentId: paymentId, paidVia: null, paidAt: null });
      }
    }
  }

  // ---- settling (PaymentSettler; runs inside the payments transaction) ----

  async onPaid(order: PayOrder, em: EntityManager): Promise<void> {
    const repo = em.getRepository(DuesPayment);
    const payment = await repo.findOne({ where: { id: order.refId }, lock: this.tx.lock });
    if (!payment || payment.status === 'paid' || payment.status === 'reversed') return;
    payment.status = 'paid';
    payment.paidAt = order.paidAt;
    payment.channelTxId = order.channelTxId;
    await repo.save(payment);
    await this.markBillsPaid(em, payment);
    await this.ledger.postPayment(em, payment);
  }

  async onClosed(order: PayOrder, em: EntityManager): Promise<void> {
    const payment = await em.getRepository(DuesPayment).findOne({ where: { id: order.refId }, lock: this.tx.lock });
    if (!payment || payment.status !== 'pending') return;
    await em.getRepository(DuesPayment).update({ id: payment.id }, { status: 'closed' });
    // The months are free again; prepaid months' bills made for this payment stay as unpaid future bills.
    await em.getRepository(DuesBill).update({ holdPaymentId: payment.id }, { holdPaymentId: null });
  }

  private async markBillsPaid(em: EntityManager, payment: DuesPayment): Promise<void> {
    if (!payment.months.length) return;
    const bills = await em.getRepository(DuesBill).find({ where: { memberId: payment.memberId, month: In(payment.months) }, lock: this.tx.lock });
    const paidMonth = duesMonth(payment.paidAt!);
    for (const b of bills) {
      if (b.status === 'paid') {
        // Only possible when a closed order was paid after all and the month was paid again meanwhile.
        this.logger.error(`payment ${payment.id}: ${b.month} of member ${b.memberId} was already paid by payment ${b.paymentId}; the amount needs a refund or a correction`);
        continue;
      }
      await em.getRepository(DuesBill).update({ id: b.id }, { status: 'paid', paymentId: payment.id, holdPaymentId: null, paidVia: payment.paidVia, paidAt: payment.paidAt, prepaid: b.month > paidMonth });
    }
  }

  // ---- cash (DUES-6) and reversal (PAY-4) ----

  async cash(user: AuthUser, dto: DuesCashDto): Promise<DuesPaymentView> {
    const member = await this.ctx.memberInScope(user, dto.memberId);
    const months = [...new Set(dto.months)].sort();
    const voluntaryFen = dto.voluntaryFen ?? 0;
    if (!months.length && !voluntaryFen) throw new AppError(DuesError.NothingToPay);
    const paidAt = this.cashPaidAt(dto.paidAt);
    if (paidAt > this.ctx.now()) throw new AppError(DuesError.MonthNotPayable, '交纳时间不能晚于现在');
    const id = await this.tx.run(async (em) => {
      const dup = await em.getRepository(DuesPayment).findOne({ where: { tenantId: member.tenantId, paidVia: 'cash', receiptNo: dto.receiptNo } });
      if (dup) throw new AppError(DuesError.ReceiptExists);
      const planned = await this.plan(em, member, months, { online: false });
      const duesFen = planned.reduce((s, p) => s + p.amountFen, 0);
      const payment = await em.getRepository(DuesPayment).save(
        em.getRepository(DuesPayment).create({
          tenantId: member.tenantId,
          memberId: member.id,
          orgId: member.orgId,
          payerUserId: null,
          payerMemberId: member.id,
          payerName: null,
          months,
          duesFen,
          voluntaryFen,
          amountFen: duesFen + voluntaryFen,
          toCentral: goesToCentral(voluntaryFen),
          paidVia: 'cash',
          status: 'paid',
          receiverName: dto.receiverName,
          receiptNo: dto.receiptNo,
          recordedByUserId: user.userId,
          recordedByName: user.displayName,
          paidAt,
        }),
      );
      await this.hold(em, member, planned, payment.id);
      await this.markBillsPaid(em, payment);
      await this.ledger.postPayment(em, payment);
      return payment.id;
    });
    return this.view(user, id);
  }

  /**
   * When cash was paid: an instant as given; a bare date is that Beijing day — now when it is today,
   * else noon — so a date typed in the morning is never "in the future" nor shown at 08:00.
   */
  private cashPaidAt(given: string | undefined): Date {
    const now = this.ctx.now();
    if (!given) return now;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) return new Date(given);
    return given === beijingDate(now) ? now : new Date(`${given}T12:00:00+08:00`);
  }

  async reverse(user: AuthUser, id: number, reason: string): Promise<DuesPaymentView> {
    const found = await this.payments.findOne({ where: { id, tenantId: user.tenantId ?? -1 } });
    if (!found) throw new AppError(DuesError.NotFound);
    await this.ctx.memberInScope(user, found.memberId);
    await this.tx.run(async (em) => {
      const p = (await em.getRepository(DuesPayment).findOne({ where: { id }, lock: this.tx.lock }))!;
      const problem = reversalProblem({ state: p.status, transferred: p.transferId != null });
      if (problem) throw new AppError(DuesError.ReversalRefused, problem);
      await em.getRepository(DuesPayment).update({ id }, { status: 'reversed', reversalReason: reason, reversedByName: user.displayName, reversedAt: this.ctx.now() });
      // The months are owed again; the ledger keeps the payment and its reversal.
      await em.getRepository(DuesBill).update({ paymentId: id }, { status: 'unpaid', paymentId: null, paidVia: null, paidAt: null, prepaid: false });
      await this.ledger.postReversal(em, p);
    });
    return this.view(user, id);
  }

  // ---- reading ----

  private base(): SelectQueryBuilder<DuesPayment> {
    return this.payments
      .createQueryBuilder('p')
      .innerJoin(Member, 'm', 'm.id = p.memberId')
      .innerJoin(Organization, 'o', 'o.id = p.orgId')
      .addSelect(['m.name AS memberName', 'o.name AS orgName']);
  }

  private toView(p: DuesPayment, raw: Record<string, unknown>): DuesPaymentView {
    return {
      id: p.id,
      memberId: p.memberId,
      memberName: String(raw.memberName),
      orgId: p.orgId,
      orgName: String(raw.orgName),
      payerName: p.payerMemberId != null && p.payerMemberId !== p.memberId ? p.payerName : null,
      months: p.months,
      duesFen: p.duesFen,
      voluntaryFen: p.voluntaryFen,
      amountFen: p.amountFen,
      toCentral: p.toCentral,
      paidVia: p.paidVia,
      status: p.status,
      orderNo: p.orderNo,
      channelTxId: p.channelTxId,
      receiverName: p.receiverName,
      receiptNo: p.receiptNo,
      recordedByName: p.recordedByName,
      reversal: p.reversedAt ? { reason: p.reversalReason ?? '', byName: p.reversedByName ?? '', at: p.reversedAt.toISOString() } : null,
      createdAt: p.createdAt.toISOString(),
      paidAt: p.paidAt?.toISOString() ?? null,
    };
  }

  /** One payment: its payer, its member, or an admin reaching the member; else 404. */
  async view(user: AuthUser, id: number): Promise<DuesPaymentView> {
    const { entities, raw } = await this.base().where('p.id = :id AND p.tenantId = :t', { id, t: user.tenantId ?? -1 }).getRawAndEntities();
    const p = entities[0];
    if (!p) throw new AppError(DuesError.NotFound);
    const mine = p.payerUserId === user.userId || (user.memberId != null && p.memberId === user.memberId);
    if (!mine && !(await this.ctx.members.inScope(user, [p.memberId])).has(p.memberId)) throw new AppError(DuesError.NotFound);
    return this.toView(p, raw[0]);
  }

  async receipts(user: AuthUser, q: PageQuery): Promise<Page<DuesPaymentView>> {
    const qb = this.base()
      .where('p.tenantId = :t AND p.status IN (:...st)', { t: user.tenantId ?? -1, st: ['paid', 'reversed'] })
      .andWhere(new Brackets((w) => w.where('p.payerUserId = :u', { u: user.userId }).orWhere('p.memberId = :m', { m: user.memberId ?? -1 })))
      .orderBy('p.id', 'DESC');
    return this.page(qb, q);
  }

  private filtered(user: AuthUser, q: Omit<DuesPaymentQueryDto, 'page' | 'pageSize'>): SelectQueryBuilder<DuesPayment> {
    const f = this.ctx.scope.orgFilter('p.orgId', user, q.orgId);
    const qb = this.base().where('p.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params);
    if (q.month) qb.andWhere('p.months LIKE :month', { month: `%"${q.month}"%` });
    if (q.year) qb.andWhere('p.paidAt >= :from AND p.paidAt < :to', beijingYearRange(q.year));
    if (q.paidVia) qb.andWhere('p.paidVia = :via', { via: q.paidVia });
    qb.andWhere('p.status IN (:...st)', { st: q.status ? [q.status] : ['paid', 'reversed', 'pending'] });
    if (q.keyword) qb.andWhere(new Brackets((w) => w.where('m.name LIKE :kw', { kw: `%${q.keyword}%` }).orWhere('p.orderNo = :exact OR p.receiptNo = :exact', { exact: q.keyword })));
    return qb.orderBy('p.id', 'DESC');
  }

  async list(user: AuthUser, q: DuesPaymentQueryDto): Promise<Page<DuesPaymentView>> {
    if (q.orgId) await this.ctx.scope.assertOrg(user, q.orgId);
    return this.page(this.filtered(user, q), q);
  }

  async all(user: AuthUser, q: Omit<DuesPaymentQueryDto, 'page' | 'pageSize'>): Promise<DuesPaymentView[]> {
    if (q.orgId) await this.ctx.scope.assertOrg(user, q.orgId);
    const { entities, raw } = await this.filtered(user, q).limit(100_000).getRawAndEntities();
    return entities.map((p, i) => this.toView(p, raw[i]));
  }

  private async page(qb: SelectQueryBuilder<DuesPayment>, q: PageQuery): Promise<Page<DuesPaymentView>> {
    const total = await qb.clone().getCount();
    const { skip, take } = pageArgs(q);
    const { entities, raw } = await qb.offset(skip).limit(take).getRawAndEntities();
    return { items: entities.map((p, i) => this.toView(p, raw[i])), total, page: q.page, pageSize: q.pageSize };
  }
}
