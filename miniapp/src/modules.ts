/** The feature modules on the home grid; each lives in its own subpackage (see app.config.ts). */
export interface ModuleEntry {
  key: string
  name: string
  /** One character shown in the tile's badge. */
  glyph: string
  description: string
  /** Its page: a subpackage page, or a tab (`tab: true`, opened with switchTab). */
  path: string
  tab?: boolean
  accent: 'red' | 'gold'
}

export const MODULES: ModuleEntry[] = [
  { key: 'branch', name: '网上支部', glyph: '支', description: '支部通知、党员名册和支部动态', path: '/pages/branch/index', tab: true, accent: 'red' },
  { key: 'meetings', name: '组织生活', glyph: '会', description: '三会一课、主题党日的安排与签到', path: '/subpackages/meetings/index', accent: 'gold' },
  { key: 'dues', name: '党费交纳', glyph: '费', description: '查看应交党费并在线交纳', path: '/subpackages/dues/index', accent: 'red' },
  { key: 'points', name: '积分', glyph: '分', description: '我的积分、明细和积分申报', path: '/subpackages/points/index', accent: 'gold' },
  { key: 'wish', name: '心愿树', glyph: '愿', description: '心愿树、微捐赠和群众微心愿', path: '/subpackages/mutual-aid/index', accent: 'red' },
  { key: 'snapshot', name: '随手拍', glyph: '拍', description: '拍下身边的问题和好人好事', path: '/subpackages/snapshot/index', accent: 'gold' },
  { key: 'mall', name: '积分商城', glyph: '商', description: '用商城积分兑换纪念品，不扣减积分', path: '/subpackages/mall/index', accent: 'red' },
]

export function moduleByKey(key: string): ModuleEntry {
  const m = MODULES.find((x) => x.key === key)
  if (!m) throw new Error(`unknown module ${key}`)
  return m
}
