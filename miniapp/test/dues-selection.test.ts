/** Month choice and total (subpackages/dues/lib/selection.ts) and the tab's rules (services/dues.ts). */
import type { DuesMonthView, Me, MemberDues } from '@dangjian/shared'
import {
  allPayable,
  EMPTY_POOL,
  isSelectable,
  keepSelectable,
  mergeDues,
  monthAmount,
  monthRows,
  selectionTotal,
  toggleMonth,
  TOO_OLD_NOTE,
} from '../src/subpackages/dues/lib/selection'
import { channelFits, duesAdminOrgs, monthsText, NO_ACCOUNT_MESSAGE, payBlocker, wrongPlatformMessage } from '../src/services/dues'

const month = (m: string, status: DuesMonthView['status'], amountFen: number | null = 1234, extra: Partial<DuesMonthView> = {}): DuesMonthView => ({
  month: m,
  amountFen,
  status,
  paidAt: null,
  paidVia: null,
  payerName: null,
  paymentId: null,
  ...extra,
})

const standard = (year: number, amountFen: number) => ({
  id: year,
  memberId: 1,
  memberName: '张三',
  orgId: 2,
  orgName: '第一支部',
  year,
  category: 'employed' as const,
  incomeFen: 246_800,
  standardFen: amountFen,
  amountFen,
  rule: 'rule',
  hardship: null,
  source: 'manual' as const,
  locked: true,
  setAt: '2026-01-01T00:00:00Z',
  setByName: null,
})

/** 2026 seen in May: Jan paid, Feb prepaid earlier, Mar–May unpaid and payable, Jun–Dec upcoming and prepayable. */
function dues2026(): MemberDues {
  return {
    memberId: 1,
    memberName: '张三',
    orgName: '第一支部',
    year: 2026,
    standard: standard(2026, 1234),
    months: [
      month('2026-01', 'paid', 1234, { paidAt: '2026-01-05T02:00:00Z', paidVia: 'wechat', payerName: '李四', paymentId: 9 }),
      month('2026-02', 'prepaid'),
      month('2026-03', 'unpaid'),
      month('2026-04', 'unpaid'),
      month('2026-05', 'unpaid'),
      ...['06', '07', '08', '09', '10', '11', '12'].map((m) => month(`2026-${m}`, 'upcoming')),
    ],
    payableMonths: ['2025-11', '2025-12', '2026-03', '2026-04', '2026-05'],
    prepayableMonths: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01'],
    tooOldMonths: ['2025-10'],
    window: { firstDay: 1, lastDay: 20, open: true },
    account: { accountId: 1, orgId: 2, orgName: '第一支部', channel: 'wechat' },
    flagged: false,
  }
}

function dues2025(): MemberDues {
  return {
    ...dues2026(),
    year: 2025,
    standard: standard(2025, 1000),
    months: Array.from({ length: 12 }, (_, i) => {
      const m = `2025-${String(i + 1).padStart(2, '0')}`
      return month(m, i < 9 ? 'paid' : 'unpaid', 1000)
    }),
  }
}

test('rows: kinds, amounts, greyed too-old months, and what may be chosen', () => {
  const pool = mergeDues(mergeDues(EMPTY_POOL, dues2025()), dues2026())
  const rows2026 = monthRows(pool, 2026)
  expect(rows2026.map((r) => r.kind)).toEqual([
    'paid', 'prepaid', 'payable', 'payable', 'payable',
    'prepayable', 'prepayable', 'prepayable', 'prepayable', 'prepayable', 'prepayable', 'prepayable',
  ])
  expect(rows2026.filter((r) => r.selectable).map((r) => r.month)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
  const rows2025 = monthRows(pool, 2025)
  const oct = rows2025.find((r) => r.month === '2025-10')!
  expect(oct).toMatchObject({ kind: 'too_old', selectable: false, note: TOO_OLD_NOTE })
  expect(rows2025.find((r) => r.month === '2025-12')).toMatchObject({ kind: 'payable', selectable: true, amountFen: 1000 })
})

test('toggling: payable and prepayable months only; too-old, paid and upcoming-not-prepayable stay out', () => {
  const pool = mergeDues(EMPTY_POOL, dues2026())
  let sel: string[] = []
  sel = toggleMonth(pool, sel, '2026-05')
  sel = toggleMonth(pool, sel, '2026-03')
  sel = toggleMonth(pool, sel, '2026-07')
  expect(sel).toEqual(['2026-03', '2026-05', '2026-07'])
  expect(toggleMonth(pool, sel, '2025-10')).toBe(sel) // too old
  expect(toggleMonth(pool, sel, '2026-01')).toBe(sel) // paid
  expect(toggleMonth(pool, sel, '2026-02')).toBe(sel) // prepaid
  expect(toggleMonth(pool, sel, '2027-05')).toBe(sel) // beyond what may be prepaid
  expect(toggleMonth(pool, sel, '2026-05')).toEqual(['2026-03', '2026-07'])
})

test('total: chosen months at their amounts plus the voluntary amount, in fen', () => {
  const pool = mergeDues(mergeDues(EMPTY_POOL, dues2025()), dues2026())
  const sel = ['2025-12', '2026-03', '2026-04', '2026-06']
  expect(selectionTotal(pool, sel)).toEqual({ duesFen: 1000 + 1234 * 3, voluntaryFen: 0, totalFen: 4702, count: 4 })
  expect(selectionTotal(pool, sel, 100_000).totalFen).toBe(104_702)
  expect(selectionTotal(pool, [], 50)).toEqual({ duesFen: 0, voluntaryFen: 50, totalFen: 50, count: 0 })
})

test('prepaying next year without its standard uses the latest standard known', () => {
  const pool = mergeDues(EMPTY_POOL, dues2026())
  expect(monthAmount(pool, '2027-01')).toBe(1234)
  expect(isSelectable(pool, '2027-01')).toBe(true)
  // A back month of a year not loaded has no known amount and cannot be chosen.
  expect(monthAmount(pool, '2025-12')).toBeNull()
  expect(isSelectable(pool, '2025-12')).toBe(false)
  expect(allPayable(pool)).toEqual(['2026-03', '2026-04', '2026-05'])
})

test('a newer answer wins: months paid meanwhile drop out of the choice', () => {
  let pool = mergeDues(EMPTY_POOL, dues2026())
  const sel = ['2026-03', '2026-04']
  const after = dues2026()
  after.months[2] = month('2026-03', 'paid')
  after.payableMonths = after.payableMonths.filter((m) => m !== '2026-03')
  pool = mergeDues(pool, after)
  expect(pool.payable).not.toContain('2026-03')
  expect(keepSelectable(pool, sel)).toEqual(['2026-04'])
  expect(keepSelectable(pool, ['2026-04'])).toEqual(['2026-04'])
})

test('months as words', () => {
  expect(monthsText(['2026-03', '2026-01', '2026-02', '2026-05'])).toBe('2026年1月–3月、5月')
  expect(monthsText(['2025-11', '2025-12', '2026-01', '2026-02'])).toBe('2025年11月–2026年2月')
  expect(monthsText(['2026-04'])).toBe('2026年4月')
  expect(monthsText(['2025-12', '2026-03'])).toBe('2025年12月、2026年3月')
  expect(monthsText([])).toBe('')
})

test('platform → channel (DUES-8)', () => {
  expect(channelFits('wechat', 'weapp')).toBe(true)
  expect(channelFits('wechat', 'alipay')).toBe(false)
  expect(channelFits('wechat', 'dd')).toBe(false)
  expect(channelFits('alipay', 'alipay')).toBe(true)
  expect(channelFits('alipay', 'dd')).toBe(true)
  expect(channelFits('alipay', 'weapp')).toBe(false)
  // H5: the server decides (simulators in development, DUES_WRONG_PLATFORM elsewhere).
  expect(channelFits('wechat', 'h5')).toBe(true)
  expect(channelFits('alipay', 'h5')).toBe(true)

  const wechat = { accountId: 1, orgId: 2, orgName: '党委', channel: 'wechat' as const }
  const alipay = { ...wechat, channel: 'alipay' as const }
  expect(payBlocker(null, 'weapp')).toBe(NO_ACCOUNT_MESSAGE)
  expect(payBlocker(null, 'h5')).toBe('所在组织尚未开通党费账户，请联系支部')
  expect(payBlocker(wechat, 'weapp')).toBeNull()
  expect(payBlocker(wechat, 'alipay')).toBe('本组织党费通过微信交纳，请在微信小程序中交纳')
  expect(payBlocker(alipay, 'weapp')).toBe('本组织党费通过支付宝交纳，请在支付宝或钉钉小程序中交纳')
  expect(payBlocker(alipay, 'dd')).toBeNull()
  expect(wrongPlatformMessage('alipay')).toContain('钉钉')
})

test('admin organisations come from the session role grants', () => {
  const me = (roles: Me['roles']): Me => ({
    userId: 1, tenantId: 1, tenantName: 't', username: null, displayName: '张三', phoneMasked: null,
    memberId: 1, orgId: 5, orgName: '第五支部', idNumberMasked: null, roles, mustChangePassword: false,
  })
  expect(duesAdminOrgs(null)).toEqual([])
  expect(duesAdminOrgs(me([{ role: 'member', orgId: 5 }]))).toEqual([])
  expect(duesAdminOrgs(me([{ role: 'branch_admin', orgId: 7, orgName: '第七支部' }, { role: 'member', orgId: 5 }]))).toEqual([{ orgId: 7, orgName: '第七支部' }])
  expect(duesAdminOrgs(me([{ role: 'tenant_admin', orgId: null }, { role: 'branch_admin', orgId: 5, orgName: '第五支部' }]))).toEqual([{ orgId: 5, orgName: '第五支部' }])
  expect(duesAdminOrgs(me([{ role: 'platform_admin', orgId: null }]))).toEqual([])
})

test('past months the answer leaves out (no bill) are not shown as upcoming', () => {
  const d = dues2026()
  d.months = d.months.filter((m) => m.month !== '2026-01' && m.month !== '2026-02') // joined in March
  const pool = mergeDues(EMPTY_POOL, d)
  const rows = monthRows(pool, 2026, '2026-05')
  expect(rows.slice(0, 3).map((r) => [r.kind, r.amountFen, r.selectable])).toEqual([['none', null, false], ['none', null, false], ['payable', 1234, true]])
  expect(rows[11].kind).toBe('prepayable')
  // Without the current month every missing month counts as upcoming.
  expect(monthRows(pool, 2026)[0].kind).toBe('upcoming')
})
