import { createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '../../../../test/support.js';
import { AppConfig } from '../../../config/config.js';
import { WechatPaySimulator, type NotifyOptions } from '../../../dev/pay-sim/wechatpay.simulator.js';
import { ChannelError, NotificationRejected, type ChannelErrorKind, type ChannelOrderInput, type SplitInput, type VerifiedNotification } from './pay-channel.js';
import { parseTradeBill, WechatPayChannel, yuanToFen } from './wechatpay.channel.js';

/** What our notify endpoint received, and what the channel made of it. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verified?: VerifiedNotification;
  rejected?: string;
}

let sim: WechatPaySimulator;
let notifyServer: Server;
let notifyUrl: string;
const received: Received[] = [];
/** The channel the notify endpoint verifies with, and an optional forced answer (a server that is down for a moment). */
let notifyChannel: WechatPayChannel;
let forcedNotifyStatus: number[] = [];
let orderSeq = 0;

function channel(overrides: Partial<AppConfig> = {}, mode: 'public_key' | 'certificate' = 'public_key'): WechatPayChannel {
  return new WechatPayChannel(Object.assign(new AppConfig(), sim.configFor(undefined, { mode }), overrides));
}

function orderInput(over: Partial<ChannelOrderInput> = {}): ChannelOrderInput {
  orderSeq++;
  return {
    outTradeNo: `T${Date.now()}${String(orderSeq).padStart(4, '0')}`,
    amountFen: 2350,
    description: '党费 2024年05月',
    payerId: 'o-payer-1',
    notifyUrl,
    expiresAt: new Date(Date.now() + 30 * 60_000),
    profitSharing: true,
    ...over,
  };
}

/** Awaits `p`, expects a ChannelError of `kind`, and returns it. */
async function channelError(p: Promise<unknown>, kind: ChannelErrorKind): Promise<ChannelError> {
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

/** Creates an order through the channel, pays it at the simulator with `opts`, and returns what our endpoint saw. */
async function payAndReceive(c: WechatPayChannel, opts: NotifyOptions = {}, input = orderInput()) {
  await c.createOrder(input);
  received.length = 0;
  const deliveries = await sim.pay(input.outTradeNo, opts);
  return { input, deliveries, received: [...received] };
}

beforeAll(async () => {
  sim = new WechatPaySimulator({ autoRetry: false });
  await sim.start();
  notifyServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      const forced = forcedNotifyStatus.shift();
      if (forced) {
        res.writeHead(forced).end('down');
        return;
      }
      notifyChannel.verifyNotification(req.headers, entry.body).then(
        (v) => {
          entry.verified = v;
          const a = notifyChannel.answer(true);
          res.writeHead(a.status, { 'content-type': a.contentType }).end(a.body);
        },
        (err: unknown) => {
          entry.rejected = err instanceof NotificationRejected ? err.reason : `unexpected ${String(err)}`;
          const a = notifyChannel.answer(false, '验签失败');
          res.writeHead(a.status, { 'content-type': a.contentType }).end(a.body);
        },
      );
    });
  });
  await new Promise<void>((resolve) => notifyServer.listen(0, '127.0.0.1', resolve));
  notifyUrl = `http://127.0.0.1:${(notifyServer.address() as AddressInfo).port}/api/payments/notify/wechat`;
});

afterAll(async () => {
  await sim?.close();
  notifyServer?.closeAllConnections();
  await new Promise<void>((resolve) => (notifyServer ? notifyServer.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  sim.signWith = 'public_key';
  sim.certificatesAvailable = true;
  forcedNotifyStatus = [];
  received.length = 0;
  sim.clearRetries();
  notifyChannel = channel();
});

describe('WechatPayChannel orders', () => {
  it('creates a JSAPI order with a correctly signed request and returns pay parameters signed with the merchant key', async () => {
    const c = channel();
    const input = orderInput({ amountFen: 7 });
    sim.clearRequests();
    const failuresBefore = sim.signatureFailures;

    const pay = await c.createOrder(input);

    expect(pay.kind).toBe('wechat_jsapi');
    if (pay.kind !== 'wechat_jsapi') return;
    const order = sim.order(input.outTradeNo)!;
    expect(pay.package).toBe(`prepay_id=${order.prepayId}`);
    expect(pay.signType).toBe('RSA');
    const message = `${sim.keys.appid}\n${pay.timeStamp}\n${pay.nonceStr}\n${pay.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(sim.keys.merchantPublicKey, pay.paySign, 'base64')).toBe(true);
    // The gateway verified our Authorization header and got the whole order.
    expect(sim.signatureFailures).toBe(failuresBefore);
    const req = sim.signedRequests.find((r) => r.path === '/v3/pay/transactions/jsapi' && JSON.parse(r.body).out_trade_no === input.outTradeNo);
    expect(req).toBeDefined();
    expect(req!.headers.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="\d+",nonce_str="\w+",timestamp="\d+",serial_no="[0-9A-F]+",signature="[^"]+"$/);
    const body = JSON.parse(req!.body);
    expect(body).toMatchObject({
      appid: sim.keys.appid,
      mchid: sim.keys.mchid,
      description: '党费 2024年05月',
      notify_url: notifyUrl,
      amount: { total: 7, currency: 'CNY' },
      payer: { openid: 'o-payer-1' },
      settle_info: { profit_sharing: true },
    });
    expect(body.time_expire).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(Date.parse(body.time_expire)).toBe(Math.floor(input.expiresAt.getTime() / 1000) * 1000);
    expect(order).toMatchObject({ amountFen: 7, profitSharing: true, state: 'NOTPAY' });
  });

  it('gets the same prepay id when the same order is created again, and ORDERPAID once it is paid', async () => {
    const c = channel();
    const input = orderInput();
    const a = await c.createOrder(input);
    const b = await c.createOrder(input);
    expect(a.kind === 'wechat_jsapi' && b.kind === 'wechat_jsapi' && a.package === b.package).toBe(true);
    sim.markPaidSilently(input.outTradeNo);
    const err = await channelError(c.createOrder(input), 'rejected');
    expect(err.channelCode).toBe('ORDERPAID');
  });

  it('queries pending, paid (with amount, transaction id and time) and unknown orders', async () => {
    const c = channel();
    const input = orderInput({ amountFen: 1234 });
    await c.createOrder(input);
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'pending', channelTxId: null, paidAt: null });

    sim.markPaidSilently(input.outTradeNo);
    const order = sim.order(input.outTradeNo)!;
    const trade = await c.queryOrder(input.outTradeNo);
    expect(trade).toEqual({
      outTradeNo: input.outTradeNo,
      state: 'paid',
      channelTxId: order.transactionId,
      amountFen: 1234,
      paidAt: new Date(order.successTime!),
    });

    await expect(c.queryOrder('NO_SUCH_ORDER_1')).resolves.toEqual({ outTradeNo: 'NO_SUCH_ORDER_1', state: 'not_found', channelTxId: null, amountFen: null, paidAt: null });
  });

  it('closes an unpaid order, and a paid one cannot be closed', async () => {
    const c = channel();
    const open = orderInput();
    await c.createOrder(open);
    await c.closeOrder(open.outTradeNo);
    expect(sim.order(open.outTradeNo)!.state).toBe('CLOSED');
    await expect(c.queryOrder(open.outTradeNo)).resolves.toMatchObject({ state: 'closed' });

    const paid = orderInput();
    await c.createOrder(paid);
    sim.markPaidSilently(paid.outTradeNo);
    const err = await channelError(c.closeOrder(paid.outTradeNo), 'rejected');
    expect(err.channelCode).toBe('ORDERPAID');
  });

  it('does not believe an answer whose signature or body was tampered with', async () => {
    const c = channel();
    const input = orderInput();
    await c.createOrder(input);
    sim.markPaidSilently(input.outTradeNo);

    sim.tamperNextAnswers(1, 'signature');
    await channelError(c.queryOrder(input.outTradeNo), 'transient');
    sim.tamperNextAnswers(1, 'body');
    await channelError(c.queryOrder(input.outTradeNo), 'transient');
    // A signed "order does not exist" is believed; a forged one is not.
    sim.tamperNextAnswers(1, 'signature');
    await channelError(c.queryOrder('NO_SUCH_ORDER_2'), 'transient');
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'paid' });
  });

  it('treats 5xx, unsigned answers and an unreachable gateway as transient', async () => {
    const c = channel();
    sim.failNext(500);
    await channelError(c.createOrder(orderInput()), 'transient');
    sim.failNext(502);
    await channelError(c.queryOrder('ANY_ORDER_01'), 'transient');
    // HTTP 200 but unsigned (a proxy, a captive portal…)
    sim.answerNext({ prepay_id: 'wx-forged' });
    await channelError(c.createOrder(orderInput()), 'transient');

    const down = new WechatPaySimulator();
    await down.start();
    const base = down.baseUrl;
    await down.close();
    await channelError(channel({ WECHATPAY_BASE_URL: base }).queryOrder('ANY_ORDER_02'), 'transient');
  });

  it('reports missing or unreadable settings, and a request signature the gateway refuses, as config errors', async () => {
    await channelError(channel({ WECHATPAY_MCHID: undefined }).queryOrder('ANY_ORDER_03'), 'config');
    await channelError(channel({ WECHATPAY_PRIVATE_KEY: 'not a key' }).queryOrder('ANY_ORDER_03'), 'config');
    await channelError(channel({ WECHATPAY_APIV3_KEY: 'short' }).queryOrder('ANY_ORDER_03'), 'config');
    await channelError(channel({ WECHATPAY_PUBLIC_KEY: undefined }).queryOrder('ANY_ORDER_03'), 'config');

    // PEMs written on one line with literal \n work.
    const oneLine = sim.keys.merchantPrivateKey.trim().replace(/\n/g, '\\n');
    await expect(channel({ WECHATPAY_PRIVATE_KEY: oneLine }).queryOrder('ANY_ORDER_03')).resolves.toMatchObject({ state: 'not_found' });
    // Without a serial the channel reads it from the merchant certificate.
    await expect(channel({ WECHATPAY_SERIAL_NO: undefined }).queryOrder('ANY_ORDER_03')).resolves.toMatchObject({ state: 'not_found' });

    // Another private key under our serial: the gateway answers 401 SIGN_ERROR.
    const failuresBefore = sim.signatureFailures;
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const err = await channelError(channel({ WECHATPAY_PRIVATE_KEY: otherKey }).queryOrder('ANY_ORDER_03'), 'config');
    expect(err.channelCode).toBe('SIGN_ERROR');
    expect(sim.signatureFailures).toBe(failuresBefore + 1);
  });
});

describe('WechatPayChannel notifications', () => {
  it('verifies a genuine notification and acknowledges it with 204', async () => {
    const c = channel();
    const { input, deliveries, received: got } = await payAndReceive(c, {}, orderInput({ amountFen: 8800 }));
    const order = sim.order(input.outTradeNo)!;
    expect(deliveries.map((d) => d.status)).toEqual([204]);
    expect(got).toHaveLength(1);
    expect(got[0].rejected).toBeUndefined();
    expect(got[0].verified).toEqual({
      outTradeNo: input.outTradeNo,
      state: 'paid',
      channelTxId: order.transactionId,
      amountFen: 8800,
      paidAt: new Date(order.successTime!),
      channelAccount: sim.keys.mchid,
    });
    expect(sim.pendingRetries()).toEqual([]);
  });

  it('acknowledges duplicates, each verified on its own', async () => {
    const { deliveries, received: got } = await payAndReceive(channel(), { duplicates: 2 });
    expect(deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    expect(got.map((r) => r.verified?.state)).toEqual(['paid', 'paid', 'paid']);
    expect(new Set(got.map((r) => JSON.parse(r.body).id)).size).toBe(1);
  });

  const rejectedCases: Array<[string, NotifyOptions, RegExp]> = [
    ['a bad signature', { badSignature: true }, /signature/],
    ['a 6-minute-old timestamp', { timestampOffsetSeconds: -360 }, /timestamp/],
    ['a timestamp 6 minutes ahead', { timestampOffsetSeconds: 360 }, /timestamp/],
    ['a tampered ciphertext (GCM tag)', { tamperCiphertext: true }, /decrypt/],
    ['a foreign app id', { appid: 'wx-somebody-else' }, /appid/],
    ['a foreign merchant', { mchid: '1234567890' }, /mchid/],
  ];
  for (const [what, opts, reason] of rejectedCases) {
    it(`rejects a notification with ${what} and answers so that WeChat retries`, async () => {
      const { input, deliveries, received: got } = await payAndReceive(channel(), opts);
      expect(got).toHaveLength(1);
      expect(got[0].verified).toBeUndefined();
      expect(got[0].rejected).toMatch(reason);
      expect(deliveries.map((d) => d.status)).toEqual([500]);
      expect(JSON.parse(deliveries[0].body)).toEqual({ code: 'FAIL', message: '验签失败' });
      expect(sim.pendingRetries()).toMatchObject([{ outTradeNo: input.outTradeNo, attempt: 1 }]);
    });
  }

  it('rejects a notification whose headers are missing or whose body is not the signed one', async () => {
    const c = channel();
    const { received: got } = await payAndReceive(c);
    const good = got[0];
    await expect(c.verifyNotification(good.headers, good.body)).resolves.toMatchObject({ state: 'paid' });
    await expect(c.verifyNotification(good.headers, good.body.replace('"summary":"支付成功"', '"summary":"支付成功 "'))).rejects.toBeInstanceOf(NotificationRejected);
    const { ['wechatpay-nonce']: _nonce, ...withoutNonce } = good.headers;
    await expect(c.verifyNotification(withoutNonce, good.body)).rejects.toBeInstanceOf(NotificationRejected);
    await expect(c.verifyNotification({ ...good.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000' }, good.body)).rejects.toBeInstanceOf(NotificationRejected);
  });

  it('passes on the amount the notification reports (the service compares it with the order)', async () => {
    const { received: got } = await payAndReceive(channel(), { amountFen: 1 }, orderInput({ amountFen: 2350 }));
    expect(got[0].verified?.amountFen).toBe(1);
  });

  it('retries like WeChat until acknowledged, without sleeping', async () => {
    const input = orderInput();
    await channel().createOrder(input);
    forcedNotifyStatus = [503];
    const first = await sim.pay(input.outTradeNo);
    expect(first.map((d) => d.status)).toEqual([503]);
    expect(sim.pendingRetries()).toMatchObject([{ outTradeNo: input.outTradeNo, attempt: 1 }]);

    forcedNotifyStatus = [500];
    expect((await sim.flushRetries()).map((d) => d.status)).toEqual([500]);
    expect(sim.pendingRetries()).toMatchObject([{ outTradeNo: input.outTradeNo, attempt: 2 }]);

    expect((await sim.flushRetries()).map((d) => d.status)).toEqual([204]);
    expect(sim.pendingRetries()).toEqual([]);
    // A late resend of an order already acknowledged is still genuine.
    received.length = 0;
    expect((await sim.notify(input.outTradeNo)).map((d) => d.status)).toEqual([204]);
    expect(received[0].verified?.outTradeNo).toBe(input.outTradeNo);
  });

  it('gives up after the last retry of the schedule', async () => {
    const short = new WechatPaySimulator({ autoRetry: false, retryDelaysMs: [10] });
    await short.start();
    try {
      const c = new WechatPayChannel(Object.assign(new AppConfig(), short.configFor()));
      const input = orderInput();
      await c.createOrder(input);
      forcedNotifyStatus = [500, 500];
      await short.pay(input.outTradeNo);
      expect(short.pendingRetries()).toHaveLength(1);
      expect((await short.flushRetries()).map((d) => d.status)).toEqual([500]);
      expect(short.pendingRetries()).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('does not send a notification for a silently paid order', async () => {
    const input = orderInput();
    await channel().createOrder(input);
    received.length = 0;
    sim.markPaidSilently(input.outTradeNo);
    expect(received).toHaveLength(0);
    expect(sim.pendingRetries().filter((r) => r.outTradeNo === input.outTradeNo)).toEqual([]);
  });
});

describe('WechatPayChannel platform key modes', () => {
  it('works in certificate mode: downloads the platform certificate once and verifies answers and notifications with it', async () => {
    sim.signWith = 'certificate';
    const c = channel({}, 'certificate');
    notifyChannel = c;
    sim.clearRequests();
    const { input, received: got } = await payAndReceive(c);
    expect(got[0].rejected).toBeUndefined();
    expect(got[0].headers['wechatpay-serial']).toBe(sim.keys.platformCertSerial);
    await expect(c.queryOrder(input.outTradeNo)).resolves.toMatchObject({ state: 'paid' });
    expect(sim.count('/v3/certificates')).toBe(1);
  });

  it('accepts both modes during the migration: public key configured, gateway signing with its certificate (and back)', async () => {
    const c = channel();
    notifyChannel = c;
    sim.signWith = 'certificate';
    const a = await payAndReceive(c);
    expect(a.received[0].verified?.state).toBe('paid');
    sim.signWith = 'public_key';
    const b = await payAndReceive(c);
    expect(b.received[0].verified?.state).toBe('paid');
    await expect(c.queryOrder(b.input.outTradeNo)).resolves.toMatchObject({ state: 'paid' });
  });

  it('refuses answers signed with the public key when only certificates are configured and the key is unknown', async () => {
    sim.signWith = 'public_key';
    const c = channel({}, 'certificate');
    await channelError(c.queryOrder('ANY_ORDER_04'), 'transient');
  });

  it('trusts downloaded certificates only when they decrypt with our APIv3 key (GCM tag checked)', async () => {
    sim.signWith = 'certificate';
    const wrongKey = channel({ WECHATPAY_APIV3_KEY: 'x'.repeat(32) }, 'certificate');
    const err = await channelError(wrongKey.queryOrder('ANY_ORDER_05'), 'transient');
    expect(err.message).toMatch(/decrypt/);
  });

  it('tells the operator to configure the public key when the merchant has no platform certificates', async () => {
    sim.signWith = 'certificate';
    sim.certificatesAvailable = false;
    const err = await channelError(channel({}, 'certificate').queryOrder('ANY_ORDER_06'), 'config');
    expect(err.message).toMatch(/WECHATPAY_PUBLIC_KEY/);
  });
});

describe('WechatPayChannel profit sharing', () => {
  const receiver = { merchantId: '1900012345', name: '中共某某市委组织部党费专户' };

  async function paidOrder(c: WechatPayChannel, profitSharing = true) {
    const input = orderInput({ amountFen: 10_000, profitSharing });
    await c.createOrder(input);
    const order = sim.markPaidSilently(input.outTradeNo);
    return order;
  }

  function splitInput(order: { outTradeNo: string; transactionId: string | null }, amountFen: number): SplitInput {
    orderSeq++;
    return { outSplitNo: `S${Date.now()}${orderSeq}`, outTradeNo: order.outTradeNo, channelTxId: order.transactionId!, amountFen, receiver, description: '党费上划' };
  }

  it('adds the receiver once (name encrypted with the platform key) and splits', async () => {
    const c = channel();
    const order = await paidOrder(c);
    sim.clearRequests();
    await c.ensureReceiver(receiver);
    await c.ensureReceiver(receiver);
    expect(sim.count('/v3/profitsharing/receivers/add')).toBe(1);
    expect(sim.receivers.get(receiver.merchantId)).toEqual({ name: receiver.name, relationType: 'OTHERS' });
    const add = sim.requests.find((r) => r.path === '/v3/profitsharing/receivers/add')!;
    expect(add.headers['wechatpay-serial']).toBe(sim.keys.platformPublicKeyId);
    expect(add.body).not.toContain(receiver.name);

    const input = splitInput(order, 3000);
    const result = await c.split(input);
    expect(result).toEqual({ state: 'done', channelSplitId: sim.splits.get(input.outSplitNo)!.orderId, error: null });
    expect(JSON.parse(sim.requests.find((r) => r.path === '/v3/profitsharing/orders')!.body)).toMatchObject({
      appid: sim.keys.appid,
      transaction_id: order.transactionId,
      out_order_no: input.outSplitNo,
      receivers: [{ type: 'MERCHANT_ID', account: receiver.merchantId, amount: 3000, description: '党费上划' }],
      unfreeze_unsplit: false,
    });
    await expect(c.querySplit(input)).resolves.toEqual(result);
    // Sending the same split again is the same split, not a second transfer.
    await expect(c.split(input)).resolves.toEqual(result);
    expect(sim.order(order.outTradeNo)!.unsplitFen).toBe(7000);
  });

  it('treats adding an already added receiver as success (a new process does not remember)', async () => {
    await channel().ensureReceiver(receiver);
    await channel().ensureReceiver(receiver);
    expect(sim.receivers.has(receiver.merchantId)).toBe(true);
  });

  it('reports a pending split as processing until it finishes, and a closed receiver as failed', async () => {
    const c = channel();
    const order = await paidOrder(c);
    sim.nextSplit('PENDING');
    const pending = splitInput(order, 1000);
    await expect(c.split(pending)).resolves.toMatchObject({ state: 'processing', error: null });
    await expect(c.querySplit(pending)).resolves.toMatchObject({ state: 'processing' });
    sim.finishSplit(pending.outSplitNo, 'SUCCESS');
    await expect(c.querySplit(pending)).resolves.toMatchObject({ state: 'done' });

    sim.nextSplit('CLOSED', 'RECEIVER_HIGH_RISK');
    const closed = splitInput(order, 1000);
    const r = await c.split(closed);
    expect(r.state).toBe('failed');
    expect(r.error).toMatch(/RECEIVER_HIGH_RISK/);
  });

  it('is refused for an order created without profit sharing, and for more than is left', async () => {
    const c = channel();
    const plain = await paidOrder(c, false);
    expect((await channelError(c.split(splitInput(plain, 100)), 'rejected')).channelCode).toBe('NO_AUTH');
    const order = await paidOrder(c);
    expect((await channelError(c.split(splitInput(order, 10_001)), 'rejected')).channelCode).toBe('NOT_ENOUGH');
  });

  it('is refused when the receiver name does not match the merchant', async () => {
    sim.merchantNames.set('1900099999', '中共某某县委组织部');
    const err = await channelError(channel().ensureReceiver({ merchantId: '1900099999', name: '别的单位' }), 'rejected');
    expect(err.channelCode).toBe('PARAM_ERROR');
  });

  it('encrypts with the platform certificate in certificate mode', async () => {
    sim.signWith = 'certificate';
    const c = channel({}, 'certificate');
    sim.clearRequests();
    await c.ensureReceiver({ merchantId: '1900054321', name: '中共某某区委组织部' });
    const add = sim.requests.find((r) => r.path === '/v3/profitsharing/receivers/add')!;
    expect(add.headers['wechatpay-serial']).toBe(sim.keys.platformCertSerial);
    expect(sim.receivers.get('1900054321')?.name).toBe('中共某某区委组织部');
  });
});

describe('WechatPayChannel bills', () => {
  it('downloads and parses the day’s bill with exact amounts, including seeded differences', async () => {
    const c = channel();
    const a = orderInput({ amountFen: 7 });
    const b = orderInput({ amountFen: 1234 });
    const dropped = orderInput({ amountFen: 500 });
    for (const o of [a, b, dropped]) {
      await c.createOrder(o);
      sim.markPaidSilently(o.outTradeNo);
    }
    sim.dropFromBill(dropped.outTradeNo);
    const day = sim.order(a.outTradeNo)!.successTime!.slice(0, 10);
    const extraAt = new Date(`${day}T09:30:00+08:00`);
    sim.addBillLine({ outTradeNo: 'UNKNOWN_ORDER_1', transactionId: '4200000000000000000000000001', amountFen: 100_010, paidAt: extraAt });

    const lines = await c.downloadBill(day);
    const byNo = new Map(lines.map((l) => [l.outTradeNo, l]));
    expect(byNo.get(a.outTradeNo)).toEqual({ outTradeNo: a.outTradeNo, channelTxId: sim.order(a.outTradeNo)!.transactionId, amountFen: 7, paidAt: new Date(sim.order(a.outTradeNo)!.successTime!) });
    expect(byNo.get(b.outTradeNo)?.amountFen).toBe(1234);
    expect(byNo.has(dropped.outTradeNo)).toBe(false);
    expect(byNo.get('UNKNOWN_ORDER_1')).toEqual({ outTradeNo: 'UNKNOWN_ORDER_1', channelTxId: '4200000000000000000000000001', amountFen: 100_010, paidAt: extraAt });
    // The simulator's bill holds every order paid that day (other tests' too): the total must add up exactly.
    const expected = sim.allOrders().filter((o) => o.state === 'SUCCESS' && o.outTradeNo !== dropped.outTradeNo && o.successTime!.startsWith(day));
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.reduce((s, l) => s + l.amountFen, 0)).toBe(expected.reduce((s, o) => s + o.amountFen, 0) + 100_010);
    // The download was signed too (the gateway checks every request).
    expect(sim.signedRequests.some((r) => r.path === '/v3/billdownload/file')).toBe(true);
  });

  it('refuses a bill whose bytes do not match the hash, and returns nothing for a day without a bill', async () => {
    const c = channel();
    const input = orderInput();
    await c.createOrder(input);
    sim.markPaidSilently(input.outTradeNo);
    const day = sim.order(input.outTradeNo)!.successTime!.slice(0, 10);
    sim.tamperNextBillDownloads();
    const err = await channelError(c.downloadBill(day), 'transient');
    expect(err.message).toMatch(/SHA1/);
    await expect(c.downloadBill('2999-01-01')).resolves.toEqual([]);
    await channelError(c.downloadBill('yesterday'), 'rejected');
  });

  it('converts yuan to fen without floating-point error', () => {
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('1000')).toBe(100_000);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.005'.slice(0, 4))).toBe(100);
    expect(() => yuanToFen('1.005')).toThrow();
    expect(() => yuanToFen('-1.00')).toThrow();
    expect(() => yuanToFen('1e3')).toThrow();
  });

  it('parses WeChat’s bill text and refuses truncated or foreign files', () => {
    const header = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注';
    const line = (no: string, amount: string, mch = '1900000001') =>
      ['2024-05-01 10:00:00', 'wx1', mch, '0', '', `42000${no}`, no, 'o1', 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', amount, '0.00', '党费,五月', '', '0.00', '0.60%', amount, ''].map((f) => '`' + f).join(',');
    const text = (lines: string[], count = lines.length) => ['\uFEFF' + header, ...lines, '总交易单数,应结订单总金额,手续费总金额,订单总金额', `\`${count},\`12.41,\`0.00,\`12.41`].join('\r\n');

    const parsed = parseTradeBill(text([line('A1', '0.07'), line('A2', '12.34')]), '1900000001');
    expect(parsed.map((l) => [l.outTradeNo, l.amountFen])).toEqual([
      ['A1', 7],
      ['A2', 1234],
    ]);
    expect(parsed[0].paidAt).toEqual(new Date('2024-05-01T02:00:00Z'));
    expect(parseTradeBill(text([]), '1900000001')).toEqual([]);
    expect(() => parseTradeBill(text([line('A1', '0.07')], 2), '1900000001')).toThrow(ChannelError);
    expect(() => parseTradeBill([header, line('A1', '0.07')].join('\n'), '1900000001')).toThrow(ChannelError);
    expect(() => parseTradeBill(text([line('A1', '0.07', '1999999999')]), '1900000001')).toThrow(ChannelError);
    expect(() => parseTradeBill(text([line('A1', '0.0x')]), '1900000001')).toThrow(ChannelError);
  });
});

describe('WechatPayChannel answers and the H5 pay page', () => {
  it('answers 204 to stop WeChat retrying and 500 with FAIL to make it retry', () => {
    const c = channel();
    expect(c.answer(true)).toMatchObject({ status: 204, body: '' });
    const fail = c.answer(false, '处理失败');
    expect(fail.status).toBe(500);
    expect(fail.contentType).toMatch(/json/);
    expect(JSON.parse(fail.body)).toEqual({ code: 'FAIL', message: '处理失败' });
  });

  it('serves a pay page whose confirm pays, notifies and returns, and whose cancel only returns', async () => {
    const c = channel();
    const input = orderInput({ amountFen: 2350 });
    const pay = await c.createOrder(input);
    const prepayId = pay.kind === 'wechat_jsapi' ? pay.package.slice('prepay_id='.length) : '';
    const url = sim.payPageUrl(prepayId, 'http://127.0.0.1:1/done?x=1');
    const html = await (await fetch(url)).text();
    expect(html).toContain('¥23.50');
    expect(html).toContain('确认支付');
    expect(html).toContain('取消');

    const cancel = await fetch(`${sim.baseUrl}/pay/${prepayId}/cancel`, { method: 'POST', body: new URLSearchParams({ return: 'http://127.0.0.1:1/done?x=1' }), redirect: 'manual' });
    expect(cancel.status).toBe(302);
    expect(sim.order(input.outTradeNo)!.state).toBe('NOTPAY');

    received.length = 0;
    const confirm = await fetch(`${sim.baseUrl}/pay/${prepayId}/confirm`, { method: 'POST', body: new URLSearchParams({ return: 'http://127.0.0.1:1/done?x=1' }), redirect: 'manual' });
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get('location')).toBe('http://127.0.0.1:1/done?x=1');
    expect(sim.order(input.outTradeNo)!.state).toBe('SUCCESS');
    expect(received[0]?.verified).toMatchObject({ outTradeNo: input.outTradeNo, state: 'paid', amountFen: 2350 });
  });
});
