/**
 * The request layer (src/services/api.ts) against a programmable Taro.request mock.
 */
import Taro from '@tarojs/taro'
import { api, isApiError, isNetworkError } from '../src/services/api'
import { getAccessToken, getCachedMe, getRefreshToken, STORAGE_KEYS } from '../src/services/session'

type Req = { url: string; method: string; data?: unknown; header: Record<string, string> }
type Res = { statusCode: number; data: unknown }

const taro = Taro as unknown as typeof Taro & { __reset(): void; request: jest.Mock; showToast: jest.Mock; reLaunch: jest.Mock }

function login(access = 'A1', refresh = 'R1') {
  Taro.setStorageSync(STORAGE_KEYS.accessToken, access)
  Taro.setStorageSync(STORAGE_KEYS.refreshToken, refresh)
  Taro.setStorageSync(STORAGE_KEYS.me, { userId: 1, displayName: '张三' })
}

/** Routes every Taro.request to `handler`; records the calls. */
function serve(handler: (req: Req) => Res | Promise<Res>) {
  taro.request.mockImplementation((req: Req) => Promise.resolve(handler(req)))
}

const calls = () => taro.request.mock.calls.map(([req]: [Req]) => req)
const refreshCalls = () => calls().filter((r) => r.url.endsWith('/api/v1/auth/refresh'))
const tokens = (n: number) => ({ accessToken: `A${n}`, refreshToken: `R${n}`, expiresIn: 900, mustChangePassword: false })
const unauthenticated: Res = { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }

beforeEach(() => {
  taro.__reset()
})

test('sends the access token as a Bearer header to API_BASE + path', async () => {
  login()
  serve(() => ({ statusCode: 200, data: { ok: true } }))
  await expect(api.get<{ ok: boolean }>('/api/v1/things', { page: 2, q: '支部', none: undefined })).resolves.toEqual({ ok: true })
  const [req] = calls()
  expect(req.url).toBe('https://api.test/api/v1/things?page=2&q=%E6%94%AF%E9%83%A8')
  expect(req.method).toBe('GET')
  expect(req.header.Authorization).toBe('Bearer A1')
})

test('sends no Authorization header without a session or with auth: false', async () => {
  serve(() => ({ statusCode: 200, data: {} }))
  await api.post('/api/v1/auth/login/password', { account: 'a', password: 'b' })
  login()
  await api.post('/api/v1/auth/login/password', { account: 'a', password: 'b' }, { auth: false })
  expect(calls().map((r) => r.header.Authorization)).toEqual([undefined, undefined])
  expect(calls()[0].data).toEqual({ account: 'a', password: 'b' })
})

test('on 401 refreshes the access token once and retries the call with the new token', async () => {
  login('A1', 'R1')
  serve((req) => {
    if (req.url.endsWith('/auth/refresh')) return { statusCode: 200, data: tokens(2) }
    return req.header.Authorization === 'Bearer A2' ? { statusCode: 200, data: { id: 7 } } : unauthenticated
  })
  await expect(api.get('/api/v1/things/7')).resolves.toEqual({ id: 7 })
  expect(refreshCalls()).toHaveLength(1)
  expect(refreshCalls()[0]).toMatchObject({ method: 'POST', data: { refreshToken: 'R1' } })
  expect(refreshCalls()[0].header.Authorization).toBeUndefined()
  expect(calls().map((r) => `${r.method} ${r.url.replace('https://api.test', '')} ${r.header.Authorization ?? '-'}`)).toEqual([
    'GET /api/v1/things/7 Bearer A1',
    'POST /api/v1/auth/refresh -',
    'GET /api/v1/things/7 Bearer A2',
  ])
  expect(getAccessToken()).toBe('A2')
  expect(getRefreshToken()).toBe('R2')
  expect(taro.showToast).not.toHaveBeenCalled()
})

test('two parallel 401s share ONE refresh, and both calls succeed', async () => {
  login('A1', 'R1')
  let releaseRefresh!: () => void
  const refreshGate = new Promise<void>((r) => { releaseRefresh = r })
  serve(async (req) => {
    if (req.url.endsWith('/auth/refresh')) {
      await refreshGate
      return { statusCode: 200, data: tokens(2) }
    }
    return req.header.Authorization === 'Bearer A2' ? { statusCode: 200, data: req.url.slice(-1) } : unauthenticated
  })
  const a = api.get('/api/v1/x/a')
  const b = api.get('/api/v1/x/b')
  // Let both calls get their 401 and ask for a refresh before it answers.
  for (let i = 0; i < 10; i++) await Promise.resolve()
  releaseRefresh()
  await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b'])
  expect(refreshCalls()).toHaveLength(1)
  expect(calls().filter((r) => r.header.Authorization === 'Bearer A2')).toHaveLength(2)
})

test('a 401 arriving after another call refreshed reuses the new token (no second refresh)', async () => {
  login('A1', 'R1')
  let slowRelease!: () => void
  const slow = new Promise<void>((r) => { slowRelease = r })
  serve(async (req) => {
    if (req.url.endsWith('/auth/refresh')) return { statusCode: 200, data: tokens(2) }
    if (req.header.Authorization === 'Bearer A2') return { statusCode: 200, data: 'ok' }
    if (req.url.endsWith('/slow')) await slow // answers 401 only after the other call refreshed
    return unauthenticated
  })
  const slowCall = api.get('/api/v1/slow')
  await expect(api.get('/api/v1/fast')).resolves.toBe('ok')
  slowRelease()
  await expect(slowCall).resolves.toBe('ok')
  expect(refreshCalls()).toHaveLength(1)
})

test('a failed refresh clears the session, opens the login page and rejects', async () => {
  login('A1', 'R1')
  serve((req) =>
    req.url.endsWith('/auth/refresh')
      ? { statusCode: 401, data: { code: 'IDENTITY_REFRESH_TOKEN_INVALID', message: '登录已过期，请重新登录' } }
      : unauthenticated,
  )
  const err = await api.get('/api/v1/things').catch((e: unknown) => e)
  expect(isApiError(err)).toBe(true)
  expect(err).toMatchObject({ status: 401, message: '登录已过期，请重新登录' })
  expect(getAccessToken()).toBeNull()
  expect(getRefreshToken()).toBeNull()
  expect(getCachedMe()).toBeNull()
  expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录', icon: 'none' }))
  expect(refreshCalls()).toHaveLength(1)
})

test('a 401 that is not about the token (wrong old password) is an ordinary error: no refresh', async () => {
  login()
  serve(() => ({ statusCode: 401, data: { code: 'IDENTITY_INVALID_CREDENTIALS', message: '原密码不正确', details: [{ field: 'oldPassword', message: '原密码不正确' }] } }))
  const err = await api.post('/api/v1/auth/password', { oldPassword: 'x' }).catch((e: unknown) => e)
  expect(err).toMatchObject({ kind: 'api', status: 401, code: 'IDENTITY_INVALID_CREDENTIALS', message: '原密码不正确' })
  expect(refreshCalls()).toHaveLength(0)
  expect(getAccessToken()).toBe('A1')
  expect(taro.reLaunch).not.toHaveBeenCalled()
})

test("API errors reject with the server's {code, message} and toast the message", async () => {
  serve(() => ({ statusCode: 400, data: { code: 'IDENTITY_SMS_CODE_INVALID', message: '短信验证码不正确', details: [{ field: 'code', message: '短信验证码不正确' }] } }))
  const err = await api.post('/api/v1/auth/activation/phone', { code: '0000' }).catch((e: unknown) => e)
  expect(isApiError(err)).toBe(true)
  expect(err).toBeInstanceOf(Error)
  expect(err).toMatchObject({ status: 400, code: 'IDENTITY_SMS_CODE_INVALID', message: '短信验证码不正确', details: [{ field: 'code', message: '短信验证码不正确' }] })
  expect(taro.showToast).toHaveBeenCalledTimes(1)
  expect(taro.showToast).toHaveBeenCalledWith({ title: '短信验证码不正确', icon: 'none', duration: 2500 })
})

test('toast: false leaves the message to the page (shown beside the field)', async () => {
  serve(() => ({ statusCode: 409, data: { code: 'IDENTITY_PHONE_TAKEN', message: '该手机号已被其他账号使用' } }))
  await expect(api.post('/api/v1/auth/phone', {}, { toast: false })).rejects.toMatchObject({ code: 'IDENTITY_PHONE_TAKEN' })
  expect(taro.showToast).not.toHaveBeenCalled()
})

test('an error without a JSON body still rejects with a Chinese message', async () => {
  serve(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
  await expect(api.get('/api/v1/x')).rejects.toMatchObject({ kind: 'api', status: 502, code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' })
})

test('a network failure rejects with the retryable NetworkError', async () => {
  login()
  taro.request.mockRejectedValue({ errMsg: 'request:fail timeout' })
  const err = await api.get('/api/v1/x').catch((e: unknown) => e)
  expect(isNetworkError(err)).toBe(true)
  expect(isApiError(err)).toBe(false)
  expect(err).toMatchObject({ kind: 'network', retryable: true, message: '网络连接失败，请检查网络后重试' })
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }))
  // The session survives a network failure.
  expect(getAccessToken()).toBe('A1')
})

test('a network failure during the refresh keeps the session and rejects as retryable', async () => {
  login('A1', 'R1')
  taro.request.mockImplementation((req: Req) =>
    req.url.endsWith('/auth/refresh') ? Promise.reject({ errMsg: 'request:fail' }) : Promise.resolve(unauthenticated),
  )
  const err = await api.get('/api/v1/x').catch((e: unknown) => e)
  expect(isNetworkError(err)).toBe(true)
  expect(getRefreshToken()).toBe('R1')
  expect(taro.reLaunch).not.toHaveBeenCalled()
})

test('204 No Content resolves with undefined', async () => {
  login()
  serve(() => ({ statusCode: 204, data: '' }))
  await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined()
})

test('patch sends a POST with X-HTTP-Method-Override: PATCH (wx.request has no PATCH), keeping the token', async () => {
  login()
  serve(() => ({ statusCode: 200, data: { id: 9 } }))
  await expect(api.patch('/api/v1/branch/posts/9', { content: '新' })).resolves.toEqual({ id: 9 })
  const [req] = calls()
  expect(req).toMatchObject({ method: 'POST', url: 'https://api.test/api/v1/branch/posts/9', data: { content: '新' } })
  expect(req.header['X-HTTP-Method-Override']).toBe('PATCH')
  expect(req.header.Authorization).toBe('Bearer A1')
  expect(req.header['Content-Type']).toBe('application/json')
})

test('patch keeps the override on the retry after a token refresh', async () => {
  login('A1', 'R1')
  serve((req) => {
    if (req.url.endsWith('/auth/refresh')) return { statusCode: 200, data: tokens(2) }
    return req.header.Authorization === 'Bearer A2' ? { statusCode: 200, data: {} } : unauthenticated
  })
  await api.patch('/api/v1/branch/posts/9', { closesAt: null })
  const posts = calls().filter((r) => r.url.endsWith('/branch/posts/9'))
  expect(posts.map((r) => [r.method, r.header['X-HTTP-Method-Override']])).toEqual([['POST', 'PATCH'], ['POST', 'PATCH']])
  expect(refreshCalls()[0].header['X-HTTP-Method-Override']).toBeUndefined()
})
