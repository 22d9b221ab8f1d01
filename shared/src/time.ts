/**
 * Business time is Beijing time (Asia/Shanghai, UTC+8, no DST), whatever the server's zone.
 * Every business period (dues month, payment window, points day, meeting quarter) is computed here.
 */
const OFFSET_MS = 8 * 3600 * 1000;

/** Calendar fields of an instant in Beijing time. */
export function beijingParts(at: Date = new Date()): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const t = new Date(at.getTime() + OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds() };
}

/** `YYYY-MM-DD HH:mm:ss` of an instant in Beijing time (how Alipay and bills write times). */
export function beijingDateTime(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** YYYY-MM-DD of an instant in Beijing time (a points day, a daily limit key). */
export function beijingDate(at: Date = new Date()): string {
  const { year, month, day } = beijingParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant a Beijing calendar day (YYYY-MM-DD) starts, and the next day's start: [from, to). */
export function beijingDayRange(date: string): { from: Date; to: Date } {
  const [y, m, d] = date.split('-').map(Number);
  const from = new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
  return { from, to: new Date(from.getTime() + 24 * 3600 * 1000) };
}

/** The instant a Beijing year starts, and the next year's start: [from, to). */
export function beijingYearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - OFFSET_MS) };
}

/** The instant a Beijing month (YYYY-MM) starts, and the next month's start: [from, to). */
export function beijingMonthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1) - OFFSET_MS), to: new Date(Date.UTC(y, m, 1) - OFFSET_MS) };
}
