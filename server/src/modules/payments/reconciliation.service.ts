import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { beijingDate, beijingDayRange, type PayChannel } from '@dangjian/shared';
import { And, LessThan, MoreThanOrEqual, type Repository } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import type { BillLine } from './channels/pay-channel.js';
import { PayOrder } from './entities/pay-order.entity.js';
import { ReconRun, type StoredMismatch } from './entities/recon-run.entity.js';
import { PayChannels } from './pay-channels.js';
import { PaymentsService } from './payments.service.js';

/**
 * Reconciliation 对账 (DUES-9, PAY-3): the channel's daily bill against our paid orders, by count
 * and amount, listing every mismatch. "Paid there, not here" is repaired by querying the order.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    @InjectRepository(ReconRun) private readonly runs: Repository<ReconRun>,
    @InjectRepository(PayOrder) private readonly orders: Repository<PayOrder>,
    private readonly channels: PayChannels,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {}

  /** Bills are ready T+1 after 10:00 (Beijing): yesterday's, for both channels. */
  @Cron('0 30 10 * * *', { name: 'payments.reconcile', timeZone: 'Asia/Shanghai' })
  async daily(): Promise<void> {
    if (this.payments.mode === 'off') return;
    const yesterday = beijingDate(new Date(this.clock.now().getTime() - 24 * 3600 * 1000));
    for (const channel of ['wechat', 'alipay'] as const) await this.run(channel, yesterday);
  }

  async run(channel: PayChannel, billDate: string): Promise<ReconRun> {
    const existing = await this.runs.findOne({ where: { channel, billDate } });
    const run = existing ?? this.runs.create({ channel, billDate });
    run.ranAt = this.clock.now();
    let lines: BillLine[];
    try {
      lines = await this.channels.get(channel).downloadBill(billDate);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.warn(`${channel} bill of ${billDate} could not be downloaded: ${message}`);
      Object.assign(run, { status: 'failed', error: message.slice(0, 300), totals: existing?.totals ?? {}, mismatches: existing?.mismatches ?? [] });
      return this.runs.save(run);
    }
    const { from, to } = beijingDayRange(billDate);
    const ours = await this.orders.find({ where: { channel, status: 'paid', paidAt: And(MoreThanOrEqual(from), LessThan(to)) } });
    const oursByNo = new Map(ours.map((o) => [o.outTradeNo, o]));
    const theirsByNo = new Map(lines.map((l) => [l.outTradeNo, l]));
    const mismatches: StoredMismatch[] = [];
    const totals: ReconRun['totals'] = {};
    const tally = (tenantId: number | null) => (totals[String(tenantId ?? 0)] ??= { theirCount: 0, theirFen: 0, ourCount: 0, ourFen: 0 });

    for (const o of ours) {
      const t = tally(o.tenantId);
      t.ourCount++;
      t.ourFen += o.amountFen;
      const line = theirsByNo.get(o.outTradeNo);
      if (!line) mismatches.push({ tenantId: o.tenantId, kind: 'missing_there', orderNo: o.outTradeNo, channelTxId: o.channelTxId, ourFen: o.amountFen, theirFen: null, repaired: false, note: null });
      else if (line.amountFen !== o.amountFen) mismatches.push({ tenantId: o.tenantId, kind: 'amount_differs', orderNo: o.outTradeNo, channelTxId: line.channelTxId, ourFen: o.amountFen, theirFen: line.amountFen, repaired: false, note: null });
    }
    for (const line of lines) {
      const known = oursByNo.get(line.outTradeNo) ?? (await this.orders.findOne({ where: { outTradeNo: line.outTradeNo } }));
      const t = tally(known?.tenantId ?? null);
      t.theirCount++;
      t.theirFen += line.amountFen;
      if (oursByNo.has(line.outTradeNo)) continue;
      // Paid on another day by our clock (around midnight): the same money, not a mismatch.
      if (known?.status === 'paid' && known.amountFen === line.amountFen) continue;
      mismatches.push({ tenantId: known?.tenantId ?? null, ...(await this.repair(channel, known, line)) });
    }
    Object.assign(run, { status: mismatches.length ? 'mismatched' : 'matched', error: null, totals, mismatches });
    return this.runs.save(run);
  }

  /** Paid at the channel, not here: ask the channel about the order and credit it when it confirms. */
  private async repair(channel: PayChannel, order: PayOrder | null, line: BillLine): Promise<Omit<StoredMismatch, 'tenantId'>> {
    const base = { kind: 'missing_here' as const, orderNo: line.outTradeNo, channelTxId: line.channelTxId, ourFen: order?.status === 'paid' ? order.amountFen : null, theirFen: line.amountFen };
    if (!order) return { ...base, repaired: false, note: '我方没有该订单' };
    try {
      const trade = await this.channels.get(channel).queryOrder(order.outTradeNo);
      if (trade.state !== 'paid') return { ...base, repaired: false, note: `渠道查询结果：${trade.state}` };
      const outcome = await this.payments.markPaid(channel, trade);
      if (outcome === 'credited' || outcome === 'duplicate') return { ...base, ourFen: order.amountFen, repaired: true, note: '已按渠道查询结果入账' };
      return { ...base, repaired: false, note: outcome === 'amount_mismatch' ? '金额与订单不符，需人工核对' : '订单无法匹配' };
    } catch (e) {
      return { ...base, repaired: false, note: `查询失败：${e instanceof Error ? e.message : String(e)}`.slice(0, 200) };
    }
  }

  list(channel: PayChannel | undefined, from: string, to: string): Promise<ReconRun[]> {
    const qb = this.runs.createQueryBuilder('r').where('r.billDate >= :from AND r.billDate <= :to', { from, to });
    if (channel) qb.andWhere('r.channel = :channel', { channel });
    return qb.orderBy('r.billDate', 'DESC').addOrderBy('r.channel', 'ASC').take(200).getMany();
  }
}
