import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../../common/errors/app-error.js';
import { CommonError, IdentityError } from '../../../common/errors/error-codes.js';
import { AppConfig } from '../../../config/config.js';

const TIMEOUT_MS = 5000;
/** Refresh the cached access token this long before DingTalk says it expires (7200 s). */
const TOKEN_MARGIN_S = 300;

/** "不存在的临时授权码": unknown, expired (5 min) or already used authCode. */
const CODE_INVALID = new Set([40078]);
/** "找不到该用户": the code's user is not (or no longer) in the corp's address book. */
const USER_NOT_FOUND = new Set([60121]);
/** gettoken refused our appkey/appsecret, or the server's IP is not whitelisted: configuration to fix. */
const CONFIG_INVALID = new Set([40001, 40089, 40096, 60020]);
/** The access token is invalid/expired: get a new one and retry once. */
const TOKEN_STALE = new Set([40014, 42001]);

interface DingtalkBody {
  errcode?: number;
  errmsg?: string;
  [key: string]: any;
}

/**
 * DingTalk server API (oapi.dingtalk.com, or DINGTALK_API_BASE for the simulator) for an
 * internal enterprise app: mini-program authCode → userid → mobile and name.
 * DingTalk answers errors as HTTP 200 with `errcode` ≠ 0; every failure becomes an AppError:
 * PlatformCodeInvalid (bad/used code, unknown user), PlatformNotConfigured (app key/secret
 * missing or refused, tenant without corp), UpstreamUnavailable (network, non-2xx, anything else).
 *
 * About `corpId`: an internal app's access token (`/gettoken?appkey&appsecret`) belongs to the
 * one corp the app was created in, so DingTalk needs no corpid on these calls — a code issued in
 * another corp is simply "不存在的临时授权码" (the simulator models exactly that). The tenant's
 * corpId is still part of the signature so the caller must name the corp it expects, an empty
 * one is refused (tenant not bound, TEN-3), and a later switch to a third-party (ISV) app, where
 * the corp token is fetched per corpId, does not change callers.
 */
@Injectable()
export class DingtalkClient {
  private readonly logger = new Logger(DingtalkClient.name);
  private token?: { value: string; refreshAt: number };
  private tokenRequest?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  /** authCode from `dd.getAuthCode({corpId})` → the user's userid, mobile (null when hidden/absent) and name. */
  async userByAuthCode(authCode: string, corpId: string): Promise<{ userId: string; mobile: string | null; name?: string }> {
    const code = typeof authCode === 'string' ? authCode.trim() : '';
    if (!code || code.length > 512) throw new AppError(IdentityError.PlatformCodeInvalid);
    if (typeof corpId !== 'string' || !corpId.trim()) throw new AppError(IdentityError.PlatformNotConfigured);
    this.credentials();

    const info = await this.callWithToken('/topapi/v2/user/getuserinfo', { code }, 'user/getuserinfo');
    const userId: unknown = info.result?.userid;
    if (typeof userId !== 'string' || !userId) throw this.upstream('user/getuserinfo answered without result.userid');

    const user = await this.callWithToken('/topapi/v2/user/get', { userid: userId, language: 'zh_CN' }, 'user/get');
    const mobile: unknown = user.result?.mobile;
    const name: unknown = user.result?.name ?? info.result?.name;
    return {
      userId,
      mobile: typeof mobile === 'string' && mobile ? mobile : null,
      ...(typeof name === 'string' && name ? { name } : {}),
    };
  }

  private async callWithToken(path: string, payload: Record<string, unknown>, what: string): Promise<DingtalkBody> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const body = await this.request(this.url(path, { access_token: token }), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }, what);
      const errcode = body.errcode ?? 0;
      if (errcode === 0) return body;
      if (TOKEN_STALE.has(errcode) && attempt === 0) {
        if (this.token?.value === token) this.token = undefined;
        continue;
      }
      if (CODE_INVALID.has(errcode) || USER_NOT_FOUND.has(errcode)) throw new AppError(IdentityError.PlatformCodeInvalid);
      throw this.upstream(`${what} errcode ${errcode} ${body.errmsg ?? ''}`.trim());
    }
  }

  /** Cached until ~5 minutes before `expires_in` (7200 s); concurrent callers share one request. */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const { appkey, appsecret } = this.credentials();
    const body = await this.request(this.url('/gettoken', { appkey, appsecret }), { method: 'GET' }, 'gettoken');
    const errcode = body.errcode ?? 0;
    if (errcode !== 0) {
      if (CONFIG_INVALID.has(errcode)) {
        this.logger.error(`DingTalk gettoken refused the app credentials: errcode ${errcode} ${body.errmsg ?? ''} (check DINGTALK_APP_KEY / DINGTALK_APP_SECRET)`);
        throw new AppError(IdentityError.PlatformNotConfigured);
      }
      throw this.upstream(`gettoken errcode ${errcode} ${body.errmsg ?? ''}`.trim());
    }
    const value = body.access_token;
    const expiresIn = Number(body.expires_in ?? 7200);
    if (typeof value !== 'string' || !value || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw this.upstream('gettoken answered without access_token');
    }
    const ttl = Math.max(expiresIn - TOKEN_MARGIN_S, Math.floor(expiresIn / 2));
    this.token = { value, refreshAt: Date.now() + ttl * 1000 };
    return value;
  }

  private credentials(): { appkey: string; appsecret: string } {
    const appkey = this.config.DINGTALK_APP_KEY?.trim();
    const appsecret = this.config.DINGTALK_APP_SECRET?.trim();
    if (!this.config.DINGTALK_API_BASE || !appkey || !appsecret) throw new AppError(IdentityError.PlatformNotConfigured);
    return { appkey, appsecret };
  }

  private url(path: string, query: Record<string, string>): string {
    return `${this.config.DINGTALK_API_BASE.replace(/\/+$/, '')}${path}?${new URLSearchParams(query)}`;
  }

  /** fetch with a timeout, expecting a JSON object; the URL (token/secret) is never logged. */
  private async request(url: string, init: RequestInit, what: string): Promise<DingtalkBody> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      text = await res.text();
    } catch (err) {
      throw this.upstream(`${what} request failed: ${describeFetchError(err)}`);
    }
    if (!res.ok) throw this.upstream(`${what} answered HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw this.upstream(`${what} answered something that is not a JSON object`);
    return body as DingtalkBody;
  }

  private upstream(reason: string): AppError {
    this.logger.warn(`DingTalk unavailable: ${reason}`);
    return new AppError(CommonError.UpstreamUnavailable);
  }
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
  return [err.name, cause?.code ?? cause?.message].filter(Boolean).join(' ');
}
