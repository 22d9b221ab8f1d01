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

  @IsString() DINGTALK_API_BASE = 'https://oapi.dingtalk.com';
  @IsString() DINGTALK_APP_KEY = 'ding-demo-appkey';
  @IsString() DINGTALK_APP_SECRET = 'ding-demo-secret';
}

export type Config = AppConfig & { JWT_SECRET: string; DATA_KEY: string };

export class ConfigError extends Error {}

/** Validates `env` and returns the typed configuration, or throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, string> = {};
  for (const k of [...known, 'H5_BASE_URL', 'DATABASE_URL', 'JWT_SECRET', 'DATA_KEY', 'REDIS_URL', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY']) {
    if (env[k] !== undefined) picked[k] = env[k] as string;
  }
  const cfg = plainToInstance(AppConfig, picked);
  const errors = validateSync(cfg, { whitelist: true });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return cfg;
}
