/** Paying dues (subpackages/dues/lib/pay.ts): idempotency keys, the platform call per pay.kind, polling. */
import Taro from '@tarojs/taro'
import type { DuesOrderRequest, DuesOrderResult, DuesPaymentView, PayParams } from '@dangjian/shared'
import { createApiError, createNetworkError } from '../src/services/errors'
import {
  alipayOutcome,
  createOrderSubmitter,
  createPayFlow,
  launchPayment,
  newIdempotencyKey,
  pollPayment,
  type PayOutcome,
} from '../src/subpackages/dues/lib/pay'
import { proxyFormErrors } from '../src/subpackages/dues/lib/form'
import { remindText } from '../src/subpackages/dues/lib/admin'

const taro = Taro as unknown as typeof Taro & { __reset(): void; requestPayment: jest.Mock }
const g = globalThis as unknown as { my?: unknown; dd?: unknown }
const env = process.env.TARO_ENV

beforeEach(() => taro.__reset())
afterEach(() => {
  process.env.TARO_ENV = env
  delete g.my
  delete g.dd
})

const noSleep = () => Promise.resolve()

const wechatPay: PayParams = { kind: 'wechat_jsapi', timeStamp: '1700000000', nonceStr: 'n0nce', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'c2ln' }
const alipayPay: PayParams = { kind: 'alipay_trade', tradeNO: '2026050122001' }
const dingtalkPay: PayParams = { kind: 'alipay_app', orderStr: 'app_id=2021&method=alipay.trade.app.pay&sign=x' }
const simulatorPay: PayParams = { kind: 'simulator_page', url: 'http://localhost:4010/pay/abc' }

function order(pay: PayParams | null, over: Partial<DuesOrderResult> = {}): DuesOrderResult {
  return { paymentId: 42, orderNo: 'D20260501000042', amountFen: 2468, channel: 'wechat', status: 'pending', pay, ...over }
}

describe('the platform call chosen by pay.kind', () => {
  test('wechat_jsapi → Taro.requestPayment with the server parameters (weapp)', async () => {
    process.env.TARO_ENV = 'weapp'
    await expect(launchPayment(wechatPay)).resolves.toBe('paid')
    expect(taro.requestPayment).toHaveBeenCalledTimes(1)
    expect(taro.requestPayment).toHaveBeenCalledWith({ timeStamp: '1700000000', nonceStr: 'n0nce', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'c2ln' })
  })

  test('wechat_jsapi: cancelling is not an error; another failure is', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
    await expect(launchPayment(wechatPay)).resolves.toBe('cancelled')
    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail system error' })
    await expect(launchPayment(wechatPay)).rejects.toMatchObject({ kind: 'pay', message: '微信支付未完成，请重试' })
  })

  test('alipay_trade → my.tradePay({tradeNO}) on Alipay', async () => {
    process.env.TARO_ENV = 'alipay'
    const tradePay = jest.fn((o: { tradeNO: string; success: (r: unknown) => void }) => o.success({ resultCode: '9000' }))
    g.my = { tradePay }
    await expect(launchPayment(alipayPay)).resolves.toBe('paid')
    expect(tradePay).toHaveBeenCalledWith(expect.objectContaining({ tradeNO: '2026050122001' }))
    expect(taro.requestPayment).not.toHaveBeenCalled()
  })

  test('alipay_app → dd.pay({info: orderStr}) on DingTalk, its resultStatus read', async () => {
    process.env.TARO_ENV = 'dd'
    const pay = jest.fn((o: { info: string; success: (r: unknown) => void }) => o.success({ resultStatus: '6001' }))
    g.dd = { pay }
    await expect(launchPayment(dingtalkPay)).resolves.toBe('cancelled')
    expect(pay).toHaveBeenCalledWith(expect.objectContaining({ info: 'app_id=2021&method=alipay.trade.app.pay&sign=x' }))
    // A trade number is for my.tradePay, not DingTalk.
    await expect(launchPayment(alipayPay)).rejects.toMatchObject({ kind: 'pay' })
  })

  test('simulator_page → the browser goes to pay.url (H5)', async () => {
    process.env.TARO_ENV = 'h5'
    const openUrl = jest.fn()
    await expect(launchPayment(simulatorPay, { openUrl })).resolves.toBe('redirected')
    expect(openUrl).toHaveBeenCalledWith('http://localhost:4010/pay/abc')
  })

  test('a kind that does not belong to this platform is refused, nothing is called', async () => {
    process.env.TARO_ENV = 'alipay'
    g.my = { tradePay: jest.fn() }
    await expect(launchPayment(wechatPay)).rejects.toMatchObject({ kind: 'pay' })
    expect(taro.requestPayment).not.toHaveBeenCalled()
    process.env.TARO_ENV = 'weapp'
    const openUrl = jest.fn()
    await expect(launchPayment(simulatorPay, { openUrl })).rejects.toMatchObject({ kind: 'pay' })
    expect(openUrl).not.toHaveBeenCalled()
    await expect(launchPayment(alipayPay)).rejects.toMatchObject({ kind: 'pay' })
  })

  test('Alipay result codes', () => {
    expect(alipayOutcome('9000')).toBe<PayOutcome>('paid')
    expect(alipayOutcome(9000)).toBe<PayOutcome>('paid')
    expect(alipayOutcome('8000')).toBe<PayOutcome>('pending')
    expect(alipayOutcome('6004')).toBe<PayOutcome>('pending')
    expect(alipayOutcome('6001')).toBe<PayOutcome>('cancelled')
    expect(() => alipayOutcome('4000')).toThrow('支付未完成')
    expect(() => alipayOutcome('6002')).toThrow('网络')
  })
})

describe('idempotency keys (PAY-1)', () => {
  test('keys are 8–64 characters and differ', () => {
    const a = newIdempotencyKey()
    const b = newIdempotencyKey()
    expect(a.length).toBeGreaterThanOrEqual(8)
    expect(a.length).toBeLessThanOrEqual(64)
    expect(a).not.toBe(b)
  })

  test('a double tap sends one request with one key', async () => {
    let resolve!: (r: DuesOrderResult) => void
    const send = jest.fn((_: DuesOrderRequest) => new Promise<DuesOrderResult>((r) => { resolve = r }))
    let n = 0
    const { submit } = createOrderSubmitter({ platform: 'weapp', send, newKey: () => `key-${++n}-xxxx` })
    const first = submit({ months: ['2026-05'] })
    const second = submit({ months: ['2026-05'] })
    resolve(order(wechatPay))
    await expect(first).resolves.toMatchObject({ paymentId: 42 })
    await expect(second).resolves.toMatchObject({ paymentId: 42 })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0][0]).toEqual({ months: ['2026-05'], platform: 'weapp', idempotencyKey: 'key-1-xxxx' })
  })

  test('no answer: the automatic resend and the next press of the same choice reuse the key', async () => {
    const send = jest.fn((_: DuesOrderRequest): Promise<DuesOrderResult> => Promise.reject(createNetworkError()))
    let n = 0
    const { submit } = createOrderSubmitter({ platform: 'alipay', send, newKey: () => `key-${++n}-xxxx`, sleep: noSleep })
    await expect(submit({ months: ['2026-05'], voluntaryFen: 100 })).rejects.toMatchObject({ kind: 'network' })
    expect(send).toHaveBeenCalledTimes(2) // one automatic resend
    send.mockImplementationOnce(() => Promise.resolve(order(alipayPay)))
    await expect(submit({ months: ['2026-05'], voluntaryFen: 100 })).resolves.toMatchObject({ paymentId: 42 })
    expect(send.mock.calls.map((c) => c[0].idempotencyKey)).toEqual(['key-1-xxxx', 'key-1-xxxx', 'key-1-xxxx'])
  })

  test('the key stays with the choice until released; a refusal or another choice gets a new one', async () => {
    const send = jest.fn((_: DuesOrderRequest) => Promise.resolve(order(wechatPay)))
    let n = 0
    const orders = createOrderSubmitter({ platform: 'weapp', send, newKey: () => `key-${++n}-xxxx`, sleep: noSleep })
    await orders.submit({ months: ['2026-05'] })
    await orders.submit({ months: ['2026-05'] }) // e.g. after a cancelled payment: the same payment again
    orders.release() // the result was shown
    await orders.submit({ months: ['2026-05'] })
    send.mockImplementationOnce(() => Promise.reject(createApiError(409, { code: 'DUES_OUTSIDE_WINDOW', message: '不在交纳时间内' })))
    await expect(orders.submit({ months: ['2026-05'] })).rejects.toMatchObject({ code: 'DUES_OUTSIDE_WINDOW' })
    await orders.submit({ months: ['2026-05'] })
    send.mockImplementationOnce(() => Promise.reject(createApiError(502, { code: 'PAY_CHANNEL_UNAVAILABLE', message: '支付渠道暂不可用' })))
    await expect(orders.submit({ months: ['2026-05'] })).rejects.toMatchObject({ status: 502 })
    await orders.submit({ months: ['2026-05'] })
    await orders.submit({ months: ['2026-05', '2026-06'] })
    expect(send.mock.calls.map((c) => c[0].idempotencyKey)).toEqual(['key-1-xxxx', 'key-1-xxxx', 'key-2-xxxx', 'key-2-xxxx', 'key-3-xxxx', 'key-3-xxxx', 'key-3-xxxx', 'key-4-xxxx'])
  })
})

describe('the press of 支付', () => {
  test('weapp: order, requestPayment once for a double tap, then the result page', async () => {
    process.env.TARO_ENV = 'weapp'
    const send = jest.fn((_: DuesOrderRequest) => Promise.resolve(order(wechatPay)))
    const openResult = jest.fn()
    const pay = createPayFlow({ platform: 'weapp', send, openResult, blocker: () => null })
    const [a, b] = await Promise.all([pay({ months: ['2026-05'] }), pay({ months: ['2026-05'] })])
    expect(a).toEqual({ kind: 'result', paymentId: 42 })
    expect(b).toEqual({ kind: 'busy' })
    expect(send).toHaveBeenCalledTimes(1)
    expect(taro.requestPayment).toHaveBeenCalledTimes(1)
    expect(openResult).toHaveBeenCalledWith(42)
  })

  test('blocked before the order: no account / wrong platform', async () => {
    const send = jest.fn()
    const pay = createPayFlow({ platform: 'alipay', send, openResult: jest.fn(), blocker: () => '本组织党费通过微信交纳，请在微信小程序中交纳' })
    await expect(pay({ months: ['2026-05'] })).resolves.toEqual({ kind: 'blocked', message: '本组织党费通过微信交纳，请在微信小程序中交纳' })
    expect(send).not.toHaveBeenCalled()
  })

  test("the server's DUES_WRONG_PLATFORM message is shown as it is", async () => {
    process.env.TARO_ENV = 'h5'
    const send = jest.fn(() => Promise.reject(createApiError(409, { code: 'DUES_WRONG_PLATFORM', message: '本组织党费通过微信交纳，请在微信小程序中交纳' })))
    const pay = createPayFlow({ platform: 'h5', send, openResult: jest.fn() })
    await expect(pay({ months: ['2026-05'] })).resolves.toMatchObject({ kind: 'error', message: '本组织党费通过微信交纳，请在微信小程序中交纳' })
  })

  test('cancelled payment stays on the page; nothing to pay goes straight to the result', async () => {
    process.env.TARO_ENV = 'weapp'
    taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
    const openResult = jest.fn()
    const send = jest.fn((_: DuesOrderRequest) => Promise.resolve(order(wechatPay)))
    const pay = createPayFlow({ platform: 'weapp', send, openResult })
    await expect(pay({ months: ['2026-05'] })).resolves.toEqual({ kind: 'cancelled', paymentId: 42 })
    expect(openResult).not.toHaveBeenCalled()
    // 支付 again continues the same payment (same key: the server answers with it, not DUES_PAYMENT_PENDING).
    await expect(pay({ months: ['2026-05'] })).resolves.toEqual({ kind: 'result', paymentId: 42 })
    expect(taro.requestPayment).toHaveBeenCalledTimes(2)
    send.mockResolvedValueOnce(order(null, { status: 'paid' }))
    await expect(pay({ months: ['2026-05'] })).resolves.toEqual({ kind: 'result', paymentId: 42 })
    expect(openResult).toHaveBeenCalledTimes(2)
    expect(taro.requestPayment).toHaveBeenCalledTimes(2)
    const keys = send.mock.calls.map((c) => c[0].idempotencyKey)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[1])
  })
})

describe('polling the payment', () => {
  const view = (status: DuesPaymentView['status']) => ({ id: 42, status }) as DuesPaymentView

  test('until paid, 1–2 s apart', async () => {
    const fetch = jest.fn().mockResolvedValueOnce(view('pending')).mockRejectedValueOnce(createNetworkError()).mockResolvedValueOnce(view('paid'))
    const sleep = jest.fn((_ms: number) => noSleep())
    await expect(pollPayment(42, { fetch, sleep })).resolves.toMatchObject({ status: 'paid' })
    expect(fetch).toHaveBeenCalledTimes(3)
    expect(sleep).toHaveBeenCalledTimes(2)
    sleep.mock.calls.forEach(([ms]) => {
      expect(ms).toBeGreaterThanOrEqual(1000)
      expect(ms).toBeLessThanOrEqual(2000)
    })
  })

  test('gives up after about 20 s with the pending payment; closed ends at once', async () => {
    const fetch = jest.fn().mockResolvedValue(view('pending'))
    const sleep = jest.fn((_ms: number) => noSleep())
    await expect(pollPayment(42, { fetch, sleep })).resolves.toMatchObject({ status: 'pending' })
    const waited = sleep.mock.calls.reduce((s, [ms]) => s + ms, 0)
    expect(waited).toBeGreaterThanOrEqual(15_000)
    expect(waited).toBeLessThanOrEqual(21_000)
    const closed = jest.fn().mockResolvedValue(view('closed'))
    await expect(pollPayment(42, { fetch: closed, sleep })).resolves.toMatchObject({ status: 'closed' })
    expect(closed).toHaveBeenCalledTimes(1)
  })

  test('a refusal stops polling at once', async () => {
    const fetch = jest.fn().mockRejectedValue(createApiError(404, { code: 'NOT_FOUND', message: '不存在' }))
    await expect(pollPayment(42, { fetch, sleep: noSleep })).rejects.toMatchObject({ status: 404 })
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})

test('代缴 form checks', () => {
  expect(proxyFormErrors('', '')).toEqual({ name: '请填写党员姓名', idNumber: '请填写身份证号' })
  expect(proxyFormErrors('张三', '11010519491231002X')).toEqual({})
  expect(proxyFormErrors('张三', '110105194912310021').idNumber).toMatch(/校验位/)
})

test('reminder result words', () => {
  expect(remindText({ reminded: 3, withoutAccount: 0 })).toBe('已提醒 3 人')
  expect(remindText({ reminded: 2, withoutAccount: 1 })).toBe('已提醒 2 人，1 人尚未激活账号，无法收到提醒')
  expect(remindText({ reminded: 0, withoutAccount: 0 })).toBe('没有可提醒的党员')
})
