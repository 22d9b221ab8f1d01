import { EventEmitter2 } from '@nestjs/event-emitter';
import { BUILTIN_POINTS_RULES } from '@dangjian/shared';
import type { MeetingDetail, MeetingSummary, MyPoints, OrgNode, Page, PointsEntryView, PointsRanking, PointsRuleView } from '@dangjian/shared';
import { Clock } from '../src/common/time/clock.js';
import { Transactions } from '../src/database/write-gate.js';
import { MEETING_EVENTS, type MeetingAttendedEvent } from '../src/modules/meetings/meeting-flow.service.js';
import { PointsCap } from '../src/modules/points/entities/points-cap.entity.js';
import { PointsEntry } from '../src/modules/points/entities/points-entry.entity.js';
import { PointsService } from '../src/modules/points/points.service.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it, mock } from './support.js';

/**
 * Points 积分 (PTS-1, PTS-2, PTS-4) through the API and the award service: caps under parallel
 * awards (direct and through the branch's events), one award per source object, meeting attendance
 * within the quarter cap, the tenant's rule changes, rankings and their scope, Beijing period
 * boundaries. The server's Clock is set by the tests; the process's own time stays real (tokens).
 */
describe('points (PTS-1, PTS-2, PTS-4)', () => {
  let t: TestApp;
  let now = new Date('2026-11-22T02:00:00Z');
  const orgs = new Map<string, OrgNode>();
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const B1 = '综合办公室党支部';
  const B2 = '财务审计党支部';
  const tok = {} as Record<'admin' | 'a' | 'b' | 'c' | 'd' | 'other', string>;
  const ids = {} as Record<'tenant' | 'a' | 'b' | 'c' | 'd', number>;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string, body?: object) => t.http.put(`/api/v1${url}`).set(bearer(token)).send(body);
  const award = (memberId: number, ruleCode: string, sourceId: string | number, sourceType = 'test') => t.get(PointsService).award({ tenantId: ids.tenant, memberId, ruleCode, sourceType, sourceId });
  const entries = async (token: string): Promise<PointsEntryView[]> => (await get(token, '/points/me/entries?pageSize=100').expect(200)).body.items;
  const mine = async (token: string): Promise<MyPoints> => (await get(token, '/points/me').expect(200)).body;
  const ranking = async (token: string, query: string): Promise<PointsRanking> => (await get(token, `/points/rankings?${query}`).expect(200)).body;
  const newsPost = async (token: string, content: string): Promise<number> => (await post(token, '/branch/posts', { kind: 'news', content }).expect(201)).body.id;
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const addMember = async (admin: string, orgId: number, name: string) => {
    const idNumber = newIdNumber();
    const res = await post(admin, '/members', { orgId, name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { id: res.body.id as number, token: (await activateMember(t, idNumber)).token };
  };

  beforeAll(async () => {
    t = await startTestApp();
    mock.method(t.get(Clock), 'now', () => new Date(now));
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    ids.tenant = (await get(tok.admin, '/auth/me').expect(200)).body.tenantId;
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    for (const [k, org, name] of [['a', B1, '积分党员甲'], ['b', B1, '积分党员乙'], ['d', B1, '积分党员丁'], ['c', B2, '外支部党员丙']] as const) {
      const m = await addMember(tok.admin, idOf(org), name);
      [ids[k], tok[k]] = [m.id, m.token];
    }
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    const codes = await post(platform, '/platform/activation-codes', { count: 1 }).expect(201);
    await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '另一单位党委', adminUsername: 'ptsother', adminPhone: '13700007777', adminPassword: 'Other#Admin1' }).expect(201);
    tok.other = await login(t, 'ptsother', 'Other#Admin1');
  });
  afterAll(() => t.close());

  it('gives the first login of a Beijing day its point (activation logs the member in)', async () => {
    const list = await entries(tok.a);
    expect(list.map((e) => [e.ruleCode, e.ruleName, e.points, e.sourceType, e.sourceId])).toEqual([['login.daily', '每日首次登录', 1, 'login', '2026-11-22']]);
    const me = await mine(tok.a);
    expect(me).toEqual({ memberId: ids.a, year: '2026', yearTotals: { total: 1, byCategory: { learning: 1, org_life: 0, vanguard: 0 } }, allTime: { total: 1, byCategory: { learning: 1, org_life: 0, vanguard: 0 } } });
  });

  it('never passes the cap under 20 parallel awards for one member and rule', async () => {
    // 观看视频: 1 point each, at most 10 a day.
    const got = await Promise.all(Array.from({ length: 20 }, (_, i) => award(ids.a, 'learning.video', `video-${i}`)));
    expect(sum(got)).toBe(10);
    expect(got.filter((x) => x === 1)).toHaveLength(10);
    const cap = await t.get(Transactions).run((em) => em.getRepository(PointsCap).findOneByOrFail({ memberId: ids.a, ruleCode: 'learning.video', periodKey: '2026-11-22' }));
    expect(cap.earned).toBe(10);
    expect((await entries(tok.a)).filter((e) => e.ruleCode === 'learning.video')).toHaveLength(10);
    expect((await mine(tok.a)).yearTotals.byCategory.learning).toBe(11);
  });

  it('holds every built-in rule to its cap under 20 parallel awards (uncapped ones award each time)', async () => {
    // A member with nothing yet in June 2026 (their login point falls on another day).
    const e = await addMember(tok.admin, idOf(B1), '积分党员戊');
    now = new Date('2026-06-10T04:00:00Z');
    for (const rule of BUILTIN_POINTS_RULES) {
      const got = await Promise.all(Array.from({ length: 20 }, (_, i) => award(e.id, rule.code, `${rule.code}-${i}`)));
      expect([rule.code, sum(got)]).toEqual([rule.code, rule.cap ?? 20 * rule.points]);
    }
    now = new Date('2026-11-22T02:00:00Z');
  });

  it('gives 20 parallel likes of 20 different posts the daily like cap once (through the branch events)', async () => {
    const posts: number[] = [];
    for (let i = 0; i < 20; i++) posts.push(await newsPost(tok.a, `积分动态${i}`));
    const res = await Promise.all(posts.map((id) => t.http.put(`/api/v1/branch/posts/${id}/like`).set(bearer(tok.b))));
    expect(res.map((r) => r.status)).toEqual(posts.map(() => 200));
    const likes = (await entries(tok.b)).filter((e) => e.ruleCode === 'learning.like');
    expect(likes.map((e) => [e.points, e.sourceType])).toEqual([[1, 'post']]);
    // Every like is recorded all the same.
    expect((await get(tok.b, `/branch/posts/${posts[19]}`).expect(200)).body.likeCount).toBe(1);
  });

  it('lets one source earn once: a read of 30 seconds or more, a share, a comment each count once per object', async () => {
    const p1 = await newsPost(tok.a, '读一读');
    const p2 = await newsPost(tok.a, '再读一读');
    await post(tok.d, `/branch/posts/${p1}/read`, { seconds: 29 }).expect(204);
    expect((await entries(tok.d)).filter((e) => e.ruleCode === 'learning.read')).toHaveLength(0);
    await post(tok.d, `/branch/posts/${p1}/read`, { seconds: 35 }).expect(204);
    await post(tok.d, `/branch/posts/${p1}/read`, { seconds: 60 }).expect(204);
    await post(tok.d, `/branch/posts/${p1}/share`).expect(204);
    await post(tok.d, `/branch/posts/${p1}/share`).expect(204);
    await post(tok.d, `/branch/posts/${p1}/comments`, { content: '学习了' }).expect(201);
    await post(tok.d, `/branch/posts/${p1}/comments`, { content: '再学习' }).expect(201);
    await post(tok.d, `/branch/posts/${p2}/read`, { seconds: 31 }).expect(204);
    const list = await entries(tok.d);
    const of = (code: string) => list.filter((e) => e.ruleCode === code).map((e) => e.sourceId);
    expect(of('learning.read').sort()).toEqual([String(p1), String(p2)].sort());
    expect(of('learning.share')).toEqual([String(p1)]);
    // Two comments are two objects: 2 points each, within the cap of 4.
    expect(of('learning.comment')).toHaveLength(2);
    // The same source straight at the service: the second award is refused.
    expect([await award(ids.d, 'learning.quiz', 'quiz-1'), await award(ids.d, 'learning.quiz', 'quiz-1')]).toEqual([2, 0]);
    // An unknown rule earns nothing.
    expect(await award(ids.d, 'no.such.rule', 1)).toBe(0);
  });

  it('awards a meeting record to its attendees once, within the quarter cap', async () => {
    const attend = (meetingId: number, memberIds: number[]) =>
      t.get(Transactions).run(async (em) => {
        for (const memberId of memberIds) await t.get(EventEmitter2).emitAsync(MEETING_EVENTS.attended, { tenantId: ids.tenant, meetingId, memberId, type: 'general_assembly', em } satisfies MeetingAttendedEvent);
      });
    const meetingPoints = async (token: string) => (await entries(token)).filter((e) => e.ruleCode === 'meeting.general_assembly').map((e) => [e.points, e.sourceId, e.createdAt]);
    // Submitted, then confirmed: the record goes up twice, the meeting earns once.
    await attend(9001, [ids.a, ids.b]);
    await attend(9001, [ids.a, ids.b]);
    // A second general meeting in the same quarter: the quarter's 30 points are used up.
    now = new Date('2026-12-31T15:59:59Z');
    await attend(9002, [ids.a]);
    expect(await meetingPoints(tok.a)).toEqual([[30, '9001', '2026-11-22T02:00:00.000Z']]);
    expect(await meetingPoints(tok.b)).toEqual([[30, '9001', '2026-11-22T02:00:00.000Z']]);
    // Beijing 2027-01-01 00:00: a new quarter (and year).
    now = new Date('2026-12-31T16:00:00Z');
    await attend(9003, [ids.a]);
    expect((await meetingPoints(tok.a))[0]).toEqual([30, '9003', '2026-12-31T16:00:00.000Z']);
    const me = await mine(tok.a);
    expect([me.year, me.yearTotals.total, me.yearTotals.byCategory.org_life]).toEqual(['2027', 30, 30]);
    expect(me.allTime.byCategory.org_life).toBe(60);
    now = new Date('2026-11-22T02:00:00Z');
  });

  it('awards a record filed through the meeting flow to each member present, once', async () => {
    // The demo branch's lecture 党课, recorded: the branch admin summarises and files it (the record goes up).
    const sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    const lecture = ((await get(sec, '/meetings?type=lecture&state=recorded').expect(200)).body as Page<MeetingSummary>).items[0];
    await t.http.patch(`/api/v1/meetings/${lecture.id}/record`).set(bearer(sec)).send({ summary: '党课总结：学习新修订的党章。' }).expect(200);
    await post(sec, `/meetings/${lecture.id}/transitions`, { action: 'summarize' }).expect(200);
    const filed: MeetingDetail = (await post(sec, `/meetings/${lecture.id}/transitions`, { action: 'file' }).expect(200)).body;
    const present = filed.invitees!.filter((i) => i.present).map((i) => i.memberId);
    expect(present.length).toBeGreaterThan(0);
    const awarded = await t.get(Transactions).run((em) => em.getRepository(PointsEntry).find({ where: { ruleCode: 'meeting.lecture', sourceType: 'meeting', sourceId: String(lecture.id) } }));
    expect(awarded.map((e) => e.memberId).sort((x, y) => x - y)).toEqual([...present].sort((x, y) => x - y));
    expect(new Set(awarded.map((e) => [e.points, e.category, e.periodKey].join()))).toEqual(new Set(['30,org_life,2026-Q4']));
  });

  it('moves the day at Beijing midnight', async () => {
    now = new Date('2026-11-23T15:59:59Z'); // Beijing 23:59:59 on the 23rd
    const p = await Promise.all([newsPost(tok.a, '午夜前'), newsPost(tok.a, '午夜前二'), newsPost(tok.a, '午夜后')]);
    await t.http.put(`/api/v1/branch/posts/${p[0]}/like`).set(bearer(tok.d)).expect(200);
    await t.http.put(`/api/v1/branch/posts/${p[1]}/like`).set(bearer(tok.d)).expect(200);
    now = new Date('2026-11-23T16:00:00Z'); // 00:00 on the 24th
    await t.http.put(`/api/v1/branch/posts/${p[2]}/like`).set(bearer(tok.d)).expect(200);
    const likes = (await entries(tok.d)).filter((e) => e.ruleCode === 'learning.like');
    expect(likes.map((e) => [e.sourceId, e.createdAt])).toEqual([
      [String(p[2]), '2026-11-23T16:00:00.000Z'],
      [String(p[0]), '2026-11-23T15:59:59.000Z'],
    ]);
    now = new Date('2026-11-22T02:00:00Z');
  });

  describe('rules (PTS-2)', () => {
    it('lists the built-in rules, lets only the tenant admin change them, and only their values', async () => {
      const rules: PointsRuleView[] = (await get(tok.a, '/points/rules').expect(200)).body;
      expect(rules.find((r) => r.code === 'learning.comment')).toEqual({ code: 'learning.comment', category: 'learning', name: '评论', points: 2, cap: 4, capPeriod: 'day', enabled: true, builtin: true, declared: false });
      expect((await put(tok.a, '/points/rules', { code: 'learning.quiz', enabled: false }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await put(tok.admin, '/points/rules', { code: 'learning.quiz', name: '答题' }).expect(400)).body.code).toBe('POINTS_BUILTIN_RULE_FIXED');
      expect((await put(tok.admin, '/points/rules', { code: 'learning.quiz', category: 'vanguard' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await put(tok.admin, '/points/rules', { code: 'no.such', points: 1 }).expect(404)).body.code).toBe('POINTS_RULE_NOT_FOUND');
      expect((await put(tok.admin, '/points/rules', { code: 'learning.quiz', points: 0 }).expect(400)).body.message).toBe('分值应为1到1000之间的整数');
    });

    it('awards nothing under a disabled rule, and the changed value afterwards', async () => {
      const off: PointsRuleView[] = (await put(tok.admin, '/points/rules', { code: 'learning.quiz', enabled: false }).expect(200)).body;
      expect(off.find((r) => r.code === 'learning.quiz')!.enabled).toBe(false);
      expect(await award(ids.b, 'learning.quiz', 'quiz-off')).toBe(0);
      await put(tok.admin, '/points/rules', { code: 'learning.quiz', enabled: true, points: 3, cap: null }).expect(200);
      expect(await Promise.all([award(ids.b, 'learning.quiz', 'q1'), award(ids.b, 'learning.quiz', 'q2'), award(ids.b, 'learning.quiz', 'q3')])).toEqual([3, 3, 3]);
      expect((await entries(tok.b)).filter((e) => e.ruleCode === 'learning.quiz').map((e) => [e.sourceId, e.points]).sort()).toEqual([['q1', 3], ['q2', 3], ['q3', 3]]);
      await put(tok.admin, '/points/rules', { code: 'learning.quiz', points: 2, cap: 4 }).expect(200);
    });

    it('adds custom declared rules, which awards use like the built-in ones', async () => {
      expect((await post(tok.admin, '/points/rules', { category: 'vanguard', name: '', points: 5, cap: null, capPeriod: 'year' }).expect(400)).body.message).toBe('规则名称为1到60个字');
      const rule: PointsRuleView = (await post(tok.admin, '/points/rules', { category: 'vanguard', name: '志愿服务', points: 5, cap: 20, capPeriod: 'month' }).expect(201)).body;
      expect(rule).toEqual({ code: expect.stringMatching(/^declared\./), category: 'vanguard', name: '志愿服务', points: 5, cap: 20, capPeriod: 'month', enabled: true, builtin: false, declared: true });
      const renamed: PointsRuleView[] = (await put(tok.admin, '/points/rules', { code: rule.code, name: '志愿服务活动', capPeriod: 'year' }).expect(200)).body;
      expect(renamed.find((r) => r.code === rule.code)).toMatchObject({ name: '志愿服务活动', capPeriod: 'year' });
      expect((await get(tok.b, '/points/rules').expect(200)).body.map((r: PointsRuleView) => r.code)).toContain(rule.code);
    });

    it('keeps each tenant to its own rules', async () => {
      const theirs: PointsRuleView[] = (await get(tok.other, '/points/rules').expect(200)).body;
      expect(theirs.some((r) => r.declared)).toBe(false);
      await put(tok.other, '/points/rules', { code: 'learning.share', points: 7 }).expect(200);
      const ours: PointsRuleView[] = (await get(tok.admin, '/points/rules').expect(200)).body;
      expect(ours.find((r) => r.code === 'learning.share')!.points).toBe(1);
      const custom = ours.find((r) => r.declared)!;
      expect((await put(tok.other, '/points/rules', { code: custom.code, points: 9 }).expect(404)).body.code).toBe('POINTS_RULE_NOT_FOUND');
    });
  });

  describe('rankings and details (PTS-4)', () => {
    let rule: string;

    it('ranks a month by total, equal totals sharing a rank, with my rank counted among those above me', async () => {
      // 2026-10, before anything above: only these awards count.
      now = new Date('2026-10-15T04:00:00Z');
      rule = ((await get(tok.admin, '/points/rules').expect(200)).body as PointsRuleView[]).find((r) => r.declared)!.code;
      await put(tok.admin, '/points/rules', { code: rule, cap: null }).expect(200);
      const give = async (memberId: number, times: number) => {
        for (let i = 0; i < times; i++) expect(await award(memberId, rule, `${memberId}-${i}`, 'declaration')).toBe(5);
      };
      await give(ids.a, 3);
      await give(ids.b, 2);
      await give(ids.d, 2);
      await give(ids.c, 4);
      now = new Date('2026-11-22T02:00:00Z');

      const branch = await ranking(tok.b, 'period=2026-10');
      expect(branch.orgId).toBe(idOf(B1));
      expect(branch.items.map((r) => [r.rank, r.memberId, r.total, r.orgName])).toEqual([
        [1, ids.a, 15, B1],
        [2, ids.b, 10, B1],
        [2, ids.d, 10, B1],
      ]);
      expect(branch.me).toEqual({ rank: 2, total: 10 });
      expect((await ranking(tok.a, 'period=2026-10')).me).toEqual({ rank: 1, total: 15 });

      const tenant = await ranking(tok.b, 'scope=tenant&period=2026-10&limit=2');
      expect(tenant.items.map((r) => [r.rank, r.name, r.total])).toEqual([
        [1, '外支部党员丙', 20],
        [2, '积分党员甲', 15],
      ]);
      expect(tenant.me).toEqual({ rank: 3, total: 10 });

      // By category: nothing of org_life in October.
      expect((await ranking(tok.b, 'scope=tenant&period=2026-10&category=org_life')).items).toEqual([]);
      expect((await ranking(tok.b, 'scope=tenant&period=2026-10&category=vanguard')).me).toEqual({ rank: 3, total: 10 });

      // The organisation above the branch, by default, holds both branches.
      const org = await ranking(tok.c, 'scope=org&period=2026-10');
      expect(org.items.map((r) => r.memberId)).toEqual([ids.c, ids.a, ids.b, ids.d]);
      expect(org.me).toEqual({ rank: 1, total: 20 });

      // This year: every total is at least the October one, and the list is in order.
      const year = await ranking(tok.admin, 'scope=tenant&limit=100');
      expect(year.period).toBe('2026');
      expect(year.me).toBeNull();
      expect(year.items.map((r) => r.total)).toEqual([...year.items.map((r) => r.total)].sort((x, y) => y - x));
    });

    it('keeps rankings and details within scope', async () => {
      // Another branch or tenant's organisation: 404; a member has no memberId parameter to ask.
      expect((await get(tok.c, `/points/rankings?scope=org&orgId=${idOf(B1)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.other, `/points/rankings?scope=org&orgId=${idOf(B1)}`).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await ranking(tok.other, 'scope=tenant&period=2026-10')).items).toEqual([]);
      expect((await get(tok.other, '/points/rankings').expect(400)).body.code).toBe('POINTS_RANKING_ORG_REQUIRED');
      expect((await get(tok.admin, `/points/rankings?scope=branch&orgId=${idOf(B1)}&period=2026-10`).expect(200)).body.items).toHaveLength(3);
      expect((await get(tok.b, `/points/me/entries?memberId=${ids.a}`).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await get(tok.admin, '/points/me').expect(404)).body.code).toBe('POINTS_NOT_MEMBER');
      expect((await get(tok.b, '/points/rankings?period=2026-13').expect(400)).body.code).toBe('VALIDATION_FAILED');

      const bEntries = (await get(tok.b, '/points/me/entries?page=1&pageSize=3').expect(200)).body as Page<PointsEntryView>;
      expect(bEntries.items).toHaveLength(3);
      expect(bEntries.total).toBeGreaterThan(3);
      const all = await entries(tok.b);
      expect(all.some((e) => e.ruleCode === 'learning.video')).toBe(false);
      expect(all.filter((e) => e.sourceType === 'declaration').map((e) => [e.ruleName, e.sourceId])).toEqual([
        ['志愿服务活动', `${ids.b}-1`],
        ['志愿服务活动', `${ids.b}-0`],
      ]);
    });
  });
});
