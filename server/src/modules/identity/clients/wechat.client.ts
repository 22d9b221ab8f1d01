import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error.js';
import { CommonError, IdentityError } from '../../../common/errors/error-codes.js';
import { AppConfig } from '../../../config/config.js';

const TIMEOUT_MS = 5000;
/** Refresh a cached access token this long before WeChat says it expires. */
const TOKEN_MARGIN_S = 300;

/** WeChat errcodes meaning "this wx.login code cannot be exchanged": invalid, already used, high-risk user blocked. */
const CODE_INVALID = new Set([40029, 40163, 40226]);
/** WeChat errcodes meaning our appid/secret/IP setup is wrong — an operator must fix the configuration. */
const CONFIG_INVALID = new Set([40001, 40013, 40125, 40164, 40243, 41002, 41004]);
/** errcodes of token-authenticated APIs meaning "get a new access token and try again". */
const TOKEN_STALE = new Set([40001, 40014, 42001]);

/** WeChat's rule for the `scene` of an unlimited mini-program code: 1–32 of these characters. */
const SCENE_RE = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

interface WechatErrorBody {
  errcode?: number;
  errmsg?: string;
}

/**
 * WeChat mini-program server APIs (api.weixin.qq.com, or WECHAT_API_BASE for the simulator).
 * WeChat answers most errors with HTTP 200 and a non-zero `errcode`; every failure becomes an AppError:
 * PlatformCodeInvalid (bad/used code), PlatformNotConfigured (appid/secret missing or rejected),
 * UpstreamUnavailable (network, timeout, non-2xx, unexpected answer, rate limit, busy).
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private token?: { value: string; refreshAt: number };
  private tokenRequest?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  /** Exchanges a `wx.login()` code for the user's openid (and unionid when the app is bound to an open-platform account). */
  async code2Session(code: string): Promise<{ openId: string; unionId?: string }> {
    const jsCode = checkCode(code);
    const { appid, secret } = this.credentials();
    const body = await this.getJson('/sns/jscode2session', { appid, secret, js_code: jsCode, grant_type: 'authorization_code' }, 'jscode2session');
    const errcode = body.errcode ?? 0;
    if (errcode !== 0) {
      if (CODE_INVALID.has(errcode)) throw new AppError(IdentityError.PlatformCodeInvalid);
      throw this.mapped('jscode2session', body);
    }
    if (typeof body.openid !== 'string' || !body.openid) throw this.upstream('jscode2session answered without openid');
    return typeof body.unionid === 'string' && body.unionid ? { openId: body.openid, unionId: body.unionid } : { openId: body.openid };
  }

  /**
   * A mini-program code (PNG bytes) that opens `page` with `scene` (≤ 32 chars of WeChat's allowed set),
   * via `wxa/getwxacodeunlimit`. `check_path` is false so unpublished pages work in development.
   */
  async getUnlimitedQrCode(scene: string, page: string): Promise<Buffer> {
    if (typeof scene !== 'string' || !SCENE_RE.test(scene)) {
      throw new AppError(CommonError.ValidationFailed, 'scene must be 1-32 characters of 0-9a-zA-Z!#$&\'()*+,/:;=?@-._~');
    }
    const pagePath = (page ?? '').replace(/^\/+/, ''); // WeChat wants no leading slash; empty = the home page
    const payload = JSON.stringify({ scene, ...(pagePath ? { page: pagePath } : {}), check_path: false });
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const res = await this.send(
        this.url('/wxa/getwxacodeunlimit', { access_token: token }),
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload },
        'getwxacodeunlimit',
      );
      const bytes = await this.readBytes(res, 'getwxacodeunlimit');
      const type = res.headers.get('content-type') ?? '';
      const looksJson = type.includes('json') || type.startsWith('text/') || bytes[0] === 0x7b; /* '{' */
      if (!looksJson) {
        if (bytes.length === 0) throw this.upstream('getwxacodeunlimit answered an empty body');
        return bytes;
      }
      const body = parseJson(bytes.toString('utf8')) as WechatErrorBody | null;
      const errcode = body?.errcode ?? -1;
      if (TOKEN_STALE.has(errcode) && attempt === 0) {
        this.dropToken(token);
        continue;
      }
      throw this.upstream(`getwxacodeunlimit errcode ${errcode} ${body?.errmsg ?? ''}`.trim());
    }
  }

  /** The cached access token, fetched again ~5 minutes before it expires; concurrent callers share one request. */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const { appid, secret } = this.credentials();
    const body = await this.getJson('/cgi-bin/token', { grant_type: 'client_credential', appid, secret }, 'cgi-bin/token');
    if ((body.errcode ?? 0) !== 0) throw this.mapped('cgi-bin/token', body);
    const value = body.access_token;
    const expiresIn = Number(body.expires_in);
    if (typeof value !== 'string' || !value || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw this.upstream('cgi-bin/token answered without access_token/expires_in');
    }
    const ttl = Math.max(expiresIn - TOKEN_MARGIN_S, Math.floor(expiresIn / 2));
    this.token = { value, refreshAt: Date.now() + ttl * 1000 };
    return value;
  }

  private dropToken(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  private credentials(): { appid: string; secret: string } {
    const appid = this.config.WECHAT_APPID?.trim();
    const secret = this.config.WECHAT_SECRET?.trim();
    if (!this.config.WECHAT_API_BASE || !appid || !secret) throw new AppError(IdentityError.PlatformNotConfigured);
    return { appid, secret };
  }

  private url(path: string, query: Record<string, string>): string {
    return `${this.config.WECHAT_API_BASE.replace(/\/+$/, '')}${path}?${new URLSearchParams(query)}`;
  }

  private async getJson(path: string, query: Record<string, string>, what: string): Promise<Record<string, any>> {
    const res = await this.send(this.url(path, query), { method: 'GET' }, what);
    const text = (await this.readBytes(res, what)).toString('utf8');
    const body = parseJson(text);
    if (!body) throw this.upstream(`${what} answered something that is not a JSON object`);
    return body;
  }

  /** fetch with a timeout; network errors, timeouts and non-2xx become UpstreamUnavailable (the URL, which holds the secret, is never logged). */
  private async send(url: string, init: RequestInit, what: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw this.upstream(`${what} request failed: ${describeFetchError(err)}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw this.upstream(`${what} answered HTTP ${res.status}`);
    }
    return res;
  }

  private async readBytes(res: Response, what: string): Promise<Buffer> {
    try {
      return Buffer.from(await res.arrayBuffer());
    } catch (err) {
      throw this.upstream(`${what} body could not be read: ${describeFetchError(err)}`);
    }
  }

  private mapped(what: string, body: WechatErrorBody): AppError {
    const errcode = body.errcode ?? -1;
    if (CONFIG_INVALID.has(errcode)) {
      this.logger.error(`WeChat ${what} rejected the app credentials: errcode ${errcode} ${body.errmsg ?? ''} (check WECHAT_APPID / WECHAT_SECRET / IP whitelist)`);
      return new AppError(IdentityError.PlatformNotConfigured);
    }
    return this.upstream(`${what} errcode ${errcode} ${body.errmsg ?? ''}`.trim());
  }

  private upstream(reason: string): AppError {
    this.logger.warn(`WeChat unavailable: ${reason}`);
    return new AppError(CommonError.UpstreamUnavailable);
  }
}

function checkCode(code: string): string {
  const c = typeof code === 'string' ? code.trim() : '';
  if (!c || c.length > 512) throw new AppError(IdentityError.PlatformCodeInvalid);
  return c;
}

function parseJson(text: string): Record<string, any> | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : null;
  } catch {
    return null;
  }
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
  return [err.name, cause?.code ?? cause?.message].filter(Boolean).join(' ');
}
