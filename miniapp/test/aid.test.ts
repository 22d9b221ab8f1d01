/** 党员e家 pages' logic (src/lib/aid.ts): the timeline from the shared flow, buttons, the compose checks. */
import { AID_FLOWS, type AidItemDetail } from '@dangjian/shared'
import { actionButtons, aidSteps, canApproveComment, CASH_REFUSED, columnLabel, commentTag, emptyAidDraft, needsReason, stateTone, toAidRequest, validateAidDraft } from '../src/lib/aid'

const item = (over: Partial<AidItemDetail>): Pick<AidItemDetail, 'kind' | 'state' | 'timeline' | 'availableActions'> => ({
  kind: 'wish',
  state: 'open',
  timeline: [],
  availableActions: [],
  ...over,
})

describe('aidSteps', () => {
  it('draws the kind’s main path with done, current and to-do steps', () => {
    const d = item({ state: 'claimed', timeline: [{ state: 'submitted', at: '2026-11-01T00:00:00.000Z', current: false }, { state: 'open', at: '2026-11-02T00:00:00.000Z', current: false }, { state: 'claimed', at: '2026-11-03T00:00:00.000Z', current: true }] })
    const { steps, detour } = aidSteps(d)
    expect(steps.map((s) => s.state)).toEqual(AID_FLOWS.wish.timeline)
    expect(steps.map((s) => s.status)).toEqual(['done', 'done', 'current', 'todo', 'todo', 'todo'])
    expect(steps[1].at).toBe('2026-11-02T00:00:00.000Z')
    expect(detour).toBeNull()
  })
  it('marks the last step done when the flow is finished', () => {
    expect(aidSteps(item({ kind: 'snapshot', state: 'approved' })).steps.map((s) => s.status)).toEqual(['done', 'done'])
  })
  it('names a rejection off the path and keeps the steps reached', () => {
    const { steps, detour } = aidSteps(item({ kind: 'donation', state: 'rejected', timeline: [{ state: 'submitted', at: '2026-11-01T00:00:00.000Z', current: false }] }))
    expect(detour).toBe('已驳回')
    expect(steps[0].status).toBe('done')
    expect(steps[1].status).toBe('todo')
  })
})

describe('actions', () => {
  it('labels the server’s actions and asks a reason for rejections only', () => {
    expect(actionButtons({ availableActions: ['approve', 'reject'] })).toEqual([
      { action: 'approve', text: '审核通过' },
      { action: 'reject', text: '驳回' },
    ])
    expect(needsReason('wish', 'submitted', 'reject')).toBe(true)
    expect(needsReason('wish', 'submitted', 'approve')).toBe(false)
    expect(needsReason('donation', 'open', 'claim')).toBe(false)
  })
  it('tones states', () => {
    expect(stateTone('done')).toBe('green')
    expect(stateTone('rejected')).toBe('grey')
    expect(stateTone('open')).toBe('red')
    expect(stateTone('claimed')).toBe('gold')
  })
})

describe('compose', () => {
  const now = new Date('2026-11-22T04:00:00.000Z')
  it('asks a wish for a category and refuses cash', () => {
    const d = { ...emptyAidDraft(), title: '想要一台收音机', content: '或者给点现金也行' }
    expect(validateAidDraft('wish', d, now)).toEqual({ category: '请选择心愿类别', content: CASH_REFUSED })
    expect(validateAidDraft('wish', { ...d, content: '听新闻用', category: 'appliances' }, now)).toEqual({})
    expect(validateAidDraft('donation', { ...d, title: '', content: '' }, now)).toEqual({ title: '请填写标题', content: '请填写内容' })
  })
  it('asks a snapshot for 1–9 photos, a past time and a place', () => {
    const d = { ...emptyAidDraft('exposure'), title: '路灯坏了', content: '小区门口' }
    expect(Object.keys(validateAidDraft('snapshot', d, now)).sort()).toEqual(['images', 'place', 'takenAt'])
    const img = { key: 'images/a.jpg', url: '/a.jpg', width: 1, height: 1 }
    const ok = { ...d, images: [img], takenDate: '2026-11-22', takenTime: '09:30', place: '东门' }
    expect(validateAidDraft('snapshot', ok, now)).toEqual({})
    expect(validateAidDraft('snapshot', { ...ok, takenTime: '13:00' }, now).takenAt).toBe('拍摄时间不能晚于现在')
    expect(validateAidDraft('snapshot', { ...ok, images: Array(10).fill(img) }, now).images).toBe('最多9张照片')
    expect(toAidRequest('snapshot', ok)).toEqual({ kind: 'snapshot', title: '路灯坏了', content: '小区门口', images: ['images/a.jpg'], column: 'exposure', takenAt: '2026-11-22T01:30:00.000Z', place: '东门' })
  })
  it('sends a wish’s category and no snapshot fields', () => {
    expect(toAidRequest('wish', { ...emptyAidDraft(), title: ' a ', content: ' b ', category: 'health' })).toEqual({ kind: 'wish', title: 'a', content: 'b', category: 'health' })
  })
})

describe('comments', () => {
  it('shows one’s own pending comment as 待审核 and lets others approve it', () => {
    expect(commentTag({ approved: false })).toBe('待审核')
    expect(commentTag({ approved: true })).toBeNull()
    expect(canApproveComment({ approved: false, memberId: 5 }, { memberId: 5 })).toBe(false)
    expect(canApproveComment({ approved: false, memberId: 5 }, { memberId: 7 })).toBe(true)
    expect(canApproveComment({ approved: false, memberId: 5 }, { memberId: null })).toBe(true)
    expect(canApproveComment({ approved: false, memberId: 5 }, undefined)).toBe(false)
    expect(canApproveComment({ approved: true, memberId: 5 }, { memberId: 7 })).toBe(false)
    expect(columnLabel('positive')).toBe('正能量')
  })
})

describe('micro-wishes (AID-5)', () => {
  const { AID_TABS, aidViewsFor, canPublishMicroWish, isAidTab, isContactPhone, mayPublish } = jest.requireActual('../src/lib/aid') as typeof import('../src/lib/aid')
  const admin = { roles: [{ role: 'branch_admin' }] }
  const member = { roles: [] as Array<{ role: string }> }
  it('is a third tab, published by branch admins only', () => {
    expect(AID_TABS.map((t) => t.text)).toEqual(['心愿树', '微捐赠', '微心愿'])
    expect(isAidTab('micro_wish')).toBe(true)
    expect(canPublishMicroWish(admin)).toBe(true)
    expect(canPublishMicroWish(member)).toBe(false)
    expect(mayPublish('wish', member)).toBe(true)
    expect(mayPublish('micro_wish', member)).toBe(false)
    expect(aidViewsFor('micro_wish', false).map((v) => v.value)).toEqual(['open', 'claimed'])
    expect(aidViewsFor('micro_wish', true).map((v) => v.value)).toEqual(['open', 'mine', 'claimed'])
  })
  it('needs the wisher’s name and a phone, no cash', () => {
    const d = { ...emptyAidDraft(), title: '想要一副老花镜', content: '看报纸用' }
    expect(validateAidDraft('micro_wish', d)).toEqual({ contactName: '请填写心愿人姓名', contactPhone: '请填写心愿人联系电话' })
    expect(validateAidDraft('micro_wish', { ...d, contactName: '李大爷', contactPhone: '12345' }).contactPhone).toBe('请填写正确的手机号或带区号的固定电话')
    expect(validateAidDraft('micro_wish', { ...d, content: '给点钱', contactName: '李大爷', contactPhone: '13812345678' })).toEqual({ content: CASH_REFUSED })
    expect(validateAidDraft('micro_wish', { ...d, contactName: '李大爷', contactPhone: '010-12345678' })).toEqual({})
    expect(isContactPhone('138 1234 5678')).toBe(true)
    expect(toAidRequest('micro_wish', { ...d, contactName: ' 李大爷 ', contactPhone: '138 1234 5678' })).toEqual({
      kind: 'micro_wish',
      title: '想要一副老花镜',
      content: '看报纸用',
      contactName: '李大爷',
      contactPhone: '13812345678',
    })
  })
  it('draws the micro-wish timeline from the shared flow', () => {
    const { steps } = aidSteps({ kind: 'micro_wish', state: 'claimed', timeline: [] })
    expect(steps.map((s) => `${s.label}:${s.status}`)).toEqual(['待审核:done', '待认领:done', '已认领:current', '已完成:todo'])
  })
})
