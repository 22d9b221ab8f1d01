/**
 * What happens when the app opens (called from app.tsx's onLaunch):
 *  1. Read the entry scene of the QR code that opened it — WeChat: launch query `scene`
 *     (wxacode.getUnlimited); Alipay / DingTalk: launch query `scene`; H5: `?scene=` in the URL
 *     or in the hash's query — parse it (parseScene) and keep it in storage (`entryScene`).
 *  2. Resolve it: GET /api/v1/entry/:scene → EntryInfo (tenant, branch, DingTalk corpId),
 *     kept in storage (`entry`) for the activation pages.
 *  3. Mini-programs only: silent login with the platform's code. Bound → tokens stored, home;
 *     not bound → `bindTicket` stored for activation / account login to bind the identity.
 * Each platform's code sits in its own `if (process.env.TARO_ENV === …)` block so the other
 * platforms' code is removed from each build.
 */
import Taro from '@tarojs/taro'
import { encodeScene, parseScene, type EntryInfo, type PlatformLoginRequest, type PlatformLoginResult, type Scene } from '@dangjian/shared'
import { api } from './api'
import {
  fetchMe,
  getEntryInfo,
  getEntryScene,
  isLoggedIn,
  setBindTicket,
  setEntryInfo,
  setEntryScene,
  setTokens,
} from './session'

export type SilentLoginOutcome = 'logged-in' | 'bind-required' | 'skipped' | 'failed'

export interface LaunchState {
  scene: Scene | null
  entry: EntryInfo | null
  login: SilentLoginOutcome
}

const HOME_PAGE = '/pages/index/index'
const AUTH_PAGES = ['pages/login/index', 'pages/activate/index']

type LaunchQuery = Record<string, string | undefined>

/** The query the app was opened with (mini-programs); `fallback` is onLaunch's options.query. */
function launchQuery(fallback?: LaunchQuery): LaunchQuery {
  try {
    const q = Taro.getLaunchOptionsSync()?.query as LaunchQuery | undefined
    if (q && Object.keys(q).length) return q
  } catch {
    // older base libraries without getLaunchOptionsSync
  }
  return fallback ?? {}
}

/** `scene` from the page URL on H5: ?scene=… before the hash, or #/pages/x?scene=… inside it. */
export function sceneFromUrl(search: string, hash: string): string | null {
  const fromSearch = new URLSearchParams(search).get('scene')
  if (fromSearch) return fromSearch
  const q = hash.indexOf('?')
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get('scene') : null
}

/** The raw scene the app was opened with on this platform, if any. */
export function readRawScene(fallback?: LaunchQuery): string | null {
  if (process.env.TARO_ENV === 'h5') {
    return sceneFromUrl(window.location.search, window.location.hash)
  }
  return launchQuery(fallback).scene ?? null
}

/** Parses and stores a newly scanned scene; without one, the last stored scene stays in use. */
export function captureScene(raw: string | null): Scene | null {
  const scanned = parseScene(raw)
  if (scanned) {
    setEntryScene(encodeScene(scanned))
    return scanned
  }
  return parseScene(getEntryScene())
}

/** GET /api/v1/entry/:scene; on failure keeps the previously resolved entry if it matches. */
export async function resolveEntry(scene: Scene): Promise<EntryInfo | null> {
  const key = encodeScene(scene)
  try {
    const entry = await api.get<EntryInfo>(`/api/v1/entry/${encodeURIComponent(key)}`, undefined, { auth: false, toast: false })
    setEntryInfo(entry)
    return entry
  } catch {
    const cached = getEntryInfo()
    return cached && cached.scene === key ? cached : null
  }
}

function promisify<T>(call: (cb: { success: (res: T) => void; fail: (err: unknown) => void }) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => call({ success: resolve, fail: reject }))
}

type PlatformCode = { platform: PlatformLoginRequest['platform']; code: string } | null

/**
 * The platform's one-time login code, or null where there is none (H5, DingTalk without corpId).
 * Deliberately not an `async` function: Babel turns async bodies into a state machine in which
 * the per-platform `if` blocks are no longer removed from the other platforms' bundles.
 */
function platformCode(entry: EntryInfo | null, query: LaunchQuery): Promise<PlatformCode> {
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.login().then((res): PlatformCode => (res.code ? { platform: 'weapp', code: res.code } : null))
  }
  if (process.env.TARO_ENV === 'alipay') {
    return promisify<{ authCode: string }>((cb) => my.getAuthCode({ scopes: 'auth_base', ...cb })).then(
      (res): PlatformCode => (res.authCode ? { platform: 'alipay', code: res.authCode } : null),
    )
  }
  if (process.env.TARO_ENV === 'dd') {
    // The tenant's corpId comes from the entry (TEN-3); a workbench link may carry ?corpId=$CORPID$.
    const corpId = entry?.dingtalkCorpId || query.corpId
    if (!corpId) return Promise.resolve(null)
    return promisify<{ authCode: string }>((cb) => dd.getAuthCode({ corpId, ...cb })).then(
      (res): PlatformCode => (res.authCode ? { platform: 'dd', code: res.authCode } : null),
    )
  }
  return Promise.resolve(null)
}

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    return pages.length ? (pages[pages.length - 1].route ?? '').replace(/^\//, '') : ''
  } catch {
    return ''
  }
}

/** Silent login with the platform code (mini-programs; H5 logs in with password or SMS). */
export async function silentLogin(entry: EntryInfo | null, scene: Scene | null, query: LaunchQuery = {}): Promise<SilentLoginOutcome> {
  if (process.env.TARO_ENV === 'h5') return 'skipped'
  if (isLoggedIn()) return 'skipped'
  try {
    const got = await platformCode(entry, query)
    if (!got) return 'skipped'
    const body: PlatformLoginRequest = { platform: got.platform, code: got.code }
    const tenantId = entry?.tenantId ?? scene?.tenantId
    if (tenantId) body.tenantId = tenantId
    const res = await api.post<PlatformLoginResult>('/api/v1/auth/login/platform', body, { auth: false, toast: false })
    if (res.bound && res.tokens) {
      setTokens(res.tokens)
      setBindTicket(null)
      await fetchMe().catch(() => undefined)
      // Opened on an identity page (or before any page): continue at home.
      const route = currentRoute()
      if (!route || AUTH_PAGES.includes(route)) await Taro.switchTab({ url: HOME_PAGE }).catch(() => undefined)
      return 'logged-in'
    }
    if (res.bindTicket) {
      setBindTicket(res.bindTicket)
      return 'bind-required'
    }
    return 'failed'
  } catch {
    // No code (user cancelled, platform error) or the API refused it: the home page offers 激活/登录.
    return 'failed'
  }
}

let launched: Promise<LaunchState> | null = null

/** Runs the launch sequence once; later callers (pages) get the same result. */
export function launch(options?: { query?: LaunchQuery }): Promise<LaunchState> {
  if (!launched) {
    launched = (async () => {
      const query = process.env.TARO_ENV === 'h5' ? {} : launchQuery(options?.query)
      const scene = captureScene(readRawScene(options?.query))
      const entry = scene ? await resolveEntry(scene) : null
      const login = await silentLogin(entry, scene, query)
      return { scene, entry, login }
    })()
  }
  return launched
}

/** The launch result once it is known (pages use it to show the entry's tenant / branch). */
export function whenLaunched(): Promise<LaunchState> {
  return launched ?? launch()
}
