import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { POINTS_DECLARATION_STATE_LABELS } from '@dangjian/shared';
import type { MyPoints, OrgNode, Page, PointsDeclarationView, PointsEntryView, PointsOrgAverages, PointsRanking, PointsRuleView } from '@dangjian/shared';
import { Clock } from '../src/common/time/clock.js';
import { Member } from '../src/modules/members/entities/member.entity.js';
import { PointsCap } from '../src/modules/points/entities/points-cap.entity.js';
import { PointsTotal } from '../src/modules/points/entities/points-total.entity.js';
import { PointsAveragesService } from '../src/modules/points/points-averages.service.js';
import { PointsService } from '../src/modules/points/points.service.js';
import { activateMember, bearer, binary, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it, mock } from './support.js';

/**
 * PTS-3 declarations 积分申报 (declare, review once, overturn once with reversing ledger entries, caps
 * on approval), PTS-5 the rankings switch, PTS-4 organisation averages (daily job, checked against
 * the members' own totals) and the ranking export, through the API as the admin page and the
 * mini-program call it. The server's Clock is set by the tests.
 */
describe('points declarations, settings, averages and export (PTS-3, PTS-4, PTS-5)', () => {
  let t: TestApp;
  let now = new Date('2026-11-22T02:00:00Z');
  const orgs = new Map<string, OrgNode>();
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const B1 = '综合办公室党支部';
  const B2 = '财务审计党支部';
  const G1 = '第一党总支';
  const P1 = '综合办第一党小组';
  const tok = {} as Record<'admin' | 'sec' | 'a' | 'b' | 'c' | 'g' | 'other', string>;
  const ids = {} as Record<'tenant' | 'sec' | 'a' | 'b' | 'c' | 'g', number>;
  let rule: PointsRuleView;
  let offRule: PointsRuleView;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string, body?: object) => t.http.put(`/api/v1${url}`).set(bearer(token)).send(body);
  const declare = async (token: string, content: string, images?: string[]): Promise<PointsDeclarationView> => (await post(token, '/points/declarations', { ruleCode: rule.code, content, images }).expect(201)).body;
  const review = (token: string, id: number, approve: boolean, reason?: string) => post(token, `/points/declarations/${id}/review`, { approve, reason });
  const mineList = async (token: string): Promise<PointsDeclarationView[]> => (await get(token, '/points/declarations/mine?pageSize=100').expect(200)).body.items;
  const label = (d: PointsDeclarationView) => POINTS_DECLARATION_STATE_LABELS[d.state];
  const me = async (token: string): Promise<MyPoints> => (await get(token, '/points/me').expect(200)).body;
  const entries = async (token: string): Promise<PointsEntryView[]> => (await get(token, '/points/me/entries?pageSize=100').expect(200)).body.items;
  const cap = async (memberId: number) => (await t.get(DataSource).getRepository(PointsCap).findOneBy({ memberId, ruleCode: rule.code, periodKey: '2026-11' }))?.earned ?? 0;
  const addMember = async (orgId: number, name: string) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId, name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { id: res.body.id as number, token: (await activateMember(t, idNumber)).token };
  };
  const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8161d' } }).png().toBuffer();

  beforeAll(async () => {
    t = await startTestApp();
    mock.method(t.get(Clock), 'now', () => new Date(now));
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    ids.tenant = (await get(tok.admin, '/auth/me').expect(200)).body.tenantId;
    tok.sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    ids.sec = (await get(tok.sec, '/auth/me').expect(200)).body.memberId;
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    for (const [k, org, name] of [['a', B1, '申报党员甲'], ['b', B1, '申报党员乙'], ['c', B2, '申报党员丙'], ['g', P1, '小组党员丁']] as const) {
      const m = await addMember(idOf(org), name);
      [ids[k], tok[k]] = [m.id, m.token];
    }
    rule = (await post(tok.admin, '/points/rules', { category: 'vanguard', name: '志愿服务', points: 5, cap: 8, capPeriod: 'month' }).expect(201)).body;
    offRule = (await post(tok.admin, '/points/rules', { category: 'learning', name: '自学笔记', points: 2, cap: null, capPeriod: 'day' }).expect(201)).body;
    await put(tok.admin, '/points/rules', { code: offRule.code, enabled: false }).expect(200);
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    const codes = await post(platform, '/platform/activation-codes', { count: 1 }).expect(201);
    await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '另一单位党委', adminUsername: 'dclother', adminPhone: '13700006666', adminPassword: 'Other#Admin1' }).expect(201);
    tok.other = await login(t, 'dclother', 'Other#Admin1');
  });
  afterAll(() => t.close());

  describe('declarations (PTS-3)', () => {
    it('takes a declaration with evidence under an enabled declared rule; the member sees it 待审核', async () => {
      const key = (await t.http.post('/api/v1/files/images').set(bearer(tok.a)).attach('file', await png(), { filename: 'p.png', contentType: 'image/png' }).expect(201)).body.key as string;
      const d = await declare(tok.a, '  参加社区志愿服务半天  ', [key]);
      expect(d).toEqual({
        id: expect.any(Number),
        memberId: ids.a,
        memberName: '申报党员甲',
        orgId: idOf(B1),
        orgName: B1,
        ruleCode: rule.code,
        ruleName: '志愿服务',
        category: 'vanguard',
        points: 5,
        awarded: 0,
        content: '参加社区志愿服务半天',
        images: [{ key, url: `/api/v1/files/${key}`, width: 64, height: 48 }],
        state: 'pending',
        reviewerName: null,
        reviewedAt: null,
        reason: null,
        overturned: false,
        createdAt: expect.any(String),
      });
      const mine = await mineList(tok.a);
      expect(mine.map((x) => [x.id, label(x)])).toEqual([[d.id, '待审核']]);
      // Nothing in the ledger while pending.
      expect((await entries(tok.a)).filter((e) => e.sourceType === 'declaration')).toEqual([]);
      // A group member declares for the branch above the group.
      expect((await declare(tok.g, '小组活动志愿服务')).orgId).toBe(idOf(B1));
    });

    it('refuses a rule that is not an enabled declared rule, bad content, foreign images and accounts without a member', async () => {
      const refuse = async (token: string, body: object, status: number) => (await post(token, '/points/declarations', body).expect(status)).body;
      for (const code of ['learning.quiz', offRule.code, 'declared.nosuch']) expect((await refuse(tok.a, { ruleCode: code, content: '学习' }, 400)).code).toBe('POINTS_RULE_NOT_DECLARABLE');
      expect((await refuse(tok.a, { ruleCode: rule.code, content: '   ' }, 400)).message).toBe('申报内容为1到1000个字');
      expect((await refuse(tok.a, { ruleCode: rule.code, content: 'x'.repeat(1001) }, 400)).message).toBe('申报内容为1到1000个字');
      expect((await refuse(tok.a, { ruleCode: rule.code, content: '学习', points: 100 }, 400)).code).toBe('VALIDATION_FAILED');
      expect((await refuse(tok.a, { ruleCode: rule.code, content: '学习', images: ['nope'] }, 400)).message).toBe('图片无效，请重新上传');
      // Somebody else's upload (or none at all) is not evidence of this member.
      expect((await refuse(tok.a, { ruleCode: rule.code, content: '学习', images: [`${'a'.repeat(32)}.png`] }, 400)).code).toBe('POINTS_DECLARATION_IMAGE_INVALID');
      expect((await refuse(tok.admin, { ruleCode: rule.code, content: '学习' }, 404)).code).toBe('POINTS_NOT_MEMBER');
      // Another tenant does not have the rule.
      expect((await refuse(tok.other, { ruleCode: rule.code, content: '学习' }, 404)).code).toBe('POINTS_NOT_MEMBER');
    });

    it('lists the queue by admin scope: the branch admin sees their branch, the tenant admin everything; foreign organisations 404', async () => {
      const c = await declare(tok.c, '财务支部志愿服务');
      const queue = async (token: string, query = '') => ((await get(token, `/points/declarations?pageSize=100${query}`).expect(200)).body as Page<PointsDeclarationView>).items;
      const secSees = await queue(tok.sec);
      expect(new Set(secSees.map((d) => d.orgId))).toEqual(new Set([idOf(B1)]));
      expect(secSees.some((d) => d.id === c.id)).toBe(false);
      expect((await queue(tok.admin)).some((d) => d.id === c.id)).toBe(true);
      expect((await queue(tok.admin, `&orgId=${idOf(B2)}&state=pending`)).map((d) => d.id)).toEqual([c.id]);
      expect((await get(tok.sec, `/points/declarations?orgId=${idOf(B2)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.other, '/points/declarations').expect(200)).body.items).toEqual([]);
      expect((await get(tok.a, '/points/declarations').expect(403)).body.code).toBe('FORBIDDEN');
      expect((await get(tok.admin, '/points/declarations?state=done').expect(400)).body.message).toBe('申报状态应为待审核、已通过或已驳回');
    });

    it('approves once through the ledger (已通过), rejects only with a reason (已驳回); other branches, tenants and members get 404/403', async () => {
      const [d] = await mineList(tok.a);
      const c = (await mineList(tok.c))[0];
      const before = await me(tok.a);
      expect((await review(tok.sec, d.id, false).expect(400)).body).toEqual({ code: 'POINTS_REASON_REQUIRED', message: '请填写驳回原因' });
      expect((await review(tok.sec, d.id, false, '   ').expect(400)).body.code).toBe('POINTS_REASON_REQUIRED');
      expect((await review(tok.sec, c.id, true).expect(404)).body.code).toBe('POINTS_DECLARATION_NOT_FOUND');
      expect((await review(tok.other, d.id, true).expect(404)).body.code).toBe('POINTS_DECLARATION_NOT_FOUND');
      expect((await review(tok.b, d.id, true).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await review(tok.sec, 999999, true).expect(404)).body.code).toBe('POINTS_DECLARATION_NOT_FOUND');

      const approved: PointsDeclarationView = (await review(tok.sec, d.id, true).expect(200)).body;
      expect([approved.state, label(approved), approved.awarded, approved.reviewerName, approved.reason]).toEqual(['approved', '已通过', 5, '王建国', null]);
      expect(approved.reviewedAt).toBe(now.toISOString());
      expect((await review(tok.sec, d.id, false, '重复').expect(409)).body.code).toBe('POINTS_DECLARATION_REVIEWED');
      expect((await entries(tok.a)).filter((e) => e.sourceType === 'declaration').map((e) => [e.sourceId, e.points, e.ruleName])).toEqual([[String(d.id), 5, '志愿服务']]);
      const after = await me(tok.a);
      expect(after.yearTotals.byCategory.vanguard - before.yearTotals.byCategory.vanguard).toBe(5);
      expect(after.allTime.total - before.allTime.total).toBe(5);

      // The tenant admin reviews any branch; a rejection keeps its reason and earns nothing.
      const rejected: PointsDeclarationView = (await review(tok.admin, c.id, false, '佐证材料不足').expect(200)).body;
      expect([rejected.state, label(rejected), rejected.awarded, rejected.reason]).toEqual(['rejected', '已驳回', 0, '佐证材料不足']);
      expect((await mineList(tok.c)).map(label)).toEqual(['已驳回']);
      expect((await entries(tok.c)).filter((e) => e.sourceType === 'declaration')).toEqual([]);
    });

    it('lets nobody review their own declaration', async () => {
      const own = await declare(tok.sec, '书记本人的志愿服务');
      expect((await review(tok.sec, own.id, true).expect(403)).body.code).toBe('POINTS_OWN_DECLARATION');
      expect((await review(tok.admin, own.id, true).expect(200)).body.awarded).toBe(5);
    });

    it('lets one of two parallel reviews win; the other gets 409 and the ledger follows the winner', async () => {
      const d = await declare(tok.b, '并发审核');
      const res = await Promise.all([review(tok.sec, d.id, true), review(tok.admin, d.id, false, '不符合规则')]);
      expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = res.find((r) => r.status === 409)!;
      expect(lost.body.code).toBe('POINTS_DECLARATION_REVIEWED');
      const won: PointsDeclarationView = res.find((r) => r.status === 200)!.body;
      const [now2] = await mineList(tok.b);
      expect([now2.state, now2.awarded]).toEqual([won.state, won.state === 'approved' ? 5 : 0]);
      const ledger = (await entries(tok.b)).filter((e) => e.sourceType === 'declaration' && e.sourceId === String(d.id));
      expect(ledger.map((e) => e.points)).toEqual(won.state === 'approved' ? [5] : []);
    });

    it('applies the rule cap on approval: 5 + 3 reaches the 8 a month, the next earns 0', async () => {
      expect(await cap(ids.a)).toBe(5);
      const second = await declare(tok.a, '第二次志愿服务');
      const third = await declare(tok.a, '第三次志愿服务');
      expect((await review(tok.sec, second.id, true).expect(200)).body.awarded).toBe(3);
      const capped: PointsDeclarationView = (await review(tok.sec, third.id, true).expect(200)).body;
      expect([capped.state, capped.awarded]).toEqual(['approved', 0]);
      expect(await cap(ids.a)).toBe(8);
      expect((await entries(tok.a)).filter((e) => e.sourceType === 'declaration').map((e) => [e.sourceId, e.points])).toEqual([
        [String(second.id), 3],
        [(await mineList(tok.a)).find((d) => d.content === '参加社区志愿服务半天')!.id.toString(), 5],
      ]);
    });

    it('overturns approved → rejected with a reversing entry (total and cap go down), and rejected → approved with an award, once each', async () => {
      const list = await mineList(tok.a);
      const first = list.find((d) => d.content === '参加社区志愿服务半天')!;
      const before = await me(tok.a);
      expect((await post(tok.sec, `/points/declarations/${first.id}/overturn`, { reason: '核查不实' }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await post(tok.admin, `/points/declarations/${first.id}/overturn`, {}).expect(400)).body.message).toBe('请填写改判原因（1-500个字）');
      const pending = await declare(tok.a, '待审核的申报');
      expect((await post(tok.admin, `/points/declarations/${pending.id}/overturn`, { reason: '改判' }).expect(409)).body.code).toBe('POINTS_DECLARATION_PENDING');
      expect((await post(tok.other, `/points/declarations/${first.id}/overturn`, { reason: '改判' }).expect(404)).body.code).toBe('POINTS_DECLARATION_NOT_FOUND');

      const over: PointsDeclarationView = (await post(tok.admin, `/points/declarations/${first.id}/overturn`, { reason: '核查不实' }).expect(200)).body;
      expect([over.state, label(over), over.awarded, over.overturned, over.reason]).toEqual(['rejected', '已驳回', 0, true, '核查不实']);
      // Append-only: the award stays, a negative entry reverses it.
      const ledger = (await entries(tok.a)).filter((e) => e.ruleCode === rule.code);
      const award = ledger.find((e) => e.sourceType === 'declaration' && e.sourceId === String(first.id))!;
      expect(award.points).toBe(5);
      expect(ledger.filter((e) => e.sourceType === 'reversal').map((e) => [e.sourceId, e.points])).toEqual([[String(award.id), -5]]);
      const after = await me(tok.a);
      expect([before.yearTotals.total - after.yearTotals.total, before.allTime.byCategory.vanguard - after.allTime.byCategory.vanguard]).toEqual([5, 5]);
      const month = await t.get(DataSource).getRepository(PointsTotal).findOneByOrFail({ memberId: ids.a, periodKey: '2026-11', category: 'vanguard' });
      expect(month.total).toBe(3);
      // The cap counter went down too: the pending one now earns its full 5 within the 8.
      expect(await cap(ids.a)).toBe(3);
      expect((await review(tok.sec, pending.id, true).expect(200)).body.awarded).toBe(5);
      expect(await cap(ids.a)).toBe(8);
      // Once only; reversing again through the service takes nothing more.
      expect((await post(tok.admin, `/points/declarations/${first.id}/overturn`, { reason: '再改' }).expect(409)).body.code).toBe('POINTS_DECLARATION_OVERTURNED');
      expect(await t.get(DataSource).transaction((em) => t.get(PointsService).revoke(em, { tenantId: ids.tenant, memberId: ids.a, ruleCode: rule.code, sourceType: 'declaration', sourceId: first.id }))).toBe(0);

      // Rejected → approved awards.
      const c = (await mineList(tok.c))[0];
      const cBefore = await me(tok.c);
      const up: PointsDeclarationView = (await post(tok.admin, `/points/declarations/${c.id}/overturn`, { reason: '材料已补齐' }).expect(200)).body;
      expect([up.state, label(up), up.awarded, up.overturned, up.reason]).toEqual(['approved', '已通过', 5, true, '材料已补齐']);
      expect((await me(tok.c)).yearTotals.total - cBefore.yearTotals.total).toBe(5);
      expect((await mineList(tok.c)).map(label)).toEqual(['已通过']);

      // Reviews and overturns are in the audit log with their reasons.
      const audit = async (action: string) => (await get(tok.admin, `/audit-logs?action=${action}&pageSize=100`).expect(200)).body.items as Array<{ targetType: string; targetId: string; detail: { body: { reason?: string } } }>;
      expect((await audit('points.declaration.overturn')).map((x) => [x.targetType, x.targetId, x.detail.body.reason])).toEqual(
        expect.arrayContaining([
          ['points_declaration', String(first.id), '核查不实'],
          ['points_declaration', String(c.id), '材料已补齐'],
        ]),
      );
      expect((await audit('points.declaration.review')).map((x) => x.targetId)).toContain(String(first.id));
    });
  });

  describe('rankings switch (PTS-5)', () => {
    it('hides rankings and averages from members when off; admins still see them; only the tenant admin switches', async () => {
      expect((await get(tok.a, '/points/settings').expect(200)).body).toEqual({ rankingsEnabled: true });
      expect((await put(tok.sec, '/points/settings', { rankingsEnabled: false }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await put(tok.admin, '/points/settings', { rankingsEnabled: 'no' }).expect(400)).body.message).toBe('排行开关应为是或否');
      expect((await put(tok.admin, '/points/settings', { rankingsEnabled: false }).expect(200)).body).toEqual({ rankingsEnabled: false });
      expect((await get(tok.a, '/points/settings').expect(200)).body).toEqual({ rankingsEnabled: false });
      expect((await get(tok.a, '/points/rankings').expect(403)).body).toEqual({ code: 'POINTS_RANKINGS_OFF', message: '本单位已关闭积分排行' });
      expect((await get(tok.a, '/points/averages').expect(403)).body.code).toBe('POINTS_RANKINGS_OFF');
      // Admins: the branch admin (also a member) and the tenant admin.
      expect(((await get(tok.sec, '/points/rankings').expect(200)).body as PointsRanking).orgId).toBe(idOf(B1));
      await get(tok.admin, '/points/rankings?scope=tenant').expect(200);
      await get(tok.admin, '/points/averages').expect(200);
      // Another tenant keeps its own setting.
      expect((await get(tok.other, '/points/settings').expect(200)).body).toEqual({ rankingsEnabled: true });
      // My own points stay visible.
      await get(tok.a, '/points/me').expect(200);
      await put(tok.admin, '/points/settings', { rankingsEnabled: true }).expect(200);
      await get(tok.a, '/points/rankings').expect(200);
      const audit = (await get(tok.admin, '/audit-logs?action=points.settings.update').expect(200)).body.items as Array<{ detail: { body: { rankingsEnabled: boolean } } }>;
      expect(audit.map((x) => x.detail.body.rankingsEnabled)).toEqual([true, false]);
    });
  });

  describe('organisation averages (PTS-4)', () => {
    /** What the averages must be, from the members and their totals (read independently of the job's SQL). */
    const expected = async (orgId: number, period: string) => {
      const ds = t.get(DataSource);
      const members = await ds.getRepository(Member).find({ where: { tenantId: ids.tenant, status: 'active' } });
      const totals = new Map((await ds.getRepository(PointsTotal).find({ where: { tenantId: ids.tenant, periodKey: period, category: 'all' } })).map((r) => [r.memberId, r.total]));
      const parentOf = new Map([...orgs.values()].map((o) => [o.id, o.parentId ?? null]));
      const within = (orgOf: number, root: number): boolean => {
        for (let o: number | null = orgOf; o != null; o = parentOf.get(o) ?? null) if (o === root) return true;
        return false;
      };
      const children = [...orgs.values()].filter((o) => o.parentId === orgId);
      return new Map(
        children.map((c) => {
          const ms = members.filter((m) => within(m.orgId, c.id));
          const total = ms.reduce((s, m) => s + (totals.get(m.id) ?? 0), 0);
          return [c.id, { memberCount: ms.length, total, average: ms.length ? Math.round((total * 10) / ms.length) / 10 : 0 }];
        }),
      );
    };
    const check = (got: PointsOrgAverages, want: Map<number, { memberCount: number; total: number; average: number }>) => {
      expect(new Set(got.items.map((i) => i.orgId))).toEqual(new Set(want.keys()));
      for (const i of got.items) expect([i.orgId, i.memberCount, i.total, i.average]).toEqual([i.orgId, want.get(i.orgId)!.memberCount, want.get(i.orgId)!.total, want.get(i.orgId)!.average]);
      for (const i of got.items) expect(i.rank).toBe(1 + got.items.filter((x) => x.average > i.average).length);
      expect(got.items.map((i) => i.rank)).toEqual([...got.items.map((i) => i.rank)].sort((x, y) => x - y));
    };

    it('answers nothing computed before the job, then the subtree members and totals of each child after recompute', async () => {
      const root = [...orgs.values()].find((o) => o.parentId == null)!;
      const before: PointsOrgAverages = (await get(tok.admin, '/points/averages').expect(200)).body;
      expect([before.orgId, before.period, before.asOf]).toEqual([root.id, '2026', null]);
      expect(before.items.every((i) => i.memberCount === 0 && i.average === 0)).toBe(true);
      expect((await post(tok.sec, '/points/averages/recompute').expect(403)).body.code).toBe('FORBIDDEN');

      const done: PointsOrgAverages = (await post(tok.admin, '/points/averages/recompute').expect(200)).body;
      expect([done.orgId, done.orgName, done.period, done.asOf]).toEqual([root.id, root.name, '2026', now.toISOString()]);
      const want = await expected(root.id, '2026');
      check(done, want);
      // The demo tenant's first-level organisations hold all its members, and somebody earned something.
      expect(done.items.reduce((s, i) => s + i.memberCount, 0)).toBe((await t.get(DataSource).getRepository(Member).countBy({ tenantId: ids.tenant, status: 'active' })) - (await t.get(DataSource).getRepository(Member).countBy({ tenantId: ids.tenant, status: 'active', orgId: root.id })));
      expect(done.items.some((i) => i.total > 0)).toBe(true);
    });

    it('shows a member the organisation above their branch by default (this month too), and nothing outside their line', async () => {
      const mine: PointsOrgAverages = (await get(tok.a, '/points/averages').expect(200)).body;
      expect([mine.orgId, mine.orgName]).toEqual([idOf(G1), G1]);
      check(mine, await expected(idOf(G1), '2026'));
      const b1 = mine.items.find((i) => i.orgId === idOf(B1))!;
      expect(b1.total).toBeGreaterThan(0);
      const month: PointsOrgAverages = (await get(tok.a, '/points/averages?period=2026-11').expect(200)).body;
      check(month, await expected(idOf(G1), '2026-11'));
      // The branch itself (its groups) is in the member's line; a sibling line or another tenant is not.
      check((await get(tok.g, `/points/averages?orgId=${idOf(B1)}`).expect(200)).body, await expected(idOf(B1), '2026'));
      expect((await get(tok.a, `/points/averages?orgId=${idOf('第二党总支')}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.sec, `/points/averages?orgId=${idOf(B2)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.other, `/points/averages?orgId=${idOf(G1)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.a, '/points/averages?period=2026-13').expect(400)).body.code).toBe('VALIDATION_FAILED');
      // A period the job never computed.
      expect(((await get(tok.a, '/points/averages?period=2025').expect(200)).body as PointsOrgAverages).asOf).toBeNull();
    });

    it('lags until the daily job runs again', async () => {
      const before: PointsOrgAverages = (await get(tok.a, '/points/averages').expect(200)).body;
      const d = await declare(tok.c, '新的志愿服务');
      // 丙 already has 5 of the month's 8: this one earns the 3 left.
      expect((await review(tok.admin, d.id, true).expect(200)).body.awarded).toBe(3);
      const stale: PointsOrgAverages = (await get(tok.a, '/points/averages').expect(200)).body;
      expect(stale).toEqual(before);
      now = new Date('2026-11-22T18:30:00Z'); // 02:30 Beijing, the next day
      await t.get(PointsAveragesService).recomputeAll();
      const fresh: PointsOrgAverages = (await get(tok.a, '/points/averages').expect(200)).body;
      expect(fresh.asOf).toBe(now.toISOString());
      expect(fresh.items.find((i) => i.orgId === idOf(B2))!.total - before.items.find((i) => i.orgId === idOf(B2))!.total).toBe(3);
      check(fresh, await expected(idOf(G1), '2026'));
      now = new Date('2026-11-22T02:00:00Z');
    });
  });

  describe('ranking export (PTS-4)', () => {
    const download = (token: string, query: string) => t.http.get(`/api/v1/points/rankings/export.xlsx?${query}`).set(bearer(token)).buffer(true).parse(binary);
    const rows = async (file: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('积分排行')!;
      const out: unknown[][] = [];
      ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };

    it('exports the whole ranking with Chinese headers, the same as the on-screen ranking', async () => {
      // Points for 30 demo members (ties included), more than the on-screen top 20.
      const demo = await t.get(DataSource).getRepository(Member).find({ where: { tenantId: ids.tenant, status: 'active' }, order: { id: 'ASC' }, take: 30 });
      expect(demo).toHaveLength(30);
      for (const [i, m] of demo.entries()) for (let k = 0; k <= i % 3; k++) await t.get(PointsService).award({ tenantId: ids.tenant, memberId: m.id, ruleCode: 'learning.quiz', sourceType: 'test', sourceId: `export-${k}` });
      const res = await download(tok.admin, 'scope=tenant&period=2026').expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('全单位积分排行-2026年.xlsx')}`);
      const [head, ...body] = await rows(res.body as Buffer);
      expect(head).toEqual(['名次', '姓名', '所在组织', '积分']);
      const screen: PointsRanking = (await get(tok.admin, '/points/rankings?scope=tenant&period=2026&limit=100').expect(200)).body;
      expect(screen.items.length).toBeGreaterThan(20);
      expect(screen.items.length).toBeLessThan(100);
      expect(body).toEqual(screen.items.map((r) => [r.rank, r.name, r.orgName, r.total]));
      // Beyond the on-screen default of 20.
      expect(body.length).toBe(screen.items.length);
    });

    it('keeps the export to admins and their scope', async () => {
      const branch = await download(tok.sec, 'period=2026-11&category=vanguard').expect(200);
      expect(branch.headers['content-disposition']).toContain(encodeURIComponent(`${B1}积分排行-2026年11月-先锋作用.xlsx`));
      const [, ...body] = await rows(branch.body as Buffer);
      const screen: PointsRanking = (await get(tok.sec, '/points/rankings?scope=branch&period=2026-11&category=vanguard&limit=100').expect(200)).body;
      expect(body).toEqual(screen.items.map((r) => [r.rank, r.name, r.orgName, r.total]));
      expect(body.map((r) => r[1])).toEqual(expect.arrayContaining(['申报党员甲', '王建国']));
      expect((await download(tok.sec, 'scope=tenant').expect(403)).status).toBe(403);
      expect((await get(tok.sec, `/points/rankings/export.xlsx?scope=org&orgId=${idOf(B2)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.a, '/points/rankings/export.xlsx').expect(403)).body.code).toBe('FORBIDDEN');
      expect((await get(tok.admin, '/points/rankings/export.xlsx?limit=5').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });
});
