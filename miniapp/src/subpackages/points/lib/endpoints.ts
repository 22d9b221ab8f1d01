/**
 * The points API (/api/v1/points…, shared/src/api.ts "Points") as typed calls: my totals, my
 * ledger and the rankings. Pages show the server's refusal themselves (PageShell), not as a toast.
 */
import type {
  MyPoints,
  Page,
  PointsDeclarationRequest,
  PointsDeclarationView,
  PointsEntryView,
  PointsOrgAverages,
  PointsRanking,
  PointsRankingQuery,
  PointsRuleView,
  PointsSettings,
} from '@dangjian/shared'
import Taro from '@tarojs/taro'
import { api, type RequestOptions } from '../../../services/api'

const quiet: RequestOptions = { toast: false }

export const pointsApi = {
  /** GET /points/me: this year's and all-time totals by category. */
  me: () => api.get<MyPoints>('/api/v1/points/me', undefined, quiet),
  /** GET /points/me/entries: my awards, newest first. */
  entries: (page: number, pageSize: number) => api.get<Page<PointsEntryView>>('/api/v1/points/me/entries', { page, pageSize }, quiet),
  /** GET /points/rankings: my branch's (default), organisation's or the tenant's top members and my place. */
  rankings: (q: PointsRankingQuery) => api.get<PointsRanking>('/api/v1/points/rankings', { ...q }, quiet),
  /** GET /points/settings: whether the tenant shows rankings (PTS-5). */
  settings: () => api.get<PointsSettings>('/api/v1/points/settings', undefined, quiet),
  /** GET /points/averages: the organisations under mine by average (computed daily). */
  averages: (period: string) => api.get<PointsOrgAverages>('/api/v1/points/averages', { period }, quiet),
  /** GET /points/rules: the tenant's rules (the form offers the enabled declared ones). */
  rules: () => api.get<PointsRuleView[]>('/api/v1/points/rules', undefined, quiet),
  /** GET /points/declarations/mine: my declarations, newest first. */
  myDeclarations: (page: number, pageSize: number) => api.get<Page<PointsDeclarationView>>('/api/v1/points/declarations/mine', { page, pageSize }, quiet),
  /** POST /points/declarations: declare under a declared rule (waits for the branch's review). */
  declare: (body: PointsDeclarationRequest) => api.post<PointsDeclarationView>('/api/v1/points/declarations', body, quiet),
}

/** Pages of the `subpackages/points` subpackage. */
export const POINTS_PAGES = {
  index: '/subpackages/points/index',
  detail: '/subpackages/points/detail',
  ranking: '/subpackages/points/ranking',
  declarations: '/subpackages/points/declarations',
  declare: '/subpackages/points/declare',
} as const

/** My declarations reload after a new one is filed. */
const CHANGED = 'points:declared'
export const notifyDeclared = () => Taro.eventCenter.trigger(CHANGED)
export function onDeclared(fn: () => void): () => void {
  Taro.eventCenter.on(CHANGED, fn)
  return () => Taro.eventCenter.off(CHANGED, fn)
}
