import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { beijingDateTime, type PayParams } from '@dangjian/shared';
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
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

const TIMEOUT_MS = 5000;
const BILL_TIMEOUT_MS = 30_000;
const BILL_MAX_BYTES = 50 * 1024 * 1024;
const SUCCESS = '10000';
/** Alipay's upper limit for one trade: 100 000 000.00 yuan. */
const MAX_FEN = 10_000_000_000;

/** Sub-codes meaning "Alipay had a problem, the same call may succeed later". */
const TRANSIENT_SUB_CODE = /SYSTEM_ERROR|isp\.unknow-error|aop\.unknow|isp\.unknown-error|ACQ\.SYSTEM_BUSY/i;
/** Sub-codes meaning "our settings are wrong" (keys, app id, clock, permissions). */
const CONFIG_SUB_CODES = new Set([
  'isv.invalid-signature',
  'isv.invalid-signature-type',
  'isv.invalid-app-id',
  'isv.invalid-timestamp',
  'isv.insufficient-isv-permissions',
  'isv.insufficient-user-permissions',
  'isv.app-unauthorized',
]);

type Answer = Record<string, unknown>;

interface SdkState {
  sdk: AlipaySdk;
  appId: string;
  sellerId: string | null;
}

/**
 * Alipay mini-program payments (PAY-1…PAY-3) through the real alipay-sdk, public-key mode, every
 * answer's RSA2 signature checked (`validateSign: true`: the SDK checks nothing otherwise).
 *
 * Money moves as integer fen; Alipay's yuan strings are converted digit by digit, never through
 * floating point. Failures are ChannelError: transient (network, timeout, HTTP ≠ 200, unsigned or
 * badly signed answer, Alipay's system errors — retry with the same numbers), rejected (a business
 * answer code ≠ 10000, with Alipay's sub_code), config (keys missing or unreadable, or Alipay
 * refusing our signature / app id / clock / permissions).
 */
@Injectable()
export class AlipayChannel extends PayChannelClient {
  readonly channel = 'alipay' as const;
  private readonly logger = new Logger(AlipayChannel.name);
  private state?: SdkState;
  /** Receivers whose royalty relation is bound (per process: binding again is harmless). */
  private readonly boundReceivers = new Set<string>();

  constructor(private readonly config: AppConfig) {
    super();
  }

  async createOrder(input: ChannelOrderInput): Promise<PayParams> {
    if (!/^[A-Za-z0-9_]{1,64}$/.test(input.outTradeNo)) throw new ChannelError('rejected', 'invalid out_trade_no');
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1 || input.amountFen > MAX_FEN) throw new ChannelError('rejected', 'invalid amount');
    if (!(input.expiresAt instanceof Date) || Number.isNaN(input.expiresAt.getTime())) throw new ChannelError('rejected', 'invalid expiry');
    const { sellerId, sdk } = this.sdk();
    if (input.appPay) {
      // DingTalk's dd.pay takes Alipay's app-payment order string, signed here; Alipay creates the
      // trade when the payer confirms, and the notification then reports it like any other.
      const orderStr = sdk.sdkExecute('alipay.trade.app.pay', {
        notifyUrl: input.notifyUrl,
        bizContent: {
          out_trade_no: input.outTradeNo,
          total_amount: fenToYuan(input.amountFen),
          subject: subjectOf(input.description),
          product_code: 'QUICK_MSECURITY_PAY',
          time_expire: beijingDateTime(input.expiresAt),
          ...(sellerId ? { seller_id: sellerId } : {}),
          ...(input.profitSharing ? { extend_params: { royalty_freeze: 'true' } } : {}),
        },
      });
      return { kind: 'alipay_app', orderStr };
    }
    const payer = input.payerId?.trim();
    if (!payer) throw new ChannelError('rejected', 'missing payer id');

    const biz: Answer = {
      out_trade_no: input.outTradeNo,
      total_amount: fenToYuan(input.amountFen),
      subject: subjectOf(input.description),
      product_code: 'JSAPI_PAY',
      // User-id apps give 2088… ids; apps in open_id mode give open ids.
      ...(/^2088\d{12}$/.test(payer) ? { buyer_id: payer } : { buyer_open_id: payer }),
      // Naming the seller keeps the money from landing in another account of the merchant.
      ...(sellerId ? { seller_id: sellerId } : {}),
      time_expire: beijingDateTime(input.expiresAt),
      // Frozen until the split (分账) to the account holder, so the share cannot be spent meanwhile.
      ...(input.profitSharing ? { extend_params: { royalty_freeze: 'true' } } : {}),
    };
    const a = this.ensureOk('alipay.trade.create', await this.call('alipay.trade.create', biz, input.notifyUrl ? { notify_url: input.notifyUrl } : {}));
    const tradeNo = text(a.trade_no);
    if (!tradeNo) return this.transient('alipay.trade.create: answer without trade_no');
    if (text(a.out_trade_no) && text(a.out_trade_no) !== input.outTradeNo) return this.transient('alipay.trade.create: answer for another order');
    return { kind: 'alipay_trade', tradeNO: tradeNo };
  }

  async queryOrder(outTradeNo: string): Promise<ChannelTrade> {
    const a = await this.call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (isCode(a, 'ACQ.TRADE_NOT_EXIST')) return { outTradeNo, state: 'not_found', channelTxId: null, amountFen: null, paidAt: null };
    this.ensureOk('alipay.trade.query', a);
    if (text(a.out_trade_no) !== outTradeNo) return this.transient('alipay.trade.query: answer for another order');
    const state = tradeState(text(a.trade_status));
    if (!state) return this.transient(`alipay.trade.query: unknown trade_status ${String(a.trade_status)}`);
    const amountFen = yuanToFen(a.total_amount);
    if (amountFen === null) return this.transient('alipay.trade.query: unreadable total_amount');
    return {
      outTradeNo,
      state,
      channelTxId: text(a.trade_no) ?? null,
      amountFen,
      paidAt: state === 'paid' ? parseBeijingTime(text(a.send_pay_date)) : null,
    };
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    const a = await this.call('alipay.trade.close', { out_trade_no: outTradeNo });
    if (isCode(a, 'ACQ.TRADE_NOT_EXIST') || text(a.code) === SUCCESS) return;
    if (isCode(a, 'ACQ.TRADE_STATUS_ERROR')) {
      // Either closed already (fine) or paid: a paid trade must never be treated as closed.
      const trade = await this.queryOrder(outTradeNo);
      if (trade.state === 'closed' || trade.state === 'not_found') return;
      if (trade.state === 'paid') throw new ChannelError('rejected', 'the trade is paid, it cannot be closed', 'ACQ.TRADE_HAS_SUCCESS');
    }
    this.ensureOk('alipay.trade.close', a);
  }

  async verifyNotification(_headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<VerifiedNotification> {
    const { sdk, appId, sellerId } = this.sdk();
    if (typeof rawBody !== 'string' || !rawBody.trim()) throw new NotificationRejected('empty body');
    const form = decodeForm(rawBody);
    if (!form) throw new NotificationRejected('malformed or repeated parameters');
    if (!form.sign) throw new NotificationRejected('unsigned');
    // alipay-sdk would follow a notification's own sign_type down to RSA (SHA-1); we only use RSA2.
    if (form.sign_type && form.sign_type !== 'RSA2') throw new NotificationRejected(`unexpected sign_type ${form.sign_type}`);

    // Alipay signs the decoded values and leaves empty ones out; alipay-sdk would include them.
    const signed: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) if (v !== '') signed[k] = v;
    let valid = false;
    try {
      valid = sdk.checkNotifySignV2(signed);
    } catch {
      valid = false;
    }
    if (!valid) throw new NotificationRejected('bad signature');

    if (form.app_id !== appId) throw new NotificationRejected(`foreign app_id ${form.app_id ?? ''}`.trim());
    if (sellerId && form.seller_id !== sellerId) throw new NotificationRejected(`foreign seller_id ${form.seller_id ?? ''}`.trim());
    if (form.notify_type !== 'trade_status_sync') throw new NotificationRejected(`unexpected notify_type ${form.notify_type ?? ''}`.trim());
    const outTradeNo = form.out_trade_no;
    const tradeNo = form.trade_no;
    if (!outTradeNo || !tradeNo) throw new NotificationRejected('missing out_trade_no or trade_no');
    const state = tradeState(form.trade_status);
    if (!state) throw new NotificationRejected(`unknown trade_status ${form.trade_status ?? ''}`.trim());
    const amountFen = yuanToFen(form.total_amount);
    if (amountFen === null) throw new NotificationRejected('unreadable total_amount');
    return {
      outTradeNo,
      state,
      channelTxId: tradeNo,
      amountFen,
      paidAt: state === 'paid' ? (parseBeijingTime(form.gmt_payment) ?? parseBeijingTime(form.notify_time)) : null,
      channelAccount: form.seller_id || form.app_id,
    };
  }

  answer(ok: boolean): NotificationAnswer {
    // Alipay reads the body only: anything but `success` makes it send again (8 times over 25 h).
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: ok ? 'success' : 'fail' };
  }

  async ensureReceiver(receiver: SplitReceiver): Promise<void> {
    const { type, account, name } = receiverOf(receiver);
    const key = `${type}:${account}:${name}`;
    if (this.boundReceivers.has(key)) return;
    const a = await this.call('alipay.trade.royalty.relation.bind', {
      // Deterministic, so a retried bind is the same request.
      out_request_no: `RB${createHash('sha256').update(key).digest('hex').slice(0, 30)}`,
      // The name is sent for user ids too: Alipay then checks it, so money cannot go to a mistyped account.
      receiver_list: [{ type, account, name, memo: '党费上缴' }],
    });
    const bound = text(a.code) === SUCCESS ? (text(a.result_code) ?? 'SUCCESS') === 'SUCCESS' : /RELATION.*EXIST|ALREADY|HAS_BIND|BINDED/i.test(text(a.sub_code) ?? '');
    if (!bound) {
      if (text(a.code) === SUCCESS) throw new ChannelError('rejected', `royalty relation bind: ${text(a.result_code)}`, text(a.result_code) ?? null);
      this.ensureOk('alipay.trade.royalty.relation.bind', a);
    }
    this.boundReceivers.add(key);
  }

  async split(input: SplitInput): Promise<SplitResult> {
    this.checkSplit(input);
    await this.ensureReceiver(input.receiver);
    const { type, account } = receiverOf(input.receiver);
    const a = await this.call('alipay.trade.order.settle', {
      out_request_no: input.outSplitNo,
      trade_no: input.channelTxId,
      royalty_parameters: [{ royalty_type: 'transfer', trans_in_type: type, trans_in: account, amount: fenToYuan(input.amountFen), desc: subjectOf(input.description, 1000) }],
      // Synchronous: the answer is the final result. One split per trade, so the rest is released to the seller.
      royalty_mode: 'sync',
      extend_params: { royalty_finish: 'true' },
    });
    if (text(a.code) === SUCCESS) return { state: 'done', channelSplitId: text(a.settle_no) ?? null, error: null };
    this.throwIfNotBusiness('alipay.trade.order.settle', a);
    return { state: 'failed', channelSplitId: null, error: describe(a) };
  }

  async querySplit(input: SplitInput): Promise<SplitResult> {
    this.checkSplit(input);
    const { account } = receiverOf(input.receiver);
    const a = await this.call('alipay.trade.order.settle.query', { out_request_no: input.outSplitNo, trade_no: input.channelTxId });
    if (text(a.code) !== SUCCESS) {
      this.throwIfNotBusiness('alipay.trade.order.settle.query', a);
      // e.g. the split never reached Alipay: failed, and safe to send again with the same outSplitNo.
      return { state: 'failed', channelSplitId: null, error: describe(a) };
    }
    const settleNo = text(a.settle_no) ?? null;
    const details = Array.isArray(a.royalty_detail_list) ? a.royalty_detail_list.filter(isRecord) : [];
    const mine = details.filter((d) => (text(d.operation_type) ?? 'transfer') === 'transfer' && text(d.trans_in) === account);
    if (mine.length === 0) return this.transient('alipay.trade.order.settle.query: the split names another receiver');
    const states = mine.map((d) => text(d.state));
    if (states.includes('FAIL')) {
      const f = mine.find((d) => text(d.state) === 'FAIL')!;
      return { state: 'failed', channelSplitId: settleNo, error: `${text(f.error_code) ?? 'FAIL'}: ${text(f.error_desc) ?? ''}`.trim() };
    }
    if (states.every((s) => s === 'SUCCESS')) return { state: 'done', channelSplitId: settleNo, error: null };
    return { state: 'processing', channelSplitId: settleNo, error: null };
  }

  async downloadBill(billDate: string): Promise<BillLine[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(billDate)) throw new ChannelError('rejected', 'invalid bill date');
    // isp.bill_not_exist (no trades that day, or not ready: bills come T+1 after about 10:00) is a rejection the caller interprets.
    const a = this.ensureOk('alipay.data.dataservice.bill.downloadurl.query', await this.call('alipay.data.dataservice.bill.downloadurl.query', { bill_type: 'trade', bill_date: billDate }));
    const url = text(a.bill_download_url);
    if (!url || !/^https?:\/\//.test(url)) return this.transient('bill download: answer without a download URL');

    let zip: Uint8Array;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(BILL_TIMEOUT_MS) });
      if (res.status !== 200) return this.transient(`bill download: HTTP ${res.status}`);
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > BILL_MAX_BYTES) return this.transient('bill download: file too large');
      zip = new Uint8Array(await res.arrayBuffer());
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      return this.transient(`bill download failed (${err instanceof Error ? err.name : 'error'})`);
    }
    if (zip.length > BILL_MAX_BYTES) return this.transient('bill download: file too large');

    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(zip, { filter: (f) => f.originalSize <= BILL_MAX_BYTES && f.name.toLowerCase().endsWith('.csv') });
    } catch {
      return this.transient('bill download: not a zip');
    }
    const csvs = Object.entries(files).map(([name, data]) => ({ name: zipEntryName(name), data }));
    const detail =
      csvs.find((f) => f.name.includes('业务明细') && !f.name.includes('汇总')) ??
      csvs.find((f) => { const t = decodeGbk(f.data); return t.includes('支付宝交易号') && !t.includes('汇总列表'); });
    if (!detail) return this.transient('bill download: no detail file in the zip');
    try {
      return parseTradeBill(decodeGbk(detail.data));
    } catch (err) {
      return this.transient(`bill ${billDate}: ${err instanceof Error ? err.message : 'unreadable'}`);
    }
  }

  // ---- internals ----

  /** One gateway call; the answer object (code, sub_code…), signature checked. */
  private async call(method: string, bizContent: Answer, extra: Record<string, string> = {}): Promise<Answer> {
    const { sdk } = this.sdk();
    let result: unknown;
    try {
      result = await sdk.exec(method, { ...extra, bizContent }, { validateSign: true });
    } catch (err) {
      return this.signedErrorResponse(method, err, sdk);
    }
    if (!isRecord(result)) return this.transient(`${method}: unexpected answer`);
    if (text(result.sub_code) === 'isv.invalid-timestamp') {
      // alipay-sdk writes the local time into `timestamp`; the gateway reads it as Beijing time.
      this.logger.error('Alipay refused the request timestamp: run the server with TZ=Asia/Shanghai and a synchronised clock');
    }
    return result;
  }

  /**
   * alipay-sdk checks the signature of `<method>_response` only, so a correctly signed
   * `error_response` (unknown method, some gateway errors) makes `exec` throw. Recover that case by
   * checking the `error_response` signature; everything else that throws is transient.
   */
  private signedErrorResponse(method: string, err: unknown, sdk: AlipaySdk): Answer {
    if (!(err instanceof AlipayRequestError)) return this.transient(`${method}: ${err instanceof Error ? err.name : 'error'}`);
    const raw = err.responseDataRaw;
    if (!raw) return this.transient(`${method}: request failed (network or timeout)`);
    const parsed = parseJson(raw);
    const responseKey = `${method.replace(/\./g, '_')}_response`;
    if (parsed && isRecord(parsed.error_response) && parsed[responseKey] === undefined && typeof parsed.sign === 'string') {
      try {
        sdk.checkResponseSign(raw, 'error_response', parsed.sign, '');
        return parsed.error_response;
      } catch {
        return this.transient(`${method}: error answer signature invalid`);
      }
    }
    if (err.message.startsWith('验签失败')) return this.transient(`${method}: answer signature invalid`);
    const status = /status: (\d+)/.exec(err.message)?.[1];
    return this.transient(`${method}: ${status ? `HTTP ${status}` : 'unexpected answer'}`);
  }

  /** The answer when its code is 10000; otherwise the matching ChannelError. */
  private ensureOk(method: string, a: Answer): Answer {
    if (text(a.code) === SUCCESS) return a;
    this.throwIfNotBusiness(method, a);
    throw new ChannelError('rejected', `${method}: ${describe(a)}`, text(a.sub_code) ?? text(a.code) ?? null);
  }

  /** Throws for answers that are not a business verdict (Alipay's own failures, our settings). */
  private throwIfNotBusiness(method: string, a: Answer): void {
    const code = text(a.code);
    const sub = text(a.sub_code) ?? '';
    if (!code) this.transient(`${method}: answer without code`);
    if (code === '20000' || TRANSIENT_SUB_CODE.test(sub)) this.transient(`${method}: ${describe(a)}`);
    if (code === '40006' || CONFIG_SUB_CODES.has(sub) || sub.startsWith('isv.missing-')) {
      this.logger.error(`Alipay refused our request: ${describe(a)} (check ALIPAY_APPID / ALIPAY_PRIVATE_KEY, the app public key uploaded to Alipay, the product's permissions and the clock)`);
      throw new ChannelError('config', `${method}: ${describe(a)}`, sub || code || null);
    }
  }

  private checkSplit(input: SplitInput): void {
    if (!/^[A-Za-z0-9_]{1,64}$/.test(input.outSplitNo)) throw new ChannelError('rejected', 'invalid split number');
    if (!input.channelTxId) throw new ChannelError('rejected', 'missing trade_no');
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 1 || input.amountFen > MAX_FEN) throw new ChannelError('rejected', 'invalid split amount');
  }

  private transient(reason: string): never {
    this.logger.warn(`Alipay unavailable: ${reason}`);
    throw new ChannelError('transient', reason);
  }

  private sdk(): SdkState {
    if (this.state) return this.state;
    const c = this.config;
    const appId = c.ALIPAY_APPID?.trim();
    const gateway = c.ALIPAY_GATEWAY?.trim();
    if (!appId || !gateway || !c.ALIPAY_PRIVATE_KEY?.trim() || !c.ALIPAY_PUBLIC_KEY?.trim()) {
      throw new ChannelError('config', 'Alipay payments are not configured (ALIPAY_APPID, ALIPAY_GATEWAY, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY)');
    }
    if (!/^https?:\/\/\S+$/.test(gateway)) throw new ChannelError('config', 'ALIPAY_GATEWAY is not an http(s) URL');
    let privateKey: KeyObject;
    let publicKey: KeyObject;
    try {
      privateKey = readKey(c.ALIPAY_PRIVATE_KEY, 'private');
      publicKey = readKey(c.ALIPAY_PUBLIC_KEY, 'public');
    } catch (err) {
      const which = err instanceof KeyReadError ? err.which : 'key';
      this.logger.error(`ALIPAY_${which === 'private' ? 'PRIVATE' : 'PUBLIC'}_KEY is not a readable RSA ${which} key (PEM or base64; PKCS#8/PKCS#1 or SPKI)`);
      throw new ChannelError('config', `ALIPAY_${which === 'private' ? 'PRIVATE' : 'PUBLIC'}_KEY is unreadable`);
    }
    // Keys go to the SDK re-encoded (PKCS#8 / SPKI PEM), whatever form the settings used.
    const sdk = new AlipaySdk({
      appId,
      gateway,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      keyType: 'PKCS8',
      alipayPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      signType: 'RSA2',
      timeout: TIMEOUT_MS,
      // Keep Alipay's field names (out_trade_no…), as documented.
      camelcase: false,
    });
    const sellerId = c.ALIPAY_SELLER_ID?.trim() || null;
    this.state = { sdk, appId, sellerId };
    return this.state;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers (exported for the tests of the payments module)
// ---------------------------------------------------------------------------------------------

/** 7 → "0.07", 1234 → "12.34" (integer fen only). */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** "12.34" → 1234, "0.7" → 70, "5" → 500; anything else (negative, 3 decimals, exponent…) → null. */
export function yuanToFen(value: unknown): number | null {
  // JSON numbers (some answers carry them) print back exactly as they were written for 2 decimals.
  const s = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (s === null) return null;
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function parseBeijingTime(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value.replace(' ', 'T')}+08:00`);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/**
 * The 交易 lines of a 业务明细 CSV (already decoded from GBK): `#` comment lines, a header row
 * (支付宝交易号, 商户订单号, 业务类型, …, 订单金额（元）, …), data rows, then the `#-----` footer.
 * Columns are found by name; cells carry a trailing tab. A payment line that cannot be read throws:
 * a bill is never shortened silently.
 */
export function parseTradeBill(csv: string): BillLine[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  let col: Record<'tx' | 'out' | 'type' | 'amount' | 'done' | 'created', number> | null = null;
  const out: BillLine[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line.trim()) continue;
    if (line.startsWith('#')) {
      if (header) break;
      continue;
    }
    const cells = splitCsvLine(line).map((c) => c.trim());
    if (!header) {
      header = cells.map((h) => h.replace(/\(/g, '（').replace(/\)/g, '）'));
      const at = (name: string) => header!.indexOf(name);
      col = { tx: at('支付宝交易号'), out: at('商户订单号'), type: at('业务类型'), amount: at('订单金额（元）'), done: at('完成时间'), created: at('创建时间') };
      if (col.tx < 0 || col.out < 0 || col.type < 0 || col.amount < 0 || col.done < 0) throw new Error('bill header not understood');
      continue;
    }
    const c = col!;
    if (cells[c.type] !== '交易') continue;
    const amountFen = yuanToFen(cells[c.amount]);
    const paidAt = parseBeijingTime(cells[c.done]) ?? (c.created >= 0 ? parseBeijingTime(cells[c.created]) : null);
    const channelTxId = cells[c.tx];
    const outTradeNo = cells[c.out];
    if (!channelTxId || amountFen === null || !paidAt) throw new Error(`bill line ${n + 1} unreadable`);
    out.push({ outTradeNo: outTradeNo ?? '', channelTxId, amountFen, paidAt });
  }
  if (!header) throw new Error('bill without header');
  return out;
}

/** One CSV line; quoted cells may hold commas and doubled quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch !== '"') cur += ch;
      else if (line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

function decodeGbk(data: Uint8Array): string {
  // GB18030 is a superset of GBK: rare characters in names and subjects decode too.
  return iconv.decode(Buffer.from(data), 'gb18030');
}

/**
 * Alipay writes zip entry names in GBK without the UTF-8 flag; fflate then hands them over as
 * Latin-1 (one char per byte). Names that came flagged as UTF-8 are left alone.
 */
function zipEntryName(name: string): string {
  return [...name].every((ch) => ch.charCodeAt(0) <= 0xff) && /[\x80-\xff]/.test(name) ? decodeGbk(Buffer.from(name, 'latin1')) : name;
}

/** The decoded form, or null when malformed (a parameter twice is never guessed between). */
function decodeForm(raw: string): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  try {
    for (const [k, v] of new URLSearchParams(raw.trim())) {
      if (k in out) return null;
      out[k] = v;
    }
  } catch {
    return null;
  }
  return out;
}

function tradeState(status: string | undefined): ChannelTradeState | null {
  switch (status) {
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'paid';
    case 'WAIT_BUYER_PAY':
      return 'pending';
    case 'TRADE_CLOSED':
      return 'closed';
    default:
      return null;
  }
}

/** Alipay refuses `/`, `=`, `&` in subjects and limits their length. */
function subjectOf(description: string, max = 256): string {
  const s = (description ?? '').replace(/[\/=&]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
  return s || '党费';
}

/** 2088… user ids bind as userId; anything else (phone, e-mail) as loginName, which requires the name. */
function receiverOf(r: SplitReceiver): { type: 'userId' | 'loginName'; account: string; name: string } {
  const account = r.merchantId?.trim() ?? '';
  const name = r.name?.trim() ?? '';
  if (!account) throw new ChannelError('rejected', 'missing receiver account');
  const type = /^2088\d{12}$/.test(account) ? 'userId' : 'loginName';
  if (type === 'loginName' && !name) throw new ChannelError('rejected', 'a login-name receiver needs its real name');
  return { type, account, name };
}

function isCode(a: Answer, subCode: string): boolean {
  return text(a.code) !== SUCCESS && text(a.sub_code) === subCode;
}

function describe(a: Answer): string {
  // isv.invalid-signature echoes the whole signed request (buyer ids…): keep that out of messages and logs.
  const subMsg = text(a.sub_msg)?.replace(/[，,]?\s*网关生成的验签字符串为[：:][\s\S]*$/, '');
  return [text(a.code), text(a.msg), text(a.sub_code), subMsg].filter(Boolean).join(' ');
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

class KeyReadError extends Error {
  constructor(readonly which: 'private' | 'public') {
    super(`unreadable ${which} key`);
  }
}

/** Reads a key from settings (see normalisePem); the Alipay console gives bare base64. */
function readKey(value: string, which: 'private'): KeyObject;
function readKey(value: string, which: 'public'): KeyObject;
function readKey(value: string, which: 'private' | 'public'): KeyObject {
  const pem = normalisePem(value);
  const attempts: (() => KeyObject)[] = pem.includes('-----BEGIN')
    ? [() => (which === 'private' ? createPrivateKey(pem) : createPublicKey(pem))]
    : (() => {
        const der = Buffer.from(pem.replace(/\s+/g, ''), 'base64');
        return which === 'private'
          ? [() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })]
          : [() => createPublicKey({ key: der, format: 'der', type: 'spki' }), () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' })];
      })();
  for (const attempt of attempts) {
    try {
      const key = attempt();
      if (key.asymmetricKeyType === 'rsa' && key.type === (which === 'private' ? 'private' : 'public')) return key;
    } catch {
      // try the next encoding
    }
  }
  throw new KeyReadError(which);
}
