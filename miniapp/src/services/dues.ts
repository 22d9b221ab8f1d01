/**
 * Party dues 党费 as the 党费 tab needs it (main package, kept small): the member's dues of a year,
 * which organisations the caller may see as an admin, whether the organisation's payment channel
 * fits this platform (DUES-8), and the `subpackages/dues` pages. Everything else lives in the
 * subpackage (subpackages/dues/lib).
 */
import type { Me, MemberDues, PayChannel, Platform } from '@dangjian/shared'
import { api, type RequestOptions } from './api'

/** Pages of the `subpackages/dues` subpackage. */
export const DUES_PAGES = {
  /** My dues by month for a year (?year=), pay and prepay. */
  index: '/subpackages/dues/index',
  /** A payment's outcome (?paymentId=); the H5 simulator returns here too. */
  result: '/subpackages/dues/result',
  receipts: '/subpackages/dues/receipts',
  proxy: '/subpackages/dues/proxy',
  /** Branch admins: the month's paid / unpaid list (?orgId=&month=). */
  admin: '/subpackages/dues/admin',
} as const

export const DUES_TAB = '/pages/dues/index'

export const resultUrl = (paymentId: number) => `${DUES_PAGES.result}?paymentId=${paymentId}`

/** GET /api/v1/dues/me?year= — the member's months, standard, window and account. */
export function fetchMyDues(year: number, opts?: RequestOptions): Promise<MemberDues> {
  return api.get<MemberDues>('/api/v1/dues/me', { year }, opts)
}

export const NO_ACCOUNT_MESSAGE = '所在组织尚未开通党费账户，请联系支部'
export const NO_STANDARD_MESSAGE = '支部尚未设置您的党费标准'

/** Where this build runs (the order's `platform`). */
export function currentPlatform(): Platform {
  const env = process.env.TARO_ENV
  return env === 'weapp' || env === 'alipay' || env === 'dd' ? env : 'h5'
}

/**
 * DUES-8: WeChat dues are paid in the WeChat mini-program, Alipay dues in the Alipay or DingTalk
 * one. H5 is left to the server: in development it pays through the local simulators, elsewhere
 * the server answers DUES_WRONG_PLATFORM with the words to show.
 */
export function channelFits(channel: PayChannel, platform: Platform): boolean {
  if (platform === 'h5') return true
  return channel === 'wechat' ? platform === 'weapp' : platform === 'alipay' || platform === 'dd'
}

/** Where to pay instead, when the channel does not fit the platform. */
export function wrongPlatformMessage(channel: PayChannel): string {
  return channel === 'wechat'
    ? '本组织党费通过微信交纳，请在微信小程序中交纳'
    : '本组织党费通过支付宝交纳，请在支付宝或钉钉小程序中交纳'
}

/** Why the member cannot pay online from here (no account, wrong platform), or null. */
export function payBlocker(account: MemberDues['account'], platform: Platform = currentPlatform()): string | null {
  if (!account) return NO_ACCOUNT_MESSAGE
  return channelFits(account.channel, platform) ? null : wrongPlatformMessage(account.channel)
}

export interface AdminOrg {
  orgId: number
  orgName: string
}

const DUES_ADMIN_ROLES = ['tenant_admin', 'org_admin', 'branch_admin']

/**
 * The organisations whose dues the caller may see on the admin page (DUES-10), from the session's
 * role grants; a tenant-wide grant (no orgId) falls back to the caller's own organisation.
 */
export function duesAdminOrgs(me: Me | null): AdminOrg[] {
  if (!me) return []
  const out: AdminOrg[] = []
  const add = (orgId: number | null, orgName: string | null | undefined) => {
    if (orgId !== null && !out.some((o) => o.orgId === orgId)) out.push({ orgId, orgName: orgName || '本组织' })
  }
  for (const grant of me.roles ?? []) {
    if (!DUES_ADMIN_ROLES.includes(grant.role)) continue
    if (grant.orgId !== null) add(grant.orgId, grant.orgName)
    else add(me.orgId, me.orgName)
  }
  return out
}

// ---- words ----

export const MONTH_STATUS_TEXT: Record<MemberDues['months'][number]['status'], string> = {
  paid: '已交',
  prepaid: '预交',
  unpaid: '未交',
  upcoming: '未到期',
}

export const PAID_VIA_TEXT: Record<PayChannel | 'cash', string> = {
  wechat: '微信支付',
  alipay: '支付宝',
  cash: '现金',
}

/** '2026-03' → '2026年3月'. */
export function monthText(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/**
 * Months as words, runs of consecutive months joined: ['2026-01','2026-02','2026-03','2026-05']
 * → '2026年1月–3月、5月'; a run over the new year → '2025年11月–2026年2月'.
 */
export function monthsText(months: string[]): string {
  const index = (m: string) => {
    const [y, mm] = m.split('-').map(Number)
    return y * 12 + mm - 1
  }
  const sorted = Array.from(new Set(months)).sort()
  const runs: Array<[string, string]> = []
  for (const m of sorted) {
    const last = runs[runs.length - 1]
    if (last && index(m) === index(last[1]) + 1) last[1] = m
    else runs.push([m, m])
  }
  let year = ''
  return runs
    .map(([a, b]) => {
      const part = (m: string) => {
        const y = m.slice(0, 4)
        const text = y === year ? `${Number(m.slice(5))}月` : monthText(m)
        year = y
        return text
      }
      const first = part(a)
      return a === b ? first : `${first}–${part(b)}`
    })
    .join('、')
}
