/**
 * What the points pages show, kept pure for the tests: the totals by category, an entry's line,
 * the ranking's scope and period choices and my place in it.
 */
import type { MyPoints, PointsCategory, PointsEntryView, PointsRankingScope, PointsRanking } from '@dangjian/shared'
import { periodKey, POINTS_CATEGORIES, POINTS_CATEGORY_LABELS } from '@dangjian/shared'

export interface CategoryLine {
  category: PointsCategory
  label: string
  /** This year's points in the category. */
  year: number
  allTime: number
}

/** The three categories in their usual order (教育学习, 组织生活, 先锋作用), 0 where nothing was earned. */
export function categoryLines(me: Pick<MyPoints, 'yearTotals' | 'allTime'>): CategoryLine[] {
  return POINTS_CATEGORIES.map((category) => ({
    category,
    label: POINTS_CATEGORY_LABELS[category],
    year: me.yearTotals.byCategory[category] ?? 0,
    allTime: me.allTime.byCategory[category] ?? 0,
  }))
}

/** Points as earned: +2. */
export const formatPoints = (n: number) => (n > 0 ? `+${n}` : String(n))

const SOURCE_LABELS: Record<string, string> = {
  post: '支部动态',
  comment: '评论',
  meeting: '组织生活',
  login: '每日登录',
  article: '学习文章',
  video: '学习视频',
  quiz: '答题',
  declaration: '积分申报',
  donation: '微捐赠',
  wish: '心愿树',
  aid: '党员e家',
  snapshot: '随手拍',
}

/** Where an award came from, as a member reads it (an unknown kind: 其他). */
export const sourceLabel = (sourceType: string) => SOURCE_LABELS[sourceType] ?? '其他'

/** The entry's second line: 教育学习 · 每日登录. */
export const entryMeta = (e: Pick<PointsEntryView, 'category' | 'sourceType'>) => `${POINTS_CATEGORY_LABELS[e.category]} · ${sourceLabel(e.sourceType)}`

export type RankingPeriodKind = 'year' | 'month'

export const SCOPE_OPTIONS: Array<{ value: PointsRankingScope; text: string }> = [
  { value: 'branch', text: '本支部' },
  { value: 'org', text: '上级组织' },
  { value: 'tenant', text: '全单位' },
]

export const PERIOD_OPTIONS: Array<{ value: RankingPeriodKind; text: string }> = [
  { value: 'year', text: '本年度' },
  { value: 'month', text: '本月' },
]

/** The ranking's period key for this year (2026) or this month (2026-11), Beijing time as the server counts. */
export const rankingPeriod = (kind: RankingPeriodKind, now: Date = new Date()) => periodKey(kind, now)

/** A period key as people say it: 2026 → 2026年度, 2026-11 → 2026年11月, all → 累计. */
export function periodText(key: string): string {
  if (key === 'all') return '累计'
  const [year, month] = key.split('-')
  return month ? `${year}年${Number(month)}月` : `${year}年度`
}

/** The query for a scope and period; the server finds my branch and its parent organisation itself. */
export const rankingQuery = (scope: PointsRankingScope, kind: RankingPeriodKind, now: Date = new Date()) => ({ scope, period: rankingPeriod(kind, now), limit: 50 })

/** My place as a line above the list: 第 3 名 · 42 分 / 暂未获得积分 / (no member record) null. */
export function myRankText(me: PointsRanking['me']): string | null {
  if (!me) return null
  return me.rank === null ? '暂未获得积分' : `第 ${me.rank} 名 · ${me.total} 分`
}

/** Whether my own row is in the list (highlighted), by member id. */
export const isMine = (memberId: number, myMemberId: number | undefined) => myMemberId !== undefined && memberId === myMemberId
