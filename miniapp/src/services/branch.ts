/**
 * The online branch 网上支部 as the 支部 tab needs it (main package, kept small): the branch's home,
 * BR-9's "enter" call once per session, the unread message count, and the subpackage's pages.
 */
import { BRANCH_KINDS, BRANCH_SPACES, type BranchHome, type BranchKind } from '@dangjian/shared'
import { api, type RequestOptions } from './api'

/** Pages of the `subpackages/branch` subpackage. */
export const BRANCH_PAGES = {
  list: '/subpackages/branch/index',
  post: '/subpackages/branch/post',
  compose: '/subpackages/branch/compose',
  members: '/subpackages/branch/members',
  messages: '/subpackages/branch/messages',
} as const

export const listUrl = (kind: BranchKind) => `${BRANCH_PAGES.list}?kind=${kind}`
export const postUrl = (id: number) => `${BRANCH_PAGES.post}?id=${id}`
/** The compose page in edit mode for one post. */
export const editUrl = (id: number) => `${BRANCH_PAGES.compose}?id=${id}`

/** The caller's own branch, or another one the caller administers (`orgId`). */
export function fetchBranchHome(opts?: RequestOptions, orgId?: number): Promise<BranchHome> {
  return api.get<BranchHome>('/api/v1/branch', { orgId }, opts)
}

export async function fetchUnreadMessageCount(opts?: RequestOptions): Promise<number> {
  return (await api.get<{ count: number }>('/api/v1/me/messages/unread-count', undefined, opts)).count
}

let enteredAs: number | null = null

/**
 * BR-9: the first member to open the branch where there is neither a secretary nor an admin
 * becomes its admin. Called when the 支部 tab opens; once per user and app session.
 */
export async function enterBranchOnce(userId: number): Promise<void> {
  if (enteredAs === userId) return
  await api.post<{ branchId: number; isAdmin: boolean }>('/api/v1/me/branch/enter', undefined, { toast: false })
  enteredAs = userId
}

export interface SpaceTile {
  kind: BranchKind
  label: string
  total: number
  unread: number
}

/** The tab's grid: every space in BRANCH_KINDS order; 书记信箱 only where there is a secretary (BR-10). */
export function spaceTiles(home: BranchHome): SpaceTile[] {
  const counts = new Map(home.spaces.map((s) => [s.kind, s]))
  return BRANCH_KINDS.filter((kind) => kind !== 'letter' || home.secretaryName !== null).map((kind) => ({
    kind,
    label: BRANCH_SPACES[kind].label,
    total: counts.get(kind)?.total ?? 0,
    unread: counts.get(kind)?.unread ?? 0,
  }))
}

/** A badge's text: 99+ past 99, nothing at 0. */
export function badgeText(n: number): string {
  if (n <= 0) return ''
  return n > 99 ? '99+' : String(n)
}
