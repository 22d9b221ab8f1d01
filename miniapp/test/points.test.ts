/** The points pages' logic (subpackages/points/lib/view.ts): totals by category, entry lines, ranking choices. */
import type { PointsTotals } from '@dangjian/shared'
import {
  categoryLines,
  entryMeta,
  formatPoints,
  isMine,
  myRankText,
  periodText,
  rankingPeriod,
  rankingQuery,
  SCOPE_OPTIONS,
  sourceLabel,
} from '../src/subpackages/points/lib/view'
import { MODULES } from '../src/modules'

describe('categoryLines', () => {
  it('lists the three categories in order, 0 where nothing was earned', () => {
    const yearTotals = { total: 7, byCategory: { org_life: 5, learning: 2 } } as unknown as PointsTotals
    const allTime: PointsTotals = { total: 20, byCategory: { learning: 9, org_life: 8, vanguard: 3 } }
    expect(categoryLines({ yearTotals, allTime })).toEqual([
      { category: 'learning', label: '教育学习', year: 2, allTime: 9 },
      { category: 'org_life', label: '组织生活', year: 5, allTime: 8 },
      { category: 'vanguard', label: '先锋作用', year: 0, allTime: 3 },
    ])
  })
})

describe('entries', () => {
  it('shows earned points with a plus sign', () => {
    expect(formatPoints(2)).toBe('+2')
    expect(formatPoints(0)).toBe('0')
    expect(formatPoints(-3)).toBe('-3')
  })

  it('names the source of an award, unknown kinds as 其他', () => {
    expect(sourceLabel('meeting')).toBe('组织生活')
    expect(sourceLabel('login')).toBe('每日登录')
    expect(sourceLabel('something-new')).toBe('其他')
    expect(entryMeta({ category: 'learning', sourceType: 'comment' })).toBe('教育学习 · 评论')
  })
})

describe('ranking period and scope', () => {
  // 2026-12-31 17:30 UTC is already 2027-01-01 in Beijing: the server counts Beijing periods.
  const newYearInBeijing = new Date('2026-12-31T17:30:00Z')

  it('asks for this year or this month in Beijing time', () => {
    expect(rankingPeriod('year', newYearInBeijing)).toBe('2027')
    expect(rankingPeriod('month', newYearInBeijing)).toBe('2027-01')
    expect(rankingPeriod('month', new Date('2026-11-22T03:00:00Z'))).toBe('2026-11')
  })

  it('builds the query for the chosen scope without an organisation (the server finds mine)', () => {
    expect(rankingQuery('org', 'month', newYearInBeijing)).toEqual({ scope: 'org', period: '2027-01', limit: 50 })
    expect(rankingQuery('tenant', 'year', newYearInBeijing)).toEqual({ scope: 'tenant', period: '2027', limit: 50 })
  })

  it('offers branch, organisation and tenant, branch first (the default)', () => {
    expect(SCOPE_OPTIONS.map((o) => o.value)).toEqual(['branch', 'org', 'tenant'])
  })

  it('says periods as people do', () => {
    expect(periodText('2026')).toBe('2026年度')
    expect(periodText('2026-03')).toBe('2026年3月')
    expect(periodText('all')).toBe('累计')
  })
})

describe('my place', () => {
  it('shows my rank and total, or that I have not earned yet, or nothing without a member record', () => {
    expect(myRankText({ rank: 3, total: 42 })).toBe('第 3 名 · 42 分')
    expect(myRankText({ rank: null, total: 0 })).toBe('暂未获得积分')
    expect(myRankText(null)).toBeNull()
  })

  it('highlights only my own row', () => {
    expect(isMine(7, 7)).toBe(true)
    expect(isMine(7, 8)).toBe(false)
    expect(isMine(7, undefined)).toBe(false)
  })
})

it('the home grid opens the points subpackage', () => {
  expect(MODULES.find((m) => m.key === 'points')?.path).toBe('/subpackages/points/index')
})
