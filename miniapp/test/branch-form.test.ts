/** The post form's checks and request, from the rule table (subpackages/branch/lib/form.ts). */
import { BRANCH_CONTENT_MAX, BRANCH_TITLE_MAX } from '@dangjian/shared'
import { createApiError } from '../src/services/errors'
import { emptyDraft, serverErrors, toCreateRequest, validateDraft, type PostDraft } from '../src/subpackages/branch/lib/form'

// 2025-03-10 12:00 in Beijing.
const NOW = new Date('2025-03-10T04:00:00Z')
const img = (n: number) => ({ key: `k${n}`, url: `/api/v1/files/k${n}`, width: 10, height: 10 })
const draft = (patch: Partial<PostDraft>): PostDraft => ({ ...emptyDraft(), ...patch })

test('支部动态 needs only content; no title is asked or sent', () => {
  expect(validateDraft('news', draft({}), NOW)).toEqual({ content: '请填写内容' })
  expect(validateDraft('news', draft({ content: '  今天学习了  ', title: '' }), NOW)).toEqual({})
  expect(toCreateRequest('news', draft({ content: '  今天学习了  ', title: 'ignored', images: [img(1)] }))).toEqual({ kind: 'news', content: '今天学习了', images: ['k1'] })
})

test('titles are required where the rule says so, and limited in length', () => {
  expect(validateDraft('notice', draft({ content: '内容' }), NOW).title).toBe('请填写标题')
  expect(validateDraft('notice', draft({ content: '内容', title: '   ' }), NOW).title).toBe('请填写标题')
  expect(validateDraft('notice', draft({ content: '内容', title: '党'.repeat(BRANCH_TITLE_MAX + 1) }), NOW).title).toMatch(/不超过/)
  expect(validateDraft('notice', draft({ content: '内容', title: '党'.repeat(BRANCH_TITLE_MAX) }), NOW)).toEqual({})
  expect(validateDraft('notice', draft({ content: '党'.repeat(BRANCH_CONTENT_MAX + 1), title: '通知' }), NOW).content).toMatch(/不超过/)
})

test('images between the rule’s min and max: 组织生活 needs one, letters take at most three', () => {
  const base = { title: '主题党日', content: '内容', heldDate: '2025-03-09', heldTime: '09:30' }
  expect(validateDraft('org_life', draft(base), NOW).images).toBe('请至少上传 1 张图片')
  expect(validateDraft('org_life', draft({ ...base, images: [img(1)] }), NOW)).toEqual({})
  expect(validateDraft('letter', draft({ title: '信', content: '内容', images: [img(1), img(2), img(3), img(4)] }), NOW).images).toBe('最多上传 3 张图片')
})

test('组织生活: the meeting time is required, not in the future, sent as Beijing time', () => {
  const base = { title: '主题党日', content: '内容', images: [img(1)] }
  expect(validateDraft('org_life', draft(base), NOW).heldAt).toBe('请选择召开时间')
  expect(validateDraft('org_life', draft({ ...base, heldDate: '2025-03-10', heldTime: '12:30' }), NOW).heldAt).toBe('召开时间不能晚于现在')
  const ok = draft({ ...base, heldDate: '2025-03-10', heldTime: '09:30' })
  expect(validateDraft('org_life', ok, NOW)).toEqual({})
  expect(toCreateRequest('org_life', ok).heldAt).toBe('2025-03-10T01:30:00.000Z')
})

test('党务公开: both days, end after start, at most one month; the scope only when chosen', () => {
  const base = { title: '党费收缴公示', content: '内容' }
  expect(validateDraft('publicity', draft({ ...base, startDate: '2025-03-10' }), NOW).period).toBe('请选择公示的开始和结束日期')
  expect(validateDraft('publicity', draft({ ...base, startDate: '2025-03-10', endDate: '2025-03-09' }), NOW).period).toBe('结束日期不能早于开始日期')
  expect(validateDraft('publicity', draft({ ...base, startDate: '2025-03-10', endDate: '2025-04-10' }), NOW).period).toBe('公示期最长一个月')
  const ok = draft({ ...base, startDate: '2025-03-10', endDate: '2025-04-09' })
  expect(validateDraft('publicity', ok, NOW)).toEqual({})
  expect(toCreateRequest('publicity', ok)).toEqual({ kind: 'publicity', title: '党费收缴公示', content: '内容', startsAt: '2025-03-09T16:00:00.000Z', endsAt: '2025-04-09T15:59:59.000Z' })
  expect(toCreateRequest('publicity', { ...ok, scopeOrgId: 7 }).scopeOrgId).toBe(7)
})

test('议事大厅: the closing time is optional, in the future, end of day when only a date is chosen', () => {
  const base = { title: '议题', content: '内容' }
  expect(validateDraft('topic', draft(base), NOW)).toEqual({})
  expect(toCreateRequest('topic', draft(base)).closesAt).toBeUndefined()
  expect(validateDraft('topic', draft({ ...base, closesDate: '2025-03-10', closesTime: '11:00' }), NOW).closesAt).toBe('截止时间须晚于现在')
  expect(toCreateRequest('topic', draft({ ...base, closesDate: '2025-03-12' })).closesAt).toBe('2025-03-12T15:59:00.000Z')
})

test('server refusals: field details beside their fields, the rest as one message', () => {
  const fieldsOnly = createApiError(400, { code: 'VALIDATION_FAILED', message: '标题为1-60个字', details: [{ field: 'title', message: '标题为1-60个字' }, { field: 'endsAt', message: '公示期最长一个月' }] })
  expect(serverErrors(fieldsOnly)).toEqual({ fields: { title: '标题为1-60个字', period: '公示期最长一个月' }, message: null })
  const plain = createApiError(403, { code: 'BRANCH_FORBIDDEN', message: '只有支部管理员可以发布' })
  expect(serverErrors(plain)).toEqual({ fields: {}, message: '只有支部管理员可以发布' })
  const unknownField = createApiError(400, { code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'kind', message: '栏目不正确' }] })
  expect(serverErrors(unknownField).message).toBe('栏目不正确')
})
