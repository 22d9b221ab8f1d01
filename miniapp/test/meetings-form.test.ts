/** 组织生活 admin forms: a new meeting, the record, a vote, mutual ratings (subpackages/meetings/lib/form.ts). */
import type { BranchMember, EvaluationView } from '@dangjian/shared'
import { createApiError } from '../src/services/errors'
import {
  emptyMeetingDraft,
  hostChoices,
  meetingServerErrors,
  mutualTargets,
  toCreateRequest,
  toRecordRequest,
  validateMeeting,
  validateMutual,
  validateRecord,
  validateVote,
  voteOptions,
  type MeetingDraft,
} from '../src/subpackages/meetings/lib/form'

const NOW = new Date('2025-03-10T04:00:00Z') // 12:00 in Beijing
const draft = (patch: Partial<MeetingDraft>): MeetingDraft => ({ ...emptyMeetingDraft(), ...patch })
const OK = draft({
  type: 'general_assembly',
  title: ' 一季度党员大会 ',
  startDate: '2025-03-12',
  startTime: '14:30',
  deadlineDate: '2025-03-11',
  deadlineTime: '18:00',
  hostMemberId: 7,
  venue: '党员活动室',
})

test('an empty form names each missing field', () => {
  expect(validateMeeting(emptyMeetingDraft(), NOW)).toEqual({
    type: '请选择会议类型',
    title: '请填写会议名称',
    startsAt: '请选择开始日期和时间',
    deadline: '请选择反馈截止日期和时间',
    host: '请选择主持人',
    venue: '请填写会议地点',
  })
  expect(validateMeeting(OK, NOW)).toEqual({})
})

test('start in the future, deadline after now and before the start (MEET-1, MEET-4)', () => {
  expect(validateMeeting({ ...OK, startDate: '2025-03-10', startTime: '11:00' }, NOW).startsAt).toBe('开始时间不能早于现在')
  expect(validateMeeting({ ...OK, deadlineDate: '2025-03-12', deadlineTime: '14:30' }, NOW).deadline).toBe('反馈截止时间须早于会议开始时间')
  expect(validateMeeting({ ...OK, deadlineDate: '2025-03-10', deadlineTime: '11:59' }, NOW).deadline).toBe('反馈截止时间须晚于现在')
})

test('ratio for the types with one (MEET-5), a group for 党小组会, limits on text', () => {
  expect(validateMeeting({ ...OK, ratio: '0' }, NOW).ratio).toBe('参会比例为 1–100 的整数')
  expect(validateMeeting({ ...OK, ratio: '80.5' }, NOW).ratio).toBeDefined()
  expect(validateMeeting({ ...OK, type: 'committee', ratio: 'x' }, NOW).ratio).toBeUndefined()
  expect(validateMeeting({ ...OK, type: 'group' }, NOW).group).toBe('请选择党小组')
  expect(validateMeeting({ ...OK, title: '会'.repeat(101) }, NOW).title).toMatch(/不超过 100/)
  expect(validateMeeting({ ...OK, online: true, venue: ' ' }, NOW).venue).toBe('请填写会议号或会议链接')
})

test('the request: Beijing times as instants, ratio only where the type has one, group only for groups', () => {
  expect(toCreateRequest(3, OK)).toEqual({
    orgId: 3,
    type: 'general_assembly',
    title: '一季度党员大会',
    startsAt: '2025-03-12T06:30:00.000Z',
    durationDays: 0.5,
    feedbackDeadline: '2025-03-11T10:00:00.000Z',
    hostMemberId: 7,
    venue: '党员活动室',
    requiredRatio: 80,
  })
  const committee = toCreateRequest(3, { ...OK, type: 'committee', groupId: 9, agenda: ' 一、学习 ' })
  expect(committee.requiredRatio).toBeUndefined()
  expect(committee.groupId).toBeUndefined()
  expect(committee.agenda).toBe('一、学习')
  expect(toCreateRequest(3, { ...OK, type: 'group', groupId: 9 }).groupId).toBe(9)
  const location = { latitude: 39.9, longitude: 116.4, radiusMeters: 300 }
  expect(toCreateRequest(3, { ...OK, location }).location).toEqual(location)
  // Online meetings have no position to check in at.
  const online = toCreateRequest(3, { ...OK, online: true, location })
  expect(online.online).toBe(true)
  expect(online.location).toBeUndefined()
})

test('hosts are committee members; a group leader alone is not one (MEET-3)', () => {
  const m = (memberId: number, posts: BranchMember['posts']) => ({ memberId, name: `m${memberId}`, posts }) as BranchMember
  expect(hostChoices([m(1, ['secretary']), m(2, []), m(3, ['group_leader']), m(4, ['group_leader', 'committee_member'])]).map((x) => x.memberId)).toEqual([1, 4])
})

test('server field errors land beside their fields', () => {
  const e = createApiError(400, { code: 'VALIDATION_FAILED', message: '输入有误', details: [{ field: 'feedbackDeadline', message: '反馈截止时间须早于开始时间' }, { field: 'hostMemberId', message: '主持人须为支部委员' }] })
  expect(meetingServerErrors(e)).toEqual({ fields: { deadline: '反馈截止时间须早于开始时间', host: '主持人须为支部委员' }, message: null })
  expect(meetingServerErrors(createApiError(409, { code: 'MEETING_TYPE_DISABLED', message: '该会议类型未启用' }))).toEqual({ fields: {}, message: '该会议类型未启用' })
})

test('record: text required; a resolution needs its text and whole vote counts; passed by MEET-6', () => {
  expect(validateRecord('minutes', { text: ' ', resolution: null })).toEqual({ text: '请填写会议纪要' })
  expect(validateRecord('summary', { text: '', resolution: null }).text).toBe('请填写党课总结')
  const r = { text: '同意张三转正', votesFor: '20', votesAgainst: '1', abstentions: 'x' }
  expect(validateRecord('minutes', { text: '纪要', resolution: r }).resolution).toMatch(/正整数/)
  const ok = { text: '纪要', resolution: { ...r, abstentions: '0' } }
  expect(validateRecord('minutes', ok)).toEqual({})
  expect(toRecordRequest('minutes', ok, { fullMembers: 30, fullPresent: 25, reached: true })).toEqual({
    minutes: '纪要',
    resolution: { text: '同意张三转正', votesFor: 20, votesAgainst: 1, abstentions: 0, passed: true },
  })
  // 20 of 40 full members is not more than half.
  expect(toRecordRequest('minutes', ok, { fullMembers: 40, fullPresent: 30, reached: true }).resolution?.passed).toBe(false)
  expect(toRecordRequest('followup', { text: ' 整改 ', resolution: null }, null)).toEqual({ followup: '整改' })
})

test('a vote needs a title and two to ten distinct options, one per line', () => {
  expect(validateVote({ title: '', options: 'a\nb' })).toBe('请填写表决事项')
  expect(validateVote({ title: '事项', options: '同意\n\n' })).toBe('至少填写两个选项（每行一个）')
  expect(validateVote({ title: '事项', options: '同意\n同意' })).toBe('选项不能重复')
  expect(validateVote({ title: '事项', options: Array.from({ length: 11 }, (_, i) => `选项${i}`).join('\n') })).toBe('最多 10 个选项')
  expect(validateVote({ title: '事项', options: ' 同意 \n不同意\n弃权' })).toBeNull()
  expect(voteOptions({ title: '', options: ' 同意 \n\n不同意' })).toEqual(['同意', '不同意'])
})

test('mutual ratings: every full member but oneself; probationary members are not graded', () => {
  const view = {
    meetingId: 1,
    members: [
      { memberId: 1, name: '甲', probationary: false },
      { memberId: 2, name: '乙', probationary: false },
      { memberId: 3, name: '丙', probationary: true },
    ],
  } as EvaluationView
  const targets = mutualTargets(view, 1)
  expect(targets.map((t) => t.name)).toEqual(['乙'])
  expect(validateMutual(targets, {})).toBe('还有 1 人未评定等次：乙')
  expect(validateMutual(targets, { 2: 'qualified' })).toBeNull()
})
