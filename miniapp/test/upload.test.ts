/** Image upload through Taro.uploadFile with the request layer's token and refresh (services/upload.ts). */
import Taro from '@tarojs/taro'
import { STORAGE_KEYS } from '../src/services/session'
import { imageSrc, parseUploadBody, uploadImage } from '../src/services/upload'

const taro = Taro as unknown as typeof Taro & { __reset(): void; request: jest.Mock; uploadFile: jest.Mock; showToast: jest.Mock }
type Upload = { url: string; filePath: string; name: string; fileName?: string; header: Record<string, string> }

beforeEach(() => {
  taro.__reset()
  Taro.setStorageSync(STORAGE_KEYS.accessToken, 'A1')
  Taro.setStorageSync(STORAGE_KEYS.refreshToken, 'R1')
})

const image = { key: 'abc', url: '/api/v1/files/abc', width: 4, height: 3 }

test('posts the file as multipart field `file` with the Bearer token and parses the JSON text', async () => {
  taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify(image) })
  await expect(uploadImage({ path: 'wxfile://tmp/1.png', name: 'photo.png' })).resolves.toEqual(image)
  const [req] = taro.uploadFile.mock.calls[0] as [Upload]
  expect(req).toMatchObject({ url: 'https://api.test/api/v1/files/images', filePath: 'wxfile://tmp/1.png', name: 'file', fileName: 'photo.png' })
  expect(req.header.Authorization).toBe('Bearer A1')
})

test('an expired token is refreshed once and the upload retried', async () => {
  taro.uploadFile.mockImplementation((req: Upload) =>
    Promise.resolve(req.header.Authorization === 'Bearer A2' ? { statusCode: 201, data: JSON.stringify(image) } : { statusCode: 401, data: '{"code":"UNAUTHENTICATED","message":"登录已过期"}' }),
  )
  taro.request.mockResolvedValue({ statusCode: 200, data: { accessToken: 'A2', refreshToken: 'R2', expiresIn: 900, mustChangePassword: false } })
  await expect(uploadImage({ path: 'tmp://1' })).resolves.toEqual(image)
  expect(taro.uploadFile).toHaveBeenCalledTimes(2)
  expect(taro.request.mock.calls[0][0].url).toBe('https://api.test/api/v1/auth/refresh')
})

test('a refusal rejects with the server’s message (no toast when asked), a failure as a network error', async () => {
  taro.uploadFile.mockResolvedValueOnce({ statusCode: 400, data: '{"code":"FILE_TYPE","message":"只支持JPG、PNG、WebP图片"}' })
  await expect(uploadImage({ path: 'tmp://1' }, { toast: false })).rejects.toMatchObject({ kind: 'api', status: 400, message: '只支持JPG、PNG、WebP图片' })
  expect(taro.showToast).not.toHaveBeenCalled()
  taro.uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail timeout' })
  await expect(uploadImage({ path: 'tmp://1' })).rejects.toMatchObject({ kind: 'network' })
  expect(taro.showToast).toHaveBeenCalledTimes(1)
})

test('image addresses are relative to the API origin; bodies that are not JSON stay text', () => {
  expect(imageSrc('/api/v1/files/abc')).toBe('https://api.test/api/v1/files/abc')
  expect(imageSrc('https://cdn.example/x.png')).toBe('https://cdn.example/x.png')
  expect(parseUploadBody('not json')).toBe('not json')
  expect(parseUploadBody('')).toBe('')
})

test('H5 sends the picked File itself through fetch (the page CSP refuses re-reading blob: URLs)', async () => {
  const fetchMock = jest.fn(() => Promise.resolve({ status: 201, text: () => Promise.resolve(JSON.stringify(image)) }))
  const g = globalThis as unknown as { fetch?: unknown }
  const saved = g.fetch
  g.fetch = fetchMock
  try {
    const file = new Blob(['png'], { type: 'image/png' })
    await expect(uploadImage({ path: 'blob:http://x/1', name: 'visit.png', file })).resolves.toEqual(image)
    expect(taro.uploadFile).not.toHaveBeenCalled()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, { method: string; headers: Record<string, string>; body: FormData }]
    expect(url).toBe('https://api.test/api/v1/files/images')
    expect(init.method).toBe('POST')
    expect(init.headers.Authorization).toBe('Bearer A1')
    expect((init.body.get('file') as File).name).toBe('visit.png')
  } finally {
    g.fetch = saved
  }
})
