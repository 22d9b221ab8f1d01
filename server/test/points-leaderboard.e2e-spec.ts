import { randomBytes } from 'node:crypto';
import { periodKey } from '@dangjian/shared';
import type { OrgNode, PointsRanking } from '@dangjian/shared';
import { Redis } from 'ioredis';
import { Transactions } from '../src/database/write-gate.js';
import { Leaderboard } from '../src/modules/points/leaderboard.js';
import { PointsService } from '../src/modules/points/points.service.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * PTS-4 with REDIS_URL: rankings served from Redis sorted sets. They are built from points_total,
 * follow every committed award (never a rolled-back one), answer the same ranks as SQL for the
 * branch, the organisation and the tenant, and the nightly rebuild drops members who left.
 * Needs the machine's Redis (REDIS_TEST_URL, default redis://127.0.0.1:6379); keys live under a
 * random prefix and are removed afterwards.
 */
describe('points rankings in Redis (PTS-4)', () => {
  const url = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `djtest${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(url, { keyPrefix: prefix, lazyConnect: true });
  let t: TestApp;
  let admin: string;
  let tenantId: number;
  const year = periodKey('year', new Date());
  const B1 = '排行测试党支部';
  const B2 = '财务审计党支部';
  const people = {} as Record<'a' | 'b' | 'c' | 'd', { id: number; token: string }>;
  /** What each has before the tests award anything (the daily login point of activation). */
  const base = {} as Record<'a' | 'b' | 'c' | 'd', number>;
  const orgs = new Map<string, OrgNode>();
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

  const award = (memberId: number, ruleCode: string, sourceId: string) => t.get(PointsService).award({ tenantId, memberId, ruleCode, sourceType: 'lbtest', sourceId });
  const ranking = async (token: string, query: string): Promise<PointsRanking> => (await t.http.get(`/api/v1/points/rankings?${query}`).set(bearer(token)).expect(200)).body;
  /** What SQL answers: with the ranking's built mark removed the API reads points_total (and rebuilds, which is awaited). */
  const fromSql = async (token: string, query: string): Promise<PointsRanking> => {
    await redis.del(`lb:${tenantId}:ready:${year}`);
    const r = await ranking(token, query);
    await built();
    return r;
  };
  /** A build cannot start while another runs: build until one has run, so the sets are complete. */
  const built = async () => {
    while (!(await t.get(Leaderboard).rebuild(tenantId, year))) await new Promise((r) => setImmediate(r));
  };
  const score = async (orgId: number | 't', memberId: number) => Number((await redis.zscore(`lb:${tenantId}:${orgId}:${year}:all`, String(memberId))) ?? NaN);

  beforeAll(async () => {
    await redis.connect();
    t = await startTestApp({ REDIS_URL: url, REDIS_KEY_PREFIX: prefix });
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tenantId = (await t.http.get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body.tenantId;
    const [root] = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body as OrgNode[];
    // A branch of its own, so its ranking holds only this test's members.
    await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: root.id, name: B1, type: 'branch' }).expect(201);
    for (const n of flatten((await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body)) orgs.set(n.name, n);
    for (const [k, org, name] of [['a', B1, '排行甲'], ['b', B1, '排行乙'], ['c', B1, '排行丙'], ['d', B2, '排行丁']] as const) {
      const idNumber = newIdNumber();
      const res = await t.http.post('/api/v1/members').set(bearer(admin)).send({ orgId: orgs.get(org)!.id, name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
      people[k] = { id: res.body.id, token: (await activateMember(t, idNumber)).token };
      base[k] = (await t.http.get('/api/v1/points/me').set(bearer(people[k].token)).expect(200)).body.yearTotals.total;
    }
  });
  afterAll(async () => {
    await t.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
    await redis.quit();
  });

  it('builds the rankings from the totals and then answers top and my rank from the sorted sets, as SQL would', async () => {
    // Before any build: a ranking is answered (from SQL) and its build is under way.
    await Promise.all([award(people.a.id, 'aid.wish_done', 'w1'), award(people.b.id, 'aid.donation_done', 'd1'), award(people.d.id, 'aid.wish_done', 'w2')]);
    await award(people.a.id, 'aid.snapshot_approved', 's1');
    const sqlBranch = await fromSql(people.c.token, `scope=branch&period=${year}`);
    expect(t.get(Leaderboard).active).toBe(true);

    expect(await score(orgs.get(B1)!.id, people.a.id)).toBe(base.a + 12);
    expect(await score('t', people.d.id)).toBe(base.d + 10);
    const branch = await ranking(people.c.token, `scope=branch&period=${year}`);
    expect(branch).toEqual(sqlBranch);
    expect(branch.items.map((r) => [r.name, r.total, r.rank])).toEqual([
      ['排行甲', base.a + 12, 1],
      ['排行乙', base.b + 10, 2],
      ...(base.c ? [['排行丙', base.c, 3]] : []),
    ]);
    expect((await ranking(people.b.token, `scope=branch&period=${year}`)).me).toEqual({ rank: 2, total: base.b + 10 });
    // The tenant (with the demo's members) and the organisation above: the same answers as SQL.
    for (const [who, query] of [[people.d, 'scope=tenant'], [people.b, 'scope=tenant'], [people.a, 'scope=org']] as const) {
      const redisAnswer = await ranking(who.token, `${query}&period=${year}`);
      expect(redisAnswer).toEqual(await fromSql(who.token, `${query}&period=${year}`));
    }
    const tenant = await ranking(people.d.token, `scope=tenant&period=${year}&limit=100`);
    expect(tenant.items.find((r) => r.name === '排行乙')!.rank).toBe(tenant.me!.rank);
  });

  it('follows committed awards at once and never a rolled-back one', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => award(people.c.id, 'aid.wish_done', `par${i}`)));
    expect(await score('t', people.c.id)).toBe(base.c + 50);
    await expect(
      t.get(Transactions).run(async (em) => {
        await t.get(PointsService).award({ tenantId, memberId: people.c.id, ruleCode: 'aid.wish_done', sourceType: 'lbtest', sourceId: 'rolled-back' }, em);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await score('t', people.c.id)).toBe(base.c + 50);
    const mine = await ranking(people.c.token, `scope=branch&period=${year}`);
    expect(mine.me).toEqual({ rank: 1, total: base.c + 50 });
    expect(mine.items[0]).toMatchObject({ name: '排行丙', total: base.c + 50, rank: 1 });
  });

  it('drops a member who left at the nightly rebuild', async () => {
    await t.http.delete(`/api/v1/members/${people.c.id}`).set(bearer(admin)).send({ reason: '转出' }).expect((r) => expect(r.status).toBeLessThan(300));
    await t.get(Leaderboard).rebuildAll();
    expect(Number.isNaN(await score('t', people.c.id))).toBe(true);
    const branch = await ranking(people.a.token, `scope=branch&period=${year}`);
    expect(branch.items.map((r) => r.name)).not.toContain('排行丙');
    expect(branch.me).toEqual({ rank: 1, total: base.a + 12 });
  });
});
