/**
 * Editing a post (subpackages/branch/lib/form.ts): the form prefilled from the detail, only the
 * changed fields in the PATCH, and the closing time of a closed topic not checked again; the
 * publicity scope picker's choices (BranchHome.groups).
 */
import type { BranchPostDetail } from '@dangjian/shared'
import { changedFields, draftFromPost, validateDraft, type PostDraft } from '../src/subpackages/branch/lib/form'
import { scopeOptions } from '../src/subpackages/branch/components/ScopePicker'

const BRANCH = 5
// 2025-03-10 12:00 in Beijing.
const NOW = new Date('2025-03-10T04:00:00Z')
const img = (n: number) => ({ key: `k${n}`, url: `/api/v1/files/k${n}`, width: 10, height: 10 })

const detail = (patch: Partial<BranchPostDetail>): BranchPostDetail => ({
  id: 9,
  orgId: BRANCH,
  kind: 'news',
  title: null,
  excerpt: '',
  content: '今天学习了',
  images: [],
  authorName: '赵一鸣',
  createdAt: '2025-03-01T02:00:00Z',
  editedAt: null,
  likeCount: 0,
  commentCount: 0,
  read: true,
  likedByMe: false,
  heldAt: null,
  startsAt: null,
  endsAt: null,
  publicityStatus: null,
  scopeOrgId: null,
  scopeOrgName: null,
  closesAt: null,
  open: null,
  replied: null,
  canEdit: true,
  canDelete: true,
  canReply: false,
  canComment: true,
  canLike: true,
  reply: null,
  replierName: null,
  repliedAt: null,
  readCount: null,
  audienceCount: null,
  ...patch,
})

const edit = (post: BranchPostDetail, change: (d: PostDraft) => Partial<PostDraft>) => {
  const original = draftFromPost(post, BRANCH)
  return changedFields(post.kind, original, { ...original, ...change(original) }, BRANCH)
}

test('the form is prefilled from the post, times as Beijing wall clock, the whole branch as scope null', () => {
  const d = draftFromPost(detail({ kind: 'org_life', title: '主题党日', images: [img(1)], heldAt: '2025-03-09T01:30:00Z' }), BRANCH)
  expect(d).toMatchObject({ title: '主题党日', content: '今天学习了', images: [img(1)], heldDate: '2025-03-09', heldTime: '09:30', closesDate: '' })
  const pub = detail({ kind: 'publicity', title: '公示', startsAt: '2025-03-09T16:00:00Z', endsAt: '2025-03-20T15:59:59Z', scopeOrgId: BRANCH })
  expect(draftFromPost(pub, BRANCH)).toMatchObject({ startDate: '2025-03-10', endDate: '2025-03-20', scopeOrgId: null })
  expect(draftFromPost({ ...pub, scopeOrgId: 51 }, BRANCH).scopeOrgId).toBe(51)
})

test('nothing changed: an empty PATCH, even with times and images', () => {
  const post = detail({ kind: 'org_life', title: '主题党日', images: [img(1)], heldAt: '2025-03-09T01:30:27Z', content: '内容  ' })
  expect(edit(post, () => ({}))).toEqual({})
  expect(edit(detail({ kind: 'topic', title: '议题', closesAt: '2025-03-12T15:59:00Z' }), () => ({}))).toEqual({})
})

test('only the changed fields: new text, kept images as keys plus the new upload', () => {
  const post = detail({ images: [img(1), img(2)] })
  expect(edit(post, () => ({ content: ' 改过的内容 ' }))).toEqual({ content: '改过的内容' })
  expect(edit(post, (d) => ({ images: d.images.concat(img(3)) }))).toEqual({ images: ['k1', 'k2', 'k3'] })
  expect(edit(post, (d) => ({ images: d.images.slice(1) }))).toEqual({ images: ['k2'] })
  expect(edit(post, () => ({ images: [] }))).toEqual({ images: [] })
  const letter = detail({ kind: 'letter', title: '建议', content: '内容' })
  expect(edit(letter, () => ({ title: '新标题' }))).toEqual({ title: '新标题' })
})

test('the kind’s other fields: meeting time, publicity period and scope, a topic’s closing time', () => {
  const org = detail({ kind: 'org_life', title: '主题党日', images: [img(1)], heldAt: '2025-03-09T01:30:00Z' })
  expect(edit(org, () => ({ heldTime: '10:00' }))).toEqual({ heldAt: '2025-03-09T02:00:00.000Z' })
  const pub = detail({ kind: 'publicity', title: '公示', startsAt: '2025-03-09T16:00:00Z', endsAt: '2025-03-20T15:59:59Z', scopeOrgId: BRANCH })
  expect(edit(pub, () => ({ endDate: '2025-03-25' }))).toEqual({ endsAt: '2025-03-25T15:59:59.000Z' })
  expect(edit(pub, () => ({ scopeOrgId: 51 }))).toEqual({ scopeOrgId: 51 })
  expect(edit({ ...pub, scopeOrgId: 51 }, () => ({ scopeOrgId: null }))).toEqual({ scopeOrgId: BRANCH })
  const topic = detail({ kind: 'topic', title: '议题', closesAt: '2025-03-12T15:59:00Z' })
  expect(edit(topic, () => ({ closesDate: '', closesTime: '' }))).toEqual({ closesAt: null })
  expect(edit(detail({ kind: 'topic', title: '议题' }), () => ({ closesDate: '2025-03-15' }))).toEqual({ closesAt: '2025-03-15T15:59:00.000Z' })
})

test('a closed topic keeps its past closing time through an edit; a new past one is refused', () => {
  const closed = detail({ kind: 'topic', title: '议题', closesAt: '2025-03-01T02:00:00Z', open: false })
  const original = draftFromPost(closed, BRANCH)
  expect(validateDraft('topic', { ...original, content: '补充说明' }, NOW, original)).toEqual({})
  expect(validateDraft('topic', { ...original, closesTime: '11:00' }, NOW, original).closesAt).toBe('截止时间须晚于现在')
  expect(validateDraft('topic', original, NOW).closesAt).toBe('截止时间须晚于现在') // a new post is always checked
})

test('publicity scope: the whole branch first, then the branch’s groups', () => {
  expect(scopeOptions({ orgName: '综合办公室党支部', groups: [{ id: 51, name: '第一党小组' }] })).toEqual([
    { id: null, name: '全支部（综合办公室党支部）' },
    { id: 51, name: '第一党小组' },
  ])
  expect(scopeOptions({ orgName: '支部', groups: [] })).toHaveLength(1)
})
