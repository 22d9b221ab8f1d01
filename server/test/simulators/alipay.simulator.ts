import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { HttpSimulator, type RecordedRequest, type SimResponse } from '../../src/dev/http-simulator.js';

/** PEM key material for one Alipay app: the app's pair (we sign requests) and Alipay's pair (Alipay signs answers). */
export interface AlipayKeys {
  /** PKCS#8 PEM — goes to ALIPAY_PRIVATE_KEY. */
  appPrivateKey: string;
  /** SPKI PEM — what the merchant uploads to Alipay; the simulator verifies requests with it. */
  appPublicKey: string;
  /** PKCS#8 PEM — only the simulator has it; it signs the answers. */
  alipayPrivateKey: string;
  /** SPKI PEM — goes to ALIPAY_PUBLIC_KEY. */
  alipayPublicKey: string;
}

function rsaPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** Fresh RSA-2048 key pairs for an app and for the (simulated) Alipay side. */
export function generateAlipayKeys(): AlipayKeys {
  const app = rsaPair();
  const alipay = rsaPair();
  return { appPrivateKey: app.privateKey, appPublicKey: app.publicKey, alipayPrivateKey: alipay.privateKey, alipayPublicKey: alipay.publicKey };
}

export interface AlipayIdentity {
  /** `user_id` (2088…); omit to simulate an app in open_id mode. */
  userId?: string;
  openId?: string;
}

export interface AlipaySimulatorOptions {
  appId?: string;
  /** Defaults to freshly generated pairs (see `keys`). */
  keys?: AlipayKeys;
  /**
   * When set, requests whose `timestamp` (read as Asia/Shanghai time, like the real gateway) is
   * further than this from now are refused with `isv.invalid-timestamp`. Off by default because
   * alipay-sdk writes the machine's local time: the server must run with TZ=Asia/Shanghai.
   */
  maxClockSkewMinutes?: number;
}

/** A gateway call the simulator accepted (signature valid), for assertions. */
export interface AlipayCall {
  method: string;
  params: Record<string, string>;
}

/**
 * The OpenAPI v2 gateway (`/gateway.do`) as `alipay-sdk`'s `exec` talks to it. Like the real one it:
 * - takes the public parameters (app_id, method, charset, sign_type, sign, timestamp, version) in
 *   the query string and the others (here `grant_type`, `code`) as a form body;
 * - verifies the request's RSA2 signature with the app public key over every parameter but `sign`
 *   (and empty ones), sorted by name, as `k=v` joined by `&`;
 * - answers `{"<method>_response": {...}, "sign": "…"}` — errors of alipay.system.oauth.token come as
 *   `error_response` — signing the exact JSON text of the inner object with the Alipay private key;
 * - treats auth codes as single-use.
 * Control endpoint for other processes: POST /__sim/codes {code, userId?, openId?}.
 */
export class AlipaySimulator extends HttpSimulator {
  static readonly GATEWAY_PATH = '/gateway.do';

  readonly appId: string;
  readonly keys: AlipayKeys;
  /** Accepted calls (valid signature), oldest first. */
  readonly calls: AlipayCall[] = [];
  /** When true, answers are altered after signing (a man in the middle): the SDK must reject them. */
  tamperResponses = false;

  private readonly maxSkewMs?: number;
  private readonly codes = new Map<string, { identity: AlipayIdentity; used: boolean }>();

  constructor(opts: AlipaySimulatorOptions = {}) {
    super();
    this.appId = opts.appId ?? '2021000000000001';
    this.keys = opts.keys ?? generateAlipayKeys();
    this.maxSkewMs = opts.maxClockSkewMinutes === undefined ? undefined : opts.maxClockSkewMinutes * 60_000;
  }

  /** Full gateway URL for ALIPAY_GATEWAY. */
  get gatewayUrl(): string {
    return `${this.baseUrl}${AlipaySimulator.GATEWAY_PATH}`;
  }

  /** Registers an auth code (from `my.getAuthCode`) that `alipay.system.oauth.token` exchanges once. */
  addCode(code: string, identity: AlipayIdentity): void {
    this.codes.set(code, { identity, used: false });
  }

  protected handle(req: RecordedRequest): SimResponse {
    if (req.path === '/__sim/codes') return this.control(req);
    if (req.path !== AlipaySimulator.GATEWAY_PATH) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };

    const query = req.query;
    const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(req.body))
      : {};
    const params: Record<string, string> = { ...form, ...query };
    const method = params.method ?? '';
    const errorKey = 'error_response';

    if (!params.app_id) return this.signed(errorKey, this.argError('isv.missing-app-id', '缺少AppID参数'));
    if (params.app_id !== this.appId) return this.signed(errorKey, this.argError('isv.invalid-app-id', '无效的AppID参数'));
    if (!method) return this.signed(errorKey, this.argError('isv.missing-method', '缺少方法名参数'));
    if (!params.sign) return this.signed(errorKey, this.argError('isv.missing-signature', '缺少签名参数'));
    if (params.sign_type !== 'RSA2') return this.signed(errorKey, this.argError('isv.invalid-signature-type', '无效的签名类型'));
    if (!query.charset) {
      return this.signed(errorKey, this.argError('isv.invalid-signature', '验签出错，请确认charset参数放在了URL查询字符串中且各参数值使用charset参数指示的字符集编码'));
    }
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(params.timestamp ?? '')) {
      return this.signed(errorKey, this.argError('isv.invalid-timestamp', '非法的时间戳参数'));
    }
    if (this.maxSkewMs !== undefined) {
      const sent = Date.parse(`${params.timestamp.replace(' ', 'T')}+08:00`);
      if (!Number.isFinite(sent) || Math.abs(Date.now() - sent) > this.maxSkewMs) {
        return this.signed(errorKey, this.argError('isv.invalid-timestamp', '非法的时间戳参数'));
      }
    }

    const signContent = Object.keys(params)
      .filter((k) => k !== 'sign' && params[k] !== '')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    const valid = createVerify('RSA-SHA256').update(signContent, 'utf8').verify(this.keys.appPublicKey, params.sign, 'base64');
    if (!valid) {
      return this.signed(
        errorKey,
        this.argError('isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${signContent}`),
      );
    }
    this.calls.push({ method, params: Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'sign')) });

    switch (method) {
      case 'alipay.system.oauth.token':
        return this.oauthToken(params);
      default:
        return this.signed(errorKey, this.argError('isv.invalid-method', '不存在的方法名'));
    }
  }

  private argError(subCode: string, subMsg: string): Record<string, string> {
    return { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg };
  }

  /** `{"<key>":<content>,"sign":"<RSA2 of the content's JSON text>"}` — optionally tampered after signing. */
  private signed(key: string, content: Record<string, unknown>): SimResponse {
    const text = JSON.stringify(content);
    const sign = createSign('RSA-SHA256').update(text, 'utf8').sign(this.keys.alipayPrivateKey, 'base64');
    let sent = text;
    if (this.tamperResponses) {
      const altered = { ...content };
      if (typeof altered.user_id === 'string') altered.user_id = `${altered.user_id}1`;
      else if (typeof altered.sub_msg === 'string') altered.sub_msg = `${altered.sub_msg}.`;
      else altered.tampered = true;
      sent = JSON.stringify(altered);
    }
    return {
      status: 200,
      headers: { 'content-type': 'text/html;charset=utf-8', trace_id: randomBytes(12).toString('hex') },
      body: `{"${key}":${sent},"sign":"${sign}"}`,
    };
  }

  private oauthToken(params: Record<string, string>): SimResponse {
    const errorKey = 'error_response';
    if (params.grant_type !== 'authorization_code' && params.grant_type !== 'refresh_token') {
      return this.signed(errorKey, this.argError('isv.grant-type-invalid', 'grant_type参数不正确'));
    }
    if (params.grant_type === 'refresh_token') {
      return this.signed(errorKey, this.argError('isv.refresh-token-invalid', '刷新令牌refresh_token无效'));
    }
    if (!params.code) return this.signed(errorKey, this.argError('isv.code-invalid', '授权码code无效'));
    const entry = this.codes.get(params.code);
    if (!entry || entry.used) return this.signed(errorKey, this.argError('isv.code-invalid', '授权码code无效'));
    entry.used = true;
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    // Like the real API, a successful answer of this (old) method carries no code/msg.
    return this.signed('alipay_system_oauth_token_response', {
      ...(entry.identity.userId ? { user_id: entry.identity.userId } : {}),
      ...(entry.identity.openId ? { open_id: entry.identity.openId } : {}),
      access_token: `authusrB${randomBytes(16).toString('hex')}`,
      expires_in: 1296000,
      refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
      re_expires_in: 2592000,
      auth_start: now,
    });
  }

  private control(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (req.method !== 'POST' || !b || typeof b.code !== 'string' || (typeof b.userId !== 'string' && typeof b.openId !== 'string')) {
      return this.json({ error: 'POST {code, userId?, openId?}' }, 400);
    }
    this.addCode(b.code, {
      userId: typeof b.userId === 'string' ? b.userId : undefined,
      openId: typeof b.openId === 'string' ? b.openId : undefined,
    });
    return this.json({ ok: true });
  }
}
