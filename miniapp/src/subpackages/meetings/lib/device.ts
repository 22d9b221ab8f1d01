/**
 * The device calls of check-in (MEET-8) as plain functions returning promises (platform branches
 * outside async bodies, so other platforms' bundles drop them; see the README's pitfalls).
 * Coordinates are WGS-84 on every platform (H5 knows no other), so a venue set on one platform
 * matches a check-in from another.
 */
import Taro from '@tarojs/taro'

/** H5 has no camera scanner: the code is typed in (admins read it under 查看签到码). */
export const SCAN_BY_TYPING = process.env.TARO_ENV === 'h5'

/** The scanned QR code's text (WeChat / DingTalk `result`, Alipay `code`). */
export function scanCode(): Promise<string> {
  return Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then((res) => {
    const r = res as unknown as { result?: string; code?: string }
    return String(r.result ?? r.code ?? '').trim()
  })
}

export function currentPosition(): Promise<{ latitude: number; longitude: number }> {
  return Taro.getLocation({ type: 'wgs84' }).then((r) => ({ latitude: r.latitude, longitude: r.longitude }))
}

/** A cancelled scan or a refused permission is not an error to show. */
export function isCancel(e: unknown): boolean {
  const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : ''
  return /cancel/i.test(msg)
}

/** The device call's own failure as words (permission, no signal). */
export function deviceMessage(e: unknown, what: string): string {
  const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : ''
  if (/auth|deny|denied|permission/i.test(msg)) return `未获得${what}权限，请在设置中允许后重试`
  return `${what}失败，请重试`
}
