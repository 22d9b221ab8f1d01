import type { ErrorBody } from '@dangjian/shared'

/**
 * The API answered with an error status; `code` and `message` come from its ErrorBody
 * (`message` is Chinese and meant for the user). A `kind` tag instead of `instanceof`:
 * subclassing Error is unreliable once compiled to ES5 for the mini-programs.
 */
export interface ApiError extends Error, ErrorBody {
  kind: 'api'
  status: number
}

/** The request never got an answer (offline, DNS, timeout): the page offers 重试. */
export interface NetworkError extends Error {
  kind: 'network'
  retryable: true
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
export const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录'

export function createApiError(status: number, body: Partial<ErrorBody> | null | undefined): ApiError {
  const message = typeof body?.message === 'string' && body.message ? body.message : fallbackMessage(status)
  const err = new Error(message) as ApiError
  err.name = 'ApiError'
  err.kind = 'api'
  err.status = status
  err.code = typeof body?.code === 'string' && body.code ? body.code : `HTTP_${status}`
  if (body?.details) err.details = body.details
  return err
}

export function createNetworkError(cause?: unknown): NetworkError {
  const err = new Error(NETWORK_MESSAGE) as NetworkError & { cause?: unknown }
  err.name = 'NetworkError'
  err.kind = 'network'
  err.retryable = true
  if (cause !== undefined) err.cause = cause
  return err
}

export function isApiError(e: unknown): e is ApiError {
  return !!e && typeof e === 'object' && (e as { kind?: unknown }).kind === 'api'
}

export function isNetworkError(e: unknown): e is NetworkError {
  return !!e && typeof e === 'object' && (e as { kind?: unknown }).kind === 'network'
}

/** A message for the user for any thrown value. */
export function errorMessage(e: unknown): string {
  if (isApiError(e) || isNetworkError(e)) return e.message
  return '出了点问题，请稍后再试'
}

function fallbackMessage(status: number): string {
  if (status === 401) return SESSION_EXPIRED_MESSAGE
  if (status === 403) return '没有权限执行此操作'
  if (status === 404) return '请求的内容不存在'
  if (status === 429) return '操作太频繁，请稍后再试'
  if (status >= 500) return '服务暂时不可用，请稍后再试'
  return `请求失败（${status}）`
}
