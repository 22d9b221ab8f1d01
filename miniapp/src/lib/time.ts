/**
 * Times in Beijing time (as the server's rules, shared/src/time.ts): shown
 * as wall-clock text, and built from the date / time pickers' 'YYYY-MM-DD' / 'HH:mm' values.
 */
const OFFSET_MS = 8 * 3600 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

function wall(at: Date) {
  const t = new Date(at.getTime() + OFFSET_MS)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() }
}

/** 'YYYY-MM-DD' in Beijing. */
export function beijingDay(at: Date): string {
  const w = wall(at)
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`
}

/** 'HH:mm' in Beijing. */
export function beijingClock(at: Date): string {
  const w = wall(at)
  return `${pad(w.h)}:${pad(w.mi)}`
}

/** 'YYYY-MM-DD HH:mm'. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso)
  return `${beijingDay(at)} ${beijingClock(at)}`
}

/** Short, for lists: today 'HH:mm', this year 'MM-DD HH:mm', else 'YYYY-MM-DD'. */
export function formatShort(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  const day = beijingDay(at)
  if (day === beijingDay(now)) return beijingClock(at)
  if (day.slice(0, 4) === beijingDay(now).slice(0, 4)) return `${day.slice(5)} ${beijingClock(at)}`
  return day
}

/** The instant of a Beijing wall-clock date ('YYYY-MM-DD') and time ('HH:mm[:ss]'); null if malformed. */
export function fromBeijing(date: string, time = '00:00'): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time)
  if (!d || !t) return null
  const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0)) - OFFSET_MS
  return Number.isNaN(ms) ? null : new Date(ms)
}
