/**
 * Image upload: POST /api/v1/files/images (multipart field `file`, jpeg/png/webp ≤ 5 MB) through
 * Taro.uploadFile, with the request layer's token, refresh, errors and toast (exchangeWithAuth).
 * The source is what Taro.chooseImage returns: a temp path, and on H5 also the picked File, which is
 * sent as it is: Taro's H5 uploadFile re-reads the blob: URL with XHR, and the page's CSP
 * (connect-src 'self') refuses that read, leaving the upload hanging.
 */
import Taro from '@tarojs/taro'
import type { UploadedImage } from '@dangjian/shared'
import { apiUrl, exchangeWithAuth, type RawResponse, type RequestOptions } from './api'
import { createNetworkError } from './errors'

export const IMAGE_UPLOAD_PATH = '/api/v1/files/images'
/** The server's limit; larger files are refused before they are sent. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024
const UPLOAD_TIMEOUT = 60000

/** uploadFile answers with the body as text: parse JSON when it is JSON. */
export function parseUploadBody(data: unknown): unknown {
  if (typeof data !== 'string' || !data) return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/** A picked image: its temp path (blob: URL on H5), its name, and on H5 the File itself. */
export interface ImageSource {
  path: string
  name?: string
  file?: Blob
}

async function sendFile(filePath: string, fileName: string | undefined, token: string | null): Promise<RawResponse> {
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await Taro.uploadFile({
      url: apiUrl(IMAGE_UPLOAD_PATH),
      filePath,
      name: 'file',
      // H5 only (a blob: URL has no name of its own); the mini-programs name the temp file.
      fileName,
      header: token ? { Authorization: `Bearer ${token}` } : {},
      timeout: UPLOAD_TIMEOUT,
    })
  } catch (e) {
    throw createNetworkError(e)
  }
  if (!res || typeof res.statusCode !== 'number' || res.statusCode <= 0) throw createNetworkError(res)
  return { status: res.statusCode, data: parseUploadBody(res.data) }
}

/** An image's address for <Image>/previewImage: the API answers '/api/v1/files/<key>', relative to API_BASE. */
export function imageSrc(url: string): string {
  return url.startsWith('/') ? apiUrl(url) : url
}

/** H5: the File in a FormData through fetch. */
async function sendBlob(file: Blob, fileName: string | undefined, token: string | null): Promise<RawResponse> {
  const form = new FormData()
  form.append('file', file, fileName ?? 'image')
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), UPLOAD_TIMEOUT)
  try {
    const res = await fetch(apiUrl(IMAGE_UPLOAD_PATH), { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body: form, signal: abort.signal })
    return { status: res.status, data: parseUploadBody(await res.text()) }
  } catch (e) {
    throw createNetworkError(e)
  } finally {
    clearTimeout(timer)
  }
}

/** The platform's way to send it (a plain function, so other platforms' builds drop the H5 branch). */
function transport(source: ImageSource): (token: string | null) => Promise<RawResponse> {
  if (process.env.TARO_ENV === 'h5' && source.file) {
    const file = source.file
    return (token) => sendBlob(file, source.name, token)
  }
  return (token) => sendFile(source.path, source.name, token)
}

export function uploadImage(source: ImageSource, opts: RequestOptions = {}): Promise<UploadedImage> {
  return exchangeWithAuth<UploadedImage>(transport(source), opts)
}
