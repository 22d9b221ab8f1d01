/** The 支部 tab's grid and a space's rules and tags (services/branch.ts, subpackages/branch/lib). */
import type { BranchHome, BranchPostSummary } from '@dangjian/shared'
import { badgeText, spaceTiles } from '../src/services/branch'
import { canPost, commentNoun, isBranchKind, mineFilterVisible, postSchedule, postTags } from '../src/subpackages/branch/lib/spaces'
import { formatShort, fromBeijing } from '../src/lib/time'

const home = (patch: Partial<BranchHome> = {}): BranchHome => ({
  orgId: 5,
  orgName: '综合办公室党支部',
  isMember: true,
  isAdmin: false,
  isBranchAdmin: false,
  secretaryName: '王书记',
  memberCount: 12,
  groups: [{ id: 51, name: '第一党小组' }],
  spaces: [
    { kind: 'notice', total: 3, unread: 2 },
    { kind: 'news', total: 5, unread: 0 },
  ],
  ...patch,
})

const post = (patch: Partial<BranchPostSummary>): BranchPostSummary => ({
  id: 1, orgId: 5, kind: 'news', title: null, excerpt: '', images: [], authorName: '张三', createdAt: '2025-03-10T04:00:00Z',
  likeCount: 0, commentCount: 0, read: true, likedByMe: false, heldAt: null, startsAt: null, endsAt: null, publicityStatus: null,
  scopeOrgId: null, scopeOrgName: null, closesAt: null, open: null, replied: null, ...patch,
})

test('the grid lists the spaces in order with their unread counts; 书记信箱 only with a secretary', () => {
  const tiles = spaceTiles(home())
  expect(tiles.map((t) => t.label)).toEqual(['通知公告', '支部动态', '党务公开', '组织生活', '议事大厅', '思想汇报', '我的建议', '书记信箱'])
  expect(tiles[0]).toEqual({ kind: 'notice', label: '通知公告', total: 3, unread: 2 })
  expect(tiles[2].unread).toBe(0)
  expect(spaceTiles(home({ secretaryName: null })).map((t) => t.kind)).not.toContain('letter')
  expect([badgeText(0), badgeText(7), badgeText(120)]).toEqual(['', '7', '99+'])
})

test('who may post: members where members publish, admins where admins do', () => {
  expect(canPost('news', home())).toBe(true)
  expect(canPost('notice', home())).toBe(false)
  expect(canPost('notice', home({ isAdmin: true }))).toBe(true)
  // An upper-level admin who is not a member of this branch writes notices but no news.
  expect(canPost('news', home({ isAdmin: true, isMember: false }))).toBe(false)
})

test('全部 / 我的: where others’ posts show (branch-wide member spaces; reports and letters for admins)', () => {
  expect(mineFilterVisible('news', home())).toBe(true)
  expect(mineFilterVisible('suggestion', home())).toBe(true)
  expect(mineFilterVisible('thought_report', home())).toBe(false)
  expect(mineFilterVisible('thought_report', home({ isAdmin: true }))).toBe(true)
  expect(mineFilterVisible('letter', home({ isAdmin: true }))).toBe(true)
  expect(mineFilterVisible('notice', home({ isAdmin: true }))).toBe(false)
})

test('state tags: publicity status, topic open / closed, letter replied', () => {
  expect(postTags(post({ kind: 'publicity', publicityStatus: 'active' }))).toEqual([{ text: '公示中', tone: 'red' }])
  expect(postTags(post({ kind: 'publicity', publicityStatus: 'upcoming' }))[0].text).toBe('待公示')
  expect(postTags(post({ kind: 'publicity', publicityStatus: 'ended' }))[0].text).toBe('已结束')
  expect(postTags(post({ kind: 'topic', open: true }))[0].text).toBe('进行中')
  expect(postTags(post({ kind: 'topic', open: false }))[0].text).toBe('已截止')
  // Without the server's flag, the closing time decides.
  expect(postTags(post({ kind: 'topic', open: null, closesAt: '2025-01-01T00:00:00Z' }), new Date('2025-02-01T00:00:00Z'))[0].text).toBe('已截止')
  expect(postTags(post({ kind: 'letter', replied: true }))).toEqual([{ text: '已回复', tone: 'green' }])
  expect(postTags(post({ kind: 'letter', replied: false }))[0].text).toBe('待回复')
  expect(postTags(post({ kind: 'news' }))).toEqual([])
})

test('the when-line of meetings, publicity and topics (Beijing time)', () => {
  expect(postSchedule(post({ kind: 'org_life', heldAt: '2025-03-09T01:30:00Z' }))).toBe('召开时间 2025-03-09 09:30')
  expect(postSchedule(post({ kind: 'publicity', startsAt: '2025-03-09T16:00:00Z', endsAt: '2025-04-09T15:59:59Z', scopeOrgName: '第一党小组' }))).toBe('公示期 2025-03-10 至 2025-04-09 · 第一党小组')
  expect(postSchedule(post({ kind: 'topic' }))).toBe('长期开放')
  expect(postSchedule(post({ kind: 'topic', closesAt: '2025-03-12T15:59:00Z' }))).toBe('截止时间 2025-03-12 23:59')
  expect(postSchedule(post({ kind: 'news' }))).toBeNull()
  expect(commentNoun('topic')).toBe('意见')
  expect(commentNoun('news')).toBe('评论')
})

test('kinds from the page address, and Beijing times', () => {
  expect(isBranchKind('org_life')).toBe(true)
  expect(isBranchKind('nope')).toBe(false)
  expect(isBranchKind(undefined)).toBe(false)
  expect(fromBeijing('2025-03-10', '08:00')?.toISOString()).toBe('2025-03-10T00:00:00.000Z')
  expect(fromBeijing('2025-3-10')).toBeNull()
  const now = new Date('2025-03-10T04:00:00Z')
  expect(formatShort('2025-03-10T01:05:00Z', now)).toBe('09:05')
  expect(formatShort('2025-02-01T01:05:00Z', now)).toBe('02-01 09:05')
  expect(formatShort('2024-12-31T17:00:00Z', now)).toBe('01-01 01:00') // already 2025 in Beijing
  expect(formatShort('2024-06-01T01:00:00Z', now)).toBe('2024-06-01')
})
