/**
 * Party dues standards 党费标准 (SPEC §5, DUES-1…DUES-4; 中组发〔2008〕3号). Money is integer fen.
 * The server sets members' yearly standards with these functions; the clients show the same rule.
 */
import { beijingParts } from './time.js';

export const DUES_CATEGORIES = ['employed', 'retired', 'student', 'unemployed', 'relief', 'farmer'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职党员',
  retired: '离退休党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  relief: '享受最低生活保障的党员',
  farmer: '农民党员',
};

/** Brackets of monthly after-tax pay (employed) or pension (retired): up to `upToFen` (inclusive), the rate in basis points. */
export const DUES_BRACKETS: Record<'employed' | 'retired', ReadonlyArray<{ upToFen: number | null; rateBp: number }>> = {
  employed: [
    { upToFen: 300_000, rateBp: 50 },
    { upToFen: 500_000, rateBp: 100 },
    { upToFen: 1_000_000, rateBp: 150 },
    { upToFen: null, rateBp: 200 },
  ],
  retired: [
    { upToFen: 500_000, rateBp: 50 },
    { upToFen: null, rateBp: 100 },
  ],
};

/** Students, the unemployed and those on relief pay 0.2 yuan a month; farmers 0.2 – 1 yuan, as their branch decides. */
export const DUES_FIXED_FEN = 20;
export const DUES_FARMER_RANGE_FEN = [20, 100] as const;
/** DUES-3: a single voluntary payment of 1000 yuan or more goes entirely to the Central Committee. */
export const DUES_CENTRAL_THRESHOLD_FEN = 100_000;
/** DUES-4: back-payment covers at most this many months. */
export const DUES_MAX_BACK_MONTHS = 6;

export type DuesStandard = { ok: true; amountFen: number; rateBp: number | null; rule: string } | { ok: false; problem: string };

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * DUES-1: the monthly amount. The rate applies to the whole income (not band by band), and the
 * result is rounded to the fen, half up — e.g. 3 456.78 yuan × 1 % = 34.5678 → 34.57 yuan.
 */
export function monthlyDues(input: { category: DuesCategory; incomeFen?: number; farmerFen?: number }): DuesStandard {
  const { category } = input;
  if (category === 'employed' || category === 'retired') {
    const income = input.incomeFen;
    if (income == null || !Number.isInteger(income) || income < 0) return { ok: false, problem: category === 'employed' ? '请填写每月税后工资收入（元，精确到分）' : '请填写每月离退休费（元，精确到分）' };
    const bracket = DUES_BRACKETS[category].find((b) => b.upToFen === null || income <= b.upToFen)!;
    const amountFen = Math.floor((income * bracket.rateBp + 5_000) / 10_000);
    return { ok: true, amountFen, rateBp: bracket.rateBp, rule: `${DUES_CATEGORY_LABELS[category]}：月收入${yuan(income)}元 × ${bracket.rateBp / 100}% = ${yuan(amountFen)}元` };
  }
  if (category === 'farmer') {
    const fen = input.farmerFen ?? DUES_FIXED_FEN;
    const [min, max] = DUES_FARMER_RANGE_FEN;
    if (!Number.isInteger(fen) || fen < min || fen > max) return { ok: false, problem: `农民党员每月交纳${yuan(min)}元至${yuan(max)}元` };
    return { ok: true, amountFen: fen, rateBp: null, rule: `农民党员：每月${yuan(fen)}元（${yuan(min)}–${yuan(max)}元）` };
  }
  return { ok: true, amountFen: DUES_FIXED_FEN, rateBp: null, rule: `${DUES_CATEGORY_LABELS[category]}：每月${yuan(DUES_FIXED_FEN)}元` };
}

/** A dues month in Beijing time: 2026-11. */
export function duesMonth(at: Date): string {
  const { year, month } = beijingParts(at);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month `n` months after (negative: before) a month key. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** DUES-7: members pay online from day `firstDay` to day `lastDay` of the month (Beijing time); tenants set the days. */
export function inPaymentWindow(at: Date, firstDay = 1, lastDay = 20): boolean {
  const { day } = beijingParts(at);
  return day >= firstDay && day <= lastDay;
}

/**
 * DUES-4: which of the unpaid months may be paid now: the current one and at most six back; older
 * ones go to the branch (cash and correction). Future months are prepayment and always allowed.
 */
export function backPayable(unpaid: string[], at: Date): { payable: string[]; tooOld: string[] } {
  const oldest = shiftMonth(duesMonth(at), -DUES_MAX_BACK_MONTHS);
  const sorted = [...unpaid].sort();
  return { payable: sorted.filter((m) => m >= oldest), tooOld: sorted.filter((m) => m < oldest) };
}

/** DUES-3: a voluntary payment this large is flagged as going to the Central Committee. */
export function goesToCentral(voluntaryFen: number): boolean {
  return voluntaryFen >= DUES_CENTRAL_THRESHOLD_FEN;
}

/** "3456.78" / "3,456.7" / "12" yuan → fen, exactly (no floating point); null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * DUES-7: the first day (Beijing, YYYY-MM-DD) a month's dues may be transferred upward. The
 * transfer day follows the window in the same month (default: pay 1st–20th, transfer from the
 * 22nd); a tenant whose window runs to the month's end transfers from that day of the next month.
 */
export function transferOpensOn(month: string, s: { windowLastDay: number; transferFromDay: number }): string {
  const target = s.transferFromDay > s.windowLastDay ? month : shiftMonth(month, 1);
  const [y, m] = target.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${target}-${String(Math.min(s.transferFromDay, lastDay)).padStart(2, '0')}`;
}
