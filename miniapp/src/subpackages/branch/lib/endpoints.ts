/** The online branch's API (/api/v1/branch…, /me/messages) as typed calls. */
import type {
  AppMessage,
  BranchComment,
  BranchKind,
  BranchLikeResult,
  BranchMember,
  BranchPostCreateRequest,
  BranchPostDetail,
  BranchPostSummary,
  BranchPostUpdateRequest,
  BranchReadStats,
  BranchRemindResult,
  Page,
} from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from '../../../services/api'

const post = (id: number) => `/api/v1/branch/posts/${id}`

export const branchApi = {
  posts: (kind: BranchKind, mine: boolean, page: number, pageSize: number) =>
    api.get<Page<BranchPostSummary>>('/api/v1/branch/posts', { kind, mine: mine || undefined, page, pageSize }, { toast: false }),
  detail: (id: number) => api.get<BranchPostDetail>(post(id), undefined, { toast: false }),
  create: (body: BranchPostCreateRequest) => api.post<BranchPostDetail>('/api/v1/branch/posts', body, { toast: false }),
  /** PATCH (sent as POST with the method override): only the fields given change. */
  update: (id: number, body: BranchPostUpdateRequest, opts?: RequestOptions) => api.patch<BranchPostDetail>(post(id), body, opts),
  remove: (id: number) => api.delete<void>(post(id)),
  /** Opening it (no seconds) and leaving it (the seconds spent): best effort, never a toast. */
  read: (id: number, seconds?: number) => api.post<void>(`${post(id)}/read`, seconds === undefined ? {} : { seconds }, { toast: false }),
  like: (id: number, liked: boolean) => (liked ? api.put<BranchLikeResult>(`${post(id)}/like`) : api.delete<BranchLikeResult>(`${post(id)}/like`)),
  share: (id: number) => api.post<void>(`${post(id)}/share`, undefined, { toast: false }),
  comments: (id: number, page: number, pageSize: number) => api.get<Page<BranchComment>>(`${post(id)}/comments`, { page, pageSize }, { toast: false }),
  comment: (id: number, content: string, opts?: RequestOptions) => api.post<BranchComment>(`${post(id)}/comments`, { content }, opts),
  removeComment: (commentId: number) => api.delete<void>(`/api/v1/branch/comments/${commentId}`),
  reads: (id: number) => api.get<BranchReadStats>(`${post(id)}/reads`, undefined, { toast: false }),
  remind: (id: number) => api.post<BranchRemindResult>(`${post(id)}/remind`),
  reply: (id: number, content: string, opts?: RequestOptions) => api.post<BranchPostDetail>(`${post(id)}/reply`, { content }, opts),
  members: (page: number, pageSize: number) => api.get<Page<BranchMember>>('/api/v1/branch/members', { page, pageSize }, { toast: false }),
  messages: (page: number, pageSize: number) => api.get<Page<AppMessage>>('/api/v1/me/messages', { page, pageSize }, { toast: false }),
  readMessage: (id: number) => api.post<void>(`/api/v1/me/messages/${id}/read`, undefined, { toast: false }),
}

/** Emitted after a post, an edit, a deletion, a like or a comment, so open lists reload. */
const CHANGED = 'branch:changed'
export const notifyBranchChanged = () => Taro.eventCenter.trigger(CHANGED)
export function onBranchChanged(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED, listener)
  return () => Taro.eventCenter.off(CHANGED, listener)
}

/** Emitted with the saved post after an edit, so its open detail page shows it without a reload. */
const UPDATED = 'branch:post-updated'
export function notifyPostUpdated(post: BranchPostDetail): void {
  Taro.eventCenter.trigger(UPDATED, post)
  notifyBranchChanged()
}
export function onPostUpdated(listener: (post: BranchPostDetail) => void): () => void {
  Taro.eventCenter.on(UPDATED, listener)
  return () => Taro.eventCenter.off(UPDATED, listener)
}
