/**
 * The member's session in local storage (Taro.setStorageSync): tokens, the current user (`Me`),
 * and what the entry QR code and platform login left for the identity pages.
 */
import Taro from '@tarojs/taro'
import type { EntryInfo, Me, TokenPair } from '@dangjian/shared'
import { api, type RequestOptions } from './api'

export const STORAGE_KEYS = {
  accessToken: 'accessToken',
  refreshToken: 'refreshToken',
  me: 'me',
  /** The scanned scene string (t12o345), kept across restarts until a new code is scanned. */
  entryScene: 'entryScene',
  /** EntryInfo resolved from the scene (GET /api/v1/entry/:scene). */
  entry: 'entry',
  /** Single-use ticket from /auth/login/platform {bound:false}; activation/login sends it to bind. */
  bindTicket: 'bindTicket',
} as const

/** Emitted (Taro.eventCenter) after login, logout, session expiry and profile reloads. */
export const SESSION_EVENT = 'session:change'

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key) as T | '' | undefined | null
    return v === '' || v === undefined || v === null ? null : v
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  if (value === null || value === undefined) Taro.removeStorageSync(key)
  else Taro.setStorageSync(key, value)
}

function emit(): void {
  Taro.eventCenter.trigger(SESSION_EVENT)
}

export function getAccessToken(): string | null {
  return read<string>(STORAGE_KEYS.accessToken)
}

export function getRefreshToken(): string | null {
  return read<string>(STORAGE_KEYS.refreshToken)
}

export function isLoggedIn(): boolean {
  return !!getAccessToken() || !!getRefreshToken()
}

/** Stores a token pair from any login, activation, refresh or password change. */
export function setTokens(tokens: TokenPair): void {
  write(STORAGE_KEYS.accessToken, tokens.accessToken)
  write(STORAGE_KEYS.refreshToken, tokens.refreshToken)
  emit()
}

/** Forgets tokens and the cached user (the entry scene and entry info stay). */
export function clearSession(): void {
  Taro.removeStorageSync(STORAGE_KEYS.accessToken)
  Taro.removeStorageSync(STORAGE_KEYS.refreshToken)
  Taro.removeStorageSync(STORAGE_KEYS.me)
  emit()
}

export function getCachedMe(): Me | null {
  return read<Me>(STORAGE_KEYS.me)
}

/** GET /api/v1/auth/me; caches the answer for the next launch. */
export async function fetchMe(opts?: RequestOptions): Promise<Me> {
  const me = await api.get<Me>('/api/v1/auth/me', undefined, opts)
  write(STORAGE_KEYS.me, me)
  emit()
  return me
}

/** Ends the session on the server (best effort) and locally. */
export async function logout(): Promise<void> {
  if (getAccessToken()) {
    try {
      await api.post<void>('/api/v1/auth/logout', undefined, { toast: false, refresh: false })
    } catch {
      // Offline or already expired: the local session is cleared anyway.
    }
  }
  clearSession()
}

export function getEntryScene(): string | null {
  return read<string>(STORAGE_KEYS.entryScene)
}

export function setEntryScene(scene: string): void {
  write(STORAGE_KEYS.entryScene, scene)
}

export function getEntryInfo(): EntryInfo | null {
  return read<EntryInfo>(STORAGE_KEYS.entry)
}

export function setEntryInfo(entry: EntryInfo | null): void {
  write(STORAGE_KEYS.entry, entry)
}

export function getBindTicket(): string | null {
  return read<string>(STORAGE_KEYS.bindTicket)
}

export function setBindTicket(ticket: string | null): void {
  write(STORAGE_KEYS.bindTicket, ticket)
}

/** Subscribes to session changes; returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  Taro.eventCenter.on(SESSION_EVENT, listener)
  return () => Taro.eventCenter.off(SESSION_EVENT, listener)
}
