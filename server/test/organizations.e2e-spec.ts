import type { MemberView, OrgNode } from '@dangjian/shared';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/** ORG-4 (tree), ORG-5 (posts and terms) and BR-9 (branch admins), driven as the admin page and the mini-program do. */
describe('organisations (ORG-4, ORG-5, BR-9)', () => {
  let t: TestApp;
  let admin: string;
  /** The demo tree as seeded, by name. */
  const demo = new Map<string, OrgNode>();
  const ROOT = '湘江新区机关党委';

  // ---- helpers ----
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const tree = async (token = admin): Promise<OrgNode[]> => (await t.http.get('/api/v1/orgs/tree').set(bearer(token)).expect(200)).body;
  const findIn = (nodes: OrgNode[], id: number) => flatten(nodes).find((n) => n.id === id);
  const idOf = (name: string) => {
    const n = demo.get(name);
    if (!n) throw new Error(`no demo org ${name}`);
    return n.id;
  };
  const childNames = (n: OrgNode | undefined) => (n?.children ?? []).map((c) => c.name);

  const createOrg = async (parentId: number, name: string, type: OrgNode['type']): Promise<OrgNode> =>
    (await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId, name, type }).expect(201)).body;

  const addMember = async (orgId: number, name: string): Promise<MemberView & { idNumber: string }> => {
    const idNumber = newIdNumber();
    const res = await t.http.post('/api/v1/members').set(bearer(admin)).send({ orgId, name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { ...res.body, idNumber };
  };

  const memberIdsIn = async (orgId: number, token = admin): Promise<number[]> => {
    const res = await t.http.get(`/api/v1/members?orgId=${orgId}&pageSize=100`).set(bearer(token)).expect(200);
    return (res.body.items as MemberView[]).map((m) => m.id);
  };

  const activate = (idNumber: string) => activateMember(t, idNumber);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    for (const n of flatten(await tree())) demo.set(n.name, n);
  });
  afterAll(() => t.close());

  describe('the tree (ORG-4)', () => {
    it('nests committee › general branches › branches › groups, with subtree member counts', async () => {
      const roots = await tree();
      expect(roots).toHaveLength(1);
      const root = roots[0];
      expect(root).toMatchObject({ name: ROOT, type: 'committee', parentId: null, memberCount: 60 });
      expect(childNames(root)).toEqual(['第一党总支', '第二党总支', '机关直属党支部']);

      const g1 = root.children!.find((c) => c.name === '第一党总支')!;
      expect(g1).toMatchObject({ type: 'general_branch', parentId: root.id, memberCount: 22 });
      expect(childNames(g1)).toEqual(['综合办公室党支部', '财务审计党支部']);
      const b1 = g1.children!.find((c) => c.name === '综合办公室党支部')!;
      expect(b1).toMatchObject({ type: 'branch', parentId: g1.id, memberCount: 12 });
      expect(b1.children!.map((c) => [c.name, c.type, c.memberCount])).toEqual([
        ['综合办第一党小组', 'group', 4],
        ['综合办第二党小组', 'group', 4],
      ]);
      expect(g1.children!.find((c) => c.name === '财务审计党支部')).toMatchObject({ memberCount: 10, children: [] });

      const g2 = root.children!.find((c) => c.name === '第二党总支')!;
      expect(g2.memberCount).toBe(25);
      expect(childNames(g2)).toEqual(['规划建设党支部', '社会事务党支部']);
      expect(childNames(g2.children![0])).toEqual(['规划建设党小组']);
      expect(root.children!.find((c) => c.name === '机关直属党支部')).toMatchObject({ type: 'branch', parentId: root.id, memberCount: 13, children: [] });

      // The root's count is the whole tenant, the same number the member list reports.
      const all = await t.http.get('/api/v1/members?pageSize=1').set(bearer(admin)).expect(200);
      expect(all.body.total).toBe(root.memberCount);
    });

    it('shows one organisation by id', async () => {
      const res = await t.http.get(`/api/v1/orgs/${idOf('财务审计党支部')}`).set(bearer(admin)).expect(200);
      expect(res.body).toMatchObject({ id: idOf('财务审计党支部'), name: '财务审计党支部', type: 'branch', parentId: idOf('第一党总支') });
      const missing = await t.http.get('/api/v1/orgs/999999').set(bearer(admin)).expect(404);
      expect(missing.body.code).toBe('ORG_NOT_FOUND');
    });
  });

  describe('create, rename, move, delete, merge (ORG-4)', () => {
    it('creates a child of an allowed type, which then shows in the tree', async () => {
      const res = await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: idOf('第一党总支'), name: '  新建测试党支部  ', type: 'branch' }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), parentId: idOf('第一党总支'), name: '新建测试党支部', type: 'branch', memberCount: 0 });
      const group = await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: res.body.id, name: '新建测试党小组', type: 'group' }).expect(201);

      const after = await tree();
      const g1 = findIn(after, idOf('第一党总支'))!;
      expect(childNames(g1)).toContain('新建测试党支部');
      const created = findIn(after, res.body.id)!;
      expect(created).toMatchObject({ name: '新建测试党支部', type: 'branch', memberCount: 0 });
      expect(childNames(created)).toEqual(['新建测试党小组']);
      expect(findIn(after, group.body.id)!.parentId).toBe(res.body.id);
    });

    it('refuses a child type the parent cannot hold', async () => {
      const branchUnderGroup = await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: idOf('综合办第一党小组'), name: '不该存在的党支部', type: 'branch' }).expect(400);
      expect(branchUnderGroup.body).toEqual({ code: 'ORG_CHILD_TYPE_NOT_ALLOWED', message: '该组织下不能建立此类型的下级组织' });
      const gbUnderGb = await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: idOf('第一党总支'), name: '不该存在的党总支', type: 'general_branch' }).expect(400);
      expect(gbUnderGb.body.code).toBe('ORG_CHILD_TYPE_NOT_ALLOWED');
      const names = flatten(await tree()).map((n) => n.name);
      expect(names).not.toContain('不该存在的党支部');
      expect(names).not.toContain('不该存在的党总支');
    });

    it('renames an organisation', async () => {
      const org = await createOrg(idOf('第二党总支'), '改名前党支部', 'branch');
      const res = await t.http.patch(`/api/v1/orgs/${org.id}`).set(bearer(admin)).send({ name: '改名后党支部' }).expect(200);
      expect(res.body).toMatchObject({ id: org.id, name: '改名后党支部', type: 'branch', parentId: idOf('第二党总支') });
      expect((await t.http.get(`/api/v1/orgs/${org.id}`).set(bearer(admin)).expect(200)).body.name).toBe('改名后党支部');
      const names = flatten(await tree()).map((n) => n.name);
      expect(names).toContain('改名后党支部');
      expect(names).not.toContain('改名前党支部');
      const empty = await t.http.patch(`/api/v1/orgs/${org.id}`).set(bearer(admin)).send({ name: '' }).expect(400);
      expect(empty.body.message).toBe('组织名称为1-100个字');
    });

    it('orders siblings by sort order, then by creation', async () => {
      const gb = await createOrg(idOf(ROOT), '排序测试党总支', 'general_branch');
      const a = (await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: gb.id, name: '排序甲', type: 'branch', sortOrder: 2 }).expect(201)).body;
      await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: gb.id, name: '排序乙', type: 'branch', sortOrder: 1 }).expect(201);
      await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: gb.id, name: '排序丙', type: 'branch' }).expect(201);
      expect(childNames(findIn(await tree(), gb.id))).toEqual(['排序丙', '排序乙', '排序甲']);
      await t.http.patch(`/api/v1/orgs/${a.id}`).set(bearer(admin)).send({ sortOrder: 0 }).expect(200);
      expect(childNames(findIn(await tree(), gb.id))).toEqual(['排序甲', '排序丙', '排序乙']);
      // The level of an organisation is not editable.
      const retype = await t.http.patch(`/api/v1/orgs/${a.id}`).set(bearer(admin)).send({ type: 'group' }).expect(400);
      expect(retype.body.details).toEqual([{ field: 'type', message: '不支持的字段：type' }]);
    });

    it('moves a branch with its groups and members to the other 党总支', async () => {
      const branch = await createOrg(idOf('第一党总支'), '迁移测试党支部', 'branch');
      const group = await createOrg(branch.id, '迁移测试党小组', 'group');
      const inBranch = await addMember(branch.id, '迁移甲');
      const inGroup = await addMember(group.id, '迁移乙');
      const before = await tree();
      const g1Before = findIn(before, idOf('第一党总支'))!.memberCount!;
      const g2Before = findIn(before, idOf('第二党总支'))!.memberCount!;

      const res = await t.http.post(`/api/v1/orgs/${branch.id}/move`).set(bearer(admin)).send({ newParentId: idOf('第二党总支') }).expect(200);
      expect(res.body).toMatchObject({ id: branch.id, parentId: idOf('第二党总支') });

      const after = await tree();
      expect(childNames(findIn(after, idOf('第一党总支')))).not.toContain('迁移测试党支部');
      expect(childNames(findIn(after, idOf('第二党总支')))).toContain('迁移测试党支部');
      expect(childNames(findIn(after, branch.id))).toEqual(['迁移测试党小组']);
      expect(findIn(after, idOf('第一党总支'))!.memberCount).toBe(g1Before - 2);
      expect(findIn(after, idOf('第二党总支'))!.memberCount).toBe(g2Before + 2);
      expect((await t.http.get(`/api/v1/orgs/${branch.id}`).set(bearer(admin)).expect(200)).body.parentId).toBe(idOf('第二党总支'));

      // Members follow, including those of the moved branch's group (the whole subtree moved).
      const underG2 = await memberIdsIn(idOf('第二党总支'));
      expect(underG2).toEqual(expect.arrayContaining([inBranch.id, inGroup.id]));
      const underG1 = await memberIdsIn(idOf('第一党总支'));
      expect(underG1).not.toContain(inBranch.id);
      expect(underG1).not.toContain(inGroup.id);
      expect(await memberIdsIn(group.id)).toEqual([inGroup.id]);
    });

    it('refuses to move an organisation into its own subtree', async () => {
      const intoChild = await t.http.post(`/api/v1/orgs/${idOf('第一党总支')}/move`).set(bearer(admin)).send({ newParentId: idOf('综合办公室党支部') }).expect(400);
      expect(intoChild.body).toEqual({ code: 'ORG_MOVE_INTO_OWN_SUBTREE', message: '不能把组织迁移到它自己的下级' });
      const intoItself = await t.http.post(`/api/v1/orgs/${idOf('综合办公室党支部')}/move`).set(bearer(admin)).send({ newParentId: idOf('综合办公室党支部') }).expect(400);
      expect(intoItself.body.code).toBe('ORG_MOVE_INTO_OWN_SUBTREE');
      const after = await tree();
      expect(findIn(after, idOf('第一党总支'))!.parentId).toBe(idOf(ROOT));
      expect(findIn(after, idOf('综合办公室党支部'))!.parentId).toBe(idOf('第一党总支'));
    });

    it('refuses to move a branch under a group (type rule applies to moves too)', async () => {
      const res = await t.http.post(`/api/v1/orgs/${idOf('财务审计党支部')}/move`).set(bearer(admin)).send({ newParentId: idOf('规划建设党小组') }).expect(400);
      expect(res.body.code).toBe('ORG_CHILD_TYPE_NOT_ALLOWED');
      expect(findIn(await tree(), idOf('财务审计党支部'))!.parentId).toBe(idOf('第一党总支'));
    });

    it('never moves, merges or deletes the root committee', async () => {
      const root = idOf(ROOT);
      const move = await t.http.post(`/api/v1/orgs/${root}/move`).set(bearer(admin)).send({ newParentId: idOf('第一党总支') }).expect(400);
      expect(move.body).toEqual({ code: 'ORG_ROOT_IMMUTABLE', message: '顶级组织不能迁移、合并或删除' });
      const del = await t.http.delete(`/api/v1/orgs/${root}`).set(bearer(admin)).expect(400);
      expect(del.body.code).toBe('ORG_ROOT_IMMUTABLE');
      const merge = await t.http.post(`/api/v1/orgs/${root}/merge`).set(bearer(admin)).send({ targetId: idOf('第一党总支') }).expect(400);
      expect(merge.body.code).toBe('ORG_ROOT_IMMUTABLE');
      const roots = await tree();
      expect(roots.map((r) => [r.id, r.name])).toEqual([[root, ROOT]]);
    });

    it('refuses to delete an organisation that still has members or children', async () => {
      const withMembers = await t.http.delete(`/api/v1/orgs/${idOf('财务审计党支部')}`).set(bearer(admin)).expect(409);
      expect(withMembers.body).toEqual({ code: 'ORG_NOT_EMPTY', message: '组织下还有下级组织或党员（含党员历史库），不能删除' });
      const withChildren = await t.http.delete(`/api/v1/orgs/${idOf('第二党总支')}`).set(bearer(admin)).expect(409);
      expect(withChildren.body.code).toBe('ORG_NOT_EMPTY');
      // A branch whose only child is an empty group is not empty either.
      const branch = await createOrg(idOf('第二党总支'), '有下级的党支部', 'branch');
      await createOrg(branch.id, '空党小组', 'group');
      await t.http.delete(`/api/v1/orgs/${branch.id}`).set(bearer(admin)).expect(409);
      const after = await tree();
      expect(findIn(after, idOf('财务审计党支部'))).toBeDefined();
      expect(findIn(after, idOf('第二党总支'))).toBeDefined();
      expect(findIn(after, branch.id)).toBeDefined();
    });

    it('deletes an empty organisation', async () => {
      const org = await createOrg(idOf('第二党总支'), '待删除党支部', 'branch');
      await t.http.delete(`/api/v1/orgs/${org.id}`).set(bearer(admin)).expect(204);
      const gone = await t.http.get(`/api/v1/orgs/${org.id}`).set(bearer(admin)).expect(404);
      expect(gone.body.code).toBe('ORG_NOT_FOUND');
      expect(findIn(await tree(), org.id)).toBeUndefined();
      await t.http.delete(`/api/v1/orgs/${org.id}`).set(bearer(admin)).expect(404);
    });

    it('merges a branch into another: its groups and members move, the source is gone', async () => {
      const source = await createOrg(idOf('第二党总支'), '合并来源党支部', 'branch');
      const sourceGroup = await createOrg(source.id, '合并来源党小组', 'group');
      const target = await createOrg(idOf('第一党总支'), '合并目标党支部', 'branch');
      const a = await addMember(source.id, '合并甲');
      const b = await addMember(sourceGroup.id, '合并乙');
      const c = await addMember(target.id, '合并丙');
      const rootBefore = (await tree())[0].memberCount;

      const res = await t.http.post(`/api/v1/orgs/${source.id}/merge`).set(bearer(admin)).send({ targetId: target.id }).expect(200);
      expect(res.body).toMatchObject({ id: target.id, name: '合并目标党支部' });

      const after = await tree();
      expect(findIn(after, source.id)).toBeUndefined();
      const merged = findIn(after, target.id)!;
      expect(childNames(merged)).toEqual(['合并来源党小组']);
      expect(findIn(after, sourceGroup.id)!.parentId).toBe(target.id);
      expect(merged.memberCount).toBe(3);
      expect(after[0].memberCount).toBe(rootBefore);
      expect((await memberIdsIn(target.id)).sort((x, y) => x - y)).toEqual([a.id, b.id, c.id].sort((x, y) => x - y));
      // The group's members are now under the target's general branch, no longer under the source's.
      expect(await memberIdsIn(idOf('第一党总支'))).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(await memberIdsIn(idOf('第二党总支'))).not.toContain(b.id);
      const moved = await t.http.get(`/api/v1/members/${a.id}`).set(bearer(admin)).expect(200);
      expect(moved.body).toMatchObject({ orgId: target.id, orgName: '合并目标党支部' });

      const gone = await t.http.get(`/api/v1/orgs/${source.id}`).set(bearer(admin)).expect(404);
      expect(gone.body.code).toBe('ORG_NOT_FOUND');
      await t.http.post(`/api/v1/orgs/${source.id}/merge`).set(bearer(admin)).send({ targetId: target.id }).expect(404);
    });

    it('merging a branch away ends the admin role of its secretary', async () => {
      const source = await createOrg(idOf('第二党总支'), '书记合并来源党支部', 'branch');
      const target = await createOrg(idOf('第二党总支'), '书记合并目标党支部', 'branch');
      const sec = await addMember(source.id, '书记合并甲');
      const secAccount = await activate(sec.idNumber);
      await t.http.post(`/api/v1/orgs/${source.id}/posts`).set(bearer(admin)).send({ memberId: sec.id, post: 'secretary', termStart: '2024-01-01' }).expect(201);
      await t.http.get(`/api/v1/members?orgId=${source.id}`).set(bearer(secAccount.token)).expect(200);

      await t.http.post(`/api/v1/orgs/${source.id}/merge`).set(bearer(admin)).send({ targetId: target.id }).expect(200);

      // The member now belongs to the target branch, where it holds no post: it is a plain member again
      // (no branch_admin role left bound to the deleted organisation).
      const me = await t.http.get('/api/v1/auth/me').set(bearer(secAccount.token)).expect(200);
      expect(me.body.roles.map((r: { role: string }) => r.role)).toEqual(['member']);
      const res = await t.http.get('/api/v1/members').set(bearer(secAccount.token)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('refuses to merge organisations of different types', async () => {
      const res = await t.http.post(`/api/v1/orgs/${idOf('财务审计党支部')}/merge`).set(bearer(admin)).send({ targetId: idOf('第二党总支') }).expect(400);
      expect(res.body).toEqual({ code: 'ORG_MERGE_TYPE_MISMATCH', message: '只能合并同一类型的组织' });
      const after = await tree();
      expect(findIn(after, idOf('财务审计党支部'))!.memberCount).toBe(10);
    });
  });

  describe('posts and terms (ORG-5)', () => {
    it('lists the current committee of a branch', async () => {
      const res = await t.http.get(`/api/v1/orgs/${idOf('综合办公室党支部')}/posts`).set(bearer(admin)).expect(200);
      expect(res.body.map((p: { memberName: string; post: string }) => [p.post, p.memberName])).toEqual([
        ['secretary', '王建国'],
        ['organization_member', '陈静'],
        ['propaganda_member', '周敏'],
      ]);
      expect(res.body[0]).toMatchObject({ orgId: idOf('综合办公室党支部'), termStart: '2024-06-01', termEnd: null });
      expect((await t.http.get(`/api/v1/orgs/${idOf('机关直属党支部')}/posts`).set(bearer(admin)).expect(200)).body).toEqual([]);
    });

    it('assigns posts, refuses a second secretary or an outsider, and ends a post', async () => {
      const org = await createOrg(idOf('第一党总支'), '班子测试党支部', 'branch');
      const a = await addMember(org.id, '班子甲');
      const b = await addMember(org.id, '班子乙');
      const aAccount = await activate(a.idNumber);
      const outsider = (await t.http.get(`/api/v1/members?orgId=${idOf('财务审计党支部')}&pageSize=1`).set(bearer(admin)).expect(200)).body.items[0] as MemberView;

      const first = await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: a.id, post: 'secretary', termStart: '2025-01-01' }).expect(201);
      expect(first.body).toMatchObject({ id: expect.any(Number), orgId: org.id, memberId: a.id, memberName: '班子甲', post: 'secretary', termStart: '2025-01-01', termEnd: null });

      const second = await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: b.id, post: 'secretary', termStart: '2025-01-01' }).expect(409);
      expect(second.body).toEqual({ code: 'ORG_POST_TAKEN', message: '该职务已有人担任，请先免去现任' });
      const foreign = await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: outsider.id, post: 'committee_member', termStart: '2025-01-01' }).expect(400);
      expect(foreign.body).toEqual({ code: 'ORG_POST_HOLDER_NOT_IN_ORG', message: '任职人员必须是本组织或下级组织的党员' });
      await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: b.id, post: 'organization_member', termStart: '2025-01-01' }).expect(201);

      // BR-9: an activated secretary of a branch is its admin while the post lasts.
      const admins = await t.http.get(`/api/v1/orgs/${org.id}/branch-admins`).set(bearer(admin)).expect(200);
      expect(admins.body).toEqual([{ userId: aAccount.userId, memberId: a.id, name: '班子甲', source: 'secretary' }]);
      expect((await t.http.get(`/api/v1/members?orgId=${org.id}&pageSize=1`).set(bearer(aAccount.token)).expect(200)).body.total).toBe(2);

      let current = (await t.http.get(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).expect(200)).body;
      expect(current.map((p: { memberName: string; post: string }) => [p.post, p.memberName])).toEqual([
        ['secretary', '班子甲'],
        ['organization_member', '班子乙'],
      ]);

      await t.http.delete(`/api/v1/orgs/${org.id}/posts/${first.body.id}`).set(bearer(admin)).expect(204);
      current = (await t.http.get(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).expect(200)).body;
      expect(current.map((p: { memberName: string; post: string }) => [p.post, p.memberName])).toEqual([['organization_member', '班子乙']]);
      expect((await t.http.get(`/api/v1/orgs/${org.id}/branch-admins`).set(bearer(admin)).expect(200)).body).toEqual([]);
      await t.http.get(`/api/v1/members?orgId=${org.id}`).set(bearer(aAccount.token)).expect(403);
      const again = await t.http.delete(`/api/v1/orgs/${org.id}/posts/${first.body.id}`).set(bearer(admin)).expect(404);
      expect(again.body.code).toBe('ORG_POST_NOT_FOUND');

      // With the post vacant, another member can be secretary.
      await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: b.id, post: 'secretary', termStart: '2025-03-01' }).expect(201);
    });

    it('of two simultaneous secretary appointments exactly one succeeds', async () => {
      // Five branches, two appointments racing in each: every branch must end with one secretary.
      const outcomes: Array<{ statuses: number[]; secretaries: number }> = [];
      for (let i = 0; i < 5; i++) {
        const org = await createOrg(idOf(ROOT), `并发任命党支部${i}`, 'branch');
        const candidates = [await addMember(org.id, `并发任命甲${i}`), await addMember(org.id, `并发任命乙${i}`)];
        const results = await Promise.all(candidates.map((m) => t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: m.id, post: 'secretary', termStart: '2025-01-01' })));
        const posts = (await t.http.get(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).expect(200)).body as Array<{ post: string }>;
        outcomes.push({ statuses: results.map((r) => r.status).sort(), secretaries: posts.filter((p) => p.post === 'secretary').length });
      }
      expect(outcomes).toEqual(Array.from({ length: 5 }, () => ({ statuses: [201, 409], secretaries: 1 })));
    });

    it('refuses a term that ends before it starts', async () => {
      const b4 = idOf('社会事务党支部');
      const holder = (await t.http.get(`/api/v1/members?orgId=${b4}&pageSize=100`).set(bearer(admin)).expect(200)).body.items.at(-1) as MemberView;
      const before = (await t.http.get(`/api/v1/orgs/${b4}/posts`).set(bearer(admin)).expect(200)).body;
      const res = await t.http.post(`/api/v1/orgs/${b4}/posts`).set(bearer(admin)).send({ memberId: holder.id, post: 'committee_member', termStart: '2025-01-01', termEnd: '2024-01-01' });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toContainEqual({ field: 'termEnd', message: expect.any(String) });
      expect((await t.http.get(`/api/v1/orgs/${b4}/posts`).set(bearer(admin)).expect(200)).body).toEqual(before);
    });

    it('a term change ends every current post and records the term', async () => {
      const org = await createOrg(idOf('第二党总支'), '换届测试党支部', 'branch');
      const a = await addMember(org.id, '换届甲');
      const b = await addMember(org.id, '换届乙');
      const aAccount = await activate(a.idNumber);
      await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: a.id, post: 'secretary', termStart: '2022-01-01' }).expect(201);
      await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: b.id, post: 'propaganda_member', termStart: '2022-01-01' }).expect(201);
      expect((await t.http.get(`/api/v1/orgs/${org.id}/terms`).set(bearer(admin)).expect(200)).body).toEqual([]);
      await t.http.get(`/api/v1/members?orgId=${org.id}`).set(bearer(aAccount.token)).expect(200);

      const res = await t.http.post(`/api/v1/orgs/${org.id}/term-change`).set(bearer(admin)).send({ electedAt: '2025-06-01', termYears: 3, note: '第一次换届' }).expect(201);
      expect(res.body).toMatchObject({ orgId: org.id, termNo: 1, electedAt: '2025-06-01', termYears: 3, note: '第一次换届' });

      expect((await t.http.get(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).expect(200)).body).toEqual([]);
      // The former secretary's admin role ended with the post.
      expect((await t.http.get(`/api/v1/orgs/${org.id}/branch-admins`).set(bearer(admin)).expect(200)).body).toEqual([]);
      await t.http.get(`/api/v1/members?orgId=${org.id}`).set(bearer(aAccount.token)).expect(403);
      const terms = (await t.http.get(`/api/v1/orgs/${org.id}/terms`).set(bearer(admin)).expect(200)).body;
      expect(terms.map((x: { termNo: number; electedAt: string; termYears: number }) => [x.termNo, x.electedAt, x.termYears])).toEqual([[1, '2025-06-01', 3]]);

      // The new committee fills the posts again; the next change is term 2.
      await t.http.post(`/api/v1/orgs/${org.id}/posts`).set(bearer(admin)).send({ memberId: b.id, post: 'secretary', termStart: '2025-06-01' }).expect(201);
      const next = await t.http.post(`/api/v1/orgs/${org.id}/term-change`).set(bearer(admin)).send({ electedAt: '2028-06-01', termYears: 5 }).expect(201);
      expect(next.body.termNo).toBe(2);
      const all = (await t.http.get(`/api/v1/orgs/${org.id}/terms`).set(bearer(admin)).expect(200)).body;
      expect(all.map((x: { termNo: number }) => x.termNo)).toEqual([2, 1]);
      const tooLong = await t.http.post(`/api/v1/orgs/${org.id}/term-change`).set(bearer(admin)).send({ electedAt: '2030-06-01', termYears: 6 }).expect(400);
      expect(tooLong.body.message).toBe('任期为1-5年');
    });
  });

  describe('branch admins (BR-9)', () => {
    let secretary: string;
    let secretaryMe: { userId: number; memberId: number };
    beforeAll(async () => {
      secretary = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
      secretaryMe = (await t.http.get('/api/v1/auth/me').set(bearer(secretary)).expect(200)).body;
    });

    it('the branch secretary is its admin by default', async () => {
      const b1 = idOf(t.demo.branchAdmin.orgName);
      const res = await t.http.get(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).expect(200);
      expect(res.body).toEqual([{ userId: secretaryMe.userId, memberId: secretaryMe.memberId, name: '王建国', source: 'secretary' }]);
      // …and so reaches the branch's members.
      const members = await t.http.get(`/api/v1/members?orgId=${b1}&pageSize=1`).set(bearer(secretary)).expect(200);
      expect(members.body.total).toBe(findIn(await tree(), b1)!.memberCount);
      expect(members.body.total).toBe(12);
    });

    it('refuses to grant admin to a member who has not activated an account', async () => {
      const b1 = idOf(t.demo.branchAdmin.orgName);
      const found = await t.http.get(`/api/v1/members?orgId=${b1}&keyword=${encodeURIComponent(t.demo.inactiveMember.name)}`).set(bearer(secretary)).expect(200);
      expect(found.body.items).toHaveLength(1);
      const res = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: found.body.items[0].id }).expect(400);
      expect(res.body).toEqual({ code: 'MEMBER_NO_ACCOUNT', message: '该党员尚未激活账号' });
      expect((await t.http.get(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).expect(200)).body).toHaveLength(1);
    });

    it('the secretary grants admin to one more member of the branch, and no more', async () => {
      const b1 = idOf(t.demo.branchAdmin.orgName);
      const first = await addMember(b1, '授权甲');
      const second = await addMember(b1, '授权乙');
      const firstAccount = await activate(first.idNumber);
      const secondAccount = await activate(second.idNumber);

      const before = await t.http.get(`/api/v1/members?orgId=${b1}`).set(bearer(firstAccount.token)).expect(403);
      expect(before.body).toEqual({ code: 'FORBIDDEN', message: '没有权限执行此操作' });

      const granted = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: first.id }).expect(201);
      expect(granted.body).toEqual([
        { userId: secretaryMe.userId, memberId: secretaryMe.memberId, name: '王建国', source: 'secretary' },
        { userId: firstAccount.userId, memberId: first.id, name: '授权甲', source: 'granted' },
      ]);

      const limit = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: second.id }).expect(409);
      expect(limit.body).toEqual({ code: 'ORG_BRANCH_ADMIN_LIMIT', message: '除书记外，每个支部只能再授权一名支部管理员，请先撤销现有授权' });
      expect((await t.http.get(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).expect(200)).body).toHaveLength(2);

      // The granted member now reaches the branch's admin routes; the other one still does not.
      const list = await t.http.get(`/api/v1/members?orgId=${b1}&pageSize=1`).set(bearer(firstAccount.token)).expect(200);
      expect(list.body.total).toBe(findIn(await tree(), b1)!.memberCount);
      expect(await memberIdsIn(b1, firstAccount.token)).toEqual(expect.arrayContaining([first.id, second.id]));
      const own = await tree(firstAccount.token);
      expect(own.map((n) => n.name)).toEqual([t.demo.branchAdmin.orgName]);
      await t.http.get(`/api/v1/members?orgId=${b1}`).set(bearer(secondAccount.token)).expect(403);

      // Revoking the granted admin frees the one slot; the secretary's own role cannot be revoked.
      await t.http.delete(`/api/v1/orgs/${b1}/branch-admins/${firstAccount.userId}`).set(bearer(secretary)).expect(204);
      const notRevocable = await t.http.delete(`/api/v1/orgs/${b1}/branch-admins/${secretaryMe.userId}`).set(bearer(secretary)).expect(404);
      expect(notRevocable.body.code).toBe('ORG_BRANCH_ADMIN_NOT_REVOCABLE');
      await t.http.delete(`/api/v1/orgs/${b1}/branch-admins/${firstAccount.userId}`).set(bearer(secretary)).expect(404);
      expect((await t.http.get(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).expect(200)).body.map((x: { userId: number }) => x.userId)).toEqual([secretaryMe.userId]);
      await t.http.get(`/api/v1/members?orgId=${b1}`).set(bearer(firstAccount.token)).expect(403);
      const regranted = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: second.id }).expect(201);
      expect(regranted.body.map((x: { userId: number; source: string }) => [x.userId, x.source])).toEqual([
        [secretaryMe.userId, 'secretary'],
        [secondAccount.userId, 'granted'],
      ]);
      await t.http.get(`/api/v1/members?orgId=${b1}&pageSize=1`).set(bearer(secondAccount.token)).expect(200);
      const twice = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: second.id }).expect(409);
      expect(twice.body).toEqual({ code: 'ORG_ALREADY_BRANCH_ADMIN', message: '该党员已是本支部管理员' });
    });

    it('refuses to grant admin to a member of another branch', async () => {
      const b1 = idOf(t.demo.branchAdmin.orgName);
      const other = (await t.http.get(`/api/v1/members?orgId=${idOf('社会事务党支部')}&pageSize=1`).set(bearer(admin)).expect(200)).body.items[0] as MemberView;
      const res = await t.http.post(`/api/v1/orgs/${b1}/branch-admins`).set(bearer(secretary)).send({ memberId: other.id }).expect(404);
      expect(res.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('with no secretary, the first member to enter the online branch becomes its admin', async () => {
      const b5 = idOf('机关直属党支部');
      const members = (await t.http.get(`/api/v1/members?orgId=${b5}&pageSize=100`).set(bearer(admin)).expect(200)).body.items as MemberView[];
      expect(members).toHaveLength(13);
      const ids: string[] = [];
      for (const m of members.slice(0, 2)) ids.push((await t.http.post(`/api/v1/members/${m.id}/reveal-id`).set(bearer(admin)).expect(200)).body.idNumber);
      const first = await activate(ids[0]);
      const second = await activate(ids[1]);

      const entered = await t.http.post('/api/v1/me/branch/enter').set(bearer(first.token)).expect(200);
      expect(entered.body).toEqual({ branchId: b5, isAdmin: true });
      const later = await t.http.post('/api/v1/me/branch/enter').set(bearer(second.token)).expect(200);
      expect(later.body).toEqual({ branchId: b5, isAdmin: false });
      // Entering again changes nothing.
      expect((await t.http.post('/api/v1/me/branch/enter').set(bearer(first.token)).expect(200)).body).toEqual({ branchId: b5, isAdmin: true });

      const admins = await t.http.get(`/api/v1/orgs/${b5}/branch-admins`).set(bearer(admin)).expect(200);
      expect(admins.body).toEqual([{ userId: first.userId, memberId: members[0].id, name: members[0].name, source: 'first_entry' }]);
      expect((await t.http.get(`/api/v1/members?orgId=${b5}&pageSize=1`).set(bearer(first.token)).expect(200)).body.total).toBe(13);
      await t.http.get(`/api/v1/members?orgId=${b5}`).set(bearer(second.token)).expect(403);
    });

    it('of two simultaneous first entries exactly one becomes admin', async () => {
      // Three fresh branches without a secretary, two members racing into each.
      for (let i = 0; i < 3; i++) {
        const branch = await createOrg(idOf(ROOT), `并发进入党支部${i}`, 'branch');
        const a = await addMember(branch.id, `并发甲${i}`);
        const b = await addMember(branch.id, `并发乙${i}`);
        const accounts = [await activate(a.idNumber), await activate(b.idNumber)];

        const results = await Promise.all(accounts.map((acc) => t.http.post('/api/v1/me/branch/enter').set(bearer(acc.token))));
        expect(results.map((r) => r.status)).toEqual([200, 200]);
        expect(results.map((r) => r.body.branchId)).toEqual([branch.id, branch.id]);
        const flags = results.map((r) => r.body.isAdmin as boolean);
        expect(flags.filter(Boolean)).toHaveLength(1);

        const winner = accounts[flags.indexOf(true)];
        const admins = await t.http.get(`/api/v1/orgs/${branch.id}/branch-admins`).set(bearer(admin)).expect(200);
        expect(admins.body.map((x: { userId: number; source: string }) => [x.userId, x.source])).toEqual([[winner.userId, 'first_entry']]);
      }
    });

    it('of two simultaneous grants by the secretary exactly one succeeds', async () => {
      const branch = await createOrg(idOf('第二党总支'), '并发授权党支部', 'branch');
      const sec = await addMember(branch.id, '并发授权书记');
      const secAccount = await activate(sec.idNumber);
      await t.http.post(`/api/v1/orgs/${branch.id}/posts`).set(bearer(admin)).send({ memberId: sec.id, post: 'secretary', termStart: '2025-01-01' }).expect(201);
      const candidates = [await addMember(branch.id, '并发授权甲'), await addMember(branch.id, '并发授权乙')];
      for (const c of candidates) await activate(c.idNumber);

      const results = await Promise.all(candidates.map((c) => t.http.post(`/api/v1/orgs/${branch.id}/branch-admins`).set(bearer(secAccount.token)).send({ memberId: c.id })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('ORG_BRANCH_ADMIN_LIMIT');
      const admins = (await t.http.get(`/api/v1/orgs/${branch.id}/branch-admins`).set(bearer(secAccount.token)).expect(200)).body;
      expect(admins.map((x: { source: string }) => x.source)).toEqual(['secretary', 'granted']);
    });
  });
});
