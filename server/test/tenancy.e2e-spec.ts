import { bearer, login, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/** TEN-1, TEN-3: tenants created from single-use activation codes. */
describe('tenancy', () => {
  let t: TestApp;
  let platform: string;
  beforeAll(async () => {
    t = await startTestApp();
    platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
  });
  afterAll(() => t.close());

  const codes = async (count: number): Promise<string[]> => (await t.http.post('/api/v1/platform/activation-codes').set(bearer(platform)).send({ count }).expect(201)).body.codes;
  const create = (activationCode: string, suffix: string) =>
    t.http.post('/api/v1/tenants').send({ activationCode, name: `测试单位${suffix}党委`, adminUsername: `admin${suffix}`, adminPhone: `1580000${suffix.padStart(4, '0')}`, adminPassword: 'Tenant2026!' });

  it('only platform operators issue codes', async () => {
    const admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    await t.http.post('/api/v1/platform/activation-codes').set(bearer(admin)).send({ count: 1 }).expect(403);
  });

  it('creates a tenant with its root committee and admin, once per code', async () => {
    const [code] = await codes(1);
    // People type codes; case does not matter.
    const res = await create(code.toLowerCase(), '1').expect(201);
    expect(res.body).toMatchObject({ name: '测试单位1党委', dingtalkCorpId: null, rootOrgId: expect.any(Number) });
    const again = await create(code, '2').expect(400);
    expect(again.body).toEqual({ code: 'TENANCY_ACTIVATION_CODE_INVALID', message: '激活码无效或已被使用' });

    const admin = await login(t, 'admin1', 'Tenant2026!');
    const tree = await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200);
    expect(tree.body).toEqual([expect.objectContaining({ name: '测试单位1党委', type: 'committee', memberCount: 0, children: [] })]);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(admin)).expect(200);
    expect(me.body.tenantName).toBe('测试单位1党委');
  });

  it('refuses an unknown code and a weak admin password without creating anything', async () => {
    await create('DJ-NOT-A-CODE', '3').expect(400);
    const [code] = await codes(1);
    const weak = await t.http.post('/api/v1/tenants').send({ activationCode: code, name: '弱密码党委', adminUsername: 'weakadmin', adminPhone: '15800009999', adminPassword: 'password' }).expect(400);
    expect(weak.body.code).toBe('IDENTITY_PASSWORD_POLICY');
    // The code was not used up by the failed attempt.
    await create(code, '4').expect(201);
  });

  it('lets only one of two parallel creations use a code', async () => {
    const [code] = await codes(1);
    const results = await Promise.all([create(code, '5'), create(code, '6')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
  });

  it('lets the tenant admin set the DingTalk corpId, validated', async () => {
    const admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    const bad = await t.http.patch('/api/v1/tenants/current').set(bearer(admin)).send({ dingtalkCorpId: 'not a corp' }).expect(400);
    expect(bad.body.message).toBe('钉钉corpId格式不正确');
    const ok = await t.http.patch('/api/v1/tenants/current').set(bearer(admin)).send({ dingtalkCorpId: 'dingabc123' }).expect(200);
    expect(ok.body.dingtalkCorpId).toBe('dingabc123');
  });
});
