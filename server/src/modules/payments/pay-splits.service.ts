import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { ChannelError, type SplitReceiver } from './channels/pay-channel.js';
import { PayOrder } from './entities/pay-order.entity.js';
import { PaySplit } from './entities/pay-split.entity.js';
import { PayChannels } from './pay-channels.js';

export interface SplitProgress {
  total: number;
  done: number;
  failed: number;
  lastError: string | null;
}

/**
 * Splits paid orders to a receiver (DUES-7 upward transfer): WeChat profit sharing, Alipay settle.
 * One split per order at most (unique order id), so money cannot be sent up twice; failed and
 * processing splits are retried and queried until they finish.
 */
@Injectable()
export class PaySplitsService {
  private readonly logger = new Logger(PaySplitsService.name);

  constructor(
    @InjectRepository(PaySplit) private readonly splits: Repository<PaySplit>,
    @InjectRepository(PayOrder) private readonly orders: Repository<PayOrder>,
    private readonly channels: PayChannels,
  ) {}

  /** Records the splits inside the caller's transaction (the unique order id refuses a second one). */
  async create(em: EntityManager, batchRef: number, tenantId: number, orders: PayOrder[], receiver: SplitReceiver): Promise<void> {
    const repo = em.getRepository(PaySplit);
    for (const o of orders) {
      if (o.status !== 'paid' || !o.channelTxId) throw new Error(`order ${o.outTradeNo} is not paid`);
      await repo.insert({
        tenantId,
        batchRef,
        orderId: o.id,
        outSplitNo: `FZ${Date.now().toString(36).toUpperCase()}${randomBytes(5).toString('hex').toUpperCase()}`,
        channel: o.channel,
        receiverMerchantId: receiver.merchantId,
        receiverName: receiver.name,
        amountFen: o.amountFen,
        status: 'pending',
        channelSplitId: null,
        error: null,
        attempts: 0,
      });
    }
  }

  /** Sends the unfinished splits of a batch (or asks about the processing ones) and reports progress. */
  async run(batchRef: number): Promise<SplitProgress> {
    const open = await this.splits.find({ where: { batchRef, status: In(['pending', 'processing', 'failed']) }, order: { id: 'ASC' } });
    const orders = new Map((await this.orders.find({ where: { id: In(open.map((s) => s.orderId).concat(-1)) } })).map((o) => [o.id, o]));
    const ensured = new Set<string>();
    for (const s of open) {
      const order = orders.get(s.orderId)!;
      const client = this.channels.get(s.channel);
      const input = {
        outSplitNo: s.outSplitNo,
        outTradeNo: order.outTradeNo,
        channelTxId: order.channelTxId!,
        amountFen: s.amountFen,
        receiver: { merchantId: s.receiverMerchantId, name: s.receiverName },
        description: '党费上划',
      };
      try {
        if (!ensured.has(s.receiverMerchantId)) {
          await client.ensureReceiver(input.receiver);
          ensured.add(s.receiverMerchantId);
        }
        // A split already sent is asked about, never sent again (the channel keys it by outSplitNo anyway).
        const r = s.status === 'processing' ? await client.querySplit(input) : await client.split(input);
        await this.splits.update({ id: s.id }, { status: r.state, channelSplitId: r.channelSplitId, error: r.error, attempts: s.attempts + 1 });
      } catch (e) {
        const message = e instanceof ChannelError ? `${e.message}${e.channelCode ? ` (${e.channelCode})` : ''}` : e instanceof Error ? e.message : String(e);
        this.logger.warn(`split ${s.outSplitNo} failed: ${message}`);
        await this.splits.update({ id: s.id }, { status: 'failed', error: message.slice(0, 300), attempts: s.attempts + 1 });
      }
    }
    return this.progress(batchRef);
  }

  async progress(batchRef: number): Promise<SplitProgress> {
    return (await this.progressOf([batchRef])).get(batchRef)!;
  }

  /** Progress of several batches in one query. */
  async progressOf(batchRefs: number[]): Promise<Map<number, SplitProgress>> {
    const all = batchRefs.length ? await this.splits.find({ where: { batchRef: In(batchRefs) }, order: { updatedAt: 'DESC', id: 'DESC' } }) : [];
    const out = new Map<number, SplitProgress>(batchRefs.map((r) => [r, { total: 0, done: 0, failed: 0, lastError: null }]));
    for (const s of all) {
      const p = out.get(s.batchRef)!;
      p.total++;
      if (s.status === 'done') p.done++;
      if (s.status === 'failed') {
        p.failed++;
        p.lastError ??= s.error;
      }
    }
    return out;
  }
}
