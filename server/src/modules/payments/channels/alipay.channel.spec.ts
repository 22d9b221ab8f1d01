import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, type LoggerService } from '@nestjs/common';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from '../../../../test/support.js';
import { AppConfig } from '../../../config/config.js';
import { alipaySignContent, AlipayPaySimulator } from '../../../dev/pay-sim/alipay.simulator.js';
import { AlipayChannel, fenToYuan, parseTradeBill, yuanToFen } from './alipay.channel.js';
import { ChannelError, NotificationRejected, type ChannelOrderInput, type SplitInput } from './pay-channel.js';

const silent: LoggerService = { log: () => {}, error: () => {}, warn: () => {}, debug: () => {}, verbose: () => {}, fatal: () => {} };

/** Where the simulator POSTs notifications: records the raw bodies and answers from a queue (default `success`). */
class NotifyReceiver {
  readonly bodies: string[] = [];
  readonly answers: string[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(this.answers.shift() ?? 'success', () => {
          for (const w of this.waiters.filter((x) => this.bodies.length >= x.count)) w.resolve();
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/payments/notify/alipay`;
  }

  /** Resolves once `count` notifications have arrived (an event, not a timer). */
  received(count: number): Promise<void> {
    if (this.bodies.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

let seq = 0;
const orderNo = () => `T${Date.now()}${String(++seq).padStart(4, '0')}`;
const BUYER = '2088102177846880';
const beijingDay = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

async function channelError(p: Promise<unknown>, kind: ChannelError['kind']): Promise<ChannelError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ChannelError);
  expect((caught as ChannelError).kind).toBe(kind);
  return caught as ChannelError;
}

async function rejected(p: Promise<unknown>): Promise<NotificationRejected> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(NotificationRejected);
  return caught as NotificationRejected;
}

let sim: AlipayPaySimulator;
let receiver: NotifyReceiver;

beforeAll(async () => {
  Logger.overrideLogger(silent);
  // Retries go out only when a test flushes them, so nothing races the assertions.
  sim = new AlipayPaySimulator({ autoRetry: false });
  await sim.start();
  receiver = new NotifyReceiver();
  await receiver.start();
});

afterAll(async () => {
  await sim?.close();
  await receiver?.close();
});

const channel = (overrides: Partial<AppConfig> = {}) => new AlipayChannel(Object.assign(new AppConfig(), sim.configFor(), overrides));

function orderInput(amountFen: number, extra: Partial<ChannelOrderInput> = {}): ChannelOrderInput {
  return {
    outTradeNo: orderNo(),
    amountFen,
    description: '2026年11月党费',
    payerId: BUYER,
    notifyUrl: receiver.url,
    expiresAt: new Date(Date.now() + 30 * 60_000),
    profitSharing: false,
    ...extra,
  };
}

/** Creates the order through the channel and returns its numbers. */
async function created(c: AlipayChannel, amountFen: number, extra: Partial<ChannelOrderInput> = {}) {
  const input = orderInput(amountFen, extra);
  const pay = await c.createOrder(input);
  if (pay.kind !== 'alipay_trade') throw new Error('unexpected pay params');
  return { input, tradeNo: pay.tradeNO };
}

describe('money helpers', () => {
  it('converts fen and yuan exactly, refusing what is not an amount', () => {
    expect([7, 70, 1234, 100, 1, 0, 10_000_000_000].map(fenToYuan)).toEqual(['0.07', '0.70', '12.34', '1.00', '0.01', '0.00', '100000000.00']);
    expect(['0.07', '12.34', '0.7', '5', '19.99', '0.29', '1.10'].map(yuanToFen)).toEqual([7, 1234, 70, 500, 1999, 29, 110]);
    expect([0.07, 12.34, 0.29, 1.1].map(yuanToFen)).toEqual([7, 1234, 29, 110]);
    expect(['-1.00', '1.005', '1e3', '', ' ', 'abc', '1,00', null, undefined, NaN].map(yuanToFen)).toEqual(Array(10).fill(null));
    expect(() => fenToYuan(1.5)).toThrow();
    expect(() => fenToYuan(-1)).toThrow();
  });
});

describe('AlipayChannel orders', () => {
  it('creates a mini-program trade with a correctly signed request naming the buyer, amount, seller and expiry', async () => {
    const c = channel();
    const input = orderInput(1234, { profitSharing: true, description: '11月党费 / 代缴=张三&李四' });
    const pay = await c.createOrder(input);
    expect(pay.kind).toBe('alipay_trade');
    const tradeNo = pay.kind === 'alipay_trade' ? pay.tradeNO : '';
    expect(tradeNo).toMatch(/^\d{28}$/);
    expect(sim.trade(input.outTradeNo)?.tradeNo).toBe(tradeNo);

    // `calls` holds only requests whose RSA2 signature the simulator verified with the app public key.
    const call = sim.calls.at(-1)!;
    expect(call.method).toBe('alipay.trade.create');
    expect(call.params).toMatchObject({ app_id: sim.appId, sign_type: 'RSA2', charset: 'utf-8', notify_url: receiver.url });
    expect(call.biz).toMatchObject({
      out_trade_no: input.outTradeNo,
      total_amount: '12.34',
      buyer_id: BUYER,
      seller_id: sim.sellerId,
      product_code: 'JSAPI_PAY',
      extend_params: { royalty_freeze: 'true' },
    });
    // Alipay refuses / = & in subjects.
    expect(call.biz.subject).toBe('11月党费 代缴 张三 李四');
    // time_expire is Beijing time whatever the process time zone.
    const expected = new Date(input.expiresAt.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    expect(call.biz.time_expire).toBe(expected);
    expect(sim.trade(input.outTradeNo)?.royaltyFreeze).toBe(true);
  });

  it('asks without royalty freeze when the order is not to be split, and uses buyer_open_id for open ids', async () => {
    const c = channel();
    await created(c, 100, { payerId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });
    const biz = sim.calls.at(-1)!.biz;
    expect(biz.extend_params).toBeUndefined();
    expect(biz.buyer_id).toBeUndefined();
    expect(biz.buyer_open_id).toBe('074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5');
  });

  it('is refused by the gateway when signed with a key Alipay does not know (config)', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const before = sim.calls.length;
    const err = await channelError(channel({ ALIPAY_PRIVATE_KEY: other.privateKey }).createOrder(orderInput(100)), 'config');
    expect(err.channelCode).toBe('isv.invalid-signature');
    expect(err.message).not.toContain(BUYER);
    expect(sim.calls.length).toBe(before);
  });

  it('queries pending, then paid with the exact amount and payment time; unknown orders are not_found', async () => {
    const c = channel();
    for (const fen of [7, 1234, 29, 110]) {
      const { input, tradeNo } = await created(c, fen);
      await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'pending', channelTxId: tradeNo, amountFen: fen, paidAt: null });
      sim.markPaidSilently(input.outTradeNo);
      const paid = await c.queryOrder(input.outTradeNo);
      expect(paid).toMatchObject({ outTradeNo: input.outTradeNo, state: 'paid', channelTxId: tradeNo, amountFen: fen });
      const paidAt = sim.trade(input.outTradeNo)!.paidAt!;
      expect(paid.paidAt?.getTime()).toBe(Math.floor(paidAt.getTime() / 1000) * 1000);
    }
    await expect(c.queryOrder('NEVER0001')).resolves.toEqual({ outTradeNo: 'NEVER0001', state: 'not_found', channelTxId: null, amountFen: null, paidAt: null });
  });

  it('sees a trade past its time_expire as closed', async () => {
    const c = channel();
    const { input } = await created(c, 100, { expiresAt: new Date(Date.now() - 1000) });
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'closed' });
  });

  it('closes a waiting trade, accepts closing unknown and closed ones, and refuses to close a paid one', async () => {
    const c = channel();
    const { input } = await created(c, 500);
    await c.closeOrder(input.outTradeNo);
    expect(sim.trade(input.outTradeNo)?.status).toBe('TRADE_CLOSED');
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'closed' });
    await c.closeOrder(input.outTradeNo);
    await c.closeOrder('NEVER0002');

    // Alipay may answer TRADE_STATUS_ERROR for a closed trade too: the channel asks before believing it.
    sim.failNextCall('alipay.trade.close', { sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: '交易状态不合法' });
    await c.closeOrder(input.outTradeNo);

    const paid = await created(c, 600);
    sim.markPaidSilently(paid.input.outTradeNo);
    const err = await channelError(c.closeOrder(paid.input.outTradeNo), 'rejected');
    expect(err.channelCode).toBe('ACQ.TRADE_HAS_SUCCESS');
    expect(sim.trade(paid.input.outTradeNo)?.status).toBe('TRADE_SUCCESS');
  });

  it('returns the same trade for the same order again, and rejects a paid one with ACQ.TRADE_HAS_SUCCESS', async () => {
    const c = channel();
    const first = await created(c, 300);
    const again = await c.createOrder(first.input);
    expect(again).toEqual({ kind: 'alipay_trade', tradeNO: first.tradeNo });
    sim.markPaidSilently(first.input.outTradeNo);
    expect((await channelError(c.createOrder(first.input), 'rejected')).channelCode).toBe('ACQ.TRADE_HAS_SUCCESS');
    expect((await channelError(c.createOrder({ ...orderInput(300), outTradeNo: first.input.outTradeNo, amountFen: 301 }), 'rejected')).channelCode).toBe('ACQ.TRADE_HAS_SUCCESS');
  });
});

describe('AlipayChannel failures', () => {
  it('treats an answer signed with a foreign key as transient', async () => {
    const c = channel();
    const { input } = await created(c, 100);
    sim.signWithWrongKey = true;
    try {
      await channelError(c.queryOrder(input.outTradeNo), 'transient');
      await channelError(c.createOrder(orderInput(100)), 'transient');
    } finally {
      sim.signWithWrongKey = false;
    }
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'pending' });
  });

  it('treats an answer altered after signing as transient (never believes a forged status)', async () => {
    const c = channel();
    const { input } = await created(c, 100);
    sim.tamperResponses = true;
    try {
      await channelError(c.queryOrder(input.outTradeNo), 'transient');
    } finally {
      sim.tamperResponses = false;
    }
  });

  it('maps code ≠ 10000 to rejected with the sub_code, system errors to transient, permission errors to config', async () => {
    const c = channel();
    sim.failNextCall('alipay.trade.create', { sub_code: 'ACQ.ACCESS_FORBIDDEN', sub_msg: '无权限使用接口' });
    const err = await channelError(c.createOrder(orderInput(100)), 'rejected');
    expect(err.channelCode).toBe('ACQ.ACCESS_FORBIDDEN');
    expect(err.message).toContain('无权限使用接口');

    sim.failNextCall('alipay.trade.query', { sub_code: 'ACQ.SYSTEM_ERROR', sub_msg: '系统错误' });
    await channelError(c.queryOrder('ANY0001'), 'transient');
    sim.failNextCall('alipay.trade.query', { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' });
    await channelError(c.queryOrder('ANY0001'), 'transient');
    sim.failNextCall('alipay.trade.query', { code: '40006', msg: 'Insufficient Permissions', sub_code: 'isv.insufficient-isv-permissions', sub_msg: 'ISV权限不足' });
    expect((await channelError(c.queryOrder('ANY0001'), 'config')).channelCode).toBe('isv.insufficient-isv-permissions');
  });

  it('treats HTTP 5xx, a dead gateway and a non-JSON answer as transient', async () => {
    const c = channel();
    sim.failNext(502);
    await channelError(c.queryOrder('ANY0002'), 'transient');
    sim.failNext(503);
    await channelError(c.createOrder(orderInput(100)), 'transient');
    sim.answerNext('not json at all');
    await channelError(c.queryOrder('ANY0002'), 'transient');
    await channelError(channel({ ALIPAY_GATEWAY: 'http://127.0.0.1:1/gateway.do' }).queryOrder('ANY0002'), 'transient');
    await expect(c.queryOrder('ANY0002')).resolves.toMatchObject({ state: 'not_found' });
  });

  it('reports missing or unreadable keys as config, and reads keys written with literal \\n or as bare base64', async () => {
    await channelError(channel({ ALIPAY_PRIVATE_KEY: undefined }).queryOrder('X1'), 'config');
    await channelError(channel({ ALIPAY_PUBLIC_KEY: '  ' }).queryOrder('X1'), 'config');
    await channelError(channel({ ALIPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----' }).queryOrder('X1'), 'config');
    await channelError(channel({ ALIPAY_PUBLIC_KEY: sim.keys.appPrivateKey.replace(/PRIVATE/g, 'PUBLIC') }).queryOrder('X1'), 'config');
    await channelError(channel({ ALIPAY_GATEWAY: 'openapi.alipay.com' }).queryOrder('X1'), 'config');

    const escaped = sim.keys.appPrivateKey.trim().replace(/\n/g, '\\n');
    const bare = sim.keys.alipayPublicKey.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    await expect(channel({ ALIPAY_PRIVATE_KEY: `"${escaped}"`, ALIPAY_PUBLIC_KEY: bare }).queryOrder('X1')).resolves.toMatchObject({ state: 'not_found' });
  });
});

describe('AlipayChannel notifications', () => {
  it('verifies the notification of a payment: paid, exact amount, trade number, time, seller', async () => {
    const c = channel();
    const { input, tradeNo } = await created(c, 1234);
    receiver.bodies.length = 0;
    const deliveries = await sim.pay(input.outTradeNo);
    expect(deliveries).toEqual([expect.objectContaining({ status: 200, body: 'success', attempt: 0 })]);
    expect(receiver.bodies).toHaveLength(1);
    const n = await c.verifyNotification({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, receiver.bodies[0]);
    const paidAt = sim.trade(input.outTradeNo)!.paidAt!;
    expect(n).toEqual({
      outTradeNo: input.outTradeNo,
      state: 'paid',
      channelTxId: tradeNo,
      amountFen: 1234,
      paidAt: new Date(Math.floor(paidAt.getTime() / 1000) * 1000),
      channelAccount: sim.sellerId,
    });
    expect(sim.pendingRetries()).toEqual([]);
  });

  it('verifies values holding %, + and spaces, and Alipay leaving empty values out of the signature', async () => {
    const c = channel();
    const { input } = await created(c, 7, { description: '党费 100% 缴纳 + 50%OFF %E4 %' });
    expect(sim.trade(input.outTradeNo)?.subject).toBe('党费 100% 缴纳 + 50%OFF %E4 %');
    sim.markPaidSilently(input.outTradeNo);
    const body = sim.notificationBody(input.outTradeNo, { extra: { passback_params: 'a%3Db&c=100%', body: '' } });
    expect(body).toContain('%25');
    expect(body).toMatch(/(^|&)body=(&|$)/);
    await expect(c.verifyNotification({}, body)).resolves.toMatchObject({ state: 'paid', amountFen: 7 });
  });

  it('rejects a bad signature, a foreign app_id or seller, a tampered amount and repeated parameters', async () => {
    const c = channel();
    const { input } = await created(c, 1234);
    sim.markPaidSilently(input.outTradeNo);

    const good0 = sim.notificationBody(input.outTradeNo);
    await expect(c.verifyNotification({}, good0)).resolves.toMatchObject({ amountFen: 1234 });
    await rejected(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { badSignature: true })));
    // Correctly signed with Alipay's key, but RSA (SHA-1): alipay-sdk alone would accept it.
    const sha1 = new URLSearchParams(good0);
    sha1.delete('sign');
    sha1.set('sign_type', 'RSA');
    sha1.set('sign', createSign('RSA-SHA1').update(alipaySignContent(Object.fromEntries(sha1), ['sign', 'sign_type'])).sign(sim.keys.alipayPrivateKey, 'base64'));
    expect((await rejected(c.verifyNotification({}, sha1.toString()))).reason).toContain('sign_type');
    expect((await rejected(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { appId: '2021000000009999' })))).reason).toContain('app_id');
    expect((await rejected(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { sellerId: '2088000000009999' })))).reason).toContain('seller_id');

    // Changing the amount on the way breaks the signature.
    const good = sim.notificationBody(input.outTradeNo);
    const tampered = good.replace(/(^|&)total_amount=12\.34(&|$)/, '$1total_amount=0.01$2');
    expect(tampered).not.toBe(good);
    expect((await rejected(c.verifyNotification({}, tampered))).reason).toBe('bad signature');

    // A parameter sent twice is never guessed between, even when one copy is the signed one.
    await rejected(c.verifyNotification({}, `total_amount=0.01&${good}`));
    await rejected(c.verifyNotification({}, `${good}&app_id=${sim.appId}`));
    await rejected(c.verifyNotification({}, good.replace(/(^|&)sign=[^&]*/, '')));
    await rejected(c.verifyNotification({}, ''));
  });

  it('reports the amount Alipay signed, so the caller can compare it with the order', async () => {
    const c = channel();
    const { input } = await created(c, 1234);
    sim.markPaidSilently(input.outTradeNo);
    await expect(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { amountFen: 1 }))).resolves.toMatchObject({ amountFen: 1, state: 'paid' });
  });

  it('maps WAIT_BUYER_PAY and TRADE_CLOSED notifications, and TRADE_FINISHED as paid', async () => {
    const c = channel();
    const { input } = await created(c, 100);
    await expect(c.verifyNotification({}, sim.notificationBody(input.outTradeNo))).resolves.toMatchObject({ state: 'pending', paidAt: null });
    await expect(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { tradeStatus: 'TRADE_CLOSED' }))).resolves.toMatchObject({ state: 'closed' });
    sim.markPaidSilently(input.outTradeNo);
    await expect(c.verifyNotification({}, sim.notificationBody(input.outTradeNo, { tradeStatus: 'TRADE_FINISHED' }))).resolves.toMatchObject({ state: 'paid' });
  });

  it('answers plain-text success or fail', () => {
    const c = channel();
    expect(c.answer(true)).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'success' });
    expect(c.answer(false).body).toBe('fail');
  });

  it('simulator: retries until the answer is exactly success, sends duplicates, can lose the first POST', async () => {
    const c = channel();
    const { input } = await created(c, 800);
    receiver.bodies.length = 0;
    receiver.answers.push('fail');
    const first = await sim.pay(input.outTradeNo);
    expect(first.map((d) => d.body)).toEqual(['fail']);
    expect(sim.pendingRetries()).toEqual([expect.objectContaining({ outTradeNo: input.outTradeNo, attempt: 1 })]);

    receiver.answers.push('SUCCESS ');
    const second = await sim.flushRetries();
    expect(second.map((d) => [d.attempt, d.body])).toEqual([[1, 'SUCCESS ']]);
    expect(sim.pendingRetries()).toEqual([expect.objectContaining({ attempt: 2 })]);

    const third = await sim.flushRetries();
    expect(third.map((d) => [d.attempt, d.body])).toEqual([[2, 'success']]);
    expect(sim.pendingRetries()).toEqual([]);
    // Every copy is the same signed notification.
    expect(new Set(receiver.bodies).size).toBe(1);
    await expect(c.verifyNotification({}, receiver.bodies[0])).resolves.toMatchObject({ state: 'paid', amountFen: 800 });

    const dup = await sim.notify(input.outTradeNo, { duplicates: 2 });
    expect(dup).toHaveLength(3);
    expect(new Set(dup.map((d) => d.notifyId)).size).toBe(1);

    const lost = await created(c, 900);
    receiver.bodies.length = 0;
    expect(await sim.pay(lost.input.outTradeNo, { deliver: false })).toEqual([]);
    expect(receiver.bodies).toEqual([]);
    expect(sim.pendingRetries()).toEqual([expect.objectContaining({ outTradeNo: lost.input.outTradeNo, attempt: 1 })]);
    await sim.flushRetries();
    expect(receiver.bodies).toHaveLength(1);
    expect(sim.pendingRetries()).toEqual([]);
  });

  it('simulator: in development retries go out on their own', { timeout: 10_000 }, async () => {
    const dev = new AlipayPaySimulator({ keys: sim.keys, retryDelaysMs: [0, 0] });
    await dev.start();
    try {
      const c = new AlipayChannel(Object.assign(new AppConfig(), dev.configFor()));
      const { input } = await created(c, 100);
      receiver.bodies.length = 0;
      receiver.answers.push('fail');
      await dev.pay(input.outTradeNo);
      await receiver.received(2);
      await dev.idle();
      expect(receiver.bodies[1]).toBe(receiver.bodies[0]);
      expect(dev.deliveries.map((d) => [d.attempt, d.body])).toEqual([[0, 'fail'], [1, 'success']]);
      expect(dev.pendingRetries()).toEqual([]);
    } finally {
      await dev.close();
    }
  });

  it('simulator: gives up after the configured retries', async () => {
    const c = channel();
    const { input } = await created(c, 100);
    const saved = sim.retryDelaysMs;
    sim.retryDelaysMs = [10_000];
    try {
      receiver.answers.push('fail', 'fail');
      await sim.pay(input.outTradeNo);
      expect(sim.pendingRetries()).toHaveLength(1);
      await sim.flushRetries();
      expect(sim.pendingRetries()).toEqual([]);
    } finally {
      sim.retryDelaysMs = saved;
    }
  });
});

describe('AlipayChannel splits (分账)', () => {
  const split = (tradeNo: string, outTradeNo: string, amountFen: number, merchantId = '2088000000000777', name = '中共示例县委'): SplitInput => ({
    outSplitNo: `S${orderNo()}`,
    outTradeNo,
    channelTxId: tradeNo,
    amountFen,
    receiver: { merchantId, name },
    description: '党费上缴',
  });

  it('binds the receiver once, splits the exact amount to it and queries the split as done', async () => {
    const c = channel();
    const { input, tradeNo } = await created(c, 1000, { profitSharing: true });
    sim.markPaidSilently(input.outTradeNo);
    const s = split(tradeNo, input.outTradeNo, 50);

    await c.ensureReceiver(s.receiver);
    expect(sim.isBound('2088000000000777')).toBe(true);
    const bind = sim.calls.filter((x) => x.method === 'alipay.trade.royalty.relation.bind');
    expect(bind.at(-1)!.biz.receiver_list).toEqual([{ type: 'userId', account: '2088000000000777', name: '中共示例县委', memo: '党费上缴' }]);
    const bindCount = bind.length;
    await c.ensureReceiver(s.receiver);

    const result = await c.split(s);
    expect(result).toEqual({ state: 'done', channelSplitId: expect.stringMatching(/^\d+$/), error: null });
    expect(sim.calls.filter((x) => x.method === 'alipay.trade.royalty.relation.bind')).toHaveLength(bindCount);
    const settle = sim.calls.at(-1)!;
    expect(settle.method).toBe('alipay.trade.order.settle');
    expect(settle.biz).toMatchObject({
      out_request_no: s.outSplitNo,
      trade_no: tradeNo,
      royalty_parameters: [{ royalty_type: 'transfer', trans_in_type: 'userId', trans_in: '2088000000000777', amount: '0.50' }],
      extend_params: { royalty_finish: 'true' },
    });
    expect(sim.settlesOf(tradeNo)).toEqual([expect.objectContaining({ details: [expect.objectContaining({ transIn: '2088000000000777', amountFen: 50 })] })]);

    await expect(c.querySplit(s)).resolves.toEqual({ state: 'done', channelSplitId: result.channelSplitId, error: null });
    // Sending the same split again (after a timeout) does not move money twice.
    await expect(c.split(s)).resolves.toMatchObject({ state: 'done', channelSplitId: result.channelSplitId });
    expect(sim.trade(input.outTradeNo)?.settledFen).toBe(50);
  });

  it('binds login-name receivers as loginName with their name, and fails splits Alipay refuses', async () => {
    const c = channel();
    const { input, tradeNo } = await created(c, 100, { profitSharing: true });
    sim.markPaidSilently(input.outTradeNo);
    await c.ensureReceiver({ merchantId: 'dangwei@example.com', name: '中共示例市委' });
    expect(sim.calls.at(-1)!.biz.receiver_list).toEqual([expect.objectContaining({ type: 'loginName', account: 'dangwei@example.com', name: '中共示例市委' })]);
    await channelError(c.ensureReceiver({ merchantId: 'dangwei2@example.com', name: ' ' }), 'rejected');

    const tooMuch = split(tradeNo, input.outTradeNo, 101, 'dangwei@example.com', '中共示例市委');
    const r = await c.split(tooMuch);
    expect(r.state).toBe('failed');
    expect(r.error).toContain('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR');
    expect(sim.trade(input.outTradeNo)?.settledFen).toBe(0);
    await expect(c.querySplit(tooMuch)).resolves.toMatchObject({ state: 'failed', error: expect.stringContaining('NOT_EXIST') });

    sim.failNextCall('alipay.trade.order.settle', { sub_code: 'ACQ.SYSTEM_ERROR', sub_msg: '系统异常' });
    await channelError(c.split(split(tradeNo, input.outTradeNo, 10, 'dangwei@example.com', '中共示例市委')), 'transient');
  });
});

describe('AlipayChannel bills', () => {
  it('downloads the GBK zip, picks the detail file and returns the exact payment lines', async () => {
    const c = channel();
    const a = await created(c, 7);
    const b = await created(c, 1234);
    const dropped = await created(c, 555);
    const unpaid = await created(c, 999);
    for (const o of [a, b, dropped]) sim.markPaidSilently(o.input.outTradeNo);
    sim.dropFromBill(dropped.input.outTradeNo);
    const stranger = sim.addBillLine({ outTradeNo: 'OTHERAPP0001', amountFen: 1999, subject: '别的应用,含逗号' });
    sim.addBillLine({ outTradeNo: a.input.outTradeNo, amountFen: 7, type: '退款' });

    const lines = await c.downloadBill(beijingDay());
    const mine = lines.filter((l) => [a, b, dropped, unpaid].some((o) => o.input.outTradeNo === l.outTradeNo) || l.outTradeNo === 'OTHERAPP0001');
    expect(mine).toEqual([
      { outTradeNo: a.input.outTradeNo, channelTxId: a.tradeNo, amountFen: 7, paidAt: expect.any(Date) },
      { outTradeNo: b.input.outTradeNo, channelTxId: b.tradeNo, amountFen: 1234, paidAt: expect.any(Date) },
      { outTradeNo: 'OTHERAPP0001', channelTxId: stranger.tradeNo, amountFen: 1999, paidAt: expect.any(Date) },
    ]);
    expect(mine[0].paidAt.getTime()).toBe(Math.floor(sim.trade(a.input.outTradeNo)!.paidAt!.getTime() / 1000) * 1000);
    expect(sim.count(`/bill/${beijingDay()}.zip`)).toBeGreaterThan(0);
  });

  it('serves a zip like production: GBK names without the UTF-8 flag, GBK CSV with tabs and a summary file', () => {
    const day = beijingDay();
    const zip = sim.billZip(day);
    const flags = zip.readUInt16LE(6);
    expect(flags & 0x800).toBe(0);
    const names = Object.keys(unzipSync(new Uint8Array(zip))).map((n) => iconv.decode(Buffer.from(n, 'latin1'), 'gbk'));
    const compact = day.replace(/-/g, '');
    expect(names).toEqual([`${sim.sellerId}0156_${compact}_业务明细(汇总).csv`, `${sim.sellerId}0156_${compact}_业务明细.csv`]);
    const files = Object.values(unzipSync(new Uint8Array(zip)));
    const detail = iconv.decode(Buffer.from(files[1]), 'gbk');
    expect(detail).toContain('支付宝交易号,商户订单号,业务类型');
    expect(detail).toContain('\t,');
    expect(Buffer.from(files[1]).includes(Buffer.from('支付宝交易号', 'utf8'))).toBe(false);
  });

  it('parses bills exactly and refuses to drop a payment line it cannot read', () => {
    const header = '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,订单金额(元),商家实收(元)';
    const csv = [
      '#支付宝业务明细查询',
      '#-----------------------------------------业务明细列表----------------------------------------',
      header,
      '2026112222001100000000000001\t,A1\t,交易\t,"党费,11月"\t,2026-11-22 09:00:00\t,2026-11-22 09:00:05\t,0.29\t,0.29\t',
      '2026112222001100000000000002\t,A2\t,退款\t,党费\t,2026-11-22 09:00:00\t,2026-11-22 10:00:00\t,-0.29\t,-0.29\t',
      '#-----------------------------------------业务明细列表结束------------------------------------',
      '#交易合计：1笔',
    ].join('\n');
    expect(parseTradeBill(csv)).toEqual([{ outTradeNo: 'A1', channelTxId: '2026112222001100000000000001', amountFen: 29, paidAt: new Date('2026-11-22T01:00:05Z') }]);
    expect(() => parseTradeBill(csv.replace('0.29\t,0.29', '0.2x\t,0.29'))).toThrow(/unreadable/);
    expect(() => parseTradeBill(csv.replace(header, header.replace('订单金额(元)', '金额')))).toThrow(/header/);
  });

  it('rejects a day without a bill with isp.bill_not_exist, and treats a failed download as transient', async () => {
    const c = channel();
    expect((await channelError(c.downloadBill('2001-01-01'), 'rejected')).channelCode).toBe('isp.bill_not_exist');
    await channelError(c.downloadBill('2026/11/22'), 'rejected');
    const { input } = await created(c, 100);
    sim.markPaidSilently(input.outTradeNo);
    sim.failNextCall('alipay.data.dataservice.bill.downloadurl.query', { code: '10000', msg: 'Success', sub_code: '' });
    await channelError(c.downloadBill(beijingDay()), 'transient');
    sim.billUrlTtlMs = -1;
    try {
      expect((await channelError(c.downloadBill(beijingDay()), 'transient')).message).toContain('HTTP 403');
    } finally {
      sim.billUrlTtlMs = 30_000;
    }
    await expect(c.downloadBill(beijingDay())).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ outTradeNo: input.outTradeNo, amountFen: 100 })]));
  });
});

describe('AlipayPaySimulator H5 cashier', () => {
  it('shows the amount and payee, pays on confirm, notifies, then returns to the app', async () => {
    const c = channel();
    const { input, tradeNo } = await created(c, 1234);
    const pageUrl = sim.payPageUrl(tradeNo, 'http://127.0.0.1:5173/pages/dues/result?order=1&x=<b>');
    const page = await fetch(pageUrl);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    for (const s of ['收款方', sim.sellerName, '¥12.34', '确认付款', '取消']) expect(html).toContain(s);
    expect(html).not.toContain('<b>');

    receiver.bodies.length = 0;
    const form = new URLSearchParams({ return: 'http://127.0.0.1:5173/pages/dues/result?order=1' });
    const res = await fetch(`${sim.baseUrl}/pay/${tradeNo}/confirm`, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:5173/pages/dues/result?order=1');
    expect(sim.trade(input.outTradeNo)?.status).toBe('TRADE_SUCCESS');
    expect(receiver.bodies).toHaveLength(1);
    await expect(c.verifyNotification({}, receiver.bodies[0])).resolves.toMatchObject({ state: 'paid', amountFen: 1234 });

    const after = await (await fetch(pageUrl)).text();
    expect(after).toContain('订单已支付');
  });
});
