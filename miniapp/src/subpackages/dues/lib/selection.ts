/**
 * Choosing months to pay (DUES-4): unpaid months the server lists as payable (the current one
 * and at most six back), future months to prepay (预交, at the standard amount); older unpaid
 * months are settled with the branch and cannot be chosen. The member may switch years, so the
 * choice is kept by month key over every year loaded so far (a pool), and the total counts them all.
 */
import type { DuesMonthView, MemberDues } from '@dangjian/shared'

/** What one /dues/me answer (or a 代缴 lookup) says; tooOldMonths is absent from a lookup. */
export type DuesYear = Pick<MemberDues, 'year' | 'months' | 'payableMonths' | 'prepayableMonths' | 'standard'> & {
  tooOldMonths?: string[]
}

/** Everything known from the years loaded so far. */
export interface DuesPool {
  months: Record<string, DuesMonthView>
  payable: string[]
  prepayable: string[]
  tooOld: string[]
  /** The monthly amount of each loaded year's standard (null: none set). */
  standardFen: Record<number, number | null>
}

export const EMPTY_POOL: DuesPool = { months: {}, payable: [], prepayable: [], tooOld: [], standardFen: {} }

const union = (a: string[], b: string[] | undefined) => Array.from(new Set(a.concat(b ?? []))).sort()

/** Adds one year's answer; the newer answer wins for its months and the rule lists are merged. */
export function mergeDues(pool: DuesPool, d: DuesYear): DuesPool {
  const months = { ...pool.months }
  for (const m of d.months) months[m.month] = m
  // A month paid since an earlier answer is no longer payable: the lists follow the month's status.
  const open = (m: string) => {
    const s = months[m]?.status
    return s !== 'paid' && s !== 'prepaid'
  }
  return {
    months,
    payable: union(pool.payable, d.payableMonths).filter(open),
    prepayable: union(pool.prepayable, d.prepayableMonths).filter(open),
    tooOld: union(pool.tooOld, d.tooOldMonths).filter(open),
    standardFen: { ...pool.standardFen, [d.year]: d.standard ? d.standard.amountFen : null },
  }
}

/** `none`: a past month without a bill (before membership, no standard): nothing was due. */
export type MonthKind = 'paid' | 'prepaid' | 'payable' | 'prepayable' | 'too_old' | 'unpaid' | 'upcoming' | 'none'

export interface MonthRow {
  month: string
  kind: MonthKind
  view: DuesMonthView | null
  amountFen: number | null
  selectable: boolean
  /** A line under the month (why it cannot be chosen). */
  note: string | null
}

export const TOO_OLD_NOTE = '超过6个月，请联系支部补交'

/** The amount of a month: its bill, else (prepayment) the standard of its year or the latest one known. */
export function monthAmount(pool: DuesPool, month: string): number | null {
  const view = pool.months[month]
  if (view && view.amountFen !== null) return view.amountFen
  const year = Number(month.slice(0, 4))
  const own = pool.standardFen[year]
  if (own != null) return own
  if (!pool.prepayable.includes(month)) return null
  const years = Object.keys(pool.standardFen).map(Number).sort((a, b) => b - a)
  for (const y of years) {
    const fen = pool.standardFen[y]
    if (fen != null) return fen
  }
  return null
}

/** `current`: this month ('YYYY-MM'); the server leaves past months without a bill out of the year. */
export function monthKind(pool: DuesPool, month: string, current?: string): MonthKind {
  const status = pool.months[month]?.status
  if (status === 'paid' || status === 'prepaid') return status
  if (pool.payable.includes(month)) return 'payable'
  if (pool.prepayable.includes(month)) return 'prepayable'
  if (pool.tooOld.includes(month)) return 'too_old'
  if (status === 'unpaid') return 'unpaid'
  return !status && current && month <= current ? 'none' : 'upcoming'
}

/** Whether the member may choose this month now (a payable or prepayable month with a known amount). */
export function isSelectable(pool: DuesPool, month: string): boolean {
  const kind = monthKind(pool, month)
  return (kind === 'payable' || kind === 'prepayable') && monthAmount(pool, month) !== null
}

/** The twelve months of a year as rows; months the answer leaves out are upcoming, or (past) without a bill. */
export function monthRows(pool: DuesPool, year: number, current?: string): MonthRow[] {
  const rows: MonthRow[] = []
  for (let i = 1; i <= 12; i++) {
    const month = `${year}-${String(i).padStart(2, '0')}`
    const kind = monthKind(pool, month, current)
    rows.push({
      month,
      kind,
      view: pool.months[month] ?? null,
      amountFen: kind === 'none' ? null : monthAmount(pool, month),
      selectable: isSelectable(pool, month),
      note: kind === 'too_old' ? TOO_OLD_NOTE : null,
    })
  }
  return rows
}

/** Chooses or un-chooses a month; months that cannot be chosen leave the choice as it is. */
export function toggleMonth(pool: DuesPool, selected: string[], month: string): string[] {
  if (selected.includes(month)) return selected.filter((m) => m !== month)
  if (!isSelectable(pool, month)) return selected
  return selected.concat(month).sort()
}

/** Every payable (back-payment) month at once. */
export function allPayable(pool: DuesPool): string[] {
  return pool.payable.filter((m) => isSelectable(pool, m))
}

/** Drops chosen months that are no longer selectable (paid meanwhile, a reload changed the rules). */
export function keepSelectable(pool: DuesPool, selected: string[]): string[] {
  const kept = selected.filter((m) => isSelectable(pool, m))
  return kept.length === selected.length ? selected : kept
}

export interface SelectionTotal {
  duesFen: number
  voluntaryFen: number
  totalFen: number
  count: number
}

/** The dues of the chosen months plus the voluntary amount (fen, integers only). */
export function selectionTotal(pool: DuesPool, selected: string[], voluntaryFen = 0): SelectionTotal {
  let duesFen = 0
  let count = 0
  for (const m of selected) {
    const fen = monthAmount(pool, m)
    if (fen === null) continue
    duesFen += fen
    count += 1
  }
  return { duesFen, voluntaryFen, totalFen: duesFen + voluntaryFen, count }
}

/** The years the month list offers: records a few years back, prepayment up to the end of next year. */
export function yearRange(thisYear: number): { min: number; max: number } {
  return { min: thisYear - 4, max: thisYear + 1 }
}
