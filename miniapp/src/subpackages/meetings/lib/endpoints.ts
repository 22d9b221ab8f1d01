/** Organisational life's API (/api/v1/meetings…) as typed calls. */
import type {
  BranchMember,
  EvaluationMutualRequest,
  EvaluationView,
  MeetingAction,
  MeetingCandidate,
  MeetingCheckinCode,
  MeetingCheckinRequest,
  MeetingCreateRequest,
  MeetingDetail,
  MeetingPhase,
  MeetingRecordRequest,
  MeetingSummary,
  MeetingTypeSetting,
  MeetingVoteView,
  Page,
  SupervisionView,
} from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from '../../../services/api'

const meeting = (id: number) => `/api/v1/meetings/${id}`
/** Forms show the server's refusal beside them, not as a toast. */
const quiet: RequestOptions = { toast: false }

export const meetingsApi = {
  /** Meetings the caller is invited to. */
  mine: (phase: MeetingPhase, page: number, pageSize: number) => api.get<Page<MeetingSummary>>('/api/v1/meetings/mine', { phase, page, pageSize }, quiet),
  /** A branch's meetings (its admins). */
  ofBranch: (orgId: number, phase: MeetingPhase, page: number, pageSize: number) => api.get<Page<MeetingSummary>>('/api/v1/meetings', { orgId, phase, page, pageSize }, quiet),
  detail: (id: number) => api.get<MeetingDetail>(meeting(id), undefined, quiet),
  feedback: (id: number, attend: boolean, reason?: string) => api.post<unknown>(`${meeting(id)}/feedback`, attend ? { attend } : { attend, reason }, quiet),
  outline: (id: number, content: string) => api.put<unknown>(`${meeting(id)}/outline`, { content }, quiet),
  note: (id: number) => api.get<{ content: string } | null>(`${meeting(id)}/note`, undefined, quiet),
  saveNote: (id: number, content: string) => api.put<unknown>(`${meeting(id)}/note`, { content }, quiet),
  checkin: (id: number, body: MeetingCheckinRequest) => api.post<MeetingDetail>(`${meeting(id)}/checkin`, body, quiet),
  votes: (id: number) => api.get<MeetingVoteView[]>(`${meeting(id)}/votes`, undefined, quiet),
  ballot: (id: number, voteId: number, option: number) => api.post<unknown>(`${meeting(id)}/votes/${voteId}/ballot`, { option }, quiet),
  evaluation: (id: number) => api.get<EvaluationView>(`${meeting(id)}/evaluation`, undefined, quiet),
  saveSelf: (id: number, content: string) => api.put<unknown>(`${meeting(id)}/evaluation/self`, { content }, quiet),
  saveMutual: (id: number, ratings: EvaluationMutualRequest['ratings']) => api.put<unknown>(`${meeting(id)}/evaluation/mutual`, { ratings }, quiet),

  // ---- branch admins ----
  types: () => api.get<MeetingTypeSetting[]>('/api/v1/meetings/types', undefined, quiet),
  create: (body: MeetingCreateRequest) => api.post<MeetingDetail>('/api/v1/meetings', body, quiet),
  candidates: (id: number) => api.get<MeetingCandidate[]>(`${meeting(id)}/candidates`, undefined, quiet),
  transition: (id: number, action: MeetingAction, extra?: { invitees?: number[]; reason?: string }) =>
    api.post<MeetingDetail>(`${meeting(id)}/transitions`, { action, ...extra }, quiet),
  /** PATCH (sent as POST with the method override). */
  record: (id: number, body: MeetingRecordRequest) => api.patch<MeetingDetail>(`${meeting(id)}/record`, body, quiet),
  checkinSwitch: (id: number, open: boolean) => api.post<MeetingDetail>(`${meeting(id)}/checkin/${open ? 'open' : 'close'}`, undefined, quiet),
  /** The rotating check-in code the big screen shows (admins). */
  checkinCode: (id: number) => api.get<MeetingCheckinCode>(`${meeting(id)}/checkin/code`, undefined, quiet),
  createVote: (id: number, title: string, options: string[]) => api.post<MeetingVoteView>(`${meeting(id)}/votes`, { title, options }, quiet),
  closeVote: (id: number, voteId: number) => api.post<MeetingVoteView>(`${meeting(id)}/votes/${voteId}/close`, undefined, quiet),
  supervision: () => api.get<SupervisionView>('/api/v1/meetings/supervision', undefined, quiet),
  /** A branch's members, every page (the host choice before a meeting exists: no candidates yet). */
  async branchMembers(orgId: number): Promise<BranchMember[]> {
    const all: BranchMember[] = []
    for (let page = 1; ; page++) {
      const res = await api.get<Page<BranchMember>>('/api/v1/branch/members', { orgId, page, pageSize: 100 }, quiet)
      all.push(...res.items)
      if (!res.items.length || all.length >= res.total) return all
    }
  },
}

/** Emitted after any change to a meeting (feedback, check-in, a transition…), so open pages reload. */
const CHANGED = 'meetings:changed'
export const notifyMeetingsChanged = () => Taro.eventCenter.trigger(CHANGED)
export function onMeetingsChanged(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED, listener)
  return () => Taro.eventCenter.off(CHANGED, listener)
}
