/**
 * The 党员e家 API (/api/v1/aid…, shared/src/api.ts "Mutual aid") as typed calls, used by the
 * `mutual-aid` and `snapshot` subpackages. Pages show the server's refusal themselves (toast off).
 */
import type {
  AidAction,
  AidCommentView,
  AidCounts,
  AidItemCreateRequest,
  AidItemDetail,
  AidItemQuery,
  AidItemSummary,
  Page,
} from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from './api'

const quiet: RequestOptions = { toast: false }
const item = (id: number) => `/api/v1/aid/items/${id}`

export const aidApi = {
  /** GET /aid/items: a kind's list in a view (open / mine / claimed…). */
  list: (q: AidItemQuery) => api.get<Page<AidItemSummary>>('/api/v1/aid/items', { ...q }, quiet),
  /** POST /aid/items: publish (waits for the branch's review). */
  create: (body: AidItemCreateRequest) => api.post<AidItemDetail>('/api/v1/aid/items', body, quiet),
  /** GET /aid/items/:id: with the timeline and the caller's availableActions. */
  detail: (id: number) => api.get<AidItemDetail>(item(id), undefined, quiet),
  /** POST /aid/items/:id/transitions */
  transition: (id: number, action: AidAction, reason?: string) => api.post<AidItemDetail>(`${item(id)}/transitions`, reason ? { action, reason } : { action }, quiet),
  like: (id: number, on: boolean) => (on ? api.put<AidCounts>(`${item(id)}/like`, undefined, quiet) : api.delete<AidCounts>(`${item(id)}/like`, quiet)),
  share: (id: number) => api.post<AidCounts>(`${item(id)}/share`, undefined, quiet),
  comments: (id: number, page: number, pageSize: number) => api.get<Page<AidCommentView>>(`${item(id)}/comments`, { page, pageSize }, quiet),
  comment: (id: number, content: string) => api.post<AidCommentView>(`${item(id)}/comments`, { content }, quiet),
  approveComment: (id: number, commentId: number) => api.post<AidCommentView>(`${item(id)}/comments/${commentId}/approve`, undefined, quiet),
}

export const AID_PAGES = {
  index: '/subpackages/mutual-aid/index',
  detail: '/subpackages/mutual-aid/detail',
  compose: '/subpackages/mutual-aid/compose',
  snapshots: '/subpackages/snapshot/index',
  snapshot: '/subpackages/snapshot/detail',
  snapshotCompose: '/subpackages/snapshot/compose',
} as const

/** Lists reload when an item is published or moves on. */
const CHANGED = 'aid:changed'
export const notifyAidChanged = () => Taro.eventCenter.trigger(CHANGED)
export function onAidChanged(fn: () => void): () => void {
  Taro.eventCenter.on(CHANGED, fn)
  return () => Taro.eventCenter.off(CHANGED, fn)
}
