import ExcelJS from 'exceljs';
import type { MemberView, OrgNode } from '@dangjian/shared';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * ORG-1 (no query crosses tenants) and ORG-2 (an admin sees exactly its subtree; a foreign id
 * answers 404, never the object), for tenant admins, branch admins, plain members and a second tenant.
 */
describe('data scope (ORG-1, ORG-2)', () => {
  let t: TestApp;
  let admin: string;
  let branchAdmin: string;
  const orgs = new Map<string, OrgNode>();
  const B1 = '综合办公室党支部';
  const B2 = '财务审计党支部';

  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const idOf = (name: string) => {
    const n = orgs.get(name);
    if (!n) throw new Error(`no org ${name}`);
    return n.id;
  };
  const tree = async (token: string): Promise<OrgNode[]> => (await t.http.get('/api/v1/orgs/tree').set(bearer(token)).expect(200)).body;
  const members = async (token: string, query = ''): Promise<{ items: MemberView[]; total: number }> =>
    (await t.http.get(`/api/v1/members?pageSize=100&${query}`).set(bearer(token)).expect(200)).body;

  const addMember = async (token: string, orgId: number, name: string): Promise<MemberView & { idNumber: string }> => {
    const idNumber = newIdNumber();
    const res = await t.http.post('/api/v1/members').set(bearer(token)).send({ orgId, name, idNumber, memberType: 'full', joinDate: '2016-07-01' }).expect(201);
    return { ...res.body, idNumber };
  };
  const activate = (idNumber: string) => activateMember(t, idNumber);

  /** A member of 财务审计党支部 (outside the demo branch admin's scope). */
  let foreign: MemberView;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    branchAdmin = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    for (const n of flatten(await tree(admin))) orgs.set(n.name, n);
    foreign = (await members(admin, `orgId=${idOf(B2)}`)).items[0];
  });
  afterAll(() => t.close());

  describe('a branch admin sees exactly its branch', () => {
    const b1Subtree = () => new Set([idOf(B1), idOf('综合办第一党小组'), idOf('综合办第二党小组')]);

    it('lists only the members of its branch and the branch’s groups', async () => {
      const res = await members(branchAdmin);
      expect(res.total).toBe(orgs.get(B1)!.memberCount);
      expect(res.items).toHaveLength(res.total);
      expect(res.items.every((m) => b1Subtree().has(m.orgId))).toBe(true);
      expect(res.items.map((m) => m.id)).not.toContain(foreign.id);
      // Asking for another branch's members yields nothing of it.
      const other = await members(branchAdmin, `orgId=${idOf(B2)}`);
      expect(other.items).toEqual([]);
      expect(other.total).toBe(0);
      // Keyword search does not reach past the branch either.
      expect((await members(branchAdmin, `keyword=${encodeURIComponent(foreign.name)}`)).items.map((m) => m.id)).not.toContain(foreign.id);
    });

    it('answers 404 for a member of another branch, and changes nothing', async () => {
      const before = (await t.http.get(`/api/v1/members/${foreign.id}`).set(bearer(admin)).expect(200)).body;
      const notFound = { code: 'MEMBER_NOT_FOUND', message: '党员不存在' };
      expect((await t.http.get(`/api/v1/members/${foreign.id}`).set(bearer(branchAdmin)).expect(404)).body).toEqual(notFound);
      expect((await t.http.patch(`/api/v1/members/${foreign.id}`).set(bearer(branchAdmin)).send({ name: '被改了' }).expect(404)).body).toEqual(notFound);
      expect((await t.http.delete(`/api/v1/members/${foreign.id}`).set(bearer(branchAdmin)).expect(404)).body).toEqual(notFound);
      const reveal = await t.http.post(`/api/v1/members/${foreign.id}/reveal-id`).set(bearer(branchAdmin)).expect(404);
      expect(reveal.body).toEqual(notFound);
      await t.http.post(`/api/v1/members/${foreign.id}/reset-password`).set(bearer(branchAdmin)).expect(404);
      // The tenant admin still sees the record as it was.
      expect((await t.http.get(`/api/v1/members/${foreign.id}`).set(bearer(admin)).expect(200)).body).toEqual(before);

      // Its own branch's members it does reach.
      const own = (await members(branchAdmin)).items[0];
      expect((await t.http.get(`/api/v1/members/${own.id}`).set(bearer(branchAdmin)).expect(200)).body.id).toBe(own.id);
    });

    it('sees only its branch in the tree, and other organisations answer 404', async () => {
      const roots = await tree(branchAdmin);
      expect(roots).toHaveLength(1);
      expect(roots[0]).toMatchObject({ id: idOf(B1), name: B1, type: 'branch', memberCount: orgs.get(B1)!.memberCount });
      expect(roots[0].children!.map((c) => c.name)).toEqual(['综合办第一党小组', '综合办第二党小组']);
      expect(flatten(roots)).toHaveLength(3);

      for (const name of [B2, '第一党总支', '湘江新区机关党委']) {
        const res = await t.http.get(`/api/v1/orgs/${idOf(name)}`).set(bearer(branchAdmin)).expect(404);
        expect(res.body.code).toBe('ORG_NOT_FOUND');
        expect(JSON.stringify(res.body)).not.toContain(name);
      }
      await t.http.get(`/api/v1/orgs/${idOf(B2)}/posts`).set(bearer(branchAdmin)).expect(404);
      await t.http.get(`/api/v1/orgs/${idOf(B2)}/branch-admins`).set(bearer(branchAdmin)).expect(404);
      await t.http.patch(`/api/v1/orgs/${idOf(B2)}`).set(bearer(branchAdmin)).send({ name: '被改名' }).expect(404);
      await t.http.post('/api/v1/orgs').set(bearer(branchAdmin)).send({ parentId: idOf(B2), name: '越权党小组', type: 'group' }).expect(404);
      // Moving its own group into another branch would hand it out of scope: the target is not found.
      await t.http.post(`/api/v1/orgs/${idOf('综合办第一党小组')}/move`).set(bearer(branchAdmin)).send({ newParentId: idOf(B2) }).expect(404);
      const after = flatten(await tree(admin));
      expect(after.find((n) => n.id === idOf(B2))!.name).toBe(B2);
      expect(after.map((n) => n.name)).not.toContain('越权党小组');
      expect(after.find((n) => n.id === idOf('综合办第一党小组'))!.parentId).toBe(idOf(B1));
    });

    it('cannot register a member in another branch, but can in its own', async () => {
      const res = await t.http.post('/api/v1/members').set(bearer(branchAdmin)).send({ orgId: idOf(B2), name: '越权登记', idNumber: newIdNumber(), memberType: 'full', joinDate: '2016-07-01' }).expect(404);
      expect(res.body.code).toBe('ORG_NOT_FOUND');
      expect((await members(admin, 'keyword=越权登记')).total).toBe(0);
      const own = await addMember(branchAdmin, idOf('综合办第二党小组'), '本支部登记');
      expect(own.orgName).toBe('综合办第二党小组');
      expect((await members(branchAdmin, 'keyword=本支部登记')).items.map((m) => m.id)).toEqual([own.id]);
    });

    it('imports and exports only within its branch', async () => {
      const tpl = await t.http
        .get('/api/v1/members/template.xlsx')
        .set(bearer(branchAdmin))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl.body as unknown as ArrayBuffer);
      const offered: string[] = [];
      wb.getWorksheet('组织列表')!.eachRow((r, n) => n > 1 && offered.push(String(r.getCell(1).value)));
      expect(offered.sort()).toEqual([B1, '综合办第一党小组', '综合办第二党小组'].sort());

      const ws = wb.worksheets[0];
      const headers: string[] = [];
      ws.getRow(1).eachCell((c, col) => (headers[col - 1] = String(c.value)));
      const put = (row: number, values: Record<string, string>) => Object.entries(values).forEach(([h, v]) => (ws.getCell(row, headers.indexOf(h) + 1).value = v));
      put(2, { '姓名*': '越权导入', '身份证号*': newIdNumber(), '所在组织*': B2, '党员类型*': '正式党员', '入党日期*': '2016-07-01' });
      const res = await t.http
        .post('/api/v1/members/import')
        .set(bearer(branchAdmin))
        .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'm.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
        .expect(422);
      expect(res.body.details).toEqual([{ row: 2, field: '所在组织', message: `“${B2}”不是您管理范围内的党支部或党小组` }]);
      expect((await members(admin, 'keyword=越权导入')).total).toBe(0);

      const exported = await t.http
        .get('/api/v1/members/export.xlsx')
        .set(bearer(branchAdmin))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(exported.body as unknown as ArrayBuffer);
      const sheet = out.worksheets[0];
      const orgNames = new Set<string>();
      for (let r = 2; r <= sheet.rowCount; r++) orgNames.add(String(sheet.getRow(r).getCell(3).value));
      expect(sheet.rowCount - 1).toBe((await members(branchAdmin)).total);
      expect([...orgNames].every((n) => [B1, '综合办第一党小组', '综合办第二党小组'].includes(n))).toBe(true);
    });

    it('cannot move one of its members out of its scope', async () => {
      const own = (await members(branchAdmin, `orgId=${idOf('综合办第一党小组')}`)).items[0];
      const res = await t.http.patch(`/api/v1/members/${own.id}`).set(bearer(branchAdmin)).send({ orgId: idOf(B2) }).expect(404);
      expect(res.body.code).toBe('ORG_NOT_FOUND');
      expect((await t.http.get(`/api/v1/members/${own.id}`).set(bearer(admin)).expect(200)).body.orgId).toBe(idOf('综合办第一党小组'));
    });

    it('sees only its branch in the history store', async () => {
      const b2Gone = await addMember(admin, idOf(B2), '他支部历史');
      const b1Gone = await addMember(admin, idOf(B1), '本支部历史');
      for (const m of [b2Gone, b1Gone]) await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(204);
      const seen = (await t.http.get('/api/v1/members/history?pageSize=100').set(bearer(branchAdmin)).expect(200)).body.items.map((m: MemberView) => m.id);
      expect(seen).toContain(b1Gone.id);
      expect(seen).not.toContain(b2Gone.id);
      await t.http.post(`/api/v1/members/${b2Gone.id}/restore`).set(bearer(branchAdmin)).expect(404);
      await t.http.delete(`/api/v1/members/${b2Gone.id}/purge`).set(bearer(branchAdmin)).expect(404);
      const stillThere = (await t.http.get('/api/v1/members/history?pageSize=100').set(bearer(admin)).expect(200)).body.items.map((m: MemberView) => m.id);
      expect(stillThere).toContain(b2Gone.id);
    });

    it('resets passwords only of accounts in its branch, never of the tenant admin', async () => {
      const t1Admin = (await t.http.get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body;
      const res = await t.http.post(`/api/v1/accounts/${t1Admin.userId}/reset-password`).set(bearer(branchAdmin)).expect(404);
      expect(res.body).not.toHaveProperty('oneTimePassword');
      await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);

      const own = await addMember(admin, idOf('综合办第二党小组'), '重置密码党员');
      const acc = await activate(own.idNumber);
      const reset = await t.http.post(`/api/v1/accounts/${acc.userId}/reset-password`).set(bearer(branchAdmin)).expect(200);
      expect(reset.body.oneTimePassword).toEqual(expect.any(String));
      const relogin = await t.http.post('/api/v1/auth/login/password').send({ account: acc.phone, password: reset.body.oneTimePassword }).expect(200);
      expect(relogin.body.mustChangePassword).toBe(true);
    });

    it('may not read the audit log (tenant admins only)', async () => {
      const res = await t.http.get('/api/v1/audit-logs').set(bearer(branchAdmin)).expect(403);
      expect(res.body).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
      await t.http.get('/api/v1/audit-logs').set(bearer(admin)).expect(200);
    });
  });

  describe('a plain member reaches no admin route', () => {
    let member: { token: string; userId: number };
    beforeAll(async () => {
      const m = await addMember(admin, idOf(B1), '普通党员');
      member = await activate(m.idNumber);
    });

    it('gets 403 on member lists, the tree, the audit log and account admin', async () => {
      const forbidden = { code: 'FORBIDDEN', message: '没有权限执行此操作' };
      for (const path of ['/api/v1/members', '/api/v1/orgs/tree', '/api/v1/audit-logs', `/api/v1/members/${foreign.id}`, '/api/v1/accounts/locked', `/api/v1/orgs/${idOf(B1)}`]) {
        const res = await t.http.get(path).set(bearer(member.token));
        expect([path, res.status, res.body]).toEqual([path, 403, forbidden]);
      }
      const create = await t.http.post('/api/v1/members').set(bearer(member.token)).send({ orgId: idOf(B1), name: '自己加的', idNumber: newIdNumber(), memberType: 'full', joinDate: '2016-07-01' });
      expect(create.status).toBe(403);
      // Only the secretary (or an admin above) manages branch admins; to anyone else the branch is not found.
      await t.http.get(`/api/v1/orgs/${idOf(B1)}/branch-admins`).set(bearer(member.token)).expect(404);
      await t.http.post(`/api/v1/orgs/${idOf(B1)}/branch-admins`).set(bearer(member.token)).send({ memberId: 1 }).expect(404);
      // Its own profile it does see.
      expect((await t.http.get('/api/v1/auth/me').set(bearer(member.token)).expect(200)).body.roles.map((r: { role: string }) => r.role)).toEqual(['member']);
    });
  });

  it('the platform operator manages no tenant’s members (ORG-1: platform dashboards only)', async () => {
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    for (const path of ['/api/v1/members', '/api/v1/orgs/tree', `/api/v1/members/${foreign.id}`, '/api/v1/audit-logs']) {
      const res = await t.http.get(path).set(bearer(platform));
      expect([path, res.status, res.body.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
  });

  describe('a second tenant', () => {
    let admin2: string;
    let tenant2: { id: number; rootOrgId: number };
    let t2Branch: OrgNode;
    let t2Member: MemberView;
    /** An activated member of tenant 1 (财务审计党支部) whose account is locked. */
    let locked: { userId: number; memberId: number };

    beforeAll(async () => {
      const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
      const codes = await t.http.post('/api/v1/platform/activation-codes').set(bearer(platform)).send({ count: 1 }).expect(201);
      const created = await t.http
        .post('/api/v1/tenants')
        .send({ activationCode: codes.body.codes[0], name: '第二测试单位党委', adminUsername: 'tenant2admin', adminPhone: '13700009999', adminPassword: 'Tenant2#Admin' })
        .expect(201);
      tenant2 = created.body;
      admin2 = await login(t, 'tenant2admin', 'Tenant2#Admin');
      t2Branch = (await t.http.post('/api/v1/orgs').set(bearer(admin2)).send({ parentId: tenant2.rootOrgId, name: '第二单位党支部', type: 'branch' }).expect(201)).body;
      t2Member = await addMember(admin2, t2Branch.id, '第二单位党员');

      // Lock an account of tenant 1 by wrong passwords.
      const m = await addMember(admin, idOf(B2), '锁定党员');
      const acc = await activate(m.idNumber);
      for (let i = 0; i < 4; i++) await t.http.post('/api/v1/auth/login/password').send({ account: acc.phone, password: 'Wrong#pass1' });
      const res = await t.http.post('/api/v1/auth/login/password').send({ account: acc.phone, password: acc.password }).expect(423);
      expect(res.body.code).toBe('IDENTITY_ACCOUNT_LOCKED');
      locked = { userId: acc.userId, memberId: m.id };
    });

    it('sees only its own root in the tree', async () => {
      const roots = await tree(admin2);
      expect(roots).toEqual([
        {
          id: tenant2.rootOrgId,
          parentId: null,
          name: '第二测试单位党委',
          type: 'committee',
          sortOrder: 0,
          memberCount: 1,
          children: [{ id: t2Branch.id, parentId: tenant2.rootOrgId, name: '第二单位党支部', type: 'branch', sortOrder: 0, memberCount: 1, children: [] }],
        },
      ]);
      const list = await members(admin2);
      expect(list.items.map((m) => m.id)).toEqual([t2Member.id]);
      expect(list.total).toBe(1);
    });

    it('gets 404 for every id of tenant 1', async () => {
      const t1Member = (await members(admin, `orgId=${idOf(B1)}`)).items[0];
      expect((await t.http.get(`/api/v1/members/${t1Member.id}`).set(bearer(admin2)).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      await t.http.patch(`/api/v1/members/${t1Member.id}`).set(bearer(admin2)).send({ name: '跨租户' }).expect(404);
      await t.http.delete(`/api/v1/members/${t1Member.id}`).set(bearer(admin2)).expect(404);
      await t.http.post(`/api/v1/members/${t1Member.id}/reveal-id`).set(bearer(admin2)).expect(404);
      for (const name of [B1, '湘江新区机关党委']) {
        const res = await t.http.get(`/api/v1/orgs/${idOf(name)}`).set(bearer(admin2)).expect(404);
        expect(JSON.stringify(res.body)).not.toContain(name);
        await t.http.get(`/api/v1/orgs/${idOf(name)}/posts`).set(bearer(admin2)).expect(404);
      }
      await t.http.get(`/api/v1/orgs/${idOf(B1)}/branch-admins`).set(bearer(admin2)).expect(404);
      await t.http.post('/api/v1/members').set(bearer(admin2)).send({ orgId: idOf(B1), name: '跨租户登记', idNumber: newIdNumber(), memberType: 'full', joinDate: '2016-07-01' }).expect(404);
      await t.http.post('/api/v1/orgs').set(bearer(admin2)).send({ parentId: idOf('湘江新区机关党委'), name: '跨租户党支部', type: 'branch' }).expect(404);
      await t.http.post(`/api/v1/orgs/${t2Branch.id}/move`).set(bearer(admin2)).send({ newParentId: idOf('第一党总支') }).expect(404);
      expect((await members(admin2, `orgId=${idOf(B1)}`)).items).toEqual([]);
      const t1History = (await t.http.get('/api/v1/members/history').set(bearer(admin)).expect(200)).body;
      expect(t1History.total).toBeGreaterThan(0);
      expect((await t.http.get('/api/v1/members/history').set(bearer(admin2)).expect(200)).body).toMatchObject({ items: [], total: 0 });
      await t.http.post(`/api/v1/members/${t1History.items[0].id}/restore`).set(bearer(admin2)).expect(404);
      // Tenant 1's data is unchanged.
      expect((await t.http.get(`/api/v1/members/${t1Member.id}`).set(bearer(admin)).expect(200)).body.name).toBe(t1Member.name);
      const names = flatten(await tree(admin)).map((n) => n.name);
      expect(names).not.toContain('跨租户党支部');
      expect((await members(admin, 'keyword=跨租户')).total).toBe(0);
    });

    it('sees none of tenant 1’s locked accounts and cannot unlock or reset them', async () => {
      const t1Locked = await t.http.get('/api/v1/accounts/locked').set(bearer(admin)).expect(200);
      expect(t1Locked.body.map((a: { userId: number }) => a.userId)).toContain(locked.userId);
      expect(t1Locked.body.find((a: { userId: number }) => a.userId === locked.userId)).toMatchObject({ memberId: locked.memberId, name: '锁定党员', orgName: B2 });
      // The demo branch admin does not see a locked account of another branch.
      const b1Locked = await t.http.get('/api/v1/accounts/locked').set(bearer(branchAdmin)).expect(200);
      expect(b1Locked.body.map((a: { userId: number }) => a.userId)).not.toContain(locked.userId);
      await t.http.post(`/api/v1/accounts/${locked.userId}/unlock`).set(bearer(branchAdmin)).expect(404);

      expect((await t.http.get('/api/v1/accounts/locked').set(bearer(admin2)).expect(200)).body).toEqual([]);
      const unlock = await t.http.post(`/api/v1/accounts/${locked.userId}/unlock`).set(bearer(admin2)).expect(404);
      expect(unlock.body.code).toBe('NOT_FOUND');
      // Still locked for tenant 1.
      expect((await t.http.get('/api/v1/accounts/locked').set(bearer(admin)).expect(200)).body.map((a: { userId: number }) => a.userId)).toContain(locked.userId);
    });

    it('cannot reset the password of a tenant-1 user', async () => {
      const me = (await t.http.get('/api/v1/auth/me').set(bearer(branchAdmin)).expect(200)).body;
      const res = await t.http.post(`/api/v1/accounts/${me.userId}/reset-password`).set(bearer(admin2)).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body).not.toHaveProperty('oneTimePassword');
      await t.http.post(`/api/v1/members/${me.memberId}/reset-password`).set(bearer(admin2)).expect(404);
      // Tenant 1's own admin (non-member account) is out of reach too.
      const t1Admin = (await t.http.get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body;
      await t.http.post(`/api/v1/accounts/${t1Admin.userId}/reset-password`).set(bearer(admin2)).expect(404);
      // The old passwords still work.
      await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
      await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    });

    it('tenant 1’s lists never contain tenant 2’s rows', async () => {
      const t1Tree = flatten(await tree(admin));
      expect(t1Tree.map((n) => n.id)).not.toContain(tenant2.rootOrgId);
      expect(t1Tree.map((n) => n.id)).not.toContain(t2Branch.id);
      expect(t1Tree.find((n) => n.parentId === null)!.memberCount).toBe((await members(admin)).total);
      expect((await members(admin, 'keyword=第二单位党员')).total).toBe(0);
      expect((await members(admin, `orgId=${t2Branch.id}`)).items).toEqual([]);
      await t.http.get(`/api/v1/members/${t2Member.id}`).set(bearer(admin)).expect(404);
      await t.http.get(`/api/v1/orgs/${t2Branch.id}`).set(bearer(admin)).expect(404);
      await t.http.get(`/api/v1/orgs/${tenant2.rootOrgId}`).set(bearer(admin)).expect(404);

      // Audit logs are per tenant too.
      const t1Audit = await t.http.get('/api/v1/audit-logs?pageSize=100&action=member.create').set(bearer(admin)).expect(200);
      expect(t1Audit.body.items.map((e: { targetId: string }) => e.targetId)).not.toContain(String(t2Member.id));
      const t2Audit = await t.http.get('/api/v1/audit-logs?pageSize=100').set(bearer(admin2)).expect(200);
      expect(t2Audit.body.items.map((e: { action: string; targetId: string }) => [e.action, e.targetId]).sort()).toEqual(
        [
          ['member.create', String(t2Member.id)],
          ['org.create', String(t2Branch.id)],
        ].sort(),
      );
    });
  });
});
