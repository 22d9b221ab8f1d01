/** Yuan ↔ fen (src/lib/money.ts): strings and integers only, never floating point. */
import { formatFen, parseYuan, yuanProblem, yuanText } from '../src/lib/money'

test('formats fen as ¥ with two decimals', () => {
  expect(formatFen(1234)).toBe('¥12.34')
  expect(formatFen(5)).toBe('¥0.05')
  expect(formatFen(20)).toBe('¥0.20')
  expect(formatFen(0)).toBe('¥0.00')
  expect(formatFen(100_000)).toBe('¥1000.00')
  expect(formatFen(-500)).toBe('-¥5.00')
  expect(formatFen(null)).toBe('—')
  expect(formatFen(undefined)).toBe('—')
  expect(yuanText(1230)).toBe('12.30')
})

test('parses typed yuan into exact fen', () => {
  expect(parseYuan('12.34')).toBe(1234)
  expect(parseYuan('12')).toBe(1200)
  expect(parseYuan('12.3')).toBe(1230)
  expect(parseYuan('0.2')).toBe(20)
  expect(parseYuan('12.')).toBe(1200)
  expect(parseYuan('.5')).toBe(50)
  expect(parseYuan(' ¥ 8.05 ')).toBe(805)
  expect(parseYuan('１２．３４')).toBe(1234)
  expect(parseYuan('1000')).toBe(100_000)
  expect(parseYuan('1,000')).toBe(100_000)
})

test('no floating point error: 0.29, 1.15, 4.35, 19.99', () => {
  // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in floating point.
  expect(parseYuan('0.29')).toBe(29)
  expect(parseYuan('1.15')).toBe(115)
  expect(parseYuan('4.35')).toBe(435)
  expect(parseYuan('19.99')).toBe(1999)
  for (let fen = 0; fen < 2000; fen += 7) expect(parseYuan(yuanText(fen))).toBe(fen)
})

test('refuses what is not an amount', () => {
  for (const bad of ['', ' ', '.', 'abc', '..', '-1', '+1', '1.234', '1e3', '12.3.4', '０x', '12345678901', '¥']) {
    expect(parseYuan(bad)).toBeNull()
  }
  expect(parseYuan(null)).toBeNull()
  expect(yuanProblem('')).toBeNull()
  expect(yuanProblem('1.5')).toBeNull()
  expect(yuanProblem('1.555')).toMatch(/最多两位小数/)
})
