import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, mock } from '../../../../test/support.js';
import { Logger, type LoggerService } from '@nestjs/common';
import { AlipaySimulator, DingtalkSimulator, generateAlipayKeys, startPlatformSimulators, WechatSimulator, type PlatformSimulators } from '../../../../test/simulators/index.js';
import { AppError } from '../../../common/errors/app-error.js';
import { CommonError, IdentityError, type ErrorCode } from '../../../common/errors/error-codes.js';
import { AppConfig } from '../../../config/config.js';
import { AlipayClient } from './alipay.client.js';
import { DingtalkClient } from './dingtalk.client.js';
import { WechatClient } from './wechat.client.js';

/** Every log line the clients write, to check that secrets and codes never reach the logs. */
const logLines: string[] = [];
const capture = (...args: unknown[]) => void logLines.push(args.map(String).join(' '));
const captureLogger: LoggerService = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };

function configFor(overrides: Partial<AppConfig>): AppConfig {
  return Object.assign(new AppConfig(), overrides);
}

/** Awaits `p`, expects an AppError with `code`, and returns it. */
async function appError(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  return caught as AppError;
}

let sims: PlatformSimulators;

beforeAll(async () => {
  Logger.overrideLogger(captureLogger);
  sims = await startPlatformSimulators();
});

afterAll(async () => {
  await sims?.close();
});

afterEach(() => {
  mock.restoreAll();
});

describe('WechatClient', () => {
  const wechat = () => sims.wechat;
  const client = (overrides: Partial<AppConfig> = {}) => new WechatClient(configFor({ ...sims.env, ...overrides }));

  it('exchanges a login code for openid and unionid', async () => {
    wechat().addCode('wx-code-1', { openId: 'o-1', unionId: 'u-1' });
    wechat().addCode('wx-code-2', { openId: 'o-2' });
    const c = client();

    await expect(c.code2Session('wx-code-1')).resolves.toEqual({ openId: 'o-1', unionId: 'u-1' });
    await expect(c.code2Session('wx-code-2')).resolves.toEqual({ openId: 'o-2' });

    const sent = wechat().requests.filter((r) => r.path === WechatSimulator.JSCODE2SESSION).at(-1)!;
    expect(sent.method).toBe('GET');
    expect(sent.query).toMatchObject({ appid: sims.env.WECHAT_APPID, secret: sims.env.WECHAT_SECRET, js_code: 'wx-code-2', grant_type: 'authorization_code' });
  });

  it('rejects an unknown code and a code used twice as PlatformCodeInvalid, without leaking the code', async () => {
    wechat().addCode('wx-once', { openId: 'o-once' });
    const c = client();

    const unknown = await appError(c.code2Session('wx-never-issued'), IdentityError.PlatformCodeInvalid);
    expect(JSON.stringify(unknown.toBody())).not.toContain('wx-never-issued');

    await expect(c.code2Session('wx-once')).resolves.toEqual({ openId: 'o-once' });
    await appError(c.code2Session('wx-once'), IdentityError.PlatformCodeInvalid);
  });

  it('refuses an empty code without calling WeChat', async () => {
    const before = wechat().requests.length;
    await appError(client().code2Session('  '), IdentityError.PlatformCodeInvalid);
    expect(wechat().requests.length).toBe(before);
  });

  it('reports a wrong or missing secret as PlatformNotConfigured', async () => {
    wechat().addCode('wx-code-3', { openId: 'o-3' });
    const err = await appError(client({ WECHAT_SECRET: 'not-the-secret' }).code2Session('wx-code-3'), IdentityError.PlatformNotConfigured);
    expect(err.message).not.toContain('not-the-secret');

    const before = wechat().requests.length;
    await appError(client({ WECHAT_SECRET: '' }).code2Session('wx-code-3'), IdentityError.PlatformNotConfigured);
    expect(wechat().requests.length).toBe(before);
  });

  it('returns the mini-program code as PNG bytes and caches the access token', async () => {
    wechat().clearRequests();
    const c = client();

    const png = await c.getUnlimitedQrCode('t=12&m=34', '/pages/activate/index');
    const png2 = await c.getUnlimitedQrCode('t=12&m=35', 'pages/activate/index');

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.equals(png2)).toBe(false); // depends on the scene
    expect(wechat().count(WechatSimulator.TOKEN)).toBe(1);
    expect(wechat().count(WechatSimulator.WXACODE)).toBe(2);
    const tokenReq = wechat().requests.find((r) => r.path === WechatSimulator.TOKEN)!;
    expect(tokenReq.query).toMatchObject({ grant_type: 'client_credential', appid: sims.env.WECHAT_APPID, secret: sims.env.WECHAT_SECRET });
    expect(wechat().wxaCodes.slice(-2)).toEqual([
      { scene: 't=12&m=34', page: 'pages/activate/index', checkPath: false },
      { scene: 't=12&m=35', page: 'pages/activate/index', checkPath: false },
    ]);
  });

  it('shares one token request between concurrent calls', async () => {
    wechat().clearRequests();
    const c = client();
    const [a, b] = await Promise.all([c.getUnlimitedQrCode('a', 'pages/index/index'), c.getUnlimitedQrCode('b', 'pages/index/index')]);
    expect(a.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(wechat().count(WechatSimulator.TOKEN)).toBe(1);
  });

  it('fetches a new token 5 minutes before expires_in', async () => {
    wechat().clearRequests();
    const c = client();
    await c.getUnlimitedQrCode('s1', 'pages/index/index');
    const now = Date.now();
    // Simulator and client share the clock: at +6899 s the token is still used, at +6901 s (7200 - 300 passed) it is renewed.
    mock.method(Date, 'now', () => now + 6_899_000);
    await c.getUnlimitedQrCode('s2', 'pages/index/index');
    expect(wechat().count(WechatSimulator.TOKEN)).toBe(1);
    mock.method(Date, 'now', () => now + 6_901_000);
    await c.getUnlimitedQrCode('s3', 'pages/index/index');
    expect(wechat().count(WechatSimulator.TOKEN)).toBe(2);
  });

  it('renews the token once when WeChat says it expired, then succeeds', async () => {
    wechat().clearRequests();
    const c = client();
    await c.getUnlimitedQrCode('before', 'pages/index/index');
    wechat().expireAccessTokens();
    const png = await c.getUnlimitedQrCode('after', 'pages/index/index');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(wechat().count(WechatSimulator.TOKEN)).toBe(2);
    expect(wechat().count(WechatSimulator.WXACODE)).toBe(3); // ok, 42001, ok
  });

  it('refuses an invalid scene before calling WeChat', async () => {
    const before = wechat().requests.length;
    await appError(client().getUnlimitedQrCode('x'.repeat(33), 'pages/index/index'), CommonError.ValidationFailed);
    await appError(client().getUnlimitedQrCode('中文', 'pages/index/index'), CommonError.ValidationFailed);
    expect(wechat().requests.length).toBe(before);
  });

  it('maps WeChat busy / rate-limit errcodes to UpstreamUnavailable', async () => {
    const c = client();
    await c.getUnlimitedQrCode('warm', 'pages/index/index'); // token now cached: the next request is the QR one
    wechat().answerNext({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
    await appError(c.getUnlimitedQrCode('quota', 'pages/index/index'), CommonError.UpstreamUnavailable);

    wechat().addCode('wx-code-busy', { openId: 'o-busy' });
    wechat().answerNext({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    await appError(c.code2Session('wx-code-busy'), CommonError.UpstreamUnavailable);
    wechat().answerNext({ errcode: -1, errmsg: 'system error' });
    await appError(c.code2Session('wx-code-busy'), CommonError.UpstreamUnavailable);
    // the code was never consumed by those answers
    await expect(c.code2Session('wx-code-busy')).resolves.toEqual({ openId: 'o-busy' });
  });

  it('maps a non-2xx answer to UpstreamUnavailable', async () => {
    wechat().addCode('wx-code-5xx', { openId: 'o' });
    wechat().failNext(502);
    await appError(client().code2Session('wx-code-5xx'), CommonError.UpstreamUnavailable);
  });

  it('maps a network failure (simulator closed) to UpstreamUnavailable', async () => {
    const sim = new WechatSimulator({ appId: sims.env.WECHAT_APPID, appSecret: sims.env.WECHAT_SECRET });
    const { baseUrl, close } = await sim.start();
    sim.addCode('wx-code-net', { openId: 'o' });
    await close();
    const c = client({ WECHAT_API_BASE: baseUrl });
    await appError(c.code2Session('wx-code-net'), CommonError.UpstreamUnavailable);
    await appError(c.getUnlimitedQrCode('s', 'pages/index/index'), CommonError.UpstreamUnavailable);
  });
});

describe('AlipayClient', () => {
  const alipay = () => sims.alipay;
  const client = (overrides: Partial<AppConfig> = {}) => new AlipayClient(configFor({ ...sims.env, ...overrides }));

  it('exchanges an auth code through alipay-sdk, the simulator having verified the request signature', async () => {
    alipay().addCode('ali-code-1', { userId: '2088000000000001', openId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });
    alipay().addCode('ali-code-2', { userId: '2088000000000002' });
    const c = client();

    await expect(c.oauthToken('ali-code-1')).resolves.toEqual({ userId: '2088000000000001', openId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });
    await expect(c.oauthToken('ali-code-2')).resolves.toEqual({ userId: '2088000000000002' });

    const call = alipay().calls.at(-1)!;
    expect(call.method).toBe('alipay.system.oauth.token');
    expect(call.params).toMatchObject({ app_id: sims.env.ALIPAY_APPID, grant_type: 'authorization_code', code: 'ali-code-2', sign_type: 'RSA2', charset: 'utf-8', version: '1.0' });
    // public parameters in the query string, business ones in the form body — as alipay-sdk sends them
    const req = alipay().requests.at(-1)!;
    expect(Object.keys(req.query)).toEqual(expect.arrayContaining(['app_id', 'method', 'sign', 'timestamp']));
    expect(new URLSearchParams(req.body).get('code')).toBe('ali-code-2');
  });

  it('maps an unknown code and a reused code (signed error_response) to PlatformCodeInvalid', async () => {
    alipay().addCode('ali-once', { userId: '2088000000000003' });
    const c = client();
    await appError(c.oauthToken('ali-never-issued'), IdentityError.PlatformCodeInvalid);
    await expect(c.oauthToken('ali-once')).resolves.toEqual({ userId: '2088000000000003' });
    const err = await appError(c.oauthToken('ali-once'), IdentityError.PlatformCodeInvalid);
    expect(JSON.stringify(err.toBody())).not.toContain('ali-once');
  });

  it('is refused by the gateway when the request is signed with a key Alipay does not know → UpstreamUnavailable', async () => {
    alipay().addCode('ali-code-wrongkey', { userId: '2088000000000004' });
    const callsBefore = alipay().calls.length;
    const other = generateAlipayKeys();
    await appError(client({ ALIPAY_PRIVATE_KEY: other.appPrivateKey }).oauthToken('ali-code-wrongkey'), CommonError.UpstreamUnavailable);
    expect(alipay().calls.length).toBe(callsBefore); // the simulator refused the signature
    // the code was not consumed: with the right key it still works
    await expect(client().oauthToken('ali-code-wrongkey')).resolves.toEqual({ userId: '2088000000000004' });
  });

  it('rejects an answer signed by another key (wrong ALIPAY_PUBLIC_KEY / impostor) → UpstreamUnavailable', async () => {
    alipay().addCode('ali-code-impostor', { userId: '2088000000000005' });
    const other = generateAlipayKeys();
    await appError(client({ ALIPAY_PUBLIC_KEY: other.alipayPublicKey }).oauthToken('ali-code-impostor'), CommonError.UpstreamUnavailable);
    // and an error answer that does not verify is not trusted as "code invalid" either
    await appError(client({ ALIPAY_PUBLIC_KEY: other.alipayPublicKey }).oauthToken('ali-never-issued-2'), CommonError.UpstreamUnavailable);
  });

  it('rejects an answer tampered with after signing → UpstreamUnavailable', async () => {
    alipay().addCode('ali-code-tamper', { userId: '2088000000000006' });
    alipay().tamperResponses = true;
    try {
      await appError(client().oauthToken('ali-code-tamper'), CommonError.UpstreamUnavailable);
      await appError(client().oauthToken('ali-never-issued-3'), CommonError.UpstreamUnavailable);
    } finally {
      alipay().tamperResponses = false;
    }
  });

  it('accepts keys written with literal \\n, as PKCS#1, or as bare base64', async () => {
    const { appPrivateKey, alipayPublicKey } = alipay().keys;
    const pkcs1 = createPrivateKey(appPrivateKey).export({ type: 'pkcs1', format: 'pem' }).toString();
    const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const variants: Array<Partial<AppConfig>> = [
      { ALIPAY_PRIVATE_KEY: appPrivateKey.replace(/\n/g, '\\n'), ALIPAY_PUBLIC_KEY: `"${alipayPublicKey.replace(/\n/g, '\\n')}"` },
      { ALIPAY_PRIVATE_KEY: pkcs1 },
      { ALIPAY_PRIVATE_KEY: bare(appPrivateKey), ALIPAY_PUBLIC_KEY: bare(alipayPublicKey) },
      { ALIPAY_PRIVATE_KEY: bare(pkcs1) },
    ];
    for (const [i, overrides] of variants.entries()) {
      alipay().addCode(`ali-key-form-${i}`, { userId: `208800000000010${i}` });
      await expect(client(overrides).oauthToken(`ali-key-form-${i}`)).resolves.toEqual({ userId: `208800000000010${i}` });
    }
  });

  it('reports missing or unreadable keys as PlatformNotConfigured without calling the gateway', async () => {
    const before = alipay().requests.length;
    await appError(client({ ALIPAY_PRIVATE_KEY: undefined }).oauthToken('c'), IdentityError.PlatformNotConfigured);
    await appError(client({ ALIPAY_PUBLIC_KEY: '' }).oauthToken('c'), IdentityError.PlatformNotConfigured);
    await appError(client({ ALIPAY_PRIVATE_KEY: 'not-a-key' }).oauthToken('c'), IdentityError.PlatformNotConfigured);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await appError(client({ ALIPAY_PRIVATE_KEY: ec }).oauthToken('c'), IdentityError.PlatformNotConfigured);
    expect(alipay().requests.length).toBe(before);
  });

  it('reports an app in open_id-only mode as PlatformNotConfigured', async () => {
    alipay().addCode('ali-openid-only', { openId: '074openidonly' });
    await appError(client().oauthToken('ali-openid-only'), IdentityError.PlatformNotConfigured);
  });

  it('maps a non-2xx answer and a network failure to UpstreamUnavailable', async () => {
    alipay().addCode('ali-code-5xx', { userId: '2088000000000007' });
    alipay().failNext(502);
    await appError(client().oauthToken('ali-code-5xx'), CommonError.UpstreamUnavailable);

    const sim = new AlipaySimulator({ appId: sims.env.ALIPAY_APPID, keys: alipay().keys });
    await sim.start();
    const gateway = sim.gatewayUrl;
    await sim.close();
    await appError(client({ ALIPAY_GATEWAY: gateway }).oauthToken('ali-code-net'), CommonError.UpstreamUnavailable);
  });
});

describe('DingtalkClient', () => {
  const ding = () => sims.dingtalk;
  const client = (overrides: Partial<AppConfig> = {}) => new DingtalkClient(configFor({ ...sims.env, ...overrides }));

  beforeAll(() => {
    ding().addUser(ding().corpId, { userid: 'manager01', name: '张三', mobile: '13800000001' });
    ding().addUser(ding().corpId, { userid: 'nomobile', name: '李四', mobile: null });
    ding().addUser('other-corp', { userid: 'stranger', name: '王五', mobile: '13800000009' });
  });

  it('turns an auth code into userid, mobile and name, caching the access token', async () => {
    ding().clearRequests();
    ding().addCode('dd-code-1', ding().corpId, 'manager01');
    ding().addCode('dd-code-2', ding().corpId, 'nomobile');
    const c = client();

    await expect(c.userByAuthCode('dd-code-1', ding().corpId)).resolves.toEqual({ userId: 'manager01', mobile: '13800000001', name: '张三' });
    await expect(c.userByAuthCode('dd-code-2', ding().corpId)).resolves.toEqual({ userId: 'nomobile', mobile: null, name: '李四' });

    expect(ding().count(DingtalkSimulator.TOKEN)).toBe(1);
    expect(ding().count(DingtalkSimulator.GET_USER_INFO)).toBe(2);
    const tokenReq = ding().requests.find((r) => r.path === DingtalkSimulator.TOKEN)!;
    expect(tokenReq.query).toEqual({ appkey: sims.env.DINGTALK_APP_KEY, appsecret: sims.env.DINGTALK_APP_SECRET });
    const userGet = ding().requests.filter((r) => r.path === DingtalkSimulator.USER_GET).at(-1)!;
    expect(JSON.parse(userGet.body)).toEqual({ userid: 'nomobile', language: 'zh_CN' });
  });

  it('maps an unknown code, a reused code and a code of another corp to PlatformCodeInvalid', async () => {
    ding().addCode('dd-once', ding().corpId, 'manager01');
    ding().addCode('dd-other-corp', 'other-corp', 'stranger');
    const c = client();
    await appError(c.userByAuthCode('dd-never-issued', ding().corpId), IdentityError.PlatformCodeInvalid);
    await expect(c.userByAuthCode('dd-once', ding().corpId)).resolves.toMatchObject({ userId: 'manager01' });
    await appError(c.userByAuthCode('dd-once', ding().corpId), IdentityError.PlatformCodeInvalid);
    await appError(c.userByAuthCode('dd-other-corp', 'other-corp'), IdentityError.PlatformCodeInvalid);
  });

  it('maps a user missing from the address book to PlatformCodeInvalid', async () => {
    ding().addCode('dd-deleted-user', ding().corpId, 'left-the-company');
    await appError(client().userByAuthCode('dd-deleted-user', ding().corpId), IdentityError.PlatformCodeInvalid);
  });

  it('renews the token once when DingTalk refuses it', async () => {
    ding().clearRequests();
    ding().addCode('dd-code-a', ding().corpId, 'manager01');
    ding().addCode('dd-code-b', ding().corpId, 'manager01');
    const c = client();
    await c.userByAuthCode('dd-code-a', ding().corpId);
    ding().expireAccessTokens();
    await expect(c.userByAuthCode('dd-code-b', ding().corpId)).resolves.toMatchObject({ userId: 'manager01' });
    expect(ding().count(DingtalkSimulator.TOKEN)).toBe(2);
  });

  it('reports wrong credentials and a tenant without corp as PlatformNotConfigured', async () => {
    ding().addCode('dd-code-cfg', ding().corpId, 'manager01');
    const err = await appError(client({ DINGTALK_APP_SECRET: 'wrong-secret' }).userByAuthCode('dd-code-cfg', ding().corpId), IdentityError.PlatformNotConfigured);
    expect(err.message).not.toContain('wrong-secret');
    await appError(client().userByAuthCode('dd-code-cfg', ''), IdentityError.PlatformNotConfigured);
    // neither attempt consumed the code
    await expect(client().userByAuthCode('dd-code-cfg', ding().corpId)).resolves.toMatchObject({ userId: 'manager01' });
  });

  it('maps a non-2xx answer and a network failure to UpstreamUnavailable', async () => {
    ding().addCode('dd-code-5xx', ding().corpId, 'manager01');
    ding().failNext(500);
    await appError(client().userByAuthCode('dd-code-5xx', ding().corpId), CommonError.UpstreamUnavailable);

    const sim = new DingtalkSimulator();
    const { baseUrl, close } = await sim.start();
    await close();
    await appError(client({ DINGTALK_API_BASE: baseUrl }).userByAuthCode('dd-code-net', 'corp'), CommonError.UpstreamUnavailable);
  });
});

describe('logs', () => {
  it('never contain secrets, private keys or login codes', () => {
    const joined = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [sims.env.WECHAT_SECRET, sims.env.DINGTALK_APP_SECRET, 'wrong-secret', 'not-the-secret', 'PRIVATE KEY']) {
      expect(joined).not.toContain(secret);
    }
    expect(joined).not.toMatch(/wx-code|ali-code|dd-code|ali-never|wx-never|dd-never/);
  });
});
