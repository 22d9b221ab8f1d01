/**
 * The dues API (/api/v1/dues…, shared/src/api.ts "Party dues") as typed calls: the member's
 * receipts, 代缴 lookup, orders and payments, and the branch admin's month view. GET /dues/me is
 * in services/dues.ts (the tab needs it in the main package).
 */
import type {
  DuesBillView,
  DuesFlaggedMember,
  DuesOrderRequest,
  DuesOrderResult,
  DuesPaymentView,
  DuesProxyLookup,
  DuesProxyLookupRequest,
  DuesRemindResult,
  DuesSummary,
  Page,
} from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from '../../../services/api'

/** Pages and forms show the server's refusal themselves, not as a toast. */
const quiet: RequestOptions = { toast: false }

export const duesApi = {
  /** GET /dues/receipts: payments I made, or that were made for me. */
  receipts: (page: number, pageSize: number) => api.get<Page<DuesPaymentView>>('/api/v1/dues/receipts', { page, pageSize }, quiet),
  /** GET /dues/payments/:id: one payment (polled after paying). */
  payment: (id: number) => api.get<DuesPaymentView>(`/api/v1/dues/payments/${id}`, undefined, quiet),
  /** POST /dues/proxy/lookup: 代缴 — the member to pay for, by name and ID number. */
  proxyLookup: (body: DuesProxyLookupRequest) => api.post<DuesProxyLookup>('/api/v1/dues/proxy/lookup', body, quiet),
  /** POST /dues/orders → 201 with what the platform's payment call needs. */
  createOrder: (body: DuesOrderRequest) => api.post<DuesOrderResult>('/api/v1/dues/orders', body, quiet),

  // ---- branch admins (DUES-10, DUES-11) ----
  /** GET /dues/bills: the month's paid or unpaid members of an organisation. */
  bills: (orgId: number, month: string, status: 'paid' | 'unpaid', page: number, pageSize: number) =>
    api.get<Page<DuesBillView>>('/api/v1/dues/bills', { orgId, month, status, page, pageSize }, quiet),
  /** GET /dues/summary: per month counts and totals of the year. */
  summary: (orgId: number, year: number) => api.get<DuesSummary>('/api/v1/dues/summary', { orgId, year }, quiet),
  /** POST /dues/remind: in-app messages to the month's unpaid members. */
  remind: (orgId: number, month: string) => api.post<DuesRemindResult>('/api/v1/dues/remind', { orgId, month }, quiet),
  /** GET /dues/flagged: members with six or more unpaid months. */
  flagged: (orgId: number) => api.get<DuesFlaggedMember[]>('/api/v1/dues/flagged', { orgId }, quiet),
}

/** Emitted after a payment, so the tab and the month list reload. */
const CHANGED = 'dues:changed'
export const notifyDuesChanged = () => Taro.eventCenter.trigger(CHANGED)
export function onDuesChanged(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED, listener)
  return () => Taro.eventCenter.off(CHANGED, listener)
}
