/**
 * A small in-memory @tarojs/taro for unit tests: storage is a Map, request/showToast/navigation
 * are jest.fn()s that a test programs, eventCenter is a real tiny event bus.
 */
type Listener = (...args: unknown[]) => void

const store = new Map<string, unknown>()
const listeners = new Map<string, Set<Listener>>()

const eventCenter = {
  on(name: string, fn: Listener) {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)!.add(fn)
  },
  off(name: string, fn?: Listener) {
    if (fn) listeners.get(name)?.delete(fn)
    else listeners.delete(name)
  },
  trigger(name: string, ...args: unknown[]) {
    listeners.get(name)?.forEach((fn) => fn(...args))
  },
}

const Taro = {
  request: jest.fn(),
  uploadFile: jest.fn(),
  showToast: jest.fn(() => Promise.resolve()),
  showLoading: jest.fn(() => Promise.resolve()),
  hideLoading: jest.fn(),
  reLaunch: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  login: jest.fn(() => Promise.resolve({ code: 'test-code' })),
  requestPayment: jest.fn(() => Promise.resolve({ errMsg: 'requestPayment:ok' })),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {} as Record<string, string> })),
  getCurrentPages: jest.fn(() => [] as Array<{ route?: string }>),
  getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => { store.set(key, value) }),
  removeStorageSync: jest.fn((key: string) => { store.delete(key) }),
  clearStorageSync: jest.fn(() => store.clear()),
  eventCenter,
  /** Test helper: forget storage and listeners, reset every mock. */
  __reset() {
    store.clear()
    listeners.clear()
    Object.values(Taro).forEach((v) => {
      if (typeof v === 'function' && 'mockClear' in v) (v as jest.Mock).mockClear()
    })
    Taro.request.mockReset()
    Taro.uploadFile.mockReset()
    Taro.requestPayment.mockReset()
    Taro.requestPayment.mockImplementation(() => Promise.resolve({ errMsg: 'requestPayment:ok' }))
  },
  __storage: store,
}

export const useLaunch = jest.fn()
export const useDidShow = jest.fn()
export const useDidHide = jest.fn()
export const useLoad = jest.fn()
export const useReady = jest.fn()
export const usePullDownRefresh = jest.fn()
export const useRouter = jest.fn(() => ({ params: {} }))

export default Taro
