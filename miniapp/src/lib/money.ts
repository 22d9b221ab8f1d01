/**
 * Money in the mini-program. The API carries integer fen everywhere (PAY-4); members read and type
 * yuan. Conversions go through strings and integers only — never `yuan * 100` in floating point,
 * where 0.29 * 100 = 28.999999999999996.
 */
import { yuanToFen } from '@dangjian/shared'

/** 1234 → "12.34" (no currency sign): what an input starts from. */
export function yuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen))
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** 1234 → ¥12.34; -500 → -¥5.00; null / undefined → —. */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return '—'
  return `${fen < 0 ? '-' : ''}¥${yuanText(Math.abs(fen))}`
}

/**
 * A typed yuan amount → fen, by shared `yuanToFen` (the rule the admin page and the server use:
 * "12.34" → 1234, "12" → 1200, "12.3" → 1230, "1,000" → 100000) after what phone keyboards add:
 * full-width digits and point, a leading ¥, a point at either end ("12." → 1200, ".5" → 50).
 * Anything else (more than two decimals, signs, letters, empty) → null.
 */
export function parseYuan(text: string | null | undefined): number | null {
  let s = toHalfWidth(text ?? '')
    .trim()
    .replace(/^[¥￥]\s*/, '')
  if (s.endsWith('.')) s = s.slice(0, -1)
  if (s.startsWith('.')) s = `0${s}`
  return s ? yuanToFen(s) : null
}

/** The problem with a typed amount, or null when it is empty or fine. */
export function yuanProblem(text: string, label = '金额'): string | null {
  if (!text.trim()) return null
  return parseYuan(text) === null ? `${label}请填写数字，最多两位小数（单位：元）` : null
}

function toHalfWidth(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}
