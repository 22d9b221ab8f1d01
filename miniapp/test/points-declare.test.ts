/** 积分申报 and the ranking switch (subpackages/points/lib/declare.ts). */
import type { PointsRuleView } from '@dangjian/shared'
import {
  asOfText,
  declarableRules,
  declarationLabel,
  declarationPoints,
  declarationTone,
  isRankingsOff,
  ruleOption,
  toDeclarationRequest,
  validateDeclaration,
} from '../src/subpackages/points/lib/declare'
import { createApiError, createNetworkError } from '../src/services/errors'

const rule = (over: Partial<PointsRuleView>): PointsRuleView => ({
  code: 'x',
  category: 'vanguard',
  name: '规则',
  points: 5,
  cap: null,
  capPeriod: 'year',
  enabled: true,
  builtin: false,
  declared: true,
  ...over,
})

const rules = [
  rule({ code: 'login', category: 'learning', name: '每日登录', builtin: true, declared: false }),
  rule({ code: 'volunteer', category: 'vanguard', name: '志愿服务' }),
  rule({ code: 'old', category: 'vanguard', name: '旧事项', enabled: false }),
  rule({ code: 'lecture', category: 'learning', name: '宣讲', points: 3 }),
]

describe('declarableRules', () => {
  it('keeps the enabled declared rules, by category', () => {
    expect(declarableRules(rules).map((r) => r.code)).toEqual(['lecture', 'volunteer'])
  })
  it('names a rule with its category and points', () => {
    expect(ruleOption(rules[1])).toBe('志愿服务（先锋作用 · 5分）')
  })
})

describe('validateDeclaration', () => {
  it('asks for a rule and a text', () => {
    expect(validateDeclaration({ ruleCode: '', content: '  ', images: [] }, rules)).toEqual({ ruleCode: '请选择申报事项', content: '请填写申报说明' })
  })
  it('refuses a rule that is not declarable and too many images or characters', () => {
    expect(validateDeclaration({ ruleCode: 'old', content: 'x'.repeat(1001), images: Array(10).fill('k') }, rules)).toEqual({
      ruleCode: '该事项已停用，请重新选择',
      content: '申报说明最多1000个字',
      images: '最多9张图片',
    })
  })
  it('passes a good draft and sends trimmed text, images only when there are some', () => {
    const d = { ruleCode: 'volunteer', content: ' 社区义诊 ', images: [] }
    expect(validateDeclaration(d, rules)).toEqual({})
    expect(toDeclarationRequest(d)).toEqual({ ruleCode: 'volunteer', content: '社区义诊' })
    expect(toDeclarationRequest({ ...d, images: ['a'] })).toEqual({ ruleCode: 'volunteer', content: '社区义诊', images: ['a'] })
  })
})

describe('declaration lines', () => {
  it('labels and colours the states', () => {
    expect(declarationLabel('pending')).toBe('待审核')
    expect(declarationLabel('approved')).toBe('已通过')
    expect(declarationLabel('rejected')).toBe('已驳回')
    expect(declarationTone('pending')).toBe('gold')
    expect(declarationTone('approved')).toBe('green')
  })
  it('shows what was awarded once approved, else the rule’s points', () => {
    expect(declarationPoints({ state: 'approved', points: 5, awarded: 3 })).toBe('+3 分')
    expect(declarationPoints({ state: 'pending', points: 5, awarded: 0 })).toBe('5 分')
  })
})

describe('rankings switch and averages', () => {
  it('recognises the 403 of a tenant without rankings', () => {
    expect(isRankingsOff(createApiError(403, { code: 'POINTS_RANKINGS_OFF', message: '未开启' }))).toBe(true)
    expect(isRankingsOff(createApiError(403, { code: 'FORBIDDEN', message: 'x' }))).toBe(false)
    expect(isRankingsOff(createNetworkError())).toBe(false)
  })
  it('dates the averages or says they are not computed yet', () => {
    expect(asOfText(null)).toBe('尚未统计，次日更新')
    expect(asOfText('2026-11-21T19:00:00.000Z')).toMatch(/^统计于 2026-11-22 03:00$/)
  })
})
