/**
 * Runtime of the DingTalk platform: Alipay's runtime with Taro's APIs bound to the `dd` global.
 * `Taro.request` goes through `dd.httpRequest` (DingTalk's name for it), with Alipay's
 * request/response field mapping (header ↔ headers, status → statusCode).
 */
import { mergeInternalComponents, mergeReconciler, processApis } from '@tarojs/shared'
import {
  components,
  handleSyncApis,
  hostConfig,
  modifyApis,
  modifyAsyncResult,
  needPromiseApis,
  transformMeta,
} from '@tarojs/plugin-platform-alipay/dist/runtime-utils'

function request(options) {
  options = typeof options === 'string' ? { url: options } : options || {}
  const headers = { 'content-type': 'application/json' }
  if (options.header) {
    Object.keys(options.header).forEach((k) => { headers[k.toLowerCase()] = options.header[k] })
    delete options.header
  }
  options.headers = headers
  if (options.data && typeof options.data !== 'string' && /json/.test(headers['content-type'])) {
    options.data = JSON.stringify(options.data)
  }
  const { success, fail, complete } = options
  let task
  const p = new Promise((resolve, reject) => {
    options.success = (res) => {
      res.statusCode = res.status
      delete res.status
      res.header = res.headers
      delete res.headers
      success && success(res)
      resolve(res)
    }
    options.fail = (err) => {
      fail && fail(err)
      reject(err)
    }
    options.complete = (res) => { complete && complete(res) }
    task = (dd.canIUse && dd.canIUse('request') ? dd.request : dd.httpRequest)(options)
  })
  p.abort = (cb) => {
    cb && cb()
    task && task.abort && task.abort()
    return p
  }
  return p
}

/** Alipay's result mapping, with the socket task bound to `dd` instead of `my`. */
function modifyDdAsyncResult(key, res) {
  modifyAsyncResult(key, res)
  if (key === 'connectSocket') {
    res.onClose = (cb) => dd.onSocketClose(cb)
    res.onError = (cb) => dd.onSocketError(cb)
    res.onMessage = (cb) => dd.onSocketMessage(cb)
    res.onOpen = (cb) => dd.onSocketOpen(cb)
    res.send = (opt) => dd.sendSocketMessage(opt)
    res.close = () => dd.closeSocket()
  }
}

function initNativeApi(taro) {
  processApis(taro, dd, {
    needPromiseApis,
    handleSyncApis,
    transformMeta,
    modifyApis,
    modifyAsyncResult: modifyDdAsyncResult,
    request,
  })
}

mergeReconciler({
  ...hostConfig,
  initNativeApi,
  getEventCenter(Events) {
    if (!dd.taroEventCenter) dd.taroEventCenter = new Events()
    return dd.taroEventCenter
  },
})
mergeInternalComponents(components)
