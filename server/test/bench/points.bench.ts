/**
 * Rankings benchmark (ARCHITECTURE "Performance budgets": p99 < 50 ms for a member's points and
 * rank; not a test): N members with this year's totals spread over the demo's branches, then the
 * member's own ranking requests (top 20 and my rank, branch / organisation / tenant) timed through
 * the API. Run it twice to compare the two stores: without REDIS_URL (points_total's indexes) and
 * with it (sorted sets; the first request builds them, which is timed separately).
 *
 *   scripts/bench-points.sh [members] [rounds]     (defaults 1000000 and 200 requests per scope)
 */
import { performance } from 'node:perf_hooks';
import { periodKey } from '@dangjian/shared';
import type { OrgNode, PointsRanking } from '@dangjian/shared';
import { Transactions } from '../../src/database/write-gate.js';
import { Leaderboard } from '../../src/modules/points/leaderboard.js';
import { PointsService } from '../../src/modules/points/points.service.js';
import { activateMember, bearer, login, newIdNumber, startTestApp } from '../harness.js';

const MEMBERS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 5000;
const ROUNDS = Number(process.argv[3] ?? 200);

const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const redis = process.env.REDIS_URL;
  const t = await startTestApp(redis ? { REDIS_URL: redis, REDIS_KEY_PREFIX: `djbench${Date.now()}:` } : {});
  const admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
  const tenantId = (await t.http.get('/api/v1/auth/me').set(bearer(admin))).body.tenantId as number;
  const branches = flatten((await t.http.get('/api/v1/orgs/tree').set(bearer(admin))).body as OrgNode[]).filter((o) => o.type === 'branch');
  const year = periodKey('year', new Date());

  // N members and their year totals, written in batches straight to the tables (seeding, not measured).
  const tx = t.get(Transactions);
  const base = Date.now();
  const s0 = performance.now();
  for (let i = 0; i < MEMBERS; i += BATCH) {
    const n = Math.min(BATCH, MEMBERS - i);
    await tx.run(async (em) => {
      const rows = Array.from({ length: n }, (_, k) => `(${tenantId}, ${branches[(i + k) % branches.length].id}, 'bench${i + k}', 'male', '1980-01-01', 'full', '2010-07-01', 'x', 'h${base}-${i + k}', '4301***', 'active')`);
      await em.query(`INSERT INTO member (tenant_id, org_id, name, gender, birth_date, member_type, join_date, id_cipher, id_hash, id_masked, status) VALUES ${rows.join(',')}`);
    });
  }
  await tx.run((em) =>
    em.query(`INSERT INTO points_total (tenant_id, member_id, org_id, period_key, category, total) SELECT tenant_id, id, org_id, '${year}', 'all', (id * 7919) % 1000 FROM member WHERE tenant_id = ? AND name LIKE 'bench%'`, [tenantId]),
  );
  // Fresh statistics, as a live database has them (right after a bulk load MariaDB plans blind).
  if ((t.config.DATABASE_URL ?? 'sqlite').startsWith('sqlite')) await tx.run((em) => em.query('ANALYZE'));
  else await tx.run((em) => em.query('ANALYZE TABLE member, points_total, organization_closure'));
  console.log(`seeded ${MEMBERS} members with ${year} totals in ${((performance.now() - s0) / 1000).toFixed(1)} s`);

  // The member who asks: a real account in the first branch, with a few points.
  const idNumber = newIdNumber();
  const created = await t.http.post('/api/v1/members').set(bearer(admin)).send({ orgId: branches[0].id, name: '压测党员', idNumber, memberType: 'full', joinDate: '2015-07-01' });
  const member = (await activateMember(t, idNumber)).token;
  await t.get(PointsService).award({ tenantId, memberId: created.body.id as number, ruleCode: 'aid.wish_done', sourceType: 'bench', sourceId: 1 });

  const board = t.get(Leaderboard);
  if (board.active) {
    const b0 = performance.now();
    await board.rebuild(tenantId, year);
    console.log(`redis: ${year} rankings built in ${((performance.now() - b0) / 1000).toFixed(1)} s`);
  }
  for (const scope of ['branch', 'org', 'tenant'] as const) {
    const times: number[] = [];
    let last: PointsRanking | null = null;
    for (let i = 0; i < ROUNDS; i++) {
      const r0 = performance.now();
      const res = await t.http.get(`/api/v1/points/rankings?scope=${scope}&period=${year}`).set(bearer(member));
      times.push(performance.now() - r0);
      if (res.status !== 200) throw new Error(`rankings ${res.status}: ${JSON.stringify(res.body)}`);
      last = res.body as PointsRanking;
    }
    console.log(`${board.active ? 'redis' : 'sql'} ${scope}: top ${last!.items.length} + my rank ${last!.me?.rank} — p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms (budget p99 < 50 ms)`);
  }
  await t.close();
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
