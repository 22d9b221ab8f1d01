/**
 * The request layer: every call to the API goes through here.
 *  - URLs are API_BASE (build-time constant, '' on H5 = same origin) + '/api/v1/...'.
 *  - The access token from session storage is sent as `Authorization: Bearer …`.
 *  - A 401 UNAUTHENTICATED on a call that sent a token refreshes the access token once
 *    (POST /api/v1/auth/refresh {refreshToken}) and retries; 401s arriving together share one
 *    refresh. A failed refresh clears the session and opens the login page.
 *  - API errors reject with ApiError {status, code, message, details} and show the server's
 *    Chinese message as a toast; network failures reject with NetworkError (PageShell: 重试).
 * Types come from @dangjian/shared, e.g. `api.get<Me>('/api/v1/auth/me')`.
 * Methods: GET, POST, PUT, DELETE. WeChat's wx.request has no PATCH, so `api.patch` sends a POST
 * with `X-HTTP-Method-Override: PATCH` (the server routes it as PATCH) on every platform alike.
 */
import Taro from '@tarojs/taro'
import type { ErrorBody, RefreshRequest, TokenPair } from '@dangjian/shared'
import {
  createApiError,
  createNetworkError,
  isApiError,
  isNetworkError,
  SESSION_EXPIRED_MESSAGE,
  type ApiError,
} from './errors'
import { clearSession, getAccessToken, getRefreshToken, setTokens } from './session'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  /** Extra request headers (e.g. the method override). */
  headers?: Record<string, string>
  /** Query string parameters (null/undefined are left out). */
  query?: Query
  /** Send the access token (default true). Public calls such as logins may pass false. */
  auth?: boolean
  /** Show errors as a toast (default true). Forms that show the message beside a field pass false. */
  toast?: boolean
  /** Refresh the access token once on 401 and retry (default true). */
  refresh?: boolean
  /** Milliseconds before the call counts as a network failure (default 15 s). */
  timeout?: number
}

export const LOGIN_PAGE = '/pages/login/index'
const REFRESH_PATH = '/api/v1/auth/refresh'
const DEFAULT_TIMEOUT = 15000
/** The header that makes the server treat a POST as a PATCH. */
export const METHOD_OVERRIDE_HEADER = 'X-HTTP-Method-Override'

/** One HTTP exchange's answer, whatever the transport (request, uploadFile). */
export interface RawResponse {
  status: number
  data: unknown
}

/** Sends one exchange with the given access token (null = none). */
export type Exchange = (token: string | null) => Promise<RawResponse>

/** Absolute URL of an API path ('/api/v1/...'). */
export function apiUrl(path: string, query?: Query): string {
  let qs = ''
  if (query) {
    const parts: string[] = []
    Object.keys(query).forEach((k) => {
      const v = query[k]
      if (v !== undefined && v !== null) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    })
    if (parts.length) qs = (path.includes('?') ? '&' : '?') + parts.join('&')
  }
  return `${API_BASE}${path}${qs}`
}

async function send(method: HttpMethod, path: string, body: unknown, token: string | null, opts: RequestOptions): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', ...opts.headers }
  if (token) header.Authorization = `Bearer ${token}`
  let res: Taro.request.SuccessCallbackResult
  try {
    res = await Taro.request({
      url: apiUrl(path, opts.query),
      method,
      // A JSON request without a body is refused by the server (empty JSON body): send {} instead.
      data: body === undefined ? (method === 'GET' ? undefined : {}) : (body as Taro.request.Option['data']),
      header,
      timeout: opts.timeout ?? DEFAULT_TIMEOUT,
      dataType: 'json',
    })
  } catch (e) {
    throw createNetworkError(e)
  }
  if (!res || typeof res.statusCode !== 'number' || res.statusCode <= 0) throw createNetworkError(res)
  return { status: res.statusCode, data: res.data }
}

function errorBody(data: unknown): Partial<ErrorBody> | null {
  if (data && typeof data === 'object') return data as Partial<ErrorBody>
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data)
      return parsed && typeof parsed === 'object' ? (parsed as Partial<ErrorBody>) : null
    } catch {
      return null
    }
  }
  return null
}

/** 401 from the auth guard (token missing, expired or revoked), as opposed to e.g. a wrong old password. */
function isTokenRejected(res: RawResponse): boolean {
  if (res.status !== 401) return false
  const code = errorBody(res.data)?.code
  return !code || code === 'UNAUTHENTICATED'
}

let refreshing: Promise<string> | null = null

/** Exchanges the refresh token for a new pair; concurrent callers share one request. */
export function refreshAccessToken(): Promise<string> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getRefreshToken()
      if (!refreshToken) throw createApiError(401, { code: 'UNAUTHENTICATED', message: SESSION_EXPIRED_MESSAGE })
      const payload: RefreshRequest = { refreshToken }
      const res = await send('POST', REFRESH_PATH, payload, null, {})
      if (res.status < 200 || res.status >= 300) throw createApiError(res.status, errorBody(res.data))
      const tokens = res.data as TokenPair
      setTokens(tokens)
      return tokens.accessToken
    })()
    const done = () => { refreshing = null }
    refreshing.then(done, done)
  }
  return refreshing
}

let redirecting = false

/** Clears the session and opens the login page (once, and not when already there). */
function expireSession(): void {
  clearSession()
  openLoginPage()
}

function openLoginPage(): void {
  if (redirecting) return
  let route = ''
  try {
    const pages = Taro.getCurrentPages()
    route = pages.length ? `/${(pages[pages.length - 1].route ?? '').replace(/^\//, '')}` : ''
  } catch {
    // no page stack yet (app launch)
  }
  if (route === LOGIN_PAGE) return
  redirecting = true
  Promise.resolve()
    .then(() => Taro.reLaunch({ url: LOGIN_PAGE }))
    .catch(() => undefined)
    .then(() => { redirecting = false })
}

function showToast(message: string): void {
  try {
    void Promise.resolve(Taro.showToast({ title: message, icon: 'none', duration: 2500 })).catch(() => undefined)
  } catch {
    // toast unavailable (tests, very early launch): the rejection still carries the message
  }
}

async function perform<T>(exchange: Exchange, opts: RequestOptions): Promise<T> {
  const useAuth = opts.auth !== false
  const token = useAuth ? getAccessToken() : null
  let res = await exchange(token)

  if (useAuth && opts.refresh !== false && isTokenRejected(res) && (token || getRefreshToken())) {
    let fresh: string
    const current = getAccessToken()
    if (current && current !== token) {
      fresh = current // another call refreshed while this one was in flight
    } else {
      try {
        fresh = await refreshAccessToken()
      } catch (e) {
        if (isNetworkError(e)) throw e
        expireSession()
        throw createApiError(401, { code: isApiError(e) ? e.code : 'UNAUTHENTICATED', message: SESSION_EXPIRED_MESSAGE })
      }
    }
    res = await exchange(fresh)
    if (isTokenRejected(res)) {
      expireSession()
      throw createApiError(401, { code: 'UNAUTHENTICATED', message: SESSION_EXPIRED_MESSAGE })
    }
  }

  if (res.status >= 200 && res.status < 300) {
    return (res.status === 204 || res.data === '' ? undefined : res.data) as T
  }
  const error = createApiError(res.status, errorBody(res.data))
  // ID-9: after an admin reset nothing works until the password is changed; the login page asks for it.
  if (error.code === 'IDENTITY_PASSWORD_CHANGE_REQUIRED') openLoginPage()
  throw error
}

/**
 * Runs one exchange with the request layer's token refresh, errors and toast (see the file
 * comment); `request` uses it for JSON calls, services/upload.ts for file uploads.
 */
export async function exchangeWithAuth<T>(exchange: Exchange, opts: RequestOptions = {}): Promise<T> {
  try {
    return await perform<T>(exchange, opts)
  } catch (e) {
    if (opts.toast !== false && (isApiError(e) || isNetworkError(e))) showToast(e.message)
    throw e
  }
}

/** Sends one API call; see the file comment for the behaviour. */
export function request<T>(method: HttpMethod, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  return exchangeWithAuth<T>((token) => send(method, path, body, token, opts), opts)
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', path, undefined, { ...opts, query: query ?? opts?.query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  /** PATCH, sent as POST with the override header (wx.request cannot send PATCH). */
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, body, { ...opts, headers: { ...opts?.headers, [METHOD_OVERRIDE_HEADER]: 'PATCH' } }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
}

export type { ApiError }
export { isApiError, isNetworkError } from './errors'
export type { NetworkError } from './errors'
