import {
  constants as cryptoConstants,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createVerify,
  publicEncrypt,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { beijingDateTime, type PayParams } from '@dangjian/shared';
import Pay from 'wechatpay-node-v3';
import { AppConfig } from '../../../config/config.js';
import {
  ChannelError,
  NotificationRejected,
  PayChannelClient,
  type BillLine,
  type ChannelOrderInput,
  type ChannelTrade,
  type ChannelTradeState,
  type NotificationAnswer,
  type SplitInput,
  type SplitReceiver,
  type SplitResult,
  type VerifiedNotification,
} from './pay-channel.js';
import { normalisePem } from '../../../common/crypto/pem.js';

/** The origin the SDK hard-codes; the transport swaps it for WECHATPAY_BASE_URL (the signature covers only path + query). */
export const WECHATPAY_SDK_ORIGIN = 'https://api.mch.weixin.qq.com';
const TIMEOUT_MS = 5000;
/** WeChat's rule: a notification whose timestamp is further than this from now is a replay (or a broken clock). */
const NOTIFY_MAX_SKEW_S = 300;
/** At most one certificate download per minute for unknown serials, so forged notifications cannot make us hammer WeChat. */
const CERT_REFRESH_MIN_INTERVAL_MS = 60_000;
const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
/** Relation of the account holder to the paying merchant; WeChat audits it, OTHERS needs no custom text. */
const RECEIVER_RELATION = 'OTHERS';

/** What the SDK gets back from our transport (its `Output`), plus what we need to check signatures. */
interface TransportAnswer {
  status: number;
  data?: unknown;
  error?: unknown;
  /** Raw body (text; the bill download keeps its bytes in `data`). */
  text: string;
  headers: Headers;
}

/** The SDK's transport contract (`IPayRequest`), typed for our answers. */
interface SdkTransport {
  post(url: string, params: Record<string, unknown>, headers: Record<string, unknown>): Promise<TransportAnswer>;
  get(url: string, headers: Record<string, unknown>): Promise<TransportAnswer>;
  upload(url: string, params: Record<string, unknown>, headers: Record<string, unknown>): Promise<TransportAnswer>;
}

/** The SDK with its protected signer reachable: the certificate download needs a signed GET whose answer we check ourselves. */
class WechatPaySdk extends Pay {
  signedGetHeaders(url: string): Record<string, string> {
    return this.getHeaders(this.buildAuthorization('GET', url)) as Record<string, string>;
  }
}

interface Settings {
  base: string;
  appid: string;
  mchid: string;
  serialNo: string;
  apiV3Key: string;
  /** "WeChat Pay public key" mode, when configured. */
  publicKey: { id: string; key: KeyObject } | null;
}

interface Built {
  settings: Settings;
  sdk: WechatPaySdk;
}

interface PlatformKey {
  serial: string;
  key: KeyObject;
}

interface WechatErrorBody {
  code?: string;
  message?: string;
}

interface WechatTransaction {
  appid?: string;
  mchid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  success_time?: string;
  amount?: { total?: number; currency?: string };
}

interface WechatSplitOrder {
  out_order_no?: string;
  order_id?: string;
  state?: string;
  receivers?: Array<{ type?: string; account?: string; amount?: number; result?: string; fail_reason?: string }>;
}

/** Codes WeChat answers with a 4xx that still mean "try again later". */
const TRANSIENT_CODES = new Set(['SYSTEM_ERROR', 'SYSTEMERROR', 'FREQUENCY_LIMITED', 'RATELIMIT_EXCEEDED', 'BANKERROR', 'STATEMENT_CREATING']);

/**
 * WeChat Pay API v3 (JSAPI in the mini-program, profit sharing for the upward transfer, trade bills) over
 * `wechatpay-node-v3`, with what the SDK leaves out done here (STACK-FACTS "Payments"): a fetch transport
 * pointed at WECHATPAY_BASE_URL that verifies every answer's signature, platform keys in both modes
 * (public key PUB_KEY_ID_… and downloaded platform certificates, both accepted during the migration),
 * AES-256-GCM with the tag checked, notification timestamps checked.
 *
 * Platform keys live in this instance, not in the SDK's process-wide `Pay.certificates`, so two channels
 * (or tests against two gateways) never trust each other's keys.
 */
@Injectable()
export class WechatPayChannel extends PayChannelClient {
  readonly channel = 'wechat' as const;
  private readonly logger = new Logger(WechatPayChannel.name);
  private built?: Built;
  /** Platform certificates by serial (certificate mode), public keys only. */
  private readonly certificates = new Map<string, PlatformKey>();
  private certRefresh?: Promise<void>;
  private lastCertRefreshAt = 0;
  /** Receivers added this process (WeChat treats adding again as success, this only saves the call). */
  private readonly addedReceivers = new Set<string>();

  constructor(private readonly config: AppConfig) {
    super();
  }

  // ---------------------------------------------------------------- orders

  async createOrder(input: ChannelOrderInput): Promise<PayParams> {
    const { settings, sdk } = this.build();
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
      throw new ChannelError('rejected', `amount must be a positive integer of fen, got ${input.amountFen}`, 'PARAM_ERROR');
    }
    if (!(input.expiresAt instanceof Date) || Number.isNaN(input.expiresAt.getTime())) {
      throw new ChannelError('rejected', 'expiresAt is not a valid date', 'PARAM_ERROR');
    }
    const params = {
      appid: settings.appid,
      mchid: settings.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: rfc3339Beijing(input.expiresAt),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerId },
      settle_info: { profit_sharing: input.profitSharing },
    };
    const r = await this.call('transactions/jsapi', () => sdk.transactions_jsapi(params));
    if (r.status !== 200) throw this.failure('transactions/jsapi', r);
    // The SDK replaces the answer with the wx.requestPayment parameters it signed with our key.
    const d = asRecord(r.data);
    const pkg = d?.package;
    if (!d || typeof pkg !== 'string' || !/^prepay_id=\S+$/.test(pkg) || d.appId !== settings.appid) {
      throw new ChannelError('transient', 'transactions/jsapi answered without a prepay_id');
    }
    const { timeStamp, nonceStr, paySign } = d;
    if (typeof timeStamp !== 'string' || typeof nonceStr !== 'string' || typeof paySign !== 'string' || !paySign) {
      throw new ChannelError('transient', 'the SDK did not sign the pay parameters');
    }
    return { kind: 'wechat_jsapi', timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  async queryOrder(outTradeNo: string): Promise<ChannelTrade> {
    const { settings, sdk } = this.build();
    const r = await this.call('transactions/out-trade-no', () => sdk.query({ out_trade_no: outTradeNo }));
    if (r.status === 404 && errorOf(r).code === 'ORDER_NOT_EXIST') {
      return { outTradeNo, state: 'not_found', channelTxId: null, amountFen: null, paidAt: null };
    }
    if (r.status !== 200) throw this.failure('transactions/out-trade-no', r);
    const tx = asRecord(r.data) as WechatTransaction | null;
    if (!tx) throw new ChannelError('transient', 'order query answered no transaction');
    // A signed answer about another order or merchant would misroute money: never believe it.
    if (tx.out_trade_no !== outTradeNo || tx.mchid !== settings.mchid || tx.appid !== settings.appid) {
      throw new ChannelError('transient', `order query answered about ${tx.out_trade_no ?? '?'} / ${tx.mchid ?? '?'} / ${tx.appid ?? '?'}`);
    }
    const trade = readTrade(tx, outTradeNo);
    if (typeof trade === 'string') throw new ChannelError(trade.startsWith('unsupported') ? 'rejected' : 'transient', trade, tx.trade_state ?? null);
    return trade;
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const { sdk } = this.build();
    const r = await this.call('transactions/close', () => sdk.close(outTradeNo));
    if (r.status !== 204 && r.status !== 200) throw this.failure('transactions/close', r);
  }

  // ---------------------------------------------------------------- notifications

  async verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<VerifiedNotification> {
    let built: Built;
    try {
      built = this.build();
    } catch (err) {
      throw new NotificationRejected(`channel not configured: ${(err as Error).message}`);
    }
    const { settings } = built;
    const h = (name: string) => {
      const v = headerValue(headers, name);
      if (v === null) throw new NotificationRejected(`header ${name} missing or repeated`);
      return v;
    };
    const serial = h('wechatpay-serial');
    const signature = h('wechatpay-signature');
    const timestamp = h('wechatpay-timestamp');
    const nonce = h('wechatpay-nonce');
    const type = headerValue(headers, 'wechatpay-signature-type');
    if (type !== null && type !== SIGNATURE_TYPE) throw new NotificationRejected(`signature type ${type}`);
    if (!/^\d{1,12}$/.test(timestamp)) throw new NotificationRejected('timestamp is not a number');
    const skew = Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp));
    if (skew > NOTIFY_MAX_SKEW_S) throw new NotificationRejected(`timestamp ${timestamp} is ${skew} s from now`);

    let key: PlatformKey | null;
    try {
      key = await this.platformKey(serial);
    } catch (err) {
      throw new NotificationRejected(`platform key ${serial} unavailable: ${(err as Error).message}`);
    }
    if (!key) throw new NotificationRejected(`unknown platform serial ${serial}`);
    if (!verifySignature(key.key, `${timestamp}\n${nonce}\n${rawBody}\n`, signature)) {
      throw new NotificationRejected('signature does not verify');
    }

    const body = parseJsonObject(rawBody);
    const resource = asRecord(body?.resource);
    if (!body || !resource) throw new NotificationRejected('body is not a notification');
    if (body.event_type !== 'TRANSACTION.SUCCESS') throw new NotificationRejected(`unsupported event ${String(body.event_type)}`);
    if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new NotificationRejected(`unsupported algorithm ${String(resource.algorithm)}`);
    let plain: string;
    try {
      plain = decryptAead(settings.apiV3Key, resource);
    } catch (err) {
      throw new NotificationRejected(`resource does not decrypt: ${(err as Error).message}`);
    }
    const tx = parseJsonObject(plain) as WechatTransaction | null;
    if (!tx || typeof tx.out_trade_no !== 'string' || !tx.out_trade_no) throw new NotificationRejected('resource is not a transaction');
    if (tx.appid !== settings.appid) throw new NotificationRejected(`appid ${String(tx.appid)} is not ours`);
    if (tx.mchid !== settings.mchid) throw new NotificationRejected(`mchid ${String(tx.mchid)} is not ours`);
    const trade = readTrade(tx, tx.out_trade_no);
    if (typeof trade === 'string') throw new NotificationRejected(trade);
    return { ...trade, channelAccount: tx.mchid };
  }

  answer(ok: boolean, message?: string): NotificationAnswer {
    if (ok) return { status: 204, contentType: 'text/plain; charset=utf-8', body: '' };
    return {
      status: 500,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ code: 'FAIL', message: message ?? '失败' }),
    };
  }

  // ---------------------------------------------------------------- profit sharing

  async ensureReceiver(receiver: SplitReceiver): Promise<void> {
    const { settings, sdk } = this.build();
    if (this.addedReceivers.has(receiver.merchantId)) return;
    if (!receiver.merchantId || !receiver.name) throw new ChannelError('rejected', 'receiver needs a merchant id and its full name', 'PARAM_ERROR');
    // The receiver's name is sensitive: encrypted with the platform key, whose serial goes in Wechatpay-Serial.
    const platform = await this.encryptionKey();
    const pem = Buffer.from(platform.key.export({ type: 'spki', format: 'pem' }));
    const name = sdk.publicEncrypt(receiver.name, pem, cryptoConstants.RSA_PKCS1_OAEP_PADDING);
    const r = await this.call('profitsharing/receivers/add', () =>
      sdk.profitsharing_receivers_add({
        appid: settings.appid,
        type: 'MERCHANT_ID',
        account: receiver.merchantId,
        name,
        relation_type: RECEIVER_RELATION,
        wx_serial_no: platform.serial,
      }),
    );
    const err = errorOf(r);
    const exists = r.status >= 400 && r.status < 500 && /已存在|already exist/i.test(`${err.code ?? ''} ${err.message ?? ''}`);
    if (r.status !== 200 && !exists) throw this.failure('profitsharing/receivers/add', r);
    this.addedReceivers.add(receiver.merchantId);
  }

  async split(input: SplitInput): Promise<SplitResult> {
    const { sdk } = this.build();
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
      throw new ChannelError('rejected', `split amount must be a positive integer of fen, got ${input.amountFen}`, 'PARAM_ERROR');
    }
    await this.ensureReceiver(input.receiver);
    const platform = await this.encryptionKey();
    const r = await this.call('profitsharing/orders', () =>
      sdk.create_profitsharing_orders({
        transaction_id: input.channelTxId,
        out_order_no: input.outSplitNo,
        receivers: [{ type: 'MERCHANT_ID', account: input.receiver.merchantId, amount: input.amountFen, description: input.description }],
        // Keep the rest frozen: a failed split (receiver CLOSED) can then be tried again with a new number.
        unfreeze_unsplit: false,
        wx_serial_no: platform.serial,
      }),
    );
    if (r.status !== 200) throw this.failure('profitsharing/orders', r);
    return readSplit(asRecord(r.data) as WechatSplitOrder | null, input);
  }

  async querySplit(input: SplitInput): Promise<SplitResult> {
    const { sdk } = this.build();
    const r = await this.call('profitsharing/orders query', () => sdk.query_profitsharing_orders(input.channelTxId, input.outSplitNo));
    if (r.status !== 200) throw this.failure('profitsharing/orders query', r);
    return readSplit(asRecord(r.data) as WechatSplitOrder | null, input);
  }

  // ---------------------------------------------------------------- bills

  async downloadBill(billDate: string): Promise<BillLine[]> {
    const { settings, sdk } = this.build();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw new ChannelError('rejected', `bill date must be YYYY-MM-DD, got ${billDate}`, 'PARAM_ERROR');
    const r = await this.call('bill/tradebill', () => sdk.tradebill({ bill_date: billDate, bill_type: 'SUCCESS' }));
    // No successful payment that day: WeChat has no bill. Reconciliation then compares against nothing.
    if (r.status === 400 && errorOf(r).code === 'NO_STATEMENT_EXIST') return [];
    if (r.status !== 200) throw this.failure('bill/tradebill', r);
    const d = asRecord(r.data);
    const url = d?.download_url;
    const hash = d?.hash_value;
    if (typeof url !== 'string' || !url.startsWith(`${WECHATPAY_SDK_ORIGIN}/`) || typeof hash !== 'string' || d?.hash_type !== 'SHA1') {
      throw new ChannelError('transient', 'bill/tradebill answered without a WeChat download_url and SHA1 hash');
    }
    const file = await this.call('bill download', () => sdk.downloadBill(url));
    if (file.status !== 200 || !Buffer.isBuffer(file.data)) throw this.failure('bill download', file);
    // The download is not signed (WeChat says so): the hash from the signed answer is what vouches for it.
    const actual = createHash('sha1').update(file.data).digest('hex');
    if (actual !== hash.toLowerCase()) throw new ChannelError('transient', `bill ${billDate} does not match its SHA1 hash`);
    return parseTradeBill(file.data.toString('utf8'), settings.mchid);
  }

  // ---------------------------------------------------------------- SDK, transport and keys

  /** The SDK built from the settings on first use; config errors are not cached, so fixing the settings works without a restart. */
  private build(): Built {
    if (this.built) return this.built;
    const settings = this.readSettings();
    const c = this.config;
    const privateKey = pem(c.WECHATPAY_PRIVATE_KEY)!;
    const cert = pem(c.WECHATPAY_CERT);
    const sdk = new WechatPaySdk({
      appid: settings.appid,
      mchid: settings.mchid,
      serial_no: settings.serialNo,
      // Only read for its serial number, which we pass explicitly; the SDK refuses an empty one.
      publicKey: Buffer.from(cert ?? 'merchant certificate not configured'),
      privateKey: Buffer.from(privateKey),
      key: settings.apiV3Key,
      userAgent: 'dangjian-server (wechatpay-node-v3 2.2.1)',
    });
    const transport: SdkTransport = {
      post: (url, params, headers) => this.send('POST', url, headers, JSON.stringify(params)),
      get: (url, headers) => this.send('GET', url, headers),
      upload: () => Promise.reject(new ChannelError('config', 'uploads are not used')),
    };
    sdk.createHttp(transport as unknown as Parameters<Pay['createHttp']>[0]);
    this.built = { settings, sdk };
    return this.built;
  }

  private readSettings(): Settings {
    const c = this.config;
    const missing = (name: string) => new ChannelError('config', `${name} is not set`);
    const mchid = c.WECHATPAY_MCHID?.trim();
    if (!mchid) throw missing('WECHATPAY_MCHID');
    const appid = (c.WECHATPAY_APPID ?? c.WECHAT_APPID)?.trim();
    if (!appid) throw missing('WECHATPAY_APPID (or WECHAT_APPID)');
    let base: string;
    try {
      const u = new URL(c.WECHATPAY_BASE_URL);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
      base = c.WECHATPAY_BASE_URL.replace(/\/+$/, '');
    } catch {
      throw new ChannelError('config', 'WECHATPAY_BASE_URL is not an http(s) URL');
    }
    const privatePem = pem(c.WECHATPAY_PRIVATE_KEY);
    if (!privatePem) throw missing('WECHATPAY_PRIVATE_KEY');
    try {
      createPrivateKey(privatePem);
    } catch {
      throw new ChannelError('config', 'WECHATPAY_PRIVATE_KEY is not a readable private key');
    }
    let serialNo = c.WECHATPAY_SERIAL_NO?.trim().toUpperCase();
    const certPem = pem(c.WECHATPAY_CERT);
    if (!serialNo) {
      if (!certPem) throw missing('WECHATPAY_SERIAL_NO (or WECHATPAY_CERT)');
      try {
        serialNo = new X509Certificate(certPem).serialNumber.toUpperCase();
      } catch {
        throw new ChannelError('config', 'WECHATPAY_CERT is not a readable certificate');
      }
    }
    const apiV3Key = c.WECHATPAY_APIV3_KEY;
    if (!apiV3Key) throw missing('WECHATPAY_APIV3_KEY');
    if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) throw new ChannelError('config', 'WECHATPAY_APIV3_KEY must be 32 bytes');
    const keyId = c.WECHATPAY_PUBLIC_KEY_ID?.trim();
    const keyPem = pem(c.WECHATPAY_PUBLIC_KEY);
    let publicKey: Settings['publicKey'] = null;
    if (keyId || keyPem) {
      if (!keyId || !keyPem) throw new ChannelError('config', 'WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY go together');
      if (!keyId.startsWith('PUB_KEY_ID_')) throw new ChannelError('config', 'WECHATPAY_PUBLIC_KEY_ID must start with PUB_KEY_ID_');
      try {
        publicKey = { id: keyId, key: createPublicKey(keyPem) };
      } catch {
        throw new ChannelError('config', 'WECHATPAY_PUBLIC_KEY is not a readable public key');
      }
    }
    return { base, appid, mchid, serialNo, apiV3Key, publicKey };
  }

  /** Runs an SDK call: our ChannelErrors pass through, anything the SDK throws (it does on odd answers) is transient. */
  private async call(what: string, fn: () => Promise<unknown>): Promise<TransportAnswer> {
    try {
      return (await fn()) as TransportAnswer;
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      throw new ChannelError('transient', `${what}: ${(err as Error)?.message ?? String(err)}`);
    }
  }

  /**
   * The SDK's HTTP transport: swaps the origin, fetches with a timeout and checks the answer's signature.
   * Throws for what no caller can use (network, 5xx, bad signature, our key rejected); returns 2xx and 4xx.
   */
  private async send(method: 'GET' | 'POST', url: string, sdkHeaders: Record<string, unknown>, body?: string, verify = true): Promise<TransportAnswer> {
    const { settings } = this.built ?? { settings: this.readSettings() };
    if (!url.startsWith(`${WECHATPAY_SDK_ORIGIN}/`)) throw new ChannelError('config', `unexpected WeChat Pay URL ${url}`);
    const path = url.slice(WECHATPAY_SDK_ORIGIN.length);
    const what = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(sdkHeaders)) {
      // fetch negotiates compression itself (and undoes it before we check signatures).
      if (typeof v === 'string' && k.toLowerCase() !== 'accept-encoding') headers[k] = v;
    }
    let res: Response;
    let bytes: Buffer;
    try {
      res = await fetch(`${settings.base}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      throw new ChannelError('transient', `${what} failed: ${describeFetchError(err)}`);
    }
    const text = bytes.toString('utf8');
    if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) {
      throw new ChannelError('transient', `${what} answered HTTP ${res.status}`);
    }
    if (res.status === 401) {
      const e = parseJsonObject(text) as WechatErrorBody | null;
      this.logger.error(`WeChat Pay refused our signature on ${what}: ${e?.code ?? ''} ${e?.message ?? ''} (check WECHATPAY_MCHID / WECHATPAY_SERIAL_NO / WECHATPAY_PRIVATE_KEY)`);
      throw new ChannelError('config', `${what} refused our request signature`, e?.code ?? 'SIGN_ERROR');
    }
    if (path.startsWith('/v3/billdownload/') && res.status === 200) {
      return { status: res.status, data: bytes, text: '', headers: res.headers };
    }
    if (verify) await this.verifyAnswer(res.headers, text, what);
    const data = text ? parseJsonObject(text) : undefined;
    if (text && !data) throw new ChannelError('transient', `${what} answered something that is not a JSON object`);
    return res.status < 300 ? { status: res.status, data, text, headers: res.headers } : { status: res.status, error: data, text, headers: res.headers };
  }

  /** Checks an API answer's Wechatpay-* signature; failing that, the answer (even a 4xx) is not WeChat's. */
  private async verifyAnswer(headers: Headers, text: string, what: string): Promise<void> {
    const serial = headers.get('wechatpay-serial');
    const signature = headers.get('wechatpay-signature');
    const timestamp = headers.get('wechatpay-timestamp');
    const nonce = headers.get('wechatpay-nonce');
    if (!serial || !signature || !timestamp || !nonce) throw new ChannelError('transient', `${what} answer is not signed`);
    const key = await this.platformKey(serial);
    if (!key) throw new ChannelError('transient', `${what} answer is signed by unknown platform serial ${serial}`);
    if (!verifySignature(key.key, `${timestamp}\n${nonce}\n${text}\n`, signature)) {
      this.logger.warn(`WeChat Pay answer to ${what} has a bad signature (serial ${serial})`);
      throw new ChannelError('transient', `${what} answer signature does not verify`);
    }
  }

  /** The platform key for a serial: the configured public key, or a downloaded certificate (downloaded on a miss). */
  private async platformKey(serial: string): Promise<PlatformKey | null> {
    const { publicKey } = this.build().settings;
    if (publicKey && serial === publicKey.id) return { serial, key: publicKey.key };
    const known = this.certificates.get(serial);
    if (known) return known;
    // Public key ids are never in the certificate list: a foreign one is simply unknown.
    if (serial.startsWith('PUB_KEY_ID_') || !/^[0-9A-Fa-f]{1,64}$/.test(serial)) return null;
    if (Date.now() - this.lastCertRefreshAt < CERT_REFRESH_MIN_INTERVAL_MS && !this.certRefresh) return null;
    await this.refreshCertificates();
    return this.certificates.get(serial) ?? null;
  }

  /** The key to encrypt sensitive fields with: the public key when configured, otherwise the newest certificate. */
  private async encryptionKey(): Promise<PlatformKey> {
    const { publicKey } = this.build().settings;
    if (publicKey) return { serial: publicKey.id, key: publicKey.key };
    if (this.certificates.size === 0) await this.refreshCertificates();
    const newest = [...this.certificates.values()].at(-1);
    if (!newest) throw new ChannelError('transient', 'no platform certificate available');
    return newest;
  }

  private refreshCertificates(): Promise<void> {
    this.certRefresh ??= this.downloadCertificates().finally(() => {
      this.certRefresh = undefined;
      this.lastCertRefreshAt = Date.now();
    });
    return this.certRefresh;
  }

  /**
   * GET /v3/certificates. The certificates are trusted because they decrypt (GCM tag checked) with our
   * APIv3 key; the answer must then verify with one of them.
   */
  private async downloadCertificates(): Promise<void> {
    const { settings, sdk } = this.build();
    const url = `${WECHATPAY_SDK_ORIGIN}/v3/certificates`;
    const r = await this.send('GET', url, sdk.signedGetHeaders(url), undefined, false);
    if (r.status === 404) {
      // Merchants since late 2024 have no platform certificates, only the WeChat Pay public key.
      throw new ChannelError('config', 'WeChat Pay has no platform certificates for this merchant: set WECHATPAY_PUBLIC_KEY_ID and WECHATPAY_PUBLIC_KEY');
    }
    if (r.status !== 200) throw this.failure('certificates', r);
    const list = asRecord(r.data)?.data;
    if (!Array.isArray(list)) throw new ChannelError('transient', 'certificates answer has no list');
    const fresh = new Map<string, PlatformKey & { expires: number }>();
    for (const item of list) {
      const entry = asRecord(item);
      const enc = asRecord(entry?.encrypt_certificate);
      const serial = typeof entry?.serial_no === 'string' ? entry.serial_no.toUpperCase() : '';
      if (!entry || !enc || !serial) throw new ChannelError('transient', 'certificates answer has an unreadable entry');
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(decryptAead(settings.apiV3Key, enc));
      } catch (err) {
        throw new ChannelError('transient', `platform certificate ${serial} does not decrypt: ${(err as Error).message}`);
      }
      if (cert.serialNumber.toUpperCase() !== serial) throw new ChannelError('transient', `platform certificate ${serial} carries serial ${cert.serialNumber}`);
      const expires = Date.parse(cert.validTo);
      if (Number.isFinite(expires) && expires < Date.now()) continue;
      fresh.set(serial, { serial, key: cert.publicKey, expires });
    }
    const signer = fresh.get((r.headers.get('wechatpay-serial') ?? '').toUpperCase());
    const ts = r.headers.get('wechatpay-timestamp');
    const nonce = r.headers.get('wechatpay-nonce');
    const sig = r.headers.get('wechatpay-signature');
    if (!signer || !ts || !nonce || !sig || !verifySignature(signer.key, `${ts}\n${nonce}\n${r.text}\n`, sig)) {
      throw new ChannelError('transient', 'certificates answer signature does not verify');
    }
    // Oldest expiry first, so the newest certificate is the last one (used for encryption).
    for (const c of [...fresh.values()].sort((a, b) => a.expires - b.expires)) {
      this.certificates.delete(c.serial);
      this.certificates.set(c.serial, { serial: c.serial, key: c.key });
    }
  }

  /** A non-success answer as a ChannelError: throttling and WeChat's own errors are transient, other 4xx are the channel saying no. */
  private failure(what: string, r: TransportAnswer): ChannelError {
    const e = errorOf(r);
    const code = e.code ?? null;
    // WeChat's support asks for the Request-ID of a failed call.
    const requestId = r.headers?.get('request-id');
    const message = `${what}: HTTP ${r.status} ${code ?? ''} ${e.message ?? ''}${requestId ? ` (Request-ID ${requestId})` : ''}`.replace(/ +/g, ' ').trim();
    if (r.status === 429 || (code && TRANSIENT_CODES.has(code)) || r.status < 400) return new ChannelError('transient', message, code);
    return new ChannelError('rejected', message, code);
  }
}

// ------------------------------------------------------------------ helpers

/** PEMs from settings (see normalisePem); unset or blank → undefined. */
function pem(v: string | undefined): string | undefined {
  const s = v ? normalisePem(v) : '';
  return s || undefined;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v) ? (v as Record<string, unknown>) : null;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return null;
  }
}

function errorOf(r: TransportAnswer): WechatErrorBody {
  const e = asRecord(r.error) ?? asRecord(r.data);
  return { code: typeof e?.code === 'string' ? e.code : undefined, message: typeof e?.message === 'string' ? e.message : undefined };
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const found = Object.entries(headers).filter(([k]) => k.toLowerCase() === name);
  if (found.length !== 1) return null;
  const v = found[0][1];
  if (Array.isArray(v)) return v.length === 1 ? v[0] : null;
  return typeof v === 'string' ? v : null;
}

function verifySignature(key: KeyObject, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

/** AEAD_AES_256_GCM as WeChat uses it (base64 ciphertext ending in the 16-byte tag); `final()` checks the tag. */
function decryptAead(apiV3Key: string, r: Record<string, unknown>): string {
  const { ciphertext, nonce } = r;
  const aad = r.associated_data ?? '';
  if (typeof ciphertext !== 'string' || typeof nonce !== 'string' || typeof aad !== 'string') throw new Error('ciphertext, nonce or associated_data missing');
  const buf = Buffer.from(ciphertext, 'base64');
  if (buf.length <= 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'), { authTagLength: 16 });
  decipher.setAuthTag(buf.subarray(buf.length - 16));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([decipher.update(buf.subarray(0, buf.length - 16)), decipher.final()]).toString('utf8');
}

/** RFC 3339 in Beijing time, as WeChat writes and expects it: 2024-05-01T12:00:00+08:00. */
export function rfc3339Beijing(d: Date): string {
  return `${beijingDateTime(d).replace(' ', 'T')}+08:00`;
}

const STATES: Record<string, ChannelTradeState> = {
  SUCCESS: 'paid',
  NOTPAY: 'pending',
  USERPAYING: 'pending',
  ACCEPT: 'pending',
  CLOSED: 'closed',
  REVOKED: 'closed',
  PAYERROR: 'closed',
};

/** A transaction (query answer or decrypted notification) as a ChannelTrade, or why it cannot be one. */
function readTrade(tx: WechatTransaction, outTradeNo: string): ChannelTrade | string {
  const state = STATES[tx.trade_state ?? ''];
  if (!state) return `unsupported trade state ${String(tx.trade_state)}`;
  const total = tx.amount?.total;
  const amountFen = Number.isSafeInteger(total) && (total as number) >= 0 ? (total as number) : null;
  const currency = tx.amount?.currency;
  if (currency !== undefined && currency !== 'CNY') return `currency ${String(currency)}`;
  const channelTxId = typeof tx.transaction_id === 'string' && tx.transaction_id ? tx.transaction_id : null;
  const paidAt = typeof tx.success_time === 'string' && !Number.isNaN(Date.parse(tx.success_time)) ? new Date(tx.success_time) : null;
  if (state === 'paid' && (amountFen === null || !channelTxId || !paidAt)) return 'paid transaction without amount, transaction_id or success_time';
  return { outTradeNo, state, channelTxId, amountFen, paidAt: state === 'paid' ? paidAt : null };
}

function readSplit(d: WechatSplitOrder | null, input: SplitInput): SplitResult {
  if (!d || d.out_order_no !== input.outSplitNo) throw new ChannelError('transient', `split answer is about ${d?.out_order_no ?? 'nothing'}`);
  const channelSplitId = typeof d.order_id === 'string' ? d.order_id : null;
  const mine = (d.receivers ?? []).find((r) => r.type === 'MERCHANT_ID' && r.account === input.receiver.merchantId);
  if (d.state === 'PROCESSING' && !mine) return { state: 'processing', channelSplitId, error: null };
  if (!mine) throw new ChannelError('transient', `split ${input.outSplitNo} answer lacks receiver ${input.receiver.merchantId}`);
  if (mine.amount !== input.amountFen) throw new ChannelError('transient', `split ${input.outSplitNo} answer says ${String(mine.amount)} fen, we asked ${input.amountFen}`);
  if (mine.result === 'CLOSED') return { state: 'failed', channelSplitId, error: `CLOSED ${mine.fail_reason ?? ''}`.trim() };
  if (d.state === 'FINISHED' && mine.result === 'SUCCESS') return { state: 'done', channelSplitId, error: null };
  if (d.state === 'PROCESSING' || d.state === 'FINISHED') return { state: 'processing', channelSplitId, error: null };
  throw new ChannelError('transient', `split ${input.outSplitNo} in unknown state ${String(d.state)}`);
}

/** "12.34" (yuan, as in bills) → 1234 fen, by string arithmetic so no floating-point error creeps in. */
export function yuanToFen(v: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v.trim());
  if (!m) throw new Error(`not an amount: ${v}`);
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`amount too large: ${v}`);
  return fen;
}

/**
 * WeChat's trade bill: a header line, data lines whose fields each start with a backquote, then the
 * summary header and line. Columns are found by name (their order differs between bill types and
 * older merchants). The summary count must match, so a truncated file is never taken for a quiet day.
 */
export function parseTradeBill(text: string, mchid: string): BillLine[] {
  const bad = (why: string) => new ChannelError('transient', `bill unreadable: ${why}`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw bad('empty');
  const header = lines[0].split(',').map((s) => s.trim());
  const col = (...names: string[]) => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  };
  const iTime = col('交易时间');
  const iMch = col('商户号');
  const iTx = col('微信订单号');
  const iOut = col('商户订单号');
  const iState = col('交易状态');
  const iAmount = col('订单金额', '应结订单金额', '总金额');
  if ([iTime, iTx, iOut, iAmount].some((i) => i < 0)) throw bad('header lacks 交易时间/微信订单号/商户订单号/订单金额');
  const out: BillLine[] = [];
  let i = 1;
  for (; i < lines.length && lines[i].startsWith('`'); i++) {
    const f = lines[i].slice(1).split(',`');
    if (f.length !== header.length) throw bad(`line ${i + 1} has ${f.length} fields, header ${header.length}`);
    if (iState >= 0 && f[iState] !== 'SUCCESS') continue;
    if (iMch >= 0 && f[iMch] !== mchid) throw bad(`line ${i + 1} is for merchant ${f[iMch]}`);
    const paidAt = new Date(`${f[iTime].replace(' ', 'T')}+08:00`);
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(f[iTime]) || Number.isNaN(paidAt.getTime())) throw bad(`line ${i + 1} time ${f[iTime]}`);
    let amountFen: number;
    try {
      amountFen = yuanToFen(f[iAmount]);
    } catch (err) {
      throw bad(`line ${i + 1}: ${(err as Error).message}`);
    }
    out.push({ outTradeNo: f[iOut], channelTxId: f[iTx], amountFen, paidAt });
  }
  // Summary: header line then values; 总交易单数 counts every data line.
  const summaryHeader = lines[i]?.split(',').map((s) => s.trim()) ?? [];
  const summary = lines[i + 1]?.replace(/^`/, '').split(',`') ?? [];
  const iCount = summaryHeader.indexOf('总交易单数');
  if (iCount < 0 || summary.length !== summaryHeader.length) throw bad('summary missing');
  if (Number(summary[iCount]) !== i - 1) throw bad(`summary counts ${summary[iCount]} trades, file has ${i - 1}`);
  if (lines.length > i + 2) throw bad('text after the summary');
  return out;
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
  return [err.name, cause?.code ?? cause?.message].filter(Boolean).join(' ');
}
