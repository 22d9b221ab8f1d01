import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { beijingDateTime, beijingParts } from '@dangjian/shared';
import iconv from 'iconv-lite';
import { HttpSimulator, type RecordedRequest, type SimResponse } from '../http-simulator.js';

// ---------------------------------------------------------------------------------------------
// RSA2 helpers of the Alipay OpenAPI v2 protocol (shared with anything else that has to play
// Alipay's side, e.g. the login-gateway simulator under test/simulators).
// ---------------------------------------------------------------------------------------------

/** PEM key material for one Alipay app: the app's pair (it signs requests) and Alipay's pair (it signs answers and notifications). */
export interface AlipayKeyMaterial {
  /** PKCS#8 PEM — goes to ALIPAY_PRIVATE_KEY. */
  appPrivateKey: string;
  /** SPKI PEM — what the merchant uploads to Alipay; the gateway verifies requests with it. */
  appPublicKey: string;
  /** PKCS#8 PEM — only Alipay (the simulator) has it. */
  alipayPrivateKey: string;
  /** SPKI PEM — goes to ALIPAY_PUBLIC_KEY. */
  alipayPublicKey: string;
}

function rsaPairPem(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** Fresh RSA-2048 pairs for an app and for the (simulated) Alipay side. */
export function newAlipayKeyMaterial(): AlipayKeyMaterial {
  const app = rsaPairPem();
  const alipay = rsaPairPem();
  return { appPrivateKey: app.privateKey, appPublicKey: app.publicKey, alipayPrivateKey: alipay.privateKey, alipayPublicKey: alipay.publicKey };
}

/**
 * The text Alipay signs for a parameter set: every parameter except `exclude` and empty values,
 * sorted by name, `k=v` joined by `&`, values as decoded (never URL-encoded).
 */
export function alipaySignContent(params: Record<string, string>, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== '' && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Money and Beijing time, written independently of the channel so the tests compare two
// implementations rather than one with itself.
// ---------------------------------------------------------------------------------------------

function yuan(fen: number): string {
  const s = String(Math.abs(fen)).padStart(3, '0');
  return `${fen < 0 ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

function fenOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')) : null;
}


function parseBeijingTime(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text.replace(' ', 'T')}+08:00`);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

function digits(n: number): string {
  let out = '';
  while (out.length < n) out += [...randomBytes(n)].map((b) => String(b % 10)).join('');
  return out.slice(0, n);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export type SimTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED';

/** A trade as the simulated Alipay keeps it. */
export interface SimTrade {
  tradeNo: string;
  outTradeNo: string;
  totalFen: number;
  subject: string;
  buyerId: string | null;
  buyerOpenId: string | null;
  sellerId: string;
  notifyUrl: string | null;
  status: SimTradeStatus;
  createdAt: Date;
  expiresAt: Date | null;
  paidAt: Date | null;
  /** extend_params.royalty_freeze = "true": the money stays frozen for a later split (分账). */
  royaltyFreeze: boolean;
  /** Split so far (fen), and whether a split closed the royalty (extend_params.royalty_finish). */
  settledFen: number;
  royaltyFinished: boolean;
}

export interface SimSettle {
  settleNo: string;
  outRequestNo: string;
  tradeNo: string;
  operationAt: Date;
  details: { transIn: string; transInType: string; amountFen: number; desc: string; state: 'SUCCESS' | 'FAIL' | 'PROCESSING' }[];
  finish: boolean;
}

/** A gateway call whose signature checked out, for assertions. */
export interface AlipayPayCall {
  method: string;
  /** Public and URL parameters (notify_url…), without `sign`. */
  params: Record<string, string>;
  /** The parsed biz_content. */
  biz: Record<string, unknown>;
}

/** How one notification POST went. `status` is 0 when the connection failed. */
export interface NotifyDelivery {
  outTradeNo: string;
  notifyId: string;
  attempt: number;
  status: number;
  body: string;
}

/** Misbehaviour of one notification. */
export interface NotifyOptions {
  /** Send it this many more times right away (same notify_id), like Alipay's duplicates. */
  duplicates?: number;
  /** Sign something else: the signature does not match. */
  badSignature?: boolean;
  /** Report this amount instead of the trade's (correctly signed: Alipay itself says so). */
  amountFen?: number;
  appId?: string;
  sellerId?: string;
  /** Report this trade_status instead of the trade's. */
  tradeStatus?: SimTradeStatus;
  /** Extra parameters (signed; empty values are left out of the signature like Alipay does). */
  extra?: Record<string, string>;
}

export interface PayOptions extends NotifyOptions {
  /** false: the first POST never arrives (a network failure); it waits among the retries. Default true. */
  deliver?: boolean;
}

export interface PendingRetry {
  outTradeNo: string;
  notifyId: string;
  /** 1 for the first retry. */
  attempt: number;
  dueAt: Date;
}

/** A line added to (or shaping) the day's bill. */
export interface SimBillLine {
  tradeNo: string;
  outTradeNo: string;
  amountFen: number;
  paidAt: Date;
  subject: string;
  /** 业务类型: 交易 (payment) or 退款 (refund). */
  type: '交易' | '退款';
  buyer: string;
}

export interface AlipayPaySimulatorOptions {
  appId?: string;
  /** The seller's user id (2088…), also the pid in bill file names. */
  sellerId?: string;
  /** Shown as 收款方 on the H5 pay page. */
  sellerName?: string;
  keys?: AlipayKeyMaterial;
  /** Delays between notification retries (Alipay: 4m, 10m, 10m, 1h, 2h, 6h, 15h). Default [200, 1000, 5000]. */
  retryDelaysMs?: number[];
  /** false: retries only go out on flushRetries() (tests); default true (development). */
  autoRetry?: boolean;
}

/** The AppConfig fragment that points the Alipay channel at this simulator. */
export interface AlipayPaySimulatorConfig {
  ALIPAY_GATEWAY: string;
  ALIPAY_APPID: string;
  ALIPAY_PRIVATE_KEY: string;
  ALIPAY_PUBLIC_KEY: string;
  ALIPAY_SELLER_ID: string;
}

interface QueuedNotification {
  trade: SimTrade;
  notifyId: string;
  url: string;
  body: string;
  attempt: number;
  dueAt: number;
  timer?: NodeJS.Timeout;
}

type Biz = Record<string, unknown>;
type Answer = Record<string, unknown>;

const GATEWAY_PATH = '/gateway.do';
const METHODS = new Set([
  'alipay.trade.create',
  'alipay.trade.query',
  'alipay.trade.close',
  'alipay.trade.royalty.relation.bind',
  'alipay.trade.order.settle',
  'alipay.trade.order.settle.query',
  'alipay.data.dataservice.bill.downloadurl.query',
]);
const DETAIL_HEADER = [
  '支付宝交易号', '商户订单号', '业务类型', '商品名称', '创建时间', '完成时间', '门店编号', '门店名称', '操作员', '终端号', '对方账户',
  '订单金额（元）', '商家实收（元）', '支付宝红包（元）', '集分宝（元）', '支付宝优惠（元）', '商家优惠（元）', '券核销金额（元）', '券名称',
  '商家红包消费金额（元）', '卡消费金额（元）', '退款批次号/请求号', '服务费（元）', '分润（元）', '备注',
];

/**
 * Alipay's OpenAPI v2 gateway for payments, as `alipay-sdk`'s `exec` talks to it, plus the parts of
 * Alipay that reach the merchant by themselves (signed asynchronous notifications with retries, the
 * daily bill download) and an H5 cashier page for development. Like the real gateway it:
 * - reads the public parameters from the query string and the rest (biz_content) from the form body;
 * - checks the request's RSA2 signature with the app public key (every parameter but `sign`, sorted);
 * - answers `{"<method>_response": {...}, "sign": "…"}`, signing the exact JSON text of the inner
 *   object (slashes escaped as `\/`, as Alipay writes them), business errors as code 40004 + sub_code;
 * - signs notifications over the decoded parameters except sign/sign_type, and retries until the
 *   answer body is exactly `success`;
 * - serves bills as a zip of GBK CSV files whose GBK names carry no UTF-8 flag.
 * Trades, relations and splits live in memory. Control endpoint for other processes:
 * POST /__sim/pay {outTradeNo} (pays and notifies).
 */
export class AlipayPaySimulator extends HttpSimulator {
  static readonly GATEWAY_PATH = GATEWAY_PATH;

  readonly appId: string;
  readonly sellerId: string;
  readonly sellerName: string;
  readonly keys: AlipayKeyMaterial;
  retryDelaysMs: number[];
  readonly autoRetry: boolean;
  /** Accepted gateway calls (valid signature), oldest first. */
  readonly calls: AlipayPayCall[] = [];
  /** Every notification POST, oldest first. */
  readonly deliveries: NotifyDelivery[] = [];
  /** Answers are altered after signing (a man in the middle): the channel must refuse them. */
  tamperResponses = false;
  /** Answers are signed with a key that is not ALIPAY_PUBLIC_KEY's pair. */
  signWithWrongKey = false;
  /** How long a bill download URL works (Alipay: 30 s); negative makes every download 403. */
  billUrlTtlMs = 30_000;

  private readonly trades = new Map<string, SimTrade>();
  private readonly relations = new Map<string, { type: string; name: string | null }>();
  private readonly settles = new Map<string, SimSettle>();
  private readonly forcedErrors = new Map<string, Answer[]>();
  private readonly queue = new Set<QueuedNotification>();
  private readonly extraBillLines: SimBillLine[] = [];
  private readonly droppedFromBill = new Set<string>();
  private readonly billTokens = new Map<string, { date: string; expires: number }>();
  private wrongKey?: string;
  private readonly inFlight = new Set<Promise<NotifyDelivery>>();

  constructor(opts: AlipayPaySimulatorOptions = {}) {
    super();
    this.appId = opts.appId ?? '2021000000000002';
    this.sellerId = opts.sellerId ?? '2088000000000001';
    this.sellerName = opts.sellerName ?? '中共示例市委组织部';
    this.keys = opts.keys ?? newAlipayKeyMaterial();
    this.retryDelaysMs = opts.retryDelaysMs ?? [200, 1000, 5000];
    this.autoRetry = opts.autoRetry ?? true;
  }

  get gatewayUrl(): string {
    return `${this.baseUrl}${GATEWAY_PATH}`;
  }

  /** ALIPAY_* settings for the channel (the simulator must be started). */
  configFor(): AlipayPaySimulatorConfig {
    return {
      ALIPAY_GATEWAY: this.gatewayUrl,
      ALIPAY_APPID: this.appId,
      ALIPAY_PRIVATE_KEY: this.keys.appPrivateKey,
      ALIPAY_PUBLIC_KEY: this.keys.alipayPublicKey,
      ALIPAY_SELLER_ID: this.sellerId,
    };
  }

  /** The H5 cashier page of a trade; confirming there pays, notifies and redirects to `returnUrl`. */
  payPageUrl(tradeNo: string, returnUrl: string): string {
    return `${this.baseUrl}/pay/${encodeURIComponent(tradeNo)}?return=${encodeURIComponent(returnUrl)}`;
  }

  /** A copy of the trade for `outTradeNo` (status brought up to date), if it was created. */
  trade(outTradeNo: string): SimTrade | undefined {
    const t = this.trades.get(outTradeNo);
    return t ? { ...this.refresh(t) } : undefined;
  }

  /** Splits made on a trade (by trade_no), oldest first. */
  settlesOf(tradeNo: string): SimSettle[] {
    return [...this.settles.values()].filter((s) => s.tradeNo === tradeNo).map((s) => ({ ...s, details: s.details.map((d) => ({ ...d })) }));
  }

  /** Whether a royalty relation (分账关系) to `account` is bound. */
  isBound(account: string): boolean {
    return this.relations.has(account);
  }

  /** The next `times` calls of `method` get this signed business error (code 40004 unless given). */
  failNextCall(method: string, error: { sub_code: string; sub_msg?: string; code?: string; msg?: string }, times = 1): void {
    const list = this.forcedErrors.get(method) ?? [];
    for (let i = 0; i < times; i++) {
      list.push({ code: error.code ?? '40004', msg: error.msg ?? 'Business Failed', sub_code: error.sub_code, sub_msg: error.sub_msg ?? '业务处理失败' });
    }
    this.forcedErrors.set(method, list);
  }

  // ---- paying and notifying ----

  /** The buyer pays: the trade becomes TRADE_SUCCESS and the signed notification is POSTed to its notify_url. */
  async pay(outTradeNo: string, opts: PayOptions = {}): Promise<NotifyDelivery[]> {
    const trade = this.markPaid(outTradeNo);
    if (!trade.notifyUrl) return [];
    const n = this.newNotification(trade, opts);
    if (opts.deliver === false) {
      this.schedule(n, 0);
      return [];
    }
    return this.sendWithDuplicates(n, opts.duplicates ?? 0);
  }

  /**
   * DingTalk's dd.pay with an app-payment order string (alipay.trade.app.pay): the string's RSA2
   * signature is checked with the app public key like a gateway call, the trade is created from its
   * biz_content and paid, and the notification goes to its notify_url.
   */
  async payOrderString(orderStr: string, opts: PayOptions = {}): Promise<NotifyDelivery[]> {
    const params = Object.fromEntries(new URLSearchParams(orderStr));
    if (params.method !== 'alipay.trade.app.pay') throw new Error('AlipayPaySimulator: not an app-payment order string');
    if (params.app_id !== this.appId) throw new Error('AlipayPaySimulator: order string for another app');
    if (params.sign_type !== 'RSA2' || !params.sign || !rsa2Verify(alipaySignContent(params), params.sign, this.keys.appPublicKey)) {
      throw new Error('AlipayPaySimulator: order string signature does not verify');
    }
    const biz = JSON.parse(params.biz_content ?? '{}') as Biz;
    const outTradeNo = str(biz.out_trade_no);
    const totalFen = fenOf(biz.total_amount);
    if (!outTradeNo || totalFen === null) throw new Error('AlipayPaySimulator: order string without out_trade_no or total_amount');
    if (!this.trades.has(outTradeNo)) {
      const extend = isRecord(biz.extend_params) ? biz.extend_params : {};
      this.trades.set(outTradeNo, {
        tradeNo: this.newTradeNo(),
        outTradeNo,
        totalFen,
        subject: str(biz.subject) ?? '',
        buyerId: `2088${digits(12)}`,
        buyerOpenId: null,
        sellerId: str(biz.seller_id) ?? this.sellerId,
        notifyUrl: params.notify_url || null,
        status: 'WAIT_BUYER_PAY',
        createdAt: new Date(),
        expiresAt: parseBeijingTime(str(biz.time_expire) ?? ''),
        paidAt: null,
        royaltyFreeze: extend.royalty_freeze === 'true' || extend.royalty_freeze === true,
        settledFen: 0,
        royaltyFinished: false,
      });
    }
    return this.pay(outTradeNo, opts);
  }

  /** Paid, but no notification is ever sent (only a query finds out). */
  markPaidSilently(outTradeNo: string): void {
    this.markPaid(outTradeNo);
  }

  /** Sends (again) a notification of the trade's current state: a late retry or a duplicate. */
  async notify(outTradeNo: string, opts: NotifyOptions = {}): Promise<NotifyDelivery[]> {
    const trade = this.requireTrade(outTradeNo);
    if (!trade.notifyUrl) throw new Error(`trade ${outTradeNo} has no notify_url`);
    return this.sendWithDuplicates(this.newNotification(trade, opts), opts.duplicates ?? 0);
  }

  /** The form body of a notification of the trade's current state, without sending it. */
  notificationBody(outTradeNo: string, opts: NotifyOptions = {}): string {
    return this.notificationParams(this.requireTrade(outTradeNo), `${digits(8)}${randomBytes(12).toString('hex')}`, opts).toString();
  }

  /** Notifications waiting for a retry, soonest first. */
  pendingRetries(): PendingRetry[] {
    return [...this.queue]
      .sort((a, b) => a.dueAt - b.dueAt)
      .map((n) => ({ outTradeNo: n.trade.outTradeNo, notifyId: n.notifyId, attempt: n.attempt, dueAt: new Date(n.dueAt) }));
  }

  /** Sends every waiting retry now (the ones failing again are queued for their next retry). */
  async flushRetries(): Promise<NotifyDelivery[]> {
    const due = [...this.queue].sort((a, b) => a.dueAt - b.dueAt);
    for (const n of due) this.unschedule(n);
    const out: NotifyDelivery[] = [];
    for (const n of due) out.push(await this.send(n));
    return out;
  }

  /** Resolves once no notification POST is under way (e.g. after an automatic retry). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  override async close(): Promise<void> {
    for (const n of [...this.queue]) this.unschedule(n);
    await super.close();
  }

  // ---- bills ----

  /** Adds a line to the bill of its paid-at Beijing date (e.g. a payment we never heard of). */
  addBillLine(line: Partial<SimBillLine> & { outTradeNo: string; amountFen: number }): SimBillLine {
    const full: SimBillLine = {
      tradeNo: line.tradeNo ?? this.newTradeNo(),
      outTradeNo: line.outTradeNo,
      amountFen: line.amountFen,
      paidAt: line.paidAt ?? new Date(),
      subject: line.subject ?? '党费',
      type: line.type ?? '交易',
      buyer: line.buyer ?? '159****0000',
    };
    this.extraBillLines.push(full);
    return full;
  }

  /** Leaves a paid trade out of its bill (a payment the bill does not show). */
  dropFromBill(outTradeNo: string): void {
    this.droppedFromBill.add(outTradeNo);
  }

  /** The lines of the bill of a Beijing date `YYYY-MM-DD`. */
  billLines(date: string): SimBillLine[] {
    const fromTrades: SimBillLine[] = [...this.trades.values()]
      .map((t) => this.refresh(t))
      .filter((t) => (t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED') && t.paidAt && !this.droppedFromBill.has(t.outTradeNo))
      .map((t) => ({ tradeNo: t.tradeNo, outTradeNo: t.outTradeNo, amountFen: t.totalFen, paidAt: t.paidAt!, subject: t.subject, type: '交易' as const, buyer: '159****0000' }));
    return [...fromTrades, ...this.extraBillLines]
      .filter((l) => beijingDateTime(l.paidAt).slice(0, 10) === date)
      .sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
  }

  /** The bill zip of a date as served at the download URL. */
  billZip(date: string): Buffer {
    const lines = this.billLines(date);
    const compact = date.replace(/-/g, '');
    const exportedAt = beijingDateTime(new Date());
    const zhDate = (d: string) => `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;
    const next = beijingDateTime(new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000)).slice(0, 10);
    const head = (title: string) => [
      `#支付宝${title}查询`,
      `#账号：[${this.sellerId}0156]`,
      `#起始日期：[${zhDate(date)} 00:00:00]   终止日期：[${zhDate(next)} 00:00:00]`,
    ];
    const exported = `#导出时间：[${zhDate(exportedAt.slice(0, 10))} ${exportedAt.slice(11)}]`;
    const payments = lines.filter((l) => l.type === '交易');
    const refunds = lines.filter((l) => l.type === '退款');
    const sum = (ls: SimBillLine[]) => ls.reduce((s, l) => s + l.amountFen, 0);
    const cell = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

    // Production puts a tab after every value so spreadsheets keep long numbers as text.
    const detailRows = lines.map((l) => {
      const amount = yuan(l.type === '退款' ? -l.amountFen : l.amountFen);
      const at = beijingDateTime(l.paidAt);
      return [
        l.tradeNo, l.outTradeNo, l.type, l.subject, at, at, '', '', '', '', l.buyer,
        amount, amount, '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', l.type === '退款' ? `R${l.outTradeNo}` : '', '0.00', '0.00', '',
      ].map((v) => `${cell(v)}\t`).join(',');
    });
    const detail = [
      ...head('业务明细'),
      '#-----------------------------------------业务明细列表----------------------------------------',
      DETAIL_HEADER.join(','),
      ...detailRows,
      '#-----------------------------------------业务明细列表结束------------------------------------',
      `#交易合计：${payments.length}笔，商家实收共${yuan(sum(payments))}元，商家优惠共0.00元`,
      `#退款合计：${refunds.length}笔，商家实收退款共${yuan(-sum(refunds))}元，商家优惠退款共0.00元`,
      exported,
    ].join('\r\n');
    const net = yuan(sum(payments) - sum(refunds));
    const summary = [
      ...head('业务汇总'),
      '#-----------------------------------------业务汇总列表----------------------------------------',
      '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）',
      `,合计,${payments.length},${refunds.length},${net},${net},0.00,0.00,0.00,0.00,0.00,${net}`,
      '#-----------------------------------------业务汇总列表结束------------------------------------',
      exported,
    ].join('\r\n');
    const gbk = (s: string) => iconv.encode(s, 'gbk');
    // The summary comes first so a reader has to pick the detail file by name, as with the real zip.
    return zipWithRawNames(
      [
        { name: gbk(`${this.sellerId}0156_${compact}_业务明细(汇总).csv`), data: gbk(summary) },
        { name: gbk(`${this.sellerId}0156_${compact}_业务明细.csv`), data: gbk(detail) },
      ],
      new Date(),
    );
  }

  // ---- HTTP ----

  protected async handle(req: RecordedRequest): Promise<SimResponse> {
    if (req.path === GATEWAY_PATH) return this.gateway(req);
    const page = /^\/pay\/(\d+)$/.exec(req.path);
    if (page && req.method === 'GET') return this.payPage(page[1], req.query.return ?? '');
    const confirm = /^\/pay\/(\d+)\/confirm$/.exec(req.path);
    if (confirm && req.method === 'POST') return this.confirmPayment(confirm[1], req);
    const bill = /^\/bill\/(\d{4}-\d{2}-\d{2})\.zip$/.exec(req.path);
    if (bill && req.method === 'GET') return this.billDownload(bill[1], req.query.token ?? '');
    if (req.path === '/__sim/pay' && req.method === 'POST') {
      const b = this.parseJsonBody(req);
      if (!b || typeof b.outTradeNo !== 'string') return this.json({ error: 'POST {outTradeNo}' }, 400);
      try {
        return this.json({ deliveries: await this.pay(b.outTradeNo) });
      } catch (err) {
        return this.json({ error: err instanceof Error ? err.message : String(err) }, 409);
      }
    }
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  }

  private gateway(req: RecordedRequest): SimResponse {
    const query = req.query;
    const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(req.body)) : {};
    const params: Record<string, string> = { ...form, ...query };
    const method = params.method ?? '';
    const key = METHODS.has(method) ? `${method.replace(/\./g, '_')}_response` : 'error_response';
    const argError = (subCode: string, subMsg: string) => this.signed(key, { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg });

    if (!params.app_id) return argError('isv.missing-app-id', '缺少AppID参数');
    if (params.app_id !== this.appId) return argError('isv.invalid-app-id', '无效的AppID参数');
    if (!method) return argError('isv.missing-method', '缺少方法名参数');
    if (!params.sign) return argError('isv.missing-signature', '缺少签名参数');
    if (params.sign_type !== 'RSA2') return argError('isv.invalid-signature-type', '无效的签名类型');
    if (!query.charset) return argError('isv.invalid-signature', '验签出错，请确认charset参数放在了URL查询字符串中');
    if (!parseBeijingTime(params.timestamp ?? '')) return argError('isv.invalid-timestamp', '非法的时间戳参数');
    const content = alipaySignContent(params);
    if (!rsa2Verify(content, params.sign, this.keys.appPublicKey)) {
      return argError('isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`);
    }
    if (!METHODS.has(method)) return argError('isv.invalid-method', '不存在的方法名');

    let biz: Biz = {};
    if (params.biz_content) {
      try {
        const parsed: unknown = JSON.parse(params.biz_content);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        biz = parsed as Biz;
      } catch {
        return argError('isv.invalid-biz-content', 'biz_content格式错误');
      }
    }
    this.calls.push({ method, params: Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'sign' && k !== 'biz_content')), biz });

    const forced = this.forcedErrors.get(method)?.shift();
    if (forced) return this.signed(key, forced);

    const ok = (content: Answer) => this.signed(key, { code: '10000', msg: 'Success', ...content });
    const fail = (subCode: string, subMsg: string) => this.signed(key, { code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg });
    switch (method) {
      case 'alipay.trade.create':
        return this.tradeCreate(params, biz, ok, fail);
      case 'alipay.trade.query':
        return this.tradeQuery(biz, ok, fail);
      case 'alipay.trade.close':
        return this.tradeClose(biz, ok, fail);
      case 'alipay.trade.royalty.relation.bind':
        return this.relationBind(biz, ok, fail);
      case 'alipay.trade.order.settle':
        return this.orderSettle(biz, ok, fail);
      case 'alipay.trade.order.settle.query':
        return this.settleQuery(biz, ok, fail);
      default:
        return this.billUrl(biz, ok, fail);
    }
  }

  private tradeCreate(params: Record<string, string>, biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const outTradeNo = str(biz.out_trade_no);
    const totalFen = fenOf(biz.total_amount);
    const subject = str(biz.subject);
    const buyerId = str(biz.buyer_id);
    const buyerOpenId = str(biz.buyer_open_id);
    if (!outTradeNo || !/^[A-Za-z0-9_]{1,64}$/.test(outTradeNo)) return fail('ACQ.INVALID_PARAMETER', '参数无效：out_trade_no');
    if (totalFen === null || totalFen < 1 || totalFen > 10_000_000_000) return fail('ACQ.INVALID_PARAMETER', '参数无效：total_amount');
    if (!subject) return fail('ACQ.INVALID_PARAMETER', '参数无效：subject');
    if (!buyerId && !buyerOpenId) return fail('ACQ.INVALID_PARAMETER', '小程序支付必须传入 buyer_id 或 buyer_open_id');
    if (buyerId && !/^2088\d{12}$/.test(buyerId)) return fail('ACQ.INVALID_PARAMETER', '参数无效：buyer_id');
    const sellerId = str(biz.seller_id) ?? this.sellerId;
    if (sellerId !== this.sellerId) return fail('ACQ.SELLER_NOT_MATCH', '卖家与商户签约账号不一致');
    let expiresAt: Date | null = null;
    if (biz.time_expire !== undefined) {
      expiresAt = parseBeijingTime(str(biz.time_expire) ?? '');
      if (!expiresAt) return fail('ACQ.INVALID_PARAMETER', '参数无效：time_expire');
    }
    const extend = isRecord(biz.extend_params) ? biz.extend_params : {};

    const existing = this.trades.get(outTradeNo);
    if (existing) {
      const t = this.refresh(existing);
      if (t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED') return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
      if (t.status === 'TRADE_CLOSED') return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
      if (t.totalFen !== totalFen || t.buyerId !== (buyerId ?? null) || t.buyerOpenId !== (buyerOpenId ?? null)) {
        return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
      }
      return ok({ out_trade_no: t.outTradeNo, trade_no: t.tradeNo });
    }
    const trade: SimTrade = {
      tradeNo: this.newTradeNo(),
      outTradeNo,
      totalFen,
      subject,
      buyerId: buyerId ?? null,
      buyerOpenId: buyerOpenId ?? null,
      sellerId,
      notifyUrl: params.notify_url || null,
      status: 'WAIT_BUYER_PAY',
      createdAt: new Date(),
      expiresAt,
      paidAt: null,
      royaltyFreeze: extend.royalty_freeze === 'true' || extend.royalty_freeze === true,
      settledFen: 0,
      royaltyFinished: false,
    };
    this.trades.set(outTradeNo, trade);
    return ok({ out_trade_no: outTradeNo, trade_no: trade.tradeNo });
  }

  private findTrade(biz: Biz): SimTrade | undefined {
    const tradeNo = str(biz.trade_no);
    const t = tradeNo ? [...this.trades.values()].find((x) => x.tradeNo === tradeNo) : this.trades.get(str(biz.out_trade_no) ?? '');
    return t ? this.refresh(t) : undefined;
  }

  private tradeQuery(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    if (!str(biz.trade_no) && !str(biz.out_trade_no)) return fail('ACQ.INVALID_PARAMETER', '参数无效：out_trade_no 和 trade_no 不能同时为空');
    const t = this.findTrade(biz);
    if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
    const paid = t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED';
    return ok({
      trade_no: t.tradeNo,
      out_trade_no: t.outTradeNo,
      buyer_logon_id: '159******00',
      trade_status: t.status,
      total_amount: yuan(t.totalFen),
      buyer_pay_amount: paid ? yuan(t.totalFen) : '0.00',
      point_amount: '0.00',
      invoice_amount: paid ? yuan(t.totalFen) : '0.00',
      receipt_amount: paid ? yuan(t.totalFen) : '0.00',
      ...(paid && t.paidAt ? { send_pay_date: beijingDateTime(t.paidAt) } : {}),
      ...(t.buyerId ? { buyer_user_id: t.buyerId } : {}),
      ...(t.buyerOpenId ? { buyer_open_id: t.buyerOpenId } : {}),
      buyer_user_type: 'PRIVATE',
    });
  }

  private tradeClose(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const t = this.findTrade(biz);
    if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
    if (t.status === 'TRADE_SUCCESS' || t.status === 'TRADE_FINISHED') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    t.status = 'TRADE_CLOSED';
    return ok({ trade_no: t.tradeNo, out_trade_no: t.outTradeNo });
  }

  private relationBind(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const list = Array.isArray(biz.receiver_list) ? biz.receiver_list : [];
    if (!str(biz.out_request_no)) return fail('ACQ.INVALID_PARAMETER', '参数无效：out_request_no');
    if (list.length === 0 || list.length > 20) return fail('ACQ.INVALID_PARAMETER', '参数无效：receiver_list');
    const accepted: { account: string; type: string; name: string | null }[] = [];
    for (const r of list) {
      if (!isRecord(r)) return fail('ACQ.INVALID_PARAMETER', '参数无效：receiver_list');
      const type = str(r.type);
      const account = str(r.account);
      const name = str(r.name) ?? null;
      if (!account) return fail('ACQ.INVALID_PARAMETER', '参数无效：account');
      if (type === 'userId') {
        if (!/^2088\d{12}$/.test(account)) return fail('ACQ.INVALID_PARAMETER', '参数无效：userId 必须是 2088 开头的 16 位数字');
      } else if (type === 'loginName') {
        if (!name) return fail('ACQ.INVALID_PARAMETER', '分账方类型为 loginName 时 name 必填');
        if (!/^(1\d{10}|[^@\s]+@[^@\s]+\.[^@\s]+)$/.test(account)) return fail('ACQ.INVALID_PARAMETER', '参数无效：loginName');
      } else {
        return fail('ACQ.INVALID_PARAMETER', '参数无效：type');
      }
      if (account === this.sellerId) return fail('ACQ.INVALID_PARAMETER', '分账接收方不能是自己');
      accepted.push({ account, type, name });
    }
    for (const r of accepted) this.relations.set(r.account, { type: r.type, name: r.name });
    return ok({ result_code: 'SUCCESS' });
  }

  private orderSettle(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const outRequestNo = str(biz.out_request_no);
    const tradeNo = str(biz.trade_no);
    if (!outRequestNo || !tradeNo) return fail('ACQ.INVALID_PARAMETER', '参数无效：out_request_no / trade_no');
    const params = Array.isArray(biz.royalty_parameters) ? biz.royalty_parameters : [];
    if (params.length === 0) return fail('ACQ.INVALID_PARAMETER', '参数无效：royalty_parameters');
    const details: SimSettle['details'] = [];
    for (const p of params) {
      if (!isRecord(p)) return fail('ACQ.INVALID_PARAMETER', '参数无效：royalty_parameters');
      const transIn = str(p.trans_in);
      const transInType = str(p.trans_in_type) ?? 'userId';
      const amountFen = fenOf(p.amount);
      if (!transIn || amountFen === null || amountFen < 1) return fail('ACQ.INVALID_PARAMETER', '参数无效：trans_in / amount');
      if ((p.royalty_type ?? 'transfer') !== 'transfer') return fail('ACQ.INVALID_PARAMETER', '参数无效：royalty_type');
      details.push({ transIn, transInType, amountFen, desc: str(p.desc) ?? '', state: 'SUCCESS' });
    }
    const extend = isRecord(biz.extend_params) ? biz.extend_params : {};
    const finish = extend.royalty_finish === 'true' || extend.royalty_finish === true;

    const key = `${tradeNo}|${outRequestNo}`;
    const previous = this.settles.get(key);
    if (previous) {
      // The same request again (a retry after a timeout) gets the same answer; a different one is refused.
      const same = JSON.stringify(previous.details.map(({ transIn, amountFen }) => [transIn, amountFen])) === JSON.stringify(details.map(({ transIn, amountFen }) => [transIn, amountFen]));
      return same ? ok({ trade_no: tradeNo, settle_no: previous.settleNo }) : fail('ACQ.CONTEXT_INCONSISTENT', '请求信息不一致');
    }
    const t = [...this.trades.values()].find((x) => x.tradeNo === tradeNo);
    if (!t) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
    if (this.refresh(t).status !== 'TRADE_SUCCESS' && t.status !== 'TRADE_FINISHED') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    if (t.royaltyFinished) return fail('ACQ.TRADE_SETTLE_ERROR', '该交易分账已完结');
    for (const d of details) {
      const rel = this.relations.get(d.transIn);
      if (!rel || rel.type !== d.transInType) return fail('ACQ.ROYALTY_RELATION_NOT_EXIST', '分账关系不存在，请先绑定分账关系');
    }
    const total = details.reduce((s, d) => s + d.amountFen, 0);
    if (t.settledFen + total > t.totalFen) return fail('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR', '分账金额超过最大可分账金额');
    t.settledFen += total;
    if (finish) t.royaltyFinished = true;
    const settle: SimSettle = { settleNo: `${beijingDateTime(new Date()).slice(0, 10).replace(/-/g, '')}${digits(24)}`, outRequestNo, tradeNo, operationAt: new Date(), details, finish };
    this.settles.set(key, settle);
    return ok({ trade_no: tradeNo, settle_no: settle.settleNo });
  }

  private settleQuery(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const settleNo = str(biz.settle_no);
    const outRequestNo = str(biz.out_request_no);
    const tradeNo = str(biz.trade_no);
    if (!settleNo && !(outRequestNo && tradeNo)) return fail('ACQ.INVALID_PARAMETER', '参数无效：settle_no 或 out_request_no + trade_no');
    const s = settleNo ? [...this.settles.values()].find((x) => x.settleNo === settleNo) : this.settles.get(`${tradeNo}|${outRequestNo}`);
    if (!s) return fail('ACQ.TRADE_SETTLE_NOT_EXIST', '分账请求不存在');
    return ok({
      out_request_no: s.outRequestNo,
      settle_no: s.settleNo,
      operation_dt: beijingDateTime(s.operationAt),
      royalty_detail_list: s.details.map((d, i) => ({
        operation_type: 'transfer',
        execute_dt: beijingDateTime(s.operationAt),
        trans_out: this.sellerId,
        trans_out_type: 'userId',
        trans_in: d.transIn,
        trans_in_type: d.transInType,
        amount: yuan(d.amountFen),
        state: d.state,
        detail_id: `${s.settleNo}${String(i + 1).padStart(2, '0')}`,
      })),
    });
  }

  private billUrl(biz: Biz, ok: (a: Answer) => SimResponse, fail: (c: string, m: string) => SimResponse): SimResponse {
    const type = str(biz.bill_type);
    const date = str(biz.bill_date) ?? '';
    if (type !== 'trade' && type !== 'signcustomer') return fail('isv.invalid-arguments', '参数无效：bill_type');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(Date.parse(`${date}T00:00:00+08:00`))) return fail('isv.invalid-arguments', '参数无效：bill_date');
    if (this.billLines(date).length === 0) return fail('isp.bill_not_exist', '账单不存在');
    const token = randomBytes(16).toString('hex');
    this.billTokens.set(token, { date, expires: Date.now() + this.billUrlTtlMs });
    return ok({ bill_download_url: `${this.baseUrl}/bill/${date}.zip?token=${token}` });
  }

  private billDownload(date: string, token: string): SimResponse {
    const t = this.billTokens.get(token);
    if (!t || t.date !== date || t.expires < Date.now()) return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Forbidden' };
    return {
      status: 200,
      headers: { 'content-type': 'application/oct-stream', 'content-disposition': `attachment; filename="${this.sellerId}0156_${date.replace(/-/g, '')}.csv.zip"` },
      body: this.billZip(date),
    };
  }

  // ---- H5 cashier ----

  private page(status: number, title: string, body: string): SimResponse {
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f5f5;color:#333}
header{background:#1677ff;color:#fff;padding:14px 16px;font-size:17px}
main{padding:16px}.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
.row{display:flex;justify-content:space-between;padding:8px 0;border-bottom:1px solid #f0f0f0}.row:last-child{border:0}
.amount{font-size:28px;font-weight:600;text-align:center;padding:12px 0}
button,a.btn{display:block;width:100%;box-sizing:border-box;border:0;border-radius:6px;padding:12px;font-size:16px;text-align:center;text-decoration:none;margin-top:12px}
button{background:#1677ff;color:#fff}a.btn{background:#fff;color:#333;border:1px solid #d9d9d9}.note{color:#999;font-size:12px;text-align:center}
</style></head><body><header>支付宝（模拟收银台）</header><main>${body}<p class="note">开发环境模拟页面，不会产生真实扣款</p></main></body></html>`;
    return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
  }

  private payPage(tradeNo: string, returnUrl: string): SimResponse {
    const t = [...this.trades.values()].find((x) => x.tradeNo === tradeNo);
    if (!t) return this.page(404, '订单不存在', '<div class="card">订单不存在</div>');
    this.refresh(t);
    const back = safeReturn(returnUrl);
    const backLink = back ? `<a class="btn" href="${escapeHtml(back)}">返回商户</a>` : '';
    if (t.status !== 'WAIT_BUYER_PAY') {
      const text = t.status === 'TRADE_CLOSED' ? '订单已关闭' : '订单已支付';
      return this.page(200, text, `<div class="card">${text}</div>${backLink}`);
    }
    return this.page(
      200,
      '确认付款',
      `<div class="card"><div class="amount">¥${yuan(t.totalFen)}</div>
<div class="row"><span>收款方</span><span>${escapeHtml(this.sellerName)}</span></div>
<div class="row"><span>商品</span><span>${escapeHtml(t.subject)}</span></div>
<div class="row"><span>订单号</span><span>${escapeHtml(t.outTradeNo)}</span></div></div>
<form method="post" action="/pay/${encodeURIComponent(t.tradeNo)}/confirm"><input type="hidden" name="return" value="${escapeHtml(back ?? '')}">
<button type="submit">确认付款</button></form>${back ? `<a class="btn" href="${escapeHtml(back)}">取消</a>` : ''}`,
    );
  }

  private async confirmPayment(tradeNo: string, req: RecordedRequest): Promise<SimResponse> {
    const form = new URLSearchParams(req.body);
    const back = safeReturn(form.get('return') ?? req.query.return ?? '');
    const t = [...this.trades.values()].find((x) => x.tradeNo === tradeNo);
    if (!t) return this.page(404, '订单不存在', '<div class="card">订单不存在</div>');
    if (this.refresh(t).status === 'WAIT_BUYER_PAY') await this.pay(t.outTradeNo);
    else if (t.status === 'TRADE_CLOSED') return this.page(409, '订单已关闭', '<div class="card">订单已关闭，无法付款</div>');
    if (back) return { status: 302, headers: { location: back, 'content-type': 'text/plain' }, body: '' };
    return this.page(200, '付款成功', `<div class="card"><div class="amount">付款成功</div><div class="row"><span>金额</span><span>¥${yuan(t.totalFen)}</span></div></div>`);
  }

  // ---- internals ----

  /** `{"<key>":<content>,"sign":"…"}` with the exact inner text signed, optionally tampered or signed with a foreign key. */
  private signed(key: string, content: Answer): SimResponse {
    // Alipay writes JSON with escaped slashes; the signature covers that exact text.
    const text = JSON.stringify(content).replace(/\//g, '\\/');
    const signingKey = this.signWithWrongKey ? (this.wrongKey ??= rsaPairPem().privateKey) : this.keys.alipayPrivateKey;
    const sign = rsa2Sign(text, signingKey);
    let sent = text;
    if (this.tamperResponses) {
      const altered: Answer = { ...content };
      if (typeof altered.total_amount === 'string') altered.total_amount = '0.01';
      else if (typeof altered.trade_status === 'string') altered.trade_status = 'TRADE_SUCCESS';
      else altered.sub_msg = `${String(altered.sub_msg ?? '')}.`;
      sent = JSON.stringify(altered).replace(/\//g, '\\/');
    }
    return {
      status: 200,
      headers: { 'content-type': 'text/html;charset=utf-8', trace_id: randomBytes(12).toString('hex') },
      body: `{"${key}":${sent},"sign":"${sign}"}`,
    };
  }

  private requireTrade(outTradeNo: string): SimTrade {
    const t = this.trades.get(outTradeNo);
    if (!t) throw new Error(`AlipayPaySimulator: no trade ${outTradeNo}`);
    return this.refresh(t);
  }

  /** Closes a waiting trade once its time_expire has passed, as Alipay does. */
  private refresh(t: SimTrade): SimTrade {
    if (t.status === 'WAIT_BUYER_PAY' && t.expiresAt && t.expiresAt.getTime() < Date.now()) t.status = 'TRADE_CLOSED';
    return t;
  }

  private markPaid(outTradeNo: string): SimTrade {
    const t = this.requireTrade(outTradeNo);
    if (t.status !== 'WAIT_BUYER_PAY') throw new Error(`AlipayPaySimulator: trade ${outTradeNo} is ${t.status}, it cannot be paid`);
    t.status = 'TRADE_SUCCESS';
    t.paidAt = new Date();
    return t;
  }

  private newTradeNo(): string {
    return `${beijingDateTime(new Date()).slice(0, 10).replace(/-/g, '')}22001${digits(15)}`;
  }

  private notificationParams(t: SimTrade, notifyId: string, opts: NotifyOptions): URLSearchParams {
    const status = opts.tradeStatus ?? t.status;
    const amount = yuan(opts.amountFen ?? t.totalFen);
    const paid = status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED';
    const p: Record<string, string> = {
      gmt_create: beijingDateTime(t.createdAt),
      charset: 'utf-8',
      seller_email: 'dangfei@example.com',
      subject: t.subject,
      buyer_id: t.buyerId ?? '',
      buyer_open_id: t.buyerOpenId ?? '',
      invoice_amount: paid ? amount : '0.00',
      notify_id: notifyId,
      fund_bill_list: paid ? JSON.stringify([{ amount, fundChannel: 'ALIPAYACCOUNT' }]) : '',
      notify_type: 'trade_status_sync',
      trade_status: status,
      receipt_amount: paid ? amount : '0.00',
      buyer_pay_amount: paid ? amount : '0.00',
      app_id: opts.appId ?? this.appId,
      seller_id: opts.sellerId ?? t.sellerId,
      gmt_payment: paid && t.paidAt ? beijingDateTime(t.paidAt) : '',
      notify_time: beijingDateTime(new Date()),
      version: '1.0',
      out_trade_no: t.outTradeNo,
      total_amount: amount,
      trade_no: t.tradeNo,
      auth_app_id: opts.appId ?? this.appId,
      buyer_logon_id: '159******00',
      point_amount: '0.00',
      ...opts.extra,
    };
    // Parameters without a value are not sent, except the ones a test asks for explicitly.
    const sent: Record<string, string> = {};
    for (const [k, v] of Object.entries(p)) if (v !== '' || (opts.extra && k in opts.extra)) sent[k] = v;
    const content = alipaySignContent(sent, ['sign', 'sign_type']);
    sent.sign_type = 'RSA2';
    sent.sign = rsa2Sign(opts.badSignature ? `${content}&tampered=1` : content, this.keys.alipayPrivateKey);
    return new URLSearchParams(sent);
  }

  private newNotification(t: SimTrade, opts: NotifyOptions): QueuedNotification {
    if (!t.notifyUrl) throw new Error(`trade ${t.outTradeNo} has no notify_url`);
    const notifyId = `${beijingDateTime(new Date()).replace(/\D/g, '').slice(0, 8)}${digits(6)}${randomBytes(10).toString('hex')}`;
    return { trade: t, notifyId, url: t.notifyUrl, body: this.notificationParams(t, notifyId, opts).toString(), attempt: 0, dueAt: Date.now() };
  }

  private async sendWithDuplicates(n: QueuedNotification, duplicates: number): Promise<NotifyDelivery[]> {
    const out: NotifyDelivery[] = [];
    for (let i = 0; i <= duplicates; i++) out.push(await this.send(n, false));
    // One retry schedule per notification, however many copies went out.
    if (!out.some((d) => d.body === 'success')) this.schedule(n, n.attempt);
    return out;
  }

  /** One POST; when the answer is not exactly `success` the next retry is queued (if `retry`). */
  private send(n: QueuedNotification, retry = true): Promise<NotifyDelivery> {
    const p = this.post(n, retry);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  private async post(n: QueuedNotification, retry: boolean): Promise<NotifyDelivery> {
    let status = 0;
    let body = '';
    try {
      const res = await fetch(n.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: n.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(5000),
      });
      status = res.status;
      body = await res.text();
    } catch (err) {
      body = err instanceof Error ? err.message : String(err);
    }
    const delivery: NotifyDelivery = { outTradeNo: n.trade.outTradeNo, notifyId: n.notifyId, attempt: n.attempt, status, body };
    this.deliveries.push(delivery);
    // Alipay reads only the body: anything but the seven characters `success` means "try again".
    if (body !== 'success' && retry) this.schedule(n, n.attempt);
    return delivery;
  }

  private schedule(n: QueuedNotification, afterAttempt: number): void {
    const delay = this.retryDelaysMs[afterAttempt];
    if (delay === undefined) return;
    const next: QueuedNotification = { ...n, attempt: afterAttempt + 1, dueAt: Date.now() + delay, timer: undefined };
    if (this.autoRetry) {
      next.timer = setTimeout(() => {
        this.unschedule(next);
        void this.send(next);
      }, delay);
      next.timer.unref();
    }
    this.queue.add(next);
  }

  private unschedule(n: QueuedNotification): void {
    if (n.timer) clearTimeout(n.timer);
    this.queue.delete(n);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Only http(s) return addresses, so the page never links to `javascript:`. */
function safeReturn(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/**
 * A zip whose entry names are written as given (GBK bytes, no UTF-8 flag), like Alipay's bills;
 * general zip libraries always write names as UTF-8.
 */
function zipWithRawNames(entries: { name: Buffer; data: Buffer }[], when: Date): Buffer {
  const local = beijingParts(when);
  const dosTime = (local.hour << 11) | (local.minute << 5) | (local.second >> 1);
  const dosDate = ((local.year - 1980) << 9) | (local.month << 5) | local.day;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(dosTime, 10);
    lh.writeUInt16LE(dosDate, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(packed.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(e.name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt16LE(dosTime, 12);
    ch.writeUInt16LE(dosDate, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(packed.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(e.name.length, 28);
    ch.writeUInt32LE(offset, 42);
    parts.push(lh, e.name, packed);
    central.push(ch, e.name);
    offset += 30 + e.name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
