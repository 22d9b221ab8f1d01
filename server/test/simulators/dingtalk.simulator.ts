import { randomBytes } from 'node:crypto';
import { HttpSimulator, randomId, type RecordedRequest, type SimResponse } from '../../src/dev/http-simulator.js';

export interface DingtalkUser {
  userid: string;
  name: string;
  /** null: the app has no permission to read mobiles, or the user has none — the field is then absent. */
  mobile?: string | null;
}

export interface DingtalkSimulatorOptions {
  appKey?: string;
  appSecret?: string;
  /** The corp the (internal) app belongs to: its access token only sees that corp's users and codes. */
  corpId?: string;
  tokenTtlSeconds?: number;
}

/**
 * The parts of `oapi.dingtalk.com` an internal enterprise app uses to log a user in from a DingTalk
 * mini-program: errors are HTTP 200 with `errcode` ≠ 0, auth codes are single-use (5 minutes in
 * reality) and, as in DingTalk, an internal app's access token belongs to one corp, so a code or
 * user of another corp is "not found".
 *
 *   GET  /gettoken?appkey&appsecret
 *   POST /topapi/v2/user/getuserinfo?access_token  {code}
 *   POST /topapi/v2/user/get?access_token          {userid, language}
 *   POST /__sim/codes {code, corpId?, userid, name?, mobile?}  (control endpoint; also adds the user)
 */
export class DingtalkSimulator extends HttpSimulator {
  static readonly TOKEN = '/gettoken';
  static readonly GET_USER_INFO = '/topapi/v2/user/getuserinfo';
  static readonly USER_GET = '/topapi/v2/user/get';

  readonly appKey: string;
  readonly appSecret: string;
  readonly corpId: string;

  private readonly tokenTtl: number;
  private readonly users = new Map<string, DingtalkUser>(); // key: corpId + '\n' + userid
  private readonly codes = new Map<string, { corpId: string; userid: string; used: boolean }>();
  private readonly tokens = new Map<string, { corpId: string; expiresAt: number }>();

  constructor(opts: DingtalkSimulatorOptions = {}) {
    super();
    this.appKey = opts.appKey ?? 'ding-sim-appkey';
    this.appSecret = opts.appSecret ?? 'ding-sim-secret';
    this.corpId = opts.corpId ?? 'ding-sim-corp';
    this.tokenTtl = opts.tokenTtlSeconds ?? 7200;
  }

  /** Adds (or replaces) a member of `corpId`'s address book. */
  addUser(corpId: string, user: DingtalkUser): void {
    this.users.set(`${corpId}\n${user.userid}`, user);
  }

  /** Registers a `dd.getAuthCode` code issued in `corpId` for `userid` (the user need not exist, like a deleted one). */
  addCode(code: string, corpId: string, userid: string): void {
    this.codes.set(code, { corpId, userid, used: false });
  }

  /** Every token issued so far answers 40014 from now on (as after the secret was reset). */
  expireAccessTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  protected handle(req: RecordedRequest): SimResponse {
    switch (req.path) {
      case DingtalkSimulator.TOKEN:
        return this.token(req);
      case DingtalkSimulator.GET_USER_INFO:
        return this.withToken(req, (corpId, body) => this.getUserInfo(corpId, body));
      case DingtalkSimulator.USER_GET:
        return this.withToken(req, (corpId, body) => this.userGet(corpId, body));
      case '/__sim/codes':
        return this.control(req);
      default:
        return this.json({ errcode: 404, errmsg: '请求的URI地址不存在' }, 404);
    }
  }

  private err(errcode: number, errmsg: string): SimResponse {
    return this.json({ errcode, errmsg, request_id: randomId(13) });
  }

  private token(req: RecordedRequest): SimResponse {
    if (req.method !== 'GET') return this.err(43001, '需要GET请求');
    if (req.query.appkey !== this.appKey || req.query.appsecret !== this.appSecret) {
      return this.err(40089, '不合法的corpid或corpsecret');
    }
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, { corpId: this.corpId, expiresAt: Date.now() + this.tokenTtl * 1000 });
    return this.json({ errcode: 0, errmsg: 'ok', access_token: token, expires_in: this.tokenTtl });
  }

  private withToken(req: RecordedRequest, fn: (corpId: string, body: Record<string, unknown>) => SimResponse): SimResponse {
    if (req.method !== 'POST') return this.err(43002, '需要POST请求');
    const t = req.query.access_token ? this.tokens.get(req.query.access_token) : undefined;
    if (!t || t.expiresAt <= Date.now()) return this.err(40014, '不合法的access_token');
    const body = this.parseJsonBody(req);
    if (!body) return this.err(40035, '缺少参数 json');
    return fn(t.corpId, body);
  }

  private getUserInfo(corpId: string, body: Record<string, unknown>): SimResponse {
    if (typeof body.code !== 'string' || !body.code) return this.err(40035, '缺少参数 code');
    const entry = this.codes.get(body.code);
    if (!entry || entry.used || entry.corpId !== corpId) return this.err(40078, '不存在的临时授权码');
    entry.used = true;
    const user = this.users.get(`${corpId}\n${entry.userid}`);
    return this.json({
      errcode: 0,
      errmsg: 'ok',
      result: {
        userid: entry.userid,
        device_id: randomId(32),
        sys: false,
        sys_level: 0,
        associated_unionid: '',
        unionid: `union-${entry.userid}`,
        ...(user ? { name: user.name } : {}),
      },
      request_id: randomId(13),
    });
  }

  private userGet(corpId: string, body: Record<string, unknown>): SimResponse {
    if (typeof body.userid !== 'string' || !body.userid) return this.err(40035, '缺少参数 userid');
    const user = this.users.get(`${corpId}\n${body.userid}`);
    if (!user) return this.err(60121, '找不到该用户');
    return this.json({
      errcode: 0,
      errmsg: 'ok',
      result: {
        userid: user.userid,
        unionid: `union-${user.userid}`,
        name: user.name,
        active: true,
        admin: false,
        boss: false,
        dept_id_list: [1],
        ...(user.mobile ? { mobile: user.mobile, state_code: '86' } : {}),
      },
      request_id: randomId(13),
    });
  }

  private control(req: RecordedRequest): SimResponse {
    const b = this.parseJsonBody(req);
    if (req.method !== 'POST' || !b || typeof b.code !== 'string' || typeof b.userid !== 'string') {
      return this.json({ error: 'POST {code, userid, corpId?, name?, mobile?}' }, 400);
    }
    const corpId = typeof b.corpId === 'string' ? b.corpId : this.corpId;
    if (typeof b.name === 'string') {
      this.addUser(corpId, { userid: b.userid, name: b.name, mobile: typeof b.mobile === 'string' ? b.mobile : null });
    }
    this.addCode(b.code, corpId, b.userid);
    return this.json({ ok: true });
  }
}
