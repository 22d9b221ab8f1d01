/** Words of the admin page. */
import type { DuesRemindResult } from '@dangjian/shared'

/** POST /dues/remind's answer: how many were reminded, and how many could not be (no account). */
export function remindText(r: DuesRemindResult): string {
  const base = r.reminded > 0 ? `已提醒 ${r.reminded} 人` : '没有可提醒的党员'
  return r.withoutAccount > 0 ? `${base}，${r.withoutAccount} 人尚未激活账号，无法收到提醒` : base
}
