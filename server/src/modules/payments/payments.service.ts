import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import type { PayChannel, PayParams, Platform } from '@dangjian/shared';
import { In, LessThan, type EntityManager, type Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { isDuplicateKey } from '../../common/errors/all-exceptions.filter.js';
import { DuesError, PaymentError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { AppConfig, paymentsMode } from '../../config/config.js';
import { Transactions } from '../../database/write-gate.js';
import { AccountsService } from '../identity/accounts.service.js';
import { ChannelError, NotificationRejected, type ChannelTrade, type NotificationAnswer } from './channels/pay-channel.js';
import { PayOrder } from './entities/pay-order.entity.js';
import { PayChannels } from './pay-channels.js';
import { PaySimulatorsRef } from './pay-simulators.ref.js';

/** What a purpose (dues) does when its order is paid or closed; runs inside the order's transaction. */
export interface PaymentSettler {
  onPaid(order: PayOrder, em: EntityManager): Promise<void>;
  onClosed(order: PayOrder, em: EntityManager): Promise<void>;
}

export interface OpenOrderInput {
  tenantId: number;
  channel: PayChannel;
  platform: Platform;
  amountFen: number;
  description: string;
  payerUserId: number;
  purpose: PayOrder['purpose'];
  refId: number;
}

export type PaidOutcome = 'credited' | 'duplicate' | 'unknown_order' | 'amount_mismatch';

/** Orders older than this without news are asked about (PAY-3). */
const QUERY_AFTER_MS = 60_000;
const SYNC_BATCH = 100;

/**
 * Orders with the payment channels (PAY-1…PAY-3): open one per payment, hand the client its pay
 * parameters, credit it exactly once from a verified notification or a query, close stale ones.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private readonly settlers = new Map<string, PaymentSettler>();
  private publicBase: string;

  constructor(
    @InjectRepository(PayOrder) private readonly orders: Repository<PayOrder>,
    private readonly channels: PayChannels,
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tx: Transactions,
    private readonly sims: PaySimulatorsRef,
  ) {
    this.publicBase = (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
  }

  registerSettler(purpose: PayOrder['purpose'], settler: PaymentSettler): void {
    this.settlers.set(purpose, settler);
  }

  get mode(): 'simulator' | 'live' | 'off' {
    return paymentsMode(this.config);
  }

  /** Where the channels call back and H5 returns to; tests listening on a random port set it. */
  setPublicBase(url: string): void {
    this.publicBase = url.replace(/\/$/, '');
  }

  get base(): string {
    return this.publicBase;
  }

  /**
   * Which channel a client platform can pay with (DUES-8): WeChat from the WeChat mini-program,
   * Alipay from the Alipay and DingTalk ones; H5 only against the local simulators.
   */
  platformFits(channel: PayChannel, platform: Platform): boolean {
    if (platform === 'h5') return this.mode === 'simulator';
    return channel === 'wechat' ? platform === 'weapp' : platform === 'alipay' || platform === 'dd';
  }

  /** The payer's id at the channel: WeChat openid for our appid, Alipay user id; synthetic on the simulators' H5 page. */
  async payerExternalId(userId: number, channel: PayChannel, platform: Platform): Promise<string> {
    if (this.mode === 'simulator' && platform === 'h5') return `sim-${userId}`;
    // DingTalk pays with an Alipay app-payment order string: the payer is known only once they pay.
    if (channel === 'alipay' && platform === 'dd') return `dd-${userId}`;
    const identity =
      channel === 'wechat'
        ? await this.accounts.platformIdentity(userId, 'weapp', this.config.WECHAT_APPID)
        : await this.accounts.platformIdentity(userId, 'alipay', this.config.ALIPAY_APPID);
    if (!identity) throw new AppError(DuesError.NoPayerIdentity);
    return identity.externalId;
  }

  /** Creates the order row inside the caller's transaction; `prepay` then asks the channel. */
  async open(em: EntityManager, input: OpenOrderInput): Promise<PayOrder> {
    if (this.mode === 'off') throw new AppError(DuesError.PaymentsOff);
    const payerExternalId = await this.payerExternalId(input.payerUserId, input.channel, input.platform);
    const now = this.clock.now();
    const repo = em.getRepository(PayOrder);
    return repo.save(
      repo.create({
        ...input,
        outTradeNo: `DJ${now.getTime().toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`,
        status: 'pending',
        payerExternalId,
        payParams: null,
        channelTxId: null,
        paidAt: null,
        closedAt: null,
        lastQueriedAt: null,
        expiresAt: new Date(now.getTime() + this.config.PAY_ORDER_TTL_MINUTES * 60_000),
      }),
    );
  }

  /**
   * The client's pay parameters, asked of the channel once per order and kept, so a repeated press
   * with the same idempotency key gets the same ones. H5 on the simulators gets the simulator's page.
   */
  async prepay(order: PayOrder, returnPath: string): Promise<PayParams> {
    let params = order.payParams;
    if (!params) {
      try {
        params = await this.channels.get(order.channel).createOrder({
          outTradeNo: order.outTradeNo,
          amountFen: order.amountFen,
          description: order.description,
          payerId: order.payerExternalId,
          notifyUrl: `${this.publicBase}/api/v1/payments/notify/${order.channel}`,
          expiresAt: order.expiresAt,
          profitSharing: true,
          appPay: order.channel === 'alipay' && order.platform === 'dd',
        });
      } catch (e) {
        throw this.mapped(e);
      }
      await this.orders.update({ id: order.id }, { payParams: params });
    }
    if (order.platform === 'h5' && this.mode === 'simulator') {
      const ref = params.kind === 'wechat_jsapi' ? params.package.replace(/^prepay_id=/, '') : params.kind === 'alipay_trade' ? params.tradeNO : null;
      if (ref) return { kind: 'simulator_page', url: this.sims.payPageUrl(order.channel, ref, `${this.publicBase}${returnPath}`) };
    }
    return params;
  }

  private mapped(e: unknown): unknown {
    if (!(e instanceof ChannelError)) return e;
    this.logger.warn(`payment channel ${e.kind}: ${e.message}${e.channelCode ? ` (${e.channelCode})` : ''}`);
    return new AppError(e.kind === 'rejected' ? PaymentError.ChannelRefused : PaymentError.ChannelUnavailable);
  }

  /**
   * A notification (PAY-2): believed only when its signature (and WeChat's timestamp and GCM tag)
   * check out; credited once; duplicates acknowledged. It fails — so the channel retries — only on
   * a bad signature, an order we cannot match, or a transient error.
   */
  async notify(channel: PayChannel, headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<NotificationAnswer> {
    const client = this.channels.get(channel);
    let trade: ChannelTrade;
    try {
      trade = await client.verifyNotification(headers, rawBody);
    } catch (e) {
      if (e instanceof NotificationRejected) {
        this.logger.warn(`${channel} notification refused: ${e.reason}`);
        return { ...client.answer(false, e.reason), status: 401 };
      }
      this.logger.error(`${channel} notification could not be checked: ${e instanceof Error ? e.message : String(e)}`);
      return client.answer(false, 'temporarily unavailable');
    }
    if (trade.state !== 'paid') return client.answer(true);
    try {
      const outcome = await this.markPaid(channel, trade);
      if (outcome === 'unknown_order' || outcome === 'amount_mismatch') {
        this.logger.error(`${channel} notification for ${trade.outTradeNo} refused: ${outcome}`);
        return { ...client.answer(false, outcome), status: 400 };
      }
      return client.answer(true);
    } catch (e) {
      this.logger.error(`${channel} notification for ${trade.outTradeNo} failed: ${e instanceof Error ? e.message : String(e)}`);
      return client.answer(false, 'temporarily unavailable');
    }
  }

  /** PENDING (or CLOSED: the money did arrive) → PAID exactly once, in one transaction with the order row locked. */
  async markPaid(channel: PayChannel, trade: ChannelTrade): Promise<PaidOutcome> {
    try {
      return await this.tx.run(async (em) => {
        const repo = em.getRepository(PayOrder);
        const order = await repo.findOne({ where: { outTradeNo: trade.outTradeNo }, lock: this.tx.lock });
        if (!order || order.channel !== channel) return 'unknown_order';
        if (trade.amountFen !== order.amountFen) return 'amount_mismatch';
        if (order.status === 'paid') return 'duplicate';
        if (order.status === 'closed') this.logger.warn(`order ${order.outTradeNo} was paid after it was closed: credited`);
        order.status = 'paid';
        order.channelTxId = trade.channelTxId;
        order.paidAt = trade.paidAt ?? this.clock.now();
        await repo.save(order);
        await this.settler(order).onPaid(order, em);
        return 'credited';
      });
    } catch (e) {
      // Another instance credited the same channel transaction a moment ago.
      if (isDuplicateKey(e)) return 'duplicate';
      throw e;
    }
  }

  private settler(order: PayOrder): PaymentSettler {
    const s = this.settlers.get(order.purpose);
    if (!s) throw new Error(`no settler for ${order.purpose}`);
    return s;
  }

  /** Asks the channel about one order and applies what it says (PAY-3). */
  async sync(order: PayOrder): Promise<PayOrder['status']> {
    if (order.status !== 'pending') return order.status;
    const client = this.channels.get(order.channel);
    const now = this.clock.now();
    let trade = await client.queryOrder(order.outTradeNo);
    await this.orders.update({ id: order.id }, { lastQueriedAt: now });
    if (trade.state === 'paid') {
      await this.markPaid(order.channel, trade);
      return 'paid';
    }
    if (order.expiresAt > now) return 'pending';
    // Stale: close it at the channel first, then ask once more — a payment in the last second wins.
    if (trade.state === 'pending') {
      await client.closeOrder(order.outTradeNo);
      trade = await client.queryOrder(order.outTradeNo);
      if (trade.state === 'paid') {
        await this.markPaid(order.channel, trade);
        return 'paid';
      }
    }
    await this.close(order.id);
    return 'closed';
  }

  private async close(orderId: number): Promise<void> {
    await this.tx.run(async (em) => {
      const repo = em.getRepository(PayOrder);
      const order = await repo.findOne({ where: { id: orderId }, lock: this.tx.lock });
      if (!order || order.status !== 'pending') return;
      order.status = 'closed';
      order.closedAt = this.clock.now();
      await repo.save(order);
      await this.settler(order).onClosed(order, em);
    });
  }

  /** The job (PAY-3): pending orders without news for a minute are queried; stale ones closed. */
  @Interval('payments.sync', 60_000)
  async syncPending(): Promise<{ checked: number; paid: number; closed: number }> {
    if (this.mode === 'off') return { checked: 0, paid: 0, closed: 0 };
    const cutoff = new Date(this.clock.now().getTime() - QUERY_AFTER_MS);
    // Created before the cutoff ⇔ expiring before cutoff + TTL (both by our clock, unlike createdAt).
    const createdBefore = new Date(cutoff.getTime() + this.config.PAY_ORDER_TTL_MINUTES * 60_000);
    const due = await this.orders.find({ where: { status: 'pending', expiresAt: LessThan(createdBefore) }, order: { lastQueriedAt: 'ASC', id: 'ASC' }, take: SYNC_BATCH });
    const out = { checked: 0, paid: 0, closed: 0 };
    for (const order of due) {
      if (order.lastQueriedAt && order.lastQueriedAt > cutoff && order.expiresAt > this.clock.now()) continue;
      try {
        const status = await this.sync(order);
        out.checked++;
        if (status === 'paid') out.paid++;
        if (status === 'closed') out.closed++;
      } catch (e) {
        this.logger.warn(`order ${order.outTradeNo} could not be synced: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return out;
  }

  findByRefs(purpose: PayOrder['purpose'], refIds: number[]): Promise<PayOrder[]> {
    return refIds.length ? this.orders.find({ where: { purpose, refId: In(refIds) } }) : Promise.resolve([]);
  }

  findByOutTradeNo(outTradeNo: string): Promise<PayOrder | null> {
    return this.orders.findOne({ where: { outTradeNo } });
  }
}
