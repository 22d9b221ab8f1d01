import {
  constants as cryptoConstants,
  createCipheriv,
  createHash,
  createSign,
  createVerify,
  generateKeyPairSync,
  privateDecrypt,
  randomBytes,
  randomInt,
  sign as rawSign,
  type KeyObject,
} from 'node:crypto';
import { beijingDateTime } from '@dangjian/shared';
import { HttpSimulator, randomId, type RecordedRequest, type SimResponse } from '../http-simulator.js';

/** The origin WeChat writes into download URLs (the channel's transport swaps it for the simulator's). */
const WECHAT_ORIGIN = 'https://api.mch.weixin.qq.com';
const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const MAX_CLOCK_SKEW_S = 300;
const DELIVERY_TIMEOUT_MS = 5000;

/** Key material of one simulated merchant and of "WeChat Pay" itself (both platform key modes). */
export interface WechatPayKeys {
  mchid: string;
  appid: string;
  apiV3Key: string;
  /** Merchant API certificate: its serial, a real self-signed X.509 PEM, and the key pair. */
  merchantSerial: string;
  merchantCert: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  /** "WeChat Pay public key" mode. */
  platformPublicKeyId: string;
  platformPublicKey: string;
  platformPrivateKey: string;
  /** Platform certificate mode (served by GET /v3/certificates). */
  platformCertSerial: string;
  platformCert: string;
  platformCertPrivateKey: string;
}

/** The AppConfig fragment that points WechatPayChannel at a simulator. */
export interface WechatPaySimulatorConfig {
  WECHATPAY_BASE_URL: string;
  WECHATPAY_MCHID: string;
  WECHATPAY_APPID: string;
  WECHATPAY_SERIAL_NO: string;
  WECHATPAY_PRIVATE_KEY: string;
  WECHATPAY_CERT: string;
  WECHATPAY_APIV3_KEY: string;
  WECHATPAY_PUBLIC_KEY_ID?: string;
  WECHATPAY_PUBLIC_KEY?: string;
  PUBLIC_BASE_URL?: string;
}

export interface WechatPaySimulatorOptions {
  keys?: WechatPayKeys;
  /** Which platform key signs answers and notifications (the migration has both). Default public_key. */
  signWith?: 'public_key' | 'certificate';
  /** Delays before WeChat's retries of a notification that was not acknowledged (real: 15 s … 6 h). */
  retryDelaysMs?: number[];
  /** false: retries only happen on flushRetries() (tests); default true (development). */
  autoRetry?: boolean;
  /** Merchant name on the H5 pay page. */
  merchantName?: string;
}

export type SimTradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED';

/** One JSAPI order as the gateway keeps it. */
export interface SimWechatOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  amountFen: number;
  notifyUrl: string;
  openid: string;
  timeExpire: string;
  profitSharing: boolean;
  prepayId: string;
  state: SimTradeState;
  transactionId: string | null;
  successTime: string | null;
  /** Unsplit (still frozen) amount for profit sharing. */
  unsplitFen: number;
  /** The notification id (WeChat keeps one per event; retries and duplicates reuse it). */
  notificationId: string | null;
}

/** Ways to make a notification wrong, and how to send it. */
export interface NotifyOptions {
  /** false: mark paid but send nothing now (retries are not scheduled either). Default true. */
  deliver?: boolean;
  /** Extra copies sent right after the first (WeChat does send duplicates). */
  duplicates?: number;
  /** Flip a ciphertext byte after encrypting (the signature still verifies; only the GCM tag catches it). */
  tamperCiphertext?: boolean;
  /** Corrupt the signature. */
  badSignature?: boolean;
  /** Shift Wechatpay-Timestamp (signed with the shifted value), e.g. -360 for a 6-minute-old one. */
  timestampOffsetSeconds?: number;
  /** Report this amount instead of the order's. */
  amountFen?: number;
  /** Report a foreign app id / merchant in the encrypted resource. */
  appid?: string;
  mchid?: string;
}

export interface DeliveryResult {
  outTradeNo: string;
  /** 0 for the first delivery (and its duplicates), then 1, 2… for retries. */
  attempt: number;
  /** HTTP status of our server's answer; null when it could not be reached or took over 5 s. */
  status: number | null;
  body: string;
  error?: string;
}

export interface PendingRetry {
  outTradeNo: string;
  attempt: number;
  dueAt: Date;
}

export interface SimSplitOrder {
  transactionId: string;
  outOrderNo: string;
  orderId: string;
  state: 'PROCESSING' | 'FINISHED';
  receivers: Array<{ type: string; account: string; amount: number; description: string; result: 'PENDING' | 'SUCCESS' | 'CLOSED'; failReason: string | null; detailId: string }>;
  unfreezeUnsplit: boolean;
  createTime: string;
}

export interface ExtraBillLine {
  outTradeNo: string;
  transactionId?: string;
  amountFen: number;
  /** Payment time; its Beijing date decides the bill it belongs to. */
  paidAt: Date;
}

interface StoredNotification {
  order: SimWechatOrder;
  opts: NotifyOptions;
}

interface Retry {
  n: StoredNotification;
  attempt: number;
  dueAt: number;
  timer?: NodeJS.Timeout;
}

let sharedKeys: WechatPayKeys | undefined;

/**
 * The parts of WeChat Pay API v3 (`api.mch.weixin.qq.com`) the dues channel uses, checking the SDK's
 * request signatures (401 SIGN_ERROR otherwise) and signing every answer like the real gateway:
 *
 *   POST /v3/pay/transactions/jsapi                       GET /v3/certificates
 *   GET  /v3/pay/transactions/out-trade-no/{no}?mchid     GET /v3/bill/tradebill?bill_date&bill_type
 *   GET  /v3/pay/transactions/id/{txid}?mchid             GET /v3/billdownload/file?token  (unsigned body, SHA1 in tradebill)
 *   POST /v3/pay/transactions/out-trade-no/{no}/close     POST /v3/profitsharing/receivers/add
 *   POST /v3/profitsharing/orders                          GET /v3/profitsharing/orders/{no}?transaction_id
 *
 * Payments happen through the controls (`pay`, `markPaidSilently`, the H5 page `/pay/{prepay_id}` in
 * development); notifications are signed, AES-256-GCM encrypted and retried like WeChat's.
 * Development controls for other processes: POST /__sim/pay {outTradeNo}, POST /__sim/retries/flush.
 */
export class WechatPaySimulator extends HttpSimulator {
  readonly keys: WechatPayKeys;
  signWith: 'public_key' | 'certificate';
  /** false: GET /v3/certificates answers 404 like for a merchant that only has the public key. */
  certificatesAvailable = true;
  readonly retryDelaysMs: number[];
  readonly autoRetry: boolean;
  readonly merchantName: string;
  /** Requests whose Authorization verified, and how many did not. */
  readonly signedRequests: RecordedRequest[] = [];
  signatureFailures = 0;
  /** Every delivery attempt of every notification, oldest first. */
  readonly deliveries: DeliveryResult[] = [];
  /** Known receiver merchants and their registered names: adding one with another name fails like WeChat. */
  readonly merchantNames = new Map<string, string>();
  /** Receivers added, by account. */
  readonly receivers = new Map<string, { name: string; relationType: string }>();
  readonly splits = new Map<string, SimSplitOrder>();

  private readonly orders = new Map<string, SimWechatOrder>();
  private readonly byPrepay = new Map<string, string>();
  private readonly retries = new Map<string, Retry>();
  private readonly billTokens = new Map<string, { content: Buffer; expiresAt: number }>();
  private readonly extraBill: ExtraBillLine[] = [];
  private readonly droppedFromBill = new Set<string>();
  private tamperAnswers: Array<'signature' | 'body'> = [];
  private tamperBillDownloads = 0;
  private nextSplitResult: Array<{ result: 'PENDING' | 'SUCCESS' | 'CLOSED'; failReason?: string }> = [];

  constructor(opts: WechatPaySimulatorOptions = {}) {
    super();
    this.keys = opts.keys ?? WechatPaySimulator.sharedKeys();
    this.signWith = opts.signWith ?? 'public_key';
    this.retryDelaysMs = opts.retryDelaysMs ?? [200, 1000, 5000];
    this.autoRetry = opts.autoRetry ?? true;
    this.merchantName = opts.merchantName ?? '党费收缴（模拟商户）';
  }

  /** Fresh key material: merchant key pair and self-signed certificate, platform public key, platform certificate. */
  static generate(): WechatPayKeys {
    const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
    const merchant = rsa();
    const platform = rsa();
    const platformCertKeys = rsa();
    const mchid = String(1_900_000_000 + randomInt(99_999_999));
    const merchantSerial = randomSerial();
    const platformCertSerial = randomSerial();
    const now = Date.now();
    const notBefore = new Date(now - 86_400_000);
    const notAfter = new Date(now + 5 * 365 * 86_400_000);
    const pemOf = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ type, format: 'pem' }) as string;
    return {
      mchid,
      appid: 'wx' + randomBytes(8).toString('hex'),
      apiV3Key: randomBytes(16).toString('hex'),
      merchantSerial,
      merchantCert: selfSignedCert(merchant.privateKey, merchant.publicKey, merchantSerial, `${mchid}`, notBefore, notAfter),
      merchantPrivateKey: pemOf(merchant.privateKey, 'pkcs8'),
      merchantPublicKey: pemOf(merchant.publicKey, 'spki'),
      platformPublicKeyId: `PUB_KEY_ID_01${mchid}${now.toString().slice(-8)}`,
      platformPublicKey: pemOf(platform.publicKey, 'spki'),
      platformPrivateKey: pemOf(platform.privateKey, 'pkcs8'),
      platformCertSerial,
      platformCert: selfSignedCert(platformCertKeys.privateKey, platformCertKeys.publicKey, platformCertSerial, 'Tenpay.com sign', notBefore, notAfter),
      platformCertPrivateKey: pemOf(platformCertKeys.privateKey, 'pkcs8'),
    };
  }

  /** One key set per process (RSA generation is slow on small machines); tests that need others pass `keys`. */
  static sharedKeys(): WechatPayKeys {
    sharedKeys ??= WechatPaySimulator.generate();
    return sharedKeys;
  }

  /**
   * Settings for WechatPayChannel against this simulator. `notifyBase` becomes PUBLIC_BASE_URL.
   * `mode: 'certificate'` leaves the public key out, so the channel downloads platform certificates.
   */
  configFor(notifyBase?: string, opts: { mode?: 'public_key' | 'certificate' } = {}): WechatPaySimulatorConfig {
    const k = this.keys;
    return {
      WECHATPAY_BASE_URL: this.baseUrl,
      WECHATPAY_MCHID: k.mchid,
      WECHATPAY_APPID: k.appid,
      WECHATPAY_SERIAL_NO: k.merchantSerial,
      WECHATPAY_PRIVATE_KEY: k.merchantPrivateKey,
      WECHATPAY_CERT: k.merchantCert,
      WECHATPAY_APIV3_KEY: k.apiV3Key,
      ...(opts.mode === 'certificate' ? {} : { WECHATPAY_PUBLIC_KEY_ID: k.platformPublicKeyId, WECHATPAY_PUBLIC_KEY: k.platformPublicKey }),
      ...(notifyBase ? { PUBLIC_BASE_URL: notifyBase } : {}),
    };
  }

  // ---------------------------------------------------------------- controls

  order(outTradeNo: string): SimWechatOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  allOrders(): SimWechatOrder[] {
    return [...this.orders.values()];
  }

  /** The H5 page that stands in for the WeChat cashier in development. */
  payPageUrl(prepayId: string, returnUrl: string): string {
    return `${this.baseUrl}/pay/${encodeURIComponent(prepayId)}?return=${encodeURIComponent(returnUrl)}`;
  }

  /** The payer pays: the order becomes SUCCESS and the notification goes to its notify_url (see NotifyOptions). */
  async pay(outTradeNo: string, opts: NotifyOptions = {}): Promise<DeliveryResult[]> {
    const order = this.markPaid(outTradeNo);
    if (opts.deliver === false) return [];
    return this.send(order, opts);
  }

  /** Paid at the gateway, and the notification is lost (for the query job). */
  markPaidSilently(outTradeNo: string): SimWechatOrder {
    return this.markPaid(outTradeNo);
  }

  /** (Re)sends the notification of a paid order: a late retry or a duplicate. */
  async notify(outTradeNo: string, opts: NotifyOptions = {}): Promise<DeliveryResult[]> {
    const order = this.orders.get(outTradeNo);
    if (!order || order.state !== 'SUCCESS') throw new Error(`order ${outTradeNo} is not paid`);
    return this.send(order, opts);
  }

  /** Retries waiting because our server did not acknowledge. */
  pendingRetries(): PendingRetry[] {
    return [...this.retries.values()].map((r) => ({ outTradeNo: r.n.order.outTradeNo, attempt: r.attempt, dueAt: new Date(r.dueAt) }));
  }

  /** Sends every waiting retry now (instead of waiting for its delay); failures are scheduled again. */
  async flushRetries(): Promise<DeliveryResult[]> {
    const due = [...this.retries.values()];
    for (const r of due) {
      clearTimeout(r.timer);
      this.retries.delete(r.n.order.outTradeNo);
    }
    const results: DeliveryResult[] = [];
    for (const r of due) results.push(await this.attempt(r.n, r.attempt));
    return results;
  }

  /** Forgets every waiting retry (between tests). */
  clearRetries(): void {
    for (const r of this.retries.values()) clearTimeout(r.timer);
    this.retries.clear();
  }

  /** The next `times` API answers get a broken signature ('signature') or a body changed after signing ('body'). */
  tamperNextAnswers(times = 1, how: 'signature' | 'body' = 'signature'): void {
    for (let i = 0; i < times; i++) this.tamperAnswers.push(how);
  }

  /** The next `times` bill downloads get a byte changed in transit (the SHA1 from tradebill no longer matches). */
  tamperNextBillDownloads(times = 1): void {
    this.tamperBillDownloads += times;
  }

  /** The receiver result of the next split (default SUCCESS at once; PENDING leaves it PROCESSING). */
  nextSplit(result: 'PENDING' | 'SUCCESS' | 'CLOSED', failReason?: string): void {
    this.nextSplitResult.push({ result, failReason });
  }

  /** Finishes a PENDING split with this result. */
  finishSplit(outOrderNo: string, result: 'SUCCESS' | 'CLOSED' = 'SUCCESS', failReason = 'ACCOUNT_ABNORMAL'): void {
    const s = this.splits.get(outOrderNo);
    if (!s) throw new Error(`no split ${outOrderNo}`);
    for (const r of s.receivers) {
      if (r.result !== 'PENDING') continue;
      r.result = result;
      r.failReason = result === 'CLOSED' ? failReason : null;
      if (result === 'CLOSED') {
        const order = this.findByTransaction(s.transactionId);
        if (order) order.unsplitFen += r.amount;
      }
    }
    s.state = 'FINISHED';
  }

  /** Adds a line to bills (a payment we do not know about, or a different amount). */
  addBillLine(line: ExtraBillLine): void {
    this.extraBill.push(line);
  }

  /** Leaves a paid order out of its bill (a payment the channel does not know about). */
  dropFromBill(outTradeNo: string): void {
    this.droppedFromBill.add(outTradeNo);
  }

  /** The SUCCESS trade bill of a Beijing date, as WeChat's file (UTF-8 text). */
  bill(date: string): string {
    type Row = { time: string; appid: string; mchid: string; txId: string; outTradeNo: string; openid: string; amountFen: number; description: string };
    const rows: Row[] = [];
    for (const o of this.orders.values()) {
      if (o.state !== 'SUCCESS' || !o.successTime || this.droppedFromBill.has(o.outTradeNo)) continue;
      const time = beijingDateTime(new Date(o.successTime));
      if (!time.startsWith(date)) continue;
      rows.push({ time, appid: o.appid, mchid: o.mchid, txId: o.transactionId!, outTradeNo: o.outTradeNo, openid: o.openid, amountFen: o.amountFen, description: o.description });
    }
    for (const l of this.extraBill) {
      const time = beijingDateTime(l.paidAt);
      if (!time.startsWith(date)) continue;
      rows.push({ time, appid: this.keys.appid, mchid: this.keys.mchid, txId: l.transactionId ?? transactionId(), outTradeNo: l.outTradeNo, openid: 'o-sim-extra', amountFen: l.amountFen, description: '党费' });
    }
    rows.sort((a, b) => a.time.localeCompare(b.time));
    const header = '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注';
    const lines = rows.map((r) => {
      const fee = Math.round(r.amountFen * 0.006);
      return [r.time, r.appid, r.mchid, '0', '', r.txId, r.outTradeNo, r.openid, 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', yuan(r.amountFen), '0.00', r.description, '', yuan(fee), '0.60%', yuan(r.amountFen), '']
        .map((f) => '`' + f)
        .join(',');
    });
    const total = rows.reduce((s, r) => s + r.amountFen, 0);
    const fees = rows.reduce((s, r) => s + Math.round(r.amountFen * 0.006), 0);
    const summary = ['总交易单数,应结订单总金额,手续费总金额,订单总金额', ['`' + rows.length, '`' + yuan(total), '`' + yuan(fees), '`' + yuan(total)].join(',')];
    return [header, ...lines, ...summary].join('\r\n') + '\r\n';
  }

  /** Stops retries and the server. */
  override async close(): Promise<void> {
    this.clearRetries();
    await super.close();
  }

  // ---------------------------------------------------------------- routing

  protected async handle(req: RecordedRequest): Promise<SimResponse> {
    const p = req.path;
    if (p.startsWith('/pay/')) return this.payPage(req);
    if (p.startsWith('/__sim/')) return this.control(req);
    if (!p.startsWith('/v3/')) return this.signed(404, { code: 'NOT_FOUND', message: '资源不存在' });
    const authError = this.authorize(req);
    if (authError) return authError;
    let m: RegExpExecArray | null;
    if (p === '/v3/pay/transactions/jsapi' && req.method === 'POST') return this.jsapi(req);
    if ((m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(p)) && req.method === 'GET') return this.query(req, this.orders.get(decodeURIComponent(m[1])));
    if ((m = /^\/v3\/pay\/transactions\/id\/([^/]+)$/.exec(p)) && req.method === 'GET') return this.query(req, this.findByTransaction(decodeURIComponent(m[1])));
    if ((m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(p)) && req.method === 'POST') return this.closeOrder(req, decodeURIComponent(m[1]));
    if (p === '/v3/certificates' && req.method === 'GET') return this.certificates();
    if (p === '/v3/profitsharing/receivers/add' && req.method === 'POST') return this.addReceiver(req);
    if (p === '/v3/profitsharing/orders' && req.method === 'POST') return this.createSplit(req);
    if ((m = /^\/v3\/profitsharing\/orders\/([^/]+)$/.exec(p)) && req.method === 'GET') return this.querySplit(req, decodeURIComponent(m[1]));
    if (p === '/v3/bill/tradebill' && req.method === 'GET') return this.tradeBill(req);
    if (p === '/v3/billdownload/file' && req.method === 'GET') return this.billDownload(req);
    return this.signed(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  }

  /** Checks `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,signature=…,timestamp=…,serial_no=…`. */
  private authorize(req: RecordedRequest): SimResponse | null {
    const fail = (why: string) => {
      this.signatureFailures++;
      return this.signed(401, { code: 'SIGN_ERROR', message: `签名错误：${why}` });
    };
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith(`${AUTH_SCHEME} `)) return fail('缺少或错误的认证类型');
    const fields: Record<string, string> = {};
    for (const m of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]] = m[2];
    const { mchid, nonce_str: nonce, signature, timestamp, serial_no: serial } = fields;
    if (!mchid || !nonce || !signature || !timestamp || !serial) return fail('认证信息不完整');
    if (mchid !== this.keys.mchid) return fail('商户号不匹配');
    if (serial.toUpperCase() !== this.keys.merchantSerial.toUpperCase()) return fail('证书序列号不匹配');
    if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds() - Number(timestamp)) > MAX_CLOCK_SKEW_S) return fail('时间戳过期');
    const query = new URLSearchParams(req.query).toString();
    const url = query ? `${req.path}?${query}` : req.path;
    const message = `${req.method}\n${url}\n${timestamp}\n${nonce}\n${req.body}\n`;
    let ok = false;
    try {
      ok = createVerify('RSA-SHA256').update(message).verify(this.keys.merchantPublicKey, signature, 'base64');
    } catch {
      ok = false;
    }
    if (!ok) return fail('签名验证失败');
    this.signedRequests.push(req);
    return null;
  }

  // ---------------------------------------------------------------- payments

  private jsapi(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (!b) return this.paramError('请求体不是 JSON');
    const amount = b.amount as { total?: unknown; currency?: unknown } | undefined;
    const payer = b.payer as { openid?: unknown } | undefined;
    const settle = b.settle_info as { profit_sharing?: unknown } | undefined;
    if (b.appid !== this.keys.appid) return this.signed(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    if (b.mchid !== this.keys.mchid) return this.signed(400, { code: 'MCH_NOT_EXISTS', message: '商户号不存在' });
    const outTradeNo = b.out_trade_no;
    if (typeof outTradeNo !== 'string' || !/^[0-9A-Za-z_\-|*]{6,32}$/.test(outTradeNo)) return this.paramError('out_trade_no 格式错误');
    if (typeof b.description !== 'string' || !b.description || b.description.length > 127) return this.paramError('description 长度错误');
    if (typeof b.notify_url !== 'string' || !/^https?:\/\/[^?#]+$/.test(b.notify_url)) return this.paramError('notify_url 格式错误');
    if (!amount || !Number.isSafeInteger(amount.total) || (amount.total as number) <= 0) return this.paramError('amount.total 必须为正整数');
    if (amount.currency !== undefined && amount.currency !== 'CNY') return this.paramError('currency 仅支持 CNY');
    if (!payer || typeof payer.openid !== 'string' || !payer.openid) return this.paramError('缺少 payer.openid');
    if (settle !== undefined && typeof settle?.profit_sharing !== 'boolean') return this.paramError('settle_info.profit_sharing 类型错误');
    const timeExpire = typeof b.time_expire === 'string' ? b.time_expire : '';
    if (timeExpire) {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2})$/.test(timeExpire)) return this.paramError('time_expire 格式错误');
      if (Date.parse(timeExpire) <= Date.now()) return this.paramError('time_expire 已过期');
    }
    const existing = this.orders.get(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS') return this.signed(400, { code: 'ORDERPAID', message: '该订单已支付' });
      if (existing.state === 'CLOSED') return this.signed(400, { code: 'ORDER_CLOSED', message: '当前订单已关闭，请重新下单' });
      const same = existing.amountFen === amount.total && existing.description === b.description && existing.openid === payer.openid && existing.notifyUrl === b.notify_url;
      if (!same) return this.signed(400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
      // Same order again (a retried call): the same prepay_id, like WeChat.
      return this.signed(200, { prepay_id: existing.prepayId });
    }
    const prepayId = `wx${beijingDateTime(new Date()).replace(/\D/g, '')}${randomBytes(9).toString('hex')}`;
    const order: SimWechatOrder = {
      appid: b.appid as string,
      mchid: b.mchid as string,
      outTradeNo,
      description: b.description,
      amountFen: amount.total as number,
      notifyUrl: b.notify_url,
      openid: payer.openid,
      timeExpire: timeExpire || rfc3339(new Date(Date.now() + 2 * 3600_000)),
      profitSharing: settle?.profit_sharing === true,
      prepayId,
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
      unsplitFen: 0,
      notificationId: null,
    };
    this.orders.set(outTradeNo, order);
    this.byPrepay.set(prepayId, outTradeNo);
    return this.signed(200, { prepay_id: prepayId });
  }

  private query(req: RecordedRequest, order: SimWechatOrder | undefined): SimResponse {
    if (req.query.mchid !== this.keys.mchid) return this.paramError('mchid 与请求商户不一致');
    if (!order) return this.signed(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    return this.signed(200, this.transaction(order));
  }

  private closeOrder(req: RecordedRequest, outTradeNo: string): SimResponse {
    const b = this.parseJsonBody(req);
    if (!b || b.mchid !== this.keys.mchid) return this.paramError('mchid 与请求商户不一致');
    const order = this.orders.get(outTradeNo);
    if (!order) return this.signed(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    if (order.state === 'SUCCESS') return this.signed(400, { code: 'ORDERPAID', message: '该订单已支付' });
    order.state = 'CLOSED';
    return this.signed(204, '');
  }

  private transaction(order: SimWechatOrder, override: NotifyOptions = {}): Record<string, unknown> {
    const paid = order.state === 'SUCCESS';
    const total = override.amountFen ?? order.amountFen;
    return {
      appid: override.appid ?? order.appid,
      mchid: override.mchid ?? order.mchid,
      out_trade_no: order.outTradeNo,
      ...(paid ? { transaction_id: order.transactionId } : {}),
      trade_type: 'JSAPI',
      trade_state: order.state,
      trade_state_desc: { NOTPAY: '订单未支付', SUCCESS: '支付成功', CLOSED: '订单已关闭' }[order.state],
      ...(paid ? { bank_type: 'OTHERS', attach: '', success_time: order.successTime } : {}),
      payer: { openid: order.openid },
      amount: paid ? { total, payer_total: total, currency: 'CNY', payer_currency: 'CNY' } : { total, currency: 'CNY' },
    };
  }

  private markPaid(outTradeNo: string): SimWechatOrder {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    if (order.state === 'SUCCESS') return order;
    if (order.state === 'CLOSED') throw new Error(`order ${outTradeNo} is closed`);
    if (Date.parse(order.timeExpire) <= Date.now()) throw new Error(`order ${outTradeNo} has expired`);
    order.state = 'SUCCESS';
    order.transactionId = transactionId();
    order.successTime = rfc3339(new Date());
    order.unsplitFen = order.profitSharing ? order.amountFen : 0;
    return order;
  }

  private findByTransaction(txId: string): SimWechatOrder | undefined {
    return [...this.orders.values()].find((o) => o.transactionId === txId);
  }

  // ---------------------------------------------------------------- notifications

  private async send(order: SimWechatOrder, opts: NotifyOptions): Promise<DeliveryResult[]> {
    order.notificationId ??= randomUuid();
    const n: StoredNotification = { order, opts };
    const existing = this.retries.get(order.outTradeNo);
    if (existing) {
      clearTimeout(existing.timer);
      this.retries.delete(order.outTradeNo);
    }
    const results = [await this.attempt(n, 0)];
    for (let i = 0; i < (opts.duplicates ?? 0); i++) results.push(await this.deliver(n, 0));
    return results;
  }

  /** One delivery; a failed one is retried after the next delay of the schedule. */
  private async attempt(n: StoredNotification, attempt: number): Promise<DeliveryResult> {
    const result = await this.deliver(n, attempt);
    const acknowledged = result.status !== null && result.status >= 200 && result.status < 300;
    if (!acknowledged && attempt < this.retryDelaysMs.length) {
      const delay = this.retryDelaysMs[attempt];
      const retry: Retry = { n, attempt: attempt + 1, dueAt: Date.now() + delay };
      if (this.autoRetry) {
        retry.timer = setTimeout(() => {
          if (this.retries.get(n.order.outTradeNo) !== retry) return;
          this.retries.delete(n.order.outTradeNo);
          void this.attempt(n, retry.attempt);
        }, delay);
        retry.timer.unref();
      }
      this.retries.set(n.order.outTradeNo, retry);
    }
    return result;
  }

  private async deliver(n: StoredNotification, attempt: number): Promise<DeliveryResult> {
    const { body, headers } = this.notification(n);
    let result: DeliveryResult;
    try {
      const res = await fetch(n.order.notifyUrl, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      result = { outTradeNo: n.order.outTradeNo, attempt, status: res.status, body: await res.text() };
    } catch (err) {
      result = { outTradeNo: n.order.outTradeNo, attempt, status: null, body: '', error: String((err as Error)?.message ?? err) };
    }
    this.deliveries.push(result);
    return result;
  }

  /** The notification as WeChat sends it: JSON with the transaction encrypted by the APIv3 key, signed headers. */
  private notification(n: StoredNotification): { body: string; headers: Record<string, string> } {
    const { order, opts } = n;
    const plaintext = JSON.stringify(this.transaction(order, opts));
    const nonce = randomAlnum(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.keys.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from('transaction', 'utf8'));
    const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    if (opts.tamperCiphertext) encrypted[0] ^= 0x01;
    const body = JSON.stringify({
      id: order.notificationId,
      create_time: rfc3339(new Date()),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encrypted.toString('base64'),
        associated_data: 'transaction',
        nonce,
      },
    });
    const headers = this.signatureHeaders(body, { offsetSeconds: opts.timestampOffsetSeconds, corrupt: opts.badSignature });
    return { body, headers: { 'content-type': 'application/json', ...headers } };
  }

  // ---------------------------------------------------------------- platform keys and signing

  private signer(): { serial: string; key: string } {
    return this.signWith === 'certificate'
      ? { serial: this.keys.platformCertSerial, key: this.keys.platformCertPrivateKey }
      : { serial: this.keys.platformPublicKeyId, key: this.keys.platformPrivateKey };
  }

  private signatureHeaders(body: string, o: { offsetSeconds?: number; corrupt?: boolean; signer?: { serial: string; key: string } } = {}): Record<string, string> {
    const { serial, key } = o.signer ?? this.signer();
    const timestamp = String(nowSeconds() + (o.offsetSeconds ?? 0));
    const nonce = randomBytes(16).toString('hex').toUpperCase();
    let signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(key, 'base64');
    if (o.corrupt) signature = corruptBase64(signature);
    return {
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature': signature,
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature-Type': AUTH_SCHEME,
    };
  }

  /** An API answer signed like WeChat's (JSON, or '' for 204). */
  private signed(status: number, body: unknown, signer?: { serial: string; key: string }): SimResponse {
    let text = body === '' ? '' : JSON.stringify(body);
    const tamper = this.tamperAnswers.shift();
    const headers = this.signatureHeaders(text, { corrupt: tamper === 'signature', signer });
    if (tamper === 'body') text = text ? text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) + ' ' : ' ';
    return {
      status,
      headers: { ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'Request-ID': randomId(32), ...headers },
      body: text,
    };
  }

  private paramError(message: string): SimResponse {
    return this.signed(400, { code: 'PARAM_ERROR', message });
  }

  /** GET /v3/certificates: the platform certificate encrypted with the APIv3 key, signed with its own key. */
  private certificates(): SimResponse {
    if (!this.certificatesAvailable) return this.signed(404, { code: 'RESOURCE_NOT_EXISTS', message: '无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥' });
    const nonce = randomAlnum(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.keys.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
    cipher.setAAD(Buffer.from('certificate', 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(this.keys.platformCert, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    const now = Date.now();
    return this.signed(
      200,
      {
        data: [
          {
            serial_no: this.keys.platformCertSerial,
            effective_time: rfc3339(new Date(now - 86_400_000)),
            expire_time: rfc3339(new Date(now + 5 * 365 * 86_400_000)),
            encrypt_certificate: { algorithm: 'AEAD_AES_256_GCM', nonce, associated_data: 'certificate', ciphertext },
          },
        ],
      },
      { serial: this.keys.platformCertSerial, key: this.keys.platformCertPrivateKey },
    );
  }

  // ---------------------------------------------------------------- profit sharing

  private addReceiver(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (!b) return this.paramError('请求体不是 JSON');
    if (b.appid !== this.keys.appid) return this.signed(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    if (b.type !== 'MERCHANT_ID' && b.type !== 'PERSONAL_OPENID') return this.paramError('type 取值错误');
    if (typeof b.account !== 'string' || !b.account) return this.paramError('缺少 account');
    const relations = ['STORE', 'STAFF', 'STORE_OWNER', 'PARTNER', 'HEADQUARTER', 'BRAND', 'DISTRIBUTOR', 'USER', 'SUPPLIER', 'CUSTOM', 'SERVICE_PROVIDER', 'OTHERS'];
    if (typeof b.relation_type !== 'string' || !relations.includes(b.relation_type)) return this.paramError('relation_type 取值错误');
    if (b.type === 'MERCHANT_ID' && typeof b.name !== 'string') return this.paramError('商户类型的接收方必须填写 name');
    let name = '';
    if (typeof b.name === 'string') {
      const decrypted = this.decryptSensitive(b.name, req.headers['wechatpay-serial']);
      if (decrypted === null) return this.paramError('name 解密失败，请检查 Wechatpay-Serial 与加密公钥');
      name = decrypted;
    }
    const registered = this.merchantNames.get(b.account);
    if (b.type === 'MERCHANT_ID' && registered !== undefined && registered !== name) {
      return this.paramError('分账接收方全称不匹配');
    }
    this.receivers.set(b.account, { name, relationType: b.relation_type });
    return this.signed(200, { type: b.type, account: b.account, relation_type: b.relation_type });
  }

  /** RSA-OAEP (SHA-1) with the platform key named by Wechatpay-Serial, like WeChat's sensitive fields. */
  private decryptSensitive(ciphertext: string, serial: string | string[] | undefined): string | null {
    const key = serial === this.keys.platformPublicKeyId ? this.keys.platformPrivateKey : serial === this.keys.platformCertSerial ? this.keys.platformCertPrivateKey : null;
    if (!key) return null;
    try {
      return privateDecrypt({ key, padding: cryptoConstants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from(ciphertext, 'base64')).toString('utf8');
    } catch {
      return null;
    }
  }

  private createSplit(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (!b) return this.paramError('请求体不是 JSON');
    if (b.appid !== this.keys.appid) return this.signed(400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    const outOrderNo = b.out_order_no;
    if (typeof outOrderNo !== 'string' || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outOrderNo)) return this.paramError('out_order_no 格式错误');
    if (typeof b.unfreeze_unsplit !== 'boolean') return this.paramError('缺少 unfreeze_unsplit');
    const existing = this.splits.get(outOrderNo);
    // Same split number again: the same split (WeChat treats it as the same request).
    if (existing) return this.signed(200, this.splitView(existing));
    const order = typeof b.transaction_id === 'string' ? this.findByTransaction(b.transaction_id) : undefined;
    if (!order || order.state !== 'SUCCESS') return this.signed(400, { code: 'INVALID_REQUEST', message: '订单不存在或未支付' });
    if (!order.profitSharing) return this.signed(403, { code: 'NO_AUTH', message: '该订单下单时未指定需要分账' });
    const list = Array.isArray(b.receivers) ? (b.receivers as Array<Record<string, unknown>>) : [];
    if (list.length === 0) return this.paramError('缺少 receivers');
    let sum = 0;
    for (const r of list) {
      if (typeof r.account !== 'string' || !this.receivers.has(r.account)) return this.signed(400, { code: 'INVALID_REQUEST', message: '分账接收方未添加' });
      if (!Number.isSafeInteger(r.amount) || (r.amount as number) <= 0) return this.paramError('amount 必须为正整数');
      if (typeof r.description !== 'string' || !r.description) return this.paramError('缺少 description');
      sum += r.amount as number;
    }
    if (sum > order.unsplitFen) return this.signed(403, { code: 'NOT_ENOUGH', message: '分账金额超过订单剩余待分金额' });
    order.unsplitFen -= sum;
    const outcome = this.nextSplitResult.shift() ?? { result: 'SUCCESS' as const };
    const now = rfc3339(new Date());
    const split: SimSplitOrder = {
      transactionId: order.transactionId!,
      outOrderNo,
      orderId: `3008${Date.now()}${randomInt(1_000_000).toString().padStart(6, '0')}`,
      state: outcome.result === 'PENDING' ? 'PROCESSING' : 'FINISHED',
      receivers: list.map((r) => ({
        type: r.type as string,
        account: r.account as string,
        amount: r.amount as number,
        description: r.description as string,
        result: outcome.result,
        failReason: outcome.result === 'CLOSED' ? (outcome.failReason ?? 'ACCOUNT_ABNORMAL') : null,
        detailId: `3600${Date.now()}${randomInt(1_000_000)}`,
      })),
      unfreezeUnsplit: b.unfreeze_unsplit,
      createTime: now,
    };
    if (outcome.result === 'CLOSED') order.unsplitFen += sum;
    if (b.unfreeze_unsplit) order.unsplitFen = 0;
    this.splits.set(outOrderNo, split);
    return this.signed(200, this.splitView(split));
  }

  private querySplit(req: RecordedRequest, outOrderNo: string): SimResponse {
    const split = this.splits.get(outOrderNo);
    if (!split || split.transactionId !== req.query.transaction_id) return this.signed(404, { code: 'RESOURCE_NOT_EXISTS', message: '记录不存在' });
    return this.signed(200, this.splitView(split));
  }

  private splitView(s: SimSplitOrder): Record<string, unknown> {
    return {
      transaction_id: s.transactionId,
      out_order_no: s.outOrderNo,
      order_id: s.orderId,
      state: s.state,
      receivers: s.receivers.map((r) => ({
        amount: r.amount,
        description: r.description,
        type: r.type,
        account: r.account,
        result: r.result,
        ...(r.failReason ? { fail_reason: r.failReason } : {}),
        detail_id: r.detailId,
        create_time: s.createTime,
        ...(r.result === 'PENDING' ? {} : { finish_time: s.createTime }),
      })),
    };
  }

  // ---------------------------------------------------------------- bills

  private tradeBill(req: RecordedRequest): SimResponse {
    const date = req.query.bill_date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return this.paramError('bill_date 格式错误');
    if ((req.query.bill_type ?? 'ALL') !== 'SUCCESS') return this.paramError('模拟网关只提供 SUCCESS 账单');
    if (date > beijingDateTime(new Date()).slice(0, 10)) return this.signed(400, { code: 'NO_STATEMENT_EXIST', message: '账单文件不存在' });
    const content = Buffer.from(this.bill(date), 'utf8');
    const token = randomBytes(16).toString('hex');
    this.billTokens.set(token, { content, expiresAt: Date.now() + 5 * 60_000 });
    return this.signed(200, {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(content).digest('hex'),
      download_url: `${WECHAT_ORIGIN}/v3/billdownload/file?token=${token}`,
    });
  }

  /** The file itself is not signed (like WeChat's); the SHA1 in the tradebill answer vouches for it. */
  private billDownload(req: RecordedRequest): SimResponse {
    const entry = this.billTokens.get(req.query.token ?? '');
    if (!entry || entry.expiresAt < Date.now()) return this.signed(400, { code: 'INVALID_REQUEST', message: '下载链接已过期' });
    let body = entry.content;
    if (this.tamperBillDownloads > 0) {
      this.tamperBillDownloads--;
      body = Buffer.from(body.toString('utf8').replace(/\d/, (d) => String((Number(d) + 1) % 10)), 'utf8');
    }
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
  }

  // ---------------------------------------------------------------- H5 pay page and controls

  private async payPage(req: RecordedRequest): Promise<SimResponse> {
    const m = /^\/pay\/([^/]+)(\/confirm|\/cancel)?$/.exec(req.path);
    const prepayId = m ? decodeURIComponent(m[1]) : '';
    const outTradeNo = this.byPrepay.get(prepayId);
    const order = outTradeNo ? this.orders.get(outTradeNo) : undefined;
    const form = new URLSearchParams(req.method === 'POST' ? req.body : '');
    const returnUrl = form.get('return') ?? req.query.return ?? '';
    const back = /^https?:\/\//.test(returnUrl) ? returnUrl : null;
    if (!m || !order) return html(404, page('订单不存在', '<p class="msg">找不到这笔订单，请返回重新下单。</p>'));
    if (req.method === 'POST' && m[2]) {
      if (m[2] === '/confirm' && order.state === 'NOTPAY') {
        try {
          await this.pay(order.outTradeNo);
        } catch (err) {
          return html(409, page('无法支付', `<p class="msg">${escapeHtml(String((err as Error).message))}</p>`));
        }
      }
      if (!back) return html(200, page(order.state === 'SUCCESS' ? '支付成功' : '已取消', '<p class="msg">可以关闭此页面。</p>'));
      return { status: 302, headers: { location: back }, body: '' };
    }
    if (req.method !== 'GET') return html(405, page('不支持的操作', ''));
    if (order.state !== 'NOTPAY') {
      const text = order.state === 'SUCCESS' ? '该订单已支付' : '该订单已关闭';
      return html(200, page(text, `<p class="msg">${text}</p>${back ? `<a class="btn" href="${escapeHtml(back)}">返回</a>` : ''}`));
    }
    const action = (what: string) => `/pay/${encodeURIComponent(prepayId)}/${what}`;
    const hidden = back ? `<input type="hidden" name="return" value="${escapeHtml(back)}">` : '';
    return html(
      200,
      page(
        '微信支付',
        `<p class="merchant">${escapeHtml(this.merchantName)}</p>
<p class="desc">${escapeHtml(order.description)}</p>
<p class="amount">¥${yuan(order.amountFen)}</p>
<form method="post" action="${action('confirm')}">${hidden}<button class="btn pay" type="submit">确认支付</button></form>
<form method="post" action="${action('cancel')}">${hidden}<button class="btn cancel" type="submit">取消</button></form>
<p class="note">本地模拟支付页面，不会产生真实扣款</p>`,
      ),
    );
  }

  private async control(req: RecordedRequest): Promise<SimResponse> {
    if (req.method !== 'POST') return this.json({ error: 'POST only' }, 405);
    if (req.path === '/__sim/pay') {
      const b = this.parseJsonBody(req);
      if (!b || typeof b.outTradeNo !== 'string') return this.json({ error: 'POST {outTradeNo}' }, 400);
      try {
        return this.json({ deliveries: await this.pay(b.outTradeNo) });
      } catch (err) {
        return this.json({ error: String((err as Error).message) }, 409);
      }
    }
    if (req.path === '/__sim/retries/flush') return this.json({ deliveries: await this.flushRetries() });
    return this.json({ error: 'unknown control' }, 404);
  }
}

// ------------------------------------------------------------------ helpers

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** RFC 3339 in Beijing time, as WeChat writes it. */
function rfc3339(d: Date): string {
  return `${beijingDateTime(d).replace(' ', 'T')}+08:00`;
}


function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function transactionId(): string {
  return `4200${beijingDateTime(new Date()).slice(0, 10).replace(/-/g, '')}${randomInt(10 ** 8).toString().padStart(8, '0')}${randomInt(10 ** 8).toString().padStart(8, '0')}`;
}

function randomUuid(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomAlnum(len: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < len; i++) s += chars[randomInt(chars.length)];
  return s;
}

/** 40 hex digits, positive as a DER INTEGER (WeChat's serials look like this). */
function randomSerial(): string {
  const b = randomBytes(20);
  b[0] = (b[0] & 0x7f) | 0x10;
  return b.toString('hex').toUpperCase();
}

function corruptBase64(s: string): string {
  const b = Buffer.from(s, 'base64');
  b[b.length >> 1] ^= 0xff;
  return b.toString('base64');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function html(status: number, body: string): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f2f2f2;color:#222;text-align:center}
main{max-width:420px;margin:0 auto;padding:48px 20px}
h1{font-size:17px;font-weight:500;color:#555}
.merchant{font-size:16px;margin:24px 0 4px}.desc{color:#888;font-size:14px;margin:0}
.amount{font-size:40px;font-weight:600;margin:20px 0 36px}
.btn{display:block;width:100%;box-sizing:border-box;padding:12px;border:0;border-radius:6px;font-size:17px;margin:12px 0;text-decoration:none}
.pay{background:#07c160;color:#fff}.cancel{background:#fff;color:#333}
.note{color:#aaa;font-size:12px;margin-top:32px}.msg{margin:32px 0}
</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
}

// ------------------------------------------------------------------ a minimal X.509 (DER) writer

/** Node can read certificates but not make them: this writes the few DER shapes a self-signed one needs. */
function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}

function name(cn: string): Buffer {
  const rdn = (o: string, value: Buffer) => der(0x31, seq(oid(o), value));
  return seq(
    rdn('2.5.4.6', der(0x13, Buffer.from('CN'))),
    rdn('2.5.4.10', der(0x0c, Buffer.from('Tenpay.com', 'utf8'))),
    rdn('2.5.4.11', der(0x0c, Buffer.from('Tenpay.com CA Center (simulator)', 'utf8'))),
    rdn('2.5.4.3', der(0x0c, Buffer.from(cn, 'utf8'))),
  );
}

function utcTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return der(0x17, Buffer.from(s, 'ascii'));
}

/** A self-signed X.509 v3 certificate (SHA256withRSA) as PEM. */
function selfSignedCert(privateKey: KeyObject, publicKey: KeyObject, serialHex: string, cn: string, notBefore: Date, notAfter: Date): string {
  const sha256WithRsa = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from(serialHex, 'hex')),
    sha256WithRsa,
    name(cn),
    seq(utcTime(notBefore), utcTime(notAfter)),
    name(cn),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = rawSign('sha256', tbs, privateKey);
  const cert = seq(tbs, sha256WithRsa, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = cert.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
