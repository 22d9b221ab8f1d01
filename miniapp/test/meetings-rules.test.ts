/** 组织生活: tabs, tags, the timeline's steps, when feedback / check-in open, how admin actions are taken (subpackages/meetings/lib/rules.ts). */
import { MEETING_TYPE_RULES, type MeetingDetail, type MeetingState, type MeetingType } from '@dangjian/shared'
import {
  actionKind,
  checkinWays,
  durationLabel,
  evaluationAvailable,
  feedbackCounts,
  feedbackTag,
  feedbackWindow,
  isPhase,
  outlineOpen,
  periodLabel,
  PHASE_TABS,
  placeText,
  timelineSteps,
  voteShares,
} from '../src/subpackages/meetings/lib/rules'

const NOW = new Date('2025-03-10T04:00:00Z') // 12:00 in Beijing

function timeline(type: MeetingType, state: MeetingState) {
  const states = MEETING_TYPE_RULES[type].timeline
  const i = states.indexOf(state)
  return states.map((s, k) => ({ state: s, at: i >= 0 && k <= i ? '2025-03-01T01:00:00Z' : null, current: s === state }))
}

test('three tabs in order 未开始 / 进行中 / 已结束; phases from the query are checked', () => {
  expect(PHASE_TABS.map((t) => t.text)).toEqual(['未开始', '进行中', '已结束'])
  expect(isPhase('ongoing')).toBe(true)
  expect(isPhase('later')).toBe(false)
  expect(isPhase(undefined)).toBe(false)
})

test('my answer as a tag: 参加 / 请假 / 待反馈 while notified, none when not invited', () => {
  expect(feedbackTag({ myFeedback: 'attend', state: 'notified' })).toEqual({ text: '参加', tone: 'green' })
  expect(feedbackTag({ myFeedback: 'leave', state: 'held' })).toEqual({ text: '请假', tone: 'gold' })
  expect(feedbackTag({ myFeedback: null, state: 'notified' })).toEqual({ text: '待反馈', tone: 'red' })
  expect(feedbackTag({ myFeedback: null, state: 'done' })?.text).toBe('未反馈')
  expect(feedbackTag({ myFeedback: undefined, state: 'notified' })).toBeNull()
})

test('durations and places read as words', () => {
  expect(durationLabel(0.5)).toBe('半天')
  expect(durationLabel(1.5)).toBe('1.5 天')
  expect(placeText({ venue: '党员活动室', online: false })).toBe('党员活动室')
  expect(placeText({ venue: '腾讯会议 123', online: true })).toBe('线上会议 · 腾讯会议 123')
})

test('timeline: done up to the current step, current highlighted, the rest to do', () => {
  const { steps, detour } = timelineSteps({ type: 'general_assembly', state: 'held', timeline: timeline('general_assembly', 'held') })
  expect(detour).toBeNull()
  expect(steps.map((s) => [s.label, s.status])).toEqual([
    ['已创建', 'done'],
    ['已通知', 'done'],
    ['进行中', 'current'],
    ['已记录', 'todo'],
    ['待上级审核', 'todo'],
    ['已完成', 'todo'],
  ])
})

test('timeline: a returned meeting names the detour and marks the step to redo', () => {
  const tl = MEETING_TYPE_RULES.general_assembly.timeline.map((s) => ({ state: s, at: null, current: false }))
  const { steps, detour } = timelineSteps({ type: 'general_assembly', state: 'rejected', timeline: tl })
  expect(detour).toBe('被上级退回')
  expect(steps.find((s) => s.status === 'current')?.state).toBe('submitted')
  expect(steps.filter((s) => s.status === 'done').map((s) => s.state)).toEqual(['created', 'notified', 'held', 'recorded'])
  // The server marks the step to redo itself (its return mapping): the same picture.
  const marked = tl.map((s) => ({ ...s, current: s.state === 'submitted' }))
  expect(timelineSteps({ type: 'general_assembly', state: 'rejected', timeline: marked })).toEqual({ steps, detour })
  // No timeline from the server: drawn from the rule table.
  expect(timelineSteps({ type: 'group', state: 'created', timeline: [] }).steps.map((s) => s.status)).toEqual(['current', 'todo', 'todo', 'todo', 'todo'])
})

test('feedback opens for invitees while notified and before the deadline', () => {
  const base = { invited: true, state: 'notified' as MeetingState, feedbackDeadline: '2025-03-10T06:00:00Z' }
  expect(feedbackWindow(base, NOW)).toEqual({ open: true, deadline: base.feedbackDeadline })
  expect(feedbackWindow({ ...base, feedbackDeadline: '2025-03-10T03:59:00Z' }, NOW)).toEqual({ open: false, why: '反馈已于 2025-03-10 11:59 截止' })
  expect(feedbackWindow({ ...base, invited: false }, NOW)).toEqual({ open: false, why: null })
  expect(feedbackWindow({ ...base, state: 'held' }, NOW)).toEqual({ open: false, why: null })
})

test('check-in: invited, open, not yet checked in; by location only with a venue position on site', () => {
  const base = { invited: true, checkinOpen: true, myCheckedInAt: null, location: null, online: false }
  expect(checkinWays(base)).toEqual({ scan: true, location: false })
  expect(checkinWays({ ...base, location: { latitude: 39.9, longitude: 116.4, radiusMeters: 300 } })).toEqual({ scan: true, location: true })
  expect(checkinWays({ ...base, checkinOpen: false })).toBeNull()
  expect(checkinWays({ ...base, invited: false })).toBeNull()
  expect(checkinWays({ ...base, myCheckedInAt: '2025-03-10T04:00:00Z' })).toBeNull()
})

test('outlines while a life-and-review meeting is pre-noticed (or its materials returned); evaluation once held', () => {
  expect(outlineOpen({ invited: true, type: 'life_and_review', state: 'pre_noticed' })).toBe(true)
  expect(outlineOpen({ invited: true, type: 'life_and_review', state: 'materials_rejected' })).toBe(true)
  expect(outlineOpen({ invited: false, type: 'life_and_review', state: 'pre_noticed' })).toBe(false)
  expect(outlineOpen({ invited: true, type: 'general_assembly', state: 'created' })).toBe(false)
  expect(evaluationAvailable({ type: 'life_and_review', state: 'recorded' })).toBe(true)
  expect(evaluationAvailable({ type: 'life_and_review', state: 'notified' })).toBe(false)
  expect(evaluationAvailable({ type: 'general_assembly', state: 'recorded' })).toBe(false)
})

test('admin actions: notify picks invitees, record / summarize / follow-up open the form, rejections ask why', () => {
  const at = (type: MeetingType, state: MeetingState) => ({ type, state }) as Pick<MeetingDetail, 'type' | 'state'>
  expect(actionKind(at('general_assembly', 'created'), 'notify')).toEqual({ kind: 'invitees' })
  expect(actionKind(at('life_and_review', 'created'), 'pre_notice')).toEqual({ kind: 'invitees' })
  // After approved materials the invitees are known: notify just goes.
  expect(actionKind(at('life_and_review', 'materials_approved'), 'notify')).toEqual({ kind: 'confirm' })
  expect(actionKind(at('general_assembly', 'held'), 'record')).toEqual({ kind: 'record', field: 'minutes' })
  expect(actionKind(at('lecture', 'recorded'), 'summarize')).toEqual({ kind: 'record', field: 'summary' })
  expect(actionKind(at('life_and_review', 'done'), 'record_followup')).toEqual({ kind: 'record', field: 'followup' })
  expect(actionKind(at('general_assembly', 'submitted'), 'reject')).toEqual({ kind: 'reason' })
  expect(actionKind(at('general_assembly', 'notified'), 'hold')).toEqual({ kind: 'confirm' })
})

test('counts of answers, vote shares and period names', () => {
  const inv = (feedback: 'attend' | 'leave' | null, checkedInAt: string | null = null) => ({ memberId: 1, name: 'x', probationary: false, feedback, leaveReason: null, checkedInAt, present: false, outlineSubmitted: false })
  expect(feedbackCounts([inv('attend', '2025-01-01T00:00:00Z'), inv('attend'), inv('leave'), inv(null)])).toEqual({ attend: 2, leave: 1, none: 1, present: 1 })
  expect(voteShares([3, 1, 0])).toEqual([75, 25, 0])
  expect(voteShares([0, 0])).toEqual([0, 0])
  expect(periodLabel('2025-Q4')).toBe('2025年第四季度')
  expect(periodLabel('2025-03')).toBe('2025年3月')
  expect(periodLabel('2025')).toBe('2025年度')
})
