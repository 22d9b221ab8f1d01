/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** API origin compiled in by config/index.ts (defineConstants): '' on H5 = same origin. */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by `taro build --type …`; constant-folded so other platforms' branches are removed. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd' | 'dd'
    TARO_APP_API_BASE?: string
    TARO_APP_H5_API_BASE?: string
    TARO_APP_ID?: string
  }
}

/** Alipay mini-program global (only touched inside `process.env.TARO_ENV === 'alipay'` blocks). */
declare const my: {
  getAuthCode(opts: {
    scopes: string | string[]
    success?: (res: { authCode: string }) => void
    fail?: (err: unknown) => void
  }): void
  [k: string]: any
}

/** DingTalk mini-program global (only touched inside `process.env.TARO_ENV === 'dd'` blocks). */
declare const dd: {
  getAuthCode(opts: {
    corpId: string
    success?: (res: { authCode: string }) => void
    fail?: (err: unknown) => void
  }): void
  [k: string]: any
}
