/** Entry scene reading and platform silent login (src/services/launch.ts). */
import Taro from '@tarojs/taro'
import { captureScene, sceneFromUrl, silentLogin } from '../src/services/launch'
import { getAccessToken, getBindTicket, getEntryScene } from '../src/services/session'

const taro = Taro as unknown as typeof Taro & { __reset(): void; request: jest.Mock; login: jest.Mock }
const env = process.env.TARO_ENV

beforeEach(() => taro.__reset())
afterEach(() => { process.env.TARO_ENV = env })

test('H5 scene comes from ?scene= or from the hash query', () => {
  expect(sceneFromUrl('?scene=t12o345', '#/pages/index/index')).toBe('t12o345')
  expect(sceneFromUrl('', '#/pages/activate/index?scene=t3')).toBe('t3')
  expect(sceneFromUrl('', '#/pages/index/index')).toBeNull()
})

test('a scanned scene is parsed and kept; an invalid one keeps the previous', () => {
  expect(captureScene('t12o345')).toEqual({ tenantId: 12, orgId: 345 })
  expect(getEntryScene()).toBe('t12o345')
  expect(captureScene('%3Cscript%3E')).toEqual({ tenantId: 12, orgId: 345 })
  expect(captureScene(null)).toEqual({ tenantId: 12, orgId: 345 })
})

test('weapp silent login: bound → tokens stored', async () => {
  process.env.TARO_ENV = 'weapp'
  taro.request.mockImplementation((req: { url: string; data: unknown }) => {
    if (req.url.endsWith('/auth/login/platform')) {
      expect(req.data).toEqual({ platform: 'weapp', code: 'test-code', tenantId: 12 })
      return Promise.resolve({ statusCode: 200, data: { bound: true, tokens: { accessToken: 'A', refreshToken: 'R', expiresIn: 900, mustChangePassword: false } } })
    }
    return Promise.resolve({ statusCode: 200, data: { userId: 1, displayName: '张三' } })
  })
  await expect(silentLogin(null, { tenantId: 12 })).resolves.toBe('logged-in')
  expect(getAccessToken()).toBe('A')
})

test('weapp silent login: not bound → bindTicket kept for activation', async () => {
  process.env.TARO_ENV = 'weapp'
  taro.request.mockResolvedValue({ statusCode: 200, data: { bound: false, bindTicket: 'ticket-1' } })
  await expect(silentLogin(null, null)).resolves.toBe('bind-required')
  expect(getBindTicket()).toBe('ticket-1')
  expect(getAccessToken()).toBeNull()
})

test('H5 never tries a silent login', async () => {
  process.env.TARO_ENV = 'h5'
  await expect(silentLogin(null, null)).resolves.toBe('skipped')
  expect(taro.request).not.toHaveBeenCalled()
})
