import { bearer, login, smsCode, startTestApp, type TestApp } from './harness.js';
import { startPlatformSimulators, type PlatformSimulators } from './simulators/index.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

const PW = 'Dangjian2026';
const CORP = 'dingsimcorp0001';

/** ID-5, ID-8, TEN-3: mini-program logins through the real clients against local simulators. */
describe('mini-program login', () => {
  let sims: PlatformSimulators;
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    sims = await startPlatformSimulators({ dingtalk: { corpId: CORP } });
    t = await startTestApp({ ...sims.env });
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
  });
  afterAll(async () => {
    await t.close();
    await sims.close();
  });

  const platformLogin = (platform: string, code: string, tenantId?: number) => t.http.post('/api/v1/auth/login/platform').send({ platform, code, ...(tenantId ? { tenantId } : {}) });

  it('WeChat: an unknown openid gets a bind ticket; activation binds it; the next open logs in silently', async () => {
    sims.wechat.addCode('wx-code-1', { openId: 'openid-member-1', unionId: 'union-1' });
    const first = await platformLogin('weapp', 'wx-code-1').expect(200);
    expect(first.body).toEqual({ bound: false, bindTicket: expect.any(String) });

    const phone = '13500000001';
    const s = await t.http.post('/api/v1/auth/activation/start').send({ idNumber: t.demo.inactiveMember.idNumber }).expect(200);
    const p = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: s.body.activationToken, phone, code: await smsCode(t, phone, 'activate') }).expect(200);
    await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: p.body.activationToken, password: PW, passwordConfirm: PW, bindTicket: first.body.bindTicket }).expect(200);

    sims.wechat.addCode('wx-code-2', { openId: 'openid-member-1', unionId: 'union-1' });
    const again = await platformLogin('weapp', 'wx-code-2').expect(200);
    expect(again.body.bound).toBe(true);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(again.body.tokens.accessToken)).expect(200);
    expect(me.body.displayName).toBe(t.demo.inactiveMember.name);
  });

  it('activation still succeeds with an expired bind ticket, leaving the identity unbound', async () => {
    const member = (await t.http.get('/api/v1/members?keyword=13901000010').set(bearer(admin)).expect(200)).body.items[0];
    const idNumber = (await t.http.post(`/api/v1/members/${member.id}/reveal-id`).set(bearer(admin)).expect(200)).body.idNumber;
    const phone = '13500000002';
    const s = await t.http.post('/api/v1/auth/activation/start').send({ idNumber }).expect(200);
    const p = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: s.body.activationToken, phone, code: await smsCode(t, phone, 'activate') }).expect(200);
    await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: p.body.activationToken, password: PW, passwordConfirm: PW, bindTicket: 'expired-ticket-0000' }).expect(200);
    await t.http.post('/api/v1/auth/login/password').send({ account: phone, password: PW }).expect(200);
  });

  it('WeChat: a used or invalid code is refused; a different openid is not logged in (ID-5)', async () => {
    const used = await platformLogin('weapp', 'wx-code-2').expect(401);
    expect(used.body).toEqual({ code: 'IDENTITY_PLATFORM_CODE_INVALID', message: '小程序登录凭证无效，请重新进入' });
    sims.wechat.addCode('wx-code-3', { openId: 'openid-someone-else' });
    const other = await platformLogin('weapp', 'wx-code-3').expect(200);
    expect(other.body.bound).toBe(false);
  });

  it('Alipay: bind after password login, then silent login through alipay-sdk with verified signatures', async () => {
    sims.alipay.addCode('ali-code-1', { userId: '2088000000000001' });
    const first = await platformLogin('alipay', 'ali-code-1').expect(200);
    expect(first.body.bound).toBe(false);
    const session = await t.http.post('/api/v1/auth/login/password').send({ account: t.demo.branchAdmin.username, password: t.demo.branchAdmin.password }).expect(200);
    await t.http.post('/api/v1/auth/bind').set(bearer(session.body.accessToken)).send({ bindTicket: first.body.bindTicket }).expect(204);
    // A ticket is single-use.
    await t.http.post('/api/v1/auth/bind').set(bearer(session.body.accessToken)).send({ bindTicket: first.body.bindTicket }).expect(400);

    sims.alipay.addCode('ali-code-2', { userId: '2088000000000001' });
    const again = await platformLogin('alipay', 'ali-code-2').expect(200);
    expect(again.body.bound).toBe(true);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(again.body.tokens.accessToken)).expect(200);
    expect(me.body.roles.map((r: { role: string }) => r.role)).toContain('branch_admin');
  });

  it('Alipay: a forged gateway answer is not trusted', async () => {
    sims.alipay.addCode('ali-code-3', { userId: '2088000000000001' });
    sims.alipay.tamperResponses = true;
    try {
      const res = await platformLogin('alipay', 'ali-code-3').expect(502);
      expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      sims.alipay.tamperResponses = false;
    }
  });

  it('DingTalk: needs the tenant\'s corpId, then matches the member by mobile (TEN-3)', async () => {
    sims.dingtalk.addUser(CORP, { userid: 'dt-user-1', name: '钉钉用户', mobile: '13901000005' });
    sims.dingtalk.addCode('dd-code-1', CORP, 'dt-user-1');
    const unconfigured = await platformLogin('dd', 'dd-code-1', 1).expect(400);
    expect(unconfigured.body.code).toBe('IDENTITY_PLATFORM_NOT_CONFIGURED');

    await t.http.patch('/api/v1/tenants/current').set(bearer(admin)).send({ dingtalkCorpId: CORP }).expect(200);
    sims.dingtalk.addCode('dd-code-2', CORP, 'dt-user-1');
    const res = await platformLogin('dd', 'dd-code-2', 1).expect(200);
    expect(res.body.bound).toBe(true);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(res.body.tokens.accessToken)).expect(200);
    // Demo member #5 has phone 139 01 000005.
    const member = await t.http.get(`/api/v1/members/${me.body.memberId}`).set(bearer(admin)).expect(200);
    expect(member.body).toMatchObject({ phone: '13901000005', activated: true });

    sims.dingtalk.addUser(CORP, { userid: 'dt-user-2', name: '外部人员', mobile: '13999999999' });
    sims.dingtalk.addCode('dd-code-3', CORP, 'dt-user-2');
    const stranger = await platformLogin('dd', 'dd-code-3', 1).expect(404);
    expect(stranger.body.code).toBe('IDENTITY_DINGTALK_USER_NOT_MATCHED');
  });

  it('answers 502 when a platform is unreachable, never 500', async () => {
    sims.wechat.failNext(503);
    sims.wechat.addCode('wx-code-9', { openId: 'o9' });
    const res = await platformLogin('weapp', 'wx-code-9').expect(502);
    expect(res.body.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
