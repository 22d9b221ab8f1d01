// Build-time constants that config/index.ts defines for the real builds.
;(globalThis as { API_BASE?: string }).API_BASE = 'https://api.test'
process.env.TARO_ENV = process.env.TARO_ENV || 'h5'
