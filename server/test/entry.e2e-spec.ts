import type { EntryCodes, OrgNode } from '@dangjian/shared';
import { bearer, login, startTestApp, type TestApp } from './harness.js';
import { startPlatformSimulators, type PlatformSimulators } from './simulators/index.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const png = (dataUrl: string | null) => Buffer.from((dataUrl ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');

/** Entry by QR code (issue 3): scenes, the WeChat mini-program code and the H5 QR code. */
describe('entry codes', () => {
  let sims: PlatformSimulators;
  let t: TestApp;
  let admin: string;
  let tree: OrgNode[];
  const find = (name: string): OrgNode => {
    const walk = (ns: OrgNode[]): OrgNode | undefined => ns.map((n) => (n.name === name ? n : walk(n.children ?? []))).find(Boolean);
    return walk(tree)!;
  };
  beforeAll(async () => {
    sims = await startPlatformSimulators();
    t = await startTestApp({ ...sims.env, H5_BASE_URL: 'https://dj.example.org/h5/' });
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tree = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    await sims.close();
  });

  it('gives a branch both codes carrying the same short scene', async () => {
    const branch = find(t.demo.branchAdmin.orgName);
    const res = await t.http.get(`/api/v1/orgs/${branch.id}/entry-codes`).set(bearer(admin)).expect(200);
    const codes = res.body as EntryCodes;
    expect(codes.scene).toBe(`t1o${branch.id}`);
    expect(codes.orgName).toBe(branch.name);
    expect(codes.h5Url).toBe(`https://dj.example.org/h5/?scene=t1o${branch.id}`);
    expect(png(codes.h5QrPng).subarray(0, 4)).toEqual(PNG);
    expect(png(codes.wxacodePng).subarray(0, 4)).toEqual(PNG);
    expect(codes.wxacodeError).toBeNull();
    // WeChat was asked for that scene and the configured page.
    expect(sims.wechat.wxaCodes.at(-1)).toMatchObject({ scene: codes.scene, page: 'pages/index/index' });
  });

  it('gives the tenant a code without a branch, and refuses other levels', async () => {
    const root = tree[0];
    expect((await t.http.get(`/api/v1/orgs/${root.id}/entry-codes`).set(bearer(admin)).expect(200)).body.scene).toBe('t1');
    const general = find('第一党总支');
    const res = await t.http.get(`/api/v1/orgs/${general.id}/entry-codes`).set(bearer(admin)).expect(400);
    expect(res.body.code).toBe('ORG_ENTRY_CODE_NOT_FOR_TYPE');
  });

  it('still gives the H5 code when WeChat is down, saying why the other is missing', async () => {
    sims.wechat.failNext(503);
    const branch = find('财务审计党支部');
    const codes = (await t.http.get(`/api/v1/orgs/${branch.id}/entry-codes`).set(bearer(admin)).expect(200)).body as EntryCodes;
    expect(codes.wxacodePng).toBeNull();
    expect(codes.wxacodeError).toBe('第三方服务暂时不可用，请稍后重试');
    expect(png(codes.h5QrPng).subarray(0, 4)).toEqual(PNG);
  });

  it('keeps codes within the admin\'s scope', async () => {
    const branchAdmin = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    await t.http.get(`/api/v1/orgs/${find(t.demo.branchAdmin.orgName).id}/entry-codes`).set(bearer(branchAdmin)).expect(200);
    const foreign = await t.http.get(`/api/v1/orgs/${find('财务审计党支部').id}/entry-codes`).set(bearer(branchAdmin)).expect(404);
    expect(foreign.body.code).toBe('ORG_NOT_FOUND');
  });

  it('resolves a scene for anyone, and answers 404 for a forged or mismatched one', async () => {
    const branch = find(t.demo.branchAdmin.orgName);
    const ok = await t.http.get(`/api/v1/entry/t1o${branch.id}`).expect(200);
    expect(ok.body).toEqual({ scene: `t1o${branch.id}`, tenantId: 1, tenantName: tree[0].name, orgId: branch.id, orgName: branch.name, dingtalkCorpId: null });
    expect((await t.http.get('/api/v1/entry/t1').expect(200)).body).toMatchObject({ orgId: null, orgName: null });
    for (const bad of ['t2o4', `t1o${find('第一党总支').id}`, 't1o999999', 'garbage', 't99']) {
      const res = await t.http.get(`/api/v1/entry/${bad}`).expect(404);
      expect(res.body).toEqual({ code: 'ORG_ENTRY_NOT_FOUND', message: '二维码无效或已失效，请联系所在支部' });
    }
  });
});
