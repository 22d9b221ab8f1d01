/**
 * The points API (/api/v1/points…, shared/src/api.ts "Points") as typed calls: my totals, my
 * ledger and the rankings. Pages show the server's refusal themselves (PageShell), not as a toast.
 */
import type { MyPoints, Page, PointsEntryView, PointsRanking, PointsRankingQuery } from '@dangjian/shared'
import { api, type RequestOptions } from '../../../services/api'

const quiet: RequestOptions = { toast: false }

export const pointsApi = {
  /** GET /points/me: this year's and all-time totals by category. */
  me: () => api.get<MyPoints>('/api/v1/points/me', undefined, quiet),
  /** GET /points/me/entries: my awards, newest first. */
  entries: (page: number, pageSize: number) => api.get<Page<PointsEntryView>>('/api/v1/points/me/entries', { page, pageSize }, quiet),
  /** GET /points/rankings: my branch's (default), organisation's or the tenant's top members and my place. */
  rankings: (q: PointsRankingQuery) => api.get<PointsRanking>('/api/v1/points/rankings', { ...q }, quiet),
}

/** Pages of the `subpackages/points` subpackage. */
export const POINTS_PAGES = {
  index: '/subpackages/points/index',
  detail: '/subpackages/points/detail',
  ranking: '/subpackages/points/ranking',
} as const
