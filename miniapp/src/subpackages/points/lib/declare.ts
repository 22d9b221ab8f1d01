/**
 * 积分申报 (PTS-3) and the ranking switch (PTS-5) as the pages show them, kept pure for the tests:
 * which rules a member may declare under, the form's checks, a declaration's tag, the averages'
 * date line, and the 403 that means the tenant switched rankings off.
 */
import { POINTS_CATEGORIES, POINTS_CATEGORY_LABELS, POINTS_DECLARATION_STATE_LABELS, type PointsDeclarationRequest, type PointsDeclarationState, type PointsRuleView } from '@dangjian/shared'
import { formatDateTime } from '../../../lib/time'
import { isApiError } from '../../../services/errors'

/** The tenant's rules a member may declare under: custom declared and enabled, by category then name. */
export function declarableRules(rules: PointsRuleView[]): PointsRuleView[] {
  const order: readonly string[] = POINTS_CATEGORIES
  return rules
    .filter((r) => r.declared && r.enabled)
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** A rule as a picker line: 志愿服务（先锋作用 · 5分）. */
export const ruleOption = (r: Pick<PointsRuleView, 'name' | 'category' | 'points'>) => `${r.name}（${POINTS_CATEGORY_LABELS[r.category]} · ${r.points}分）`

export interface DeclarationDraft {
  ruleCode: string
  content: string
  /** Upload keys (POST /files/images). */
  images: string[]
}
export type DeclarationErrors = Partial<Record<'ruleCode' | 'content' | 'images', string>>

export const DECLARATION_MAX_IMAGES = 9
export const DECLARATION_MAX_CHARS = 1000

export function validateDeclaration(d: DeclarationDraft, rules: PointsRuleView[]): DeclarationErrors {
  const e: DeclarationErrors = {}
  if (!d.ruleCode) e.ruleCode = '请选择申报事项'
  else if (!declarableRules(rules).some((r) => r.code === d.ruleCode)) e.ruleCode = '该事项已停用，请重新选择'
  const content = d.content.trim()
  if (!content) e.content = '请填写申报说明'
  else if (content.length > DECLARATION_MAX_CHARS) e.content = `申报说明最多${DECLARATION_MAX_CHARS}个字`
  if (d.images.length > DECLARATION_MAX_IMAGES) e.images = `最多${DECLARATION_MAX_IMAGES}张图片`
  return e
}

export function toDeclarationRequest(d: DeclarationDraft): PointsDeclarationRequest {
  const req: PointsDeclarationRequest = { ruleCode: d.ruleCode, content: d.content.trim() }
  if (d.images.length) req.images = d.images
  return req
}

export const declarationLabel = (s: PointsDeclarationState) => POINTS_DECLARATION_STATE_LABELS[s]
export const declarationTone = (s: PointsDeclarationState): 'gold' | 'green' | 'grey' => (s === 'pending' ? 'gold' : s === 'approved' ? 'green' : 'grey')

/** The points line of a declaration: +5 分 once approved (what the ledger holds), else the rule's 5 分. */
export function declarationPoints(d: { state: PointsDeclarationState; points: number; awarded: number }): string {
  if (d.state === 'approved') return `+${d.awarded} 分`
  return `${d.points} 分`
}

/** 统计于 2026-11-22 03:00 / 尚未统计. */
export const asOfText = (asOf: string | null) => (asOf ? `统计于 ${formatDateTime(asOf)}` : '尚未统计，次日更新')

/** The server's answer when the tenant switched rankings off (PTS-5). */
export const RANKINGS_OFF_CODE = 'POINTS_RANKINGS_OFF'
export const isRankingsOff = (e: unknown) => isApiError(e) && e.code === RANKINGS_OFF_CODE
export const RANKINGS_OFF_TEXT = '本单位未开启积分排行。积分用于记录和激励，不作为考核依据。'
