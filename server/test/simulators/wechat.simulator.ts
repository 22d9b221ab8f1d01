import { randomBytes } from 'node:crypto';
import { HttpSimulator, randomId, type RecordedRequest, type SimResponse } from '../../src/dev/http-simulator.js';
import { fakeCodePng } from './png.js';

export interface WechatIdentity {
  openId: string;
  unionId?: string;
}

export interface WechatSimulatorOptions {
  appId?: string;
  appSecret?: string;
  /** `expires_in` of issued access tokens (WeChat: 7200). */
  tokenTtlSeconds?: number;
}

/** A mini-program code request as received (for assertions). */
export interface WxaCodeRequest {
  scene: string;
  page?: string;
  checkPath?: boolean;
}

/**
 * The parts of `api.weixin.qq.com` a mini-program back end uses for login and QR codes. Like the
 * real API, errors are HTTP 200 with `{errcode, errmsg}` and login codes are single-use.
 *
 *   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *   GET  /cgi-bin/token?grant_type=client_credential&appid&secret
 *   POST /wxa/getwxacodeunlimit?access_token  {scene, page, check_path, …} → image/png
 *   POST /__sim/codes {code, openId, unionId?}   (control endpoint for other processes)
 */
export class WechatSimulator extends HttpSimulator {
  static readonly JSCODE2SESSION = '/sns/jscode2session';
  static readonly TOKEN = '/cgi-bin/token';
  static readonly WXACODE = '/wxa/getwxacodeunlimit';

  readonly appId: string;
  readonly appSecret: string;
  /** Pages that exist in the "published" mini-program; checked when `check_path` is not false. */
  readonly publishedPages = new Set<string>(['pages/index/index']);
  /** Every accepted mini-program code request, oldest first. */
  readonly wxaCodes: WxaCodeRequest[] = [];

  private readonly tokenTtl: number;
  private readonly codes = new Map<string, { identity: WechatIdentity; used: boolean }>();
  private readonly tokens = new Map<string, { expiresAt: number }>();

  constructor(opts: WechatSimulatorOptions = {}) {
    super();
    this.appId = opts.appId ?? 'wx-sim-appid';
    this.appSecret = opts.appSecret ?? 'wx-sim-secret';
    this.tokenTtl = opts.tokenTtlSeconds ?? 7200;
  }

  /** Registers a `wx.login()` code that `jscode2session` will exchange once for this identity. */
  addCode(code: string, identity: WechatIdentity): void {
    this.codes.set(code, { identity, used: false });
  }

  /** Makes every access token issued so far invalid (the next use answers 42001), as after a refresh elsewhere. */
  expireAccessTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** Access tokens issued so far. */
  get issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  protected handle(req: RecordedRequest): SimResponse {
    switch (req.path) {
      case WechatSimulator.JSCODE2SESSION:
        return this.jscode2session(req);
      case WechatSimulator.TOKEN:
        return this.token(req);
      case WechatSimulator.WXACODE:
        return this.wxaCode(req);
      case '/__sim/codes':
        return this.control(req);
      default:
        return this.json({ errcode: 40066, errmsg: `invalid url rid: ${randomId()}` }, 404);
    }
  }

  private err(errcode: number, errmsg: string): SimResponse {
    return this.json({ errcode, errmsg: `${errmsg} rid: ${randomId(24)}` });
  }

  private checkApp(q: Record<string, string>): SimResponse | null {
    if (q.appid !== this.appId) return this.err(40013, 'invalid appid');
    if (q.secret !== this.appSecret) return this.err(40125, 'invalid appsecret');
    return null;
  }

  private jscode2session(req: RecordedRequest): SimResponse {
    if (req.method !== 'GET') return this.err(43001, 'require GET method');
    const q = req.query;
    const bad = this.checkApp(q);
    if (bad) return bad;
    if (q.grant_type !== 'authorization_code') return this.err(40002, 'invalid grant_type');
    if (!q.js_code) return this.err(41008, 'missing code');
    const entry = this.codes.get(q.js_code);
    if (!entry) return this.err(40029, 'invalid code');
    if (entry.used) return this.err(40163, 'code been used');
    entry.used = true;
    const { openId, unionId } = entry.identity;
    return this.json({
      session_key: randomBytes(16).toString('base64'),
      openid: openId,
      ...(unionId ? { unionid: unionId } : {}),
    });
  }

  private token(req: RecordedRequest): SimResponse {
    if (req.method !== 'GET') return this.err(43001, 'require GET method');
    const q = req.query;
    if (q.grant_type !== 'client_credential') return this.err(40002, 'invalid grant_type');
    const bad = this.checkApp(q);
    if (bad) return bad;
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, { expiresAt: Date.now() + this.tokenTtl * 1000 });
    return this.json({ access_token: token, expires_in: this.tokenTtl });
  }

  private checkToken(q: Record<string, string>): SimResponse | null {
    if (!q.access_token) return this.err(41001, 'access_token missing');
    const t = this.tokens.get(q.access_token);
    if (!t) return this.err(40001, 'invalid credential, access_token is invalid or not latest');
    if (t.expiresAt <= Date.now()) return this.err(42001, 'access_token expired');
    return null;
  }

  private wxaCode(req: RecordedRequest): SimResponse {
    if (req.method !== 'POST') return this.err(43002, 'require POST method');
    const bad = this.checkToken(req.query);
    if (bad) return bad;
    const body = this.parseJsonBody(req);
    if (!body) return this.err(47001, 'data format error');
    const scene = body.scene;
    // Real rules: at most 32 visible characters from 0-9a-zA-Z!#$&'()*+,/:;=?@-._~
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32 || !/^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~]+$/.test(scene)) {
      return this.err(40169, 'invalid length for scene, or the data is not json string');
    }
    const page = typeof body.page === 'string' ? body.page : undefined;
    const checkPath = typeof body.check_path === 'boolean' ? body.check_path : undefined;
    if (page !== undefined && (page.startsWith('/') || (checkPath !== false && !this.publishedPages.has(page)))) {
      return this.err(41030, 'invalid page');
    }
    this.wxaCodes.push({ scene, page, checkPath });
    return { status: 200, headers: { 'content-type': 'image/png' }, body: fakeCodePng(`${page ?? ''}?${scene}`) };
  }

  private control(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (req.method !== 'POST' || !b || typeof b.code !== 'string' || typeof b.openId !== 'string') {
      return this.json({ error: 'POST {code, openId, unionId?}' }, 400);
    }
    this.addCode(b.code, { openId: b.openId, unionId: typeof b.unionId === 'string' ? b.unionId : undefined });
    return this.json({ ok: true });
  }
}
