import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1');

/**
 * Every setting of the server, read from the environment once at start and validated: a bad value
 * stops the server with a message naming the variable. `.env.example` lists them all.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Folder for the SQLite file, generated secrets and demo logins (relative to the repository root). */
  @IsString()
  DATA_DIR = 'data';

  /** Default sqlite:<DATA_DIR>/dangjian.sqlite; or mysql://user:pass@host:3306/db, mariadb://… */
  @IsOptional() @Matches(/^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/, { message: 'DATABASE_URL must start with sqlite:, mysql:// or mariadb://' })
  DATABASE_URL?: string;

  /** Optional; when set, rate limits and short-lived codes live in Redis (several API instances). */
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  @IsString() @Matches(/^[\w:.-]{1,32}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits and _ : . - (at most 32)' })
  REDIS_KEY_PREFIX = 'dj:';

  /** Signing secret for access tokens. Generated into data/ on first start when not given. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** 32-byte key (base64 or 64 hex chars) for ID-number encryption; generated into data/ when not given. */
  @IsOptional() @Matches(/^([A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, { message: 'DATA_KEY must be 32 bytes as base64 (44 chars) or hex (64 chars)' })
  DATA_KEY?: string;

  /** Access token lifetime in seconds (ID-10: at most 30 minutes). */
  @Transform(toInt) @IsInt() @Min(60) @Max(1800)
  ACCESS_TOKEN_TTL = 900;

  /** Refresh token lifetime in seconds for members. */
  @Transform(toInt) @IsInt() @Min(300)
  REFRESH_TOKEN_TTL = 30 * 24 * 3600;

  /** Admin sessions end after this many seconds without activity (ID-10). */
  @Transform(toInt) @IsInt() @Min(60) @Max(7200)
  ADMIN_IDLE_TIMEOUT = 1800;

  /** Requests per minute per IP across the API. */
  @Transform(toInt) @IsInt() @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Login and activation attempts per minute per IP. */
  @Transform(toInt) @IsInt() @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /** SMS codes per phone: one per this many seconds, and at most SMS_PER_PHONE_DAY per day (ID-3). */
  @Transform(toInt) @IsInt() @Min(1)
  SMS_COOLDOWN_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1)
  SMS_PER_PHONE_DAY = 10;

  @Transform(toInt) @IsInt() @Min(1)
  SMS_PER_IP_DAY = 50;

  /** outbox: codes recorded in the database (development, tests); a real provider plugs in later. */
  @IsIn(['outbox'])
  SMS_PROVIDER: 'outbox' = 'outbox';

  /** Browser tests: POST /api/v1/dev/clock moves the server's time forward. Ignored in production. */
  @Transform(toBool) @IsBoolean()
  DEV_CLOCK = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Seed the demo tenant on first start (empty database). */
  @Transform(toBool) @IsBoolean()
  SEED_DEMO = true;

  // Mini-program login back ends (ID-8). Base URLs are configuration so tests use simulators.
  @IsString() WECHAT_API_BASE = 'https://api.weixin.qq.com';
  @IsString() WECHAT_APPID = 'wx-demo-appid';
  @IsString() WECHAT_SECRET = 'wx-demo-secret';
  @IsString() WECHAT_QRCODE_PAGE = 'pages/index/index';

  /** Public address of the H5 build (served by this server at /h5/), put in the plain entry QR codes. Default: http://HOST:PORT/h5/ */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'H5_BASE_URL must be an http(s) URL' }) H5_BASE_URL?: string;

  @IsString() ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';
  @IsString() ALIPAY_APPID = '2021000000000000';
  /** PKCS#8 or PKCS#1 PEM (\n may be written as a literal backslash-n). */
  @IsOptional() @IsString() ALIPAY_PRIVATE_KEY?: string;
  @IsOptional() @IsString() ALIPAY_PUBLIC_KEY?: string;

  // ---- Payments (PAY-1). Every base URL is configuration. ----
  /**
   * simulator: start the local WeChat Pay and Alipay gateways (src/dev/pay-sim) in this process and
   * point the payment clients at them, so dues can be paid in development and tests. live: use the
   * merchant settings below. off: no online payment. Production refuses `simulator`.
   */
  @IsOptional() @IsIn(['simulator', 'live', 'off']) PAYMENTS_MODE?: 'simulator' | 'live' | 'off';
  /** Address the channels call back (notify_url) and H5 returns to. Default: http://HOST:PORT */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' }) PUBLIC_BASE_URL?: string;
  /** Unpaid orders are closed after this many minutes (PAY-3). */
  @Transform(toInt) @IsInt() @Min(5) @Max(120) PAY_ORDER_TTL_MINUTES = 30;

  @IsString() WECHATPAY_BASE_URL = 'https://api.mch.weixin.qq.com';
  @IsOptional() @IsString() WECHATPAY_MCHID?: string;
  /** The mini-program's appid the payer's openid belongs to; default WECHAT_APPID. */
  @IsOptional() @IsString() WECHATPAY_APPID?: string;
  /** Serial number of the merchant API certificate, and its private key (PEM; \n may be written as a literal backslash-n). */
  @IsOptional() @IsString() WECHATPAY_SERIAL_NO?: string;
  @IsOptional() @IsString() WECHATPAY_PRIVATE_KEY?: string;
  /** Merchant certificate (PEM) the SDK is built with. */
  @IsOptional() @IsString() WECHATPAY_CERT?: string;
  @IsOptional() @Matches(/^.{32}$/, { message: 'WECHATPAY_APIV3_KEY must be 32 characters' }) WECHATPAY_APIV3_KEY?: string;
  /** "WeChat Pay public key" mode (new merchants): its id (PUB_KEY_ID_…) and PEM. Without it, platform certificates are fetched. */
  @IsOptional() @IsString() WECHATPAY_PUBLIC_KEY_ID?: string;
  @IsOptional() @IsString() WECHATPAY_PUBLIC_KEY?: string;

  /** Alipay payments use ALIPAY_GATEWAY / ALIPAY_APPID / ALIPAY_PRIVATE_KEY / ALIPAY_PUBLIC_KEY; the seller (2088…) receiving the money: */
  @IsOptional() @IsString() ALIPAY_SELLER_ID?: string;

  @IsString() DINGTALK_API_BASE = 'https://oapi.dingtalk.com';
  @IsString() DINGTALK_APP_KEY = 'ding-demo-appkey';
  @IsString() DINGTALK_APP_SECRET = 'ding-demo-secret';
}

/** Settings without a default (absent from `new AppConfig()`), read from the environment too. */
const OPTIONAL_KEYS = [
  'H5_BASE_URL', 'DATABASE_URL', 'JWT_SECRET', 'DATA_KEY', 'REDIS_URL', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY', 'ALIPAY_SELLER_ID',
  'PAYMENTS_MODE', 'PUBLIC_BASE_URL', 'WECHATPAY_MCHID', 'WECHATPAY_APPID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_CERT',
  'WECHATPAY_APIV3_KEY', 'WECHATPAY_PUBLIC_KEY_ID', 'WECHATPAY_PUBLIC_KEY',
];

export type Config = AppConfig & { JWT_SECRET: string; DATA_KEY: string };

export class ConfigError extends Error {}

/** Validates `env` and returns the typed configuration, or throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, string> = {};
  for (const k of [...known, ...OPTIONAL_KEYS]) {
    if (env[k] !== undefined) picked[k] = env[k] as string;
  }
  const cfg = plainToInstance(AppConfig, picked);
  const errors = validateSync(cfg, { whitelist: true });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (cfg.NODE_ENV === 'production' && cfg.PAYMENTS_MODE === 'simulator') {
    throw new ConfigError('Invalid configuration:\n  PAYMENTS_MODE="simulator": the payment simulators never run in production (use live or off)');
  }
  return cfg;
}

/** The effective payments mode: simulator by default, except in production (off unless set to live). */
export function paymentsMode(c: AppConfig): 'simulator' | 'live' | 'off' {
  return c.PAYMENTS_MODE ?? (c.NODE_ENV === 'production' ? 'off' : 'simulator');
}
