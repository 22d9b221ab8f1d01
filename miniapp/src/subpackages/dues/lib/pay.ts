/**
 * Paying dues (PAY-1): the order with its idempotency key, the platform's payment call chosen by
 * the order's `pay.kind`, and polling the payment until the notification has marked it paid.
 *
 * The platform calls sit in `if (process.env.TARO_ENV === …)` blocks inside plain functions
 * returning promises (not `async` ones), so each build keeps only its own platform's code (see the
 * README's pitfalls).
 */
import Taro from '@tarojs/taro'
import type { DuesOrderRequest, DuesOrderResult, DuesPaymentView, PayParams, Platform } from '@dangjian/shared'
import { errorMessage, isApiError, isNetworkError } from '../../../services/errors'

// ---- the order and its idempotency key ----

/** What the member chose; the submitter adds the platform and the key. */
export type OrderDraft = Omit<DuesOrderRequest, 'platform' | 'idempotencyKey'>

/** A fresh key, 8–64 characters: time and randomness (mini-programs have no crypto.randomUUID). */
export function newIdempotencyKey(now: number = Date.now()): string {
  let random = ''
  const cryptoObj = typeof crypto !== 'undefined' ? (crypto as Crypto) : undefined
  if (cryptoObj && typeof cryptoObj.getRandomValues === 'function') {
    const bytes = cryptoObj.getRandomValues(new Uint8Array(12))
    bytes.forEach((b) => { random += (b % 36).toString(36) })
  } else {
    for (let i = 0; i < 12; i++) random += Math.floor(Math.random() * 36).toString(36)
  }
  return `dues-${now.toString(36)}-${random}`
}

/** The outcome of a call is unknown (no answer, or the server failed): a retry must reuse the key. */
function outcomeUnknown(e: unknown): boolean {
  return isNetworkError(e) || (isApiError(e) && e.status >= 500)
}

export interface OrderSubmitterOptions {
  platform: Platform
  send: (body: DuesOrderRequest) => Promise<DuesOrderResult>
  newKey?: () => string
  /** Automatic resends of the same request when no answer came (default 1). */
  retries?: number
  sleep?: (ms: number) => Promise<void>
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export interface OrderSubmitter {
  /** Sends the order for a choice, with the key of the press it belongs to. */
  submit: (draft: OrderDraft) => Promise<DuesOrderResult>
  /** Ends the press: the next submit gets a new key (after the payment's result was shown). */
  release: () => void
}

/**
 * One key per press of 支付 (PAY-1). A second tap while the order is on its way gets the same
 * answer (one request). The key stays with the choice until the press is over: a resend after no
 * answer (automatic, or the member pressing again) and a new try after the payment was cancelled or
 * failed send the same key, so the server answers with the same payment and its payment parameters
 * instead of a second order (or DUES_PAYMENT_PENDING for months the first one holds). A refusal
 * (4xx), another choice, or `release()` (the result was shown) start a new key.
 */
export function createOrderSubmitter(opts: OrderSubmitterOptions): OrderSubmitter {
  const makeKey = opts.newKey ?? (() => newIdempotencyKey())
  const sleep = opts.sleep ?? wait
  const retries = opts.retries ?? 1
  let inFlight: Promise<DuesOrderResult> | null = null
  let current: { signature: string; key: string } | null = null

  const attempt = async (body: DuesOrderRequest): Promise<DuesOrderResult> => {
    for (let i = 0; ; i++) {
      try {
        return await opts.send(body)
      } catch (e) {
        if (!isNetworkError(e) || i >= retries) throw e
        await sleep(1000)
      }
    }
  }

  const submit = (draft: OrderDraft): Promise<DuesOrderResult> => {
    if (inFlight) return inFlight
    const signature = JSON.stringify([draft.months.slice().sort(), draft.voluntaryFen ?? 0, draft.forMemberId ?? null, draft.proxyTicket ?? null])
    const key = current && current.signature === signature ? current.key : makeKey()
    current = { signature, key }
    const body: DuesOrderRequest = { ...draft, platform: opts.platform, idempotencyKey: key }
    const run = attempt(body).catch((e: unknown) => {
      if (!outcomeUnknown(e)) current = null
      throw e
    })
    inFlight = run
    const clear = () => { inFlight = null }
    run.then(clear, clear)
    return run
  }

  return { submit, release: () => { current = null } }
}

// ---- the platform's payment call ----

/**
 * paid: the platform reports success (the notification may still be on its way); pending: the
 * platform does not know yet; cancelled: the member closed the payment; redirected: the browser is
 * leaving for the simulator's page (H5, development).
 */
export type PayOutcome = 'paid' | 'pending' | 'cancelled' | 'redirected'

/** A failure of the payment call itself, with the words to show. */
export interface PayLaunchError extends Error {
  kind: 'pay'
}

export function payLaunchError(message: string): PayLaunchError {
  const e = new Error(message) as PayLaunchError
  e.kind = 'pay'
  return e
}

export function isPayLaunchError(e: unknown): e is PayLaunchError {
  return !!e && typeof e === 'object' && (e as { kind?: unknown }).kind === 'pay'
}

/** The words for any failure while paying. */
export function payErrorMessage(e: unknown): string {
  return isPayLaunchError(e) ? e.message : errorMessage(e)
}

const MISMATCH = '当前客户端无法完成此笔支付，请在对应的小程序中交纳'

function errMsg(e: unknown): string {
  return e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : ''
}

/**
 * Alipay's client result codes (my.tradePay resultCode, dd.pay resultStatus):
 * 9000 paid, 8000 / 6004 processing or unknown, 6001 cancelled, 6002 network, 4000 failed.
 */
export function alipayOutcome(code: string | number | undefined): PayOutcome {
  const c = String(code ?? '')
  if (c === '9000') return 'paid'
  if (c === '8000' || c === '6004') return 'pending'
  if (c === '6001') return 'cancelled'
  if (c === '6002') throw payLaunchError('网络连接出错，请稍后重试')
  throw payLaunchError('支付未完成，请重试')
}

function wechatPay(p: Extract<PayParams, { kind: 'wechat_jsapi' }>): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType: p.signType, paySign: p.paySign }).then(
      (): PayOutcome => 'paid',
      (e: unknown): PayOutcome => {
        if (/cancel/i.test(errMsg(e))) return 'cancelled'
        throw payLaunchError('微信支付未完成，请重试')
      },
    )
  }
  return Promise.reject(payLaunchError(MISMATCH))
}

type AlipayCallbacks<R> = { success: (res: R) => void; fail: (err: unknown) => void }

function alipayCall<R>(call: (cb: AlipayCallbacks<R>) => void): Promise<R> {
  return new Promise<R>((resolve, reject) => call({ success: resolve, fail: reject }))
}

/** An Alipay fail callback: a cancel code means cancelled; anything else is a failure. */
function alipayFailure(e: unknown): PayOutcome {
  const r = (e ?? {}) as { resultCode?: string | number; resultStatus?: string | number; error?: number }
  const code = r.resultCode ?? r.resultStatus
  if (code !== undefined) return alipayOutcome(code)
  throw payLaunchError('支付宝支付未完成，请重试')
}

function alipayPay(p: Extract<PayParams, { kind: 'alipay_trade' }>): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'alipay') {
    return alipayCall<{ resultCode?: string | number }>((cb) => my.tradePay({ tradeNO: p.tradeNO, ...cb })).then(
      (res) => alipayOutcome(res.resultCode),
      alipayFailure,
    )
  }
  return Promise.reject(payLaunchError(MISMATCH))
}

/** DingTalk: dd.pay takes Alipay's signed app-payment order string as `info`. */
function dingtalkPay(p: Extract<PayParams, { kind: 'alipay_app' }>): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'dd') {
    return alipayCall<{ resultStatus?: string | number }>((cb) => dd.pay({ info: p.orderStr, ...cb })).then(
      (res) => alipayOutcome(res.resultStatus),
      alipayFailure,
    )
  }
  return Promise.reject(payLaunchError(MISMATCH))
}

function simulatorPay(p: Extract<PayParams, { kind: 'simulator_page' }>, openUrl?: (url: string) => void): Promise<PayOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    // The simulator's page sends the browser back to /h5/#/subpackages/dues/result?paymentId=….
    if (openUrl) openUrl(p.url)
    else window.location.href = p.url
    return Promise.resolve<PayOutcome>('redirected')
  }
  return Promise.reject(payLaunchError(MISMATCH))
}

/** Runs the platform's payment for an order's `pay` (see PayParams in shared/src/api.ts). */
export function launchPayment(pay: PayParams, deps: { openUrl?: (url: string) => void } = {}): Promise<PayOutcome> {
  switch (pay.kind) {
    case 'wechat_jsapi':
      return wechatPay(pay)
    case 'alipay_trade':
      return alipayPay(pay)
    case 'alipay_app':
      return dingtalkPay(pay)
    case 'simulator_page':
      return simulatorPay(pay, deps.openUrl)
    default:
      return Promise.reject(payLaunchError(MISMATCH))
  }
}

// ---- waiting for the notification ----

export interface PollOptions {
  fetch: (id: number) => Promise<DuesPaymentView>
  /** Tries in all (default 12, about 18 s at 1.5 s apart). */
  attempts?: number
  intervalMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Stops early (the page was left). */
  cancelled?: () => boolean
  onUpdate?: (payment: DuesPaymentView) => void
}

/**
 * GET /dues/payments/:id until it is no longer 'pending' (paid, closed, reversed) or the tries run
 * out; resolves with the last answer. Failed tries are skipped; if none answered, rejects with the
 * last failure.
 */
export async function pollPayment(id: number, opts: PollOptions): Promise<DuesPaymentView> {
  const attempts = opts.attempts ?? 12
  const interval = opts.intervalMs ?? 1500
  const sleep = opts.sleep ?? wait
  let last: DuesPaymentView | null = null
  let failure: unknown = null
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(interval)
    if (opts.cancelled?.()) break
    try {
      last = await opts.fetch(id)
      opts.onUpdate?.(last)
      if (last.status !== 'pending') return last
    } catch (e) {
      failure = e
      // A refusal (no such payment, not mine) will not change: stop at once.
      if (isApiError(e) && e.status < 500) throw e
    }
  }
  if (last) return last
  throw failure ?? new Error('poll stopped')
}

// ---- the whole press of 支付 ----

export type PayFlowResult =
  | { kind: 'busy' }
  | { kind: 'blocked'; message: string }
  | { kind: 'error'; message: string; error: unknown }
  | { kind: 'cancelled'; paymentId: number }
  | { kind: 'redirected'; paymentId: number }
  | { kind: 'result'; paymentId: number }

export interface PayFlowDeps {
  platform: Platform
  send: (body: DuesOrderRequest) => Promise<DuesOrderResult>
  /** Opens the result page (it polls the payment). */
  openResult: (paymentId: number) => void
  /** Why paying cannot start here (no account, wrong platform), checked before the order. */
  blocker?: () => string | null
  launch?: typeof launchPayment
  newKey?: () => string
  sleep?: (ms: number) => Promise<void>
}

/**
 * 支付: checks, the order (one key per press), the platform's payment, then the result page.
 * Taps while a press is running are ignored ('busy'): one order, one payment call.
 */
export function createPayFlow(deps: PayFlowDeps): (draft: OrderDraft) => Promise<PayFlowResult> {
  const orders = createOrderSubmitter({ platform: deps.platform, send: deps.send, newKey: deps.newKey, sleep: deps.sleep })
  const launch = deps.launch ?? launchPayment
  let running = false
  return async (draft) => {
    if (running) return { kind: 'busy' }
    const blocked = deps.blocker?.() ?? null
    if (blocked) return { kind: 'blocked', message: blocked }
    running = true
    try {
      const order = await orders.submit(draft)
      // Nothing to pay through the platform (already paid, or closed): show the result.
      if (!order.pay || order.status !== 'pending') {
        orders.release()
        deps.openResult(order.paymentId)
        return { kind: 'result', paymentId: order.paymentId }
      }
      // Cancelled or failed here: the key stays, so 支付 again continues this payment.
      const outcome = await launch(order.pay)
      if (outcome === 'cancelled') return { kind: 'cancelled', paymentId: order.paymentId }
      orders.release()
      if (outcome === 'redirected') return { kind: 'redirected', paymentId: order.paymentId }
      deps.openResult(order.paymentId)
      return { kind: 'result', paymentId: order.paymentId }
    } catch (error) {
      return { kind: 'error', message: payErrorMessage(error), error }
    } finally {
      running = false
    }
  }
}
