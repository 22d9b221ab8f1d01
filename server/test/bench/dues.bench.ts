/**
 * Dues benchmarks (ARCHITECTURE "Performance budgets"; not a test): monthly bills for N members in
 * one INSERT … SELECT, and verified payment notifications per second, on the database that
 * TEST_DATABASE_URL names (MariaDB for the budget figures) against the in-process simulators.
 *
 *   scripts/bench-dues.sh [members] [notifications]      (defaults 100000 and 500)
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DuesOrderResult, OrgNode } from '@dangjian/shared';
import { Transactions } from '../../src/database/write-gate.js';
import { DuesBillsService } from '../../src/modules/dues/dues-bills.service.js';
import { PaySimulatorsRef } from '../../src/modules/payments/pay-simulators.ref.js';
import { PaymentsService } from '../../src/modules/payments/payments.service.js';
import { DEMO_ACCOUNT_FORM } from '../../src/seed/demo-dues.js';
import { activateMember, bearer, login, newIdNumber, startTestApp } from '../harness.js';

const MEMBERS = Number(process.argv[2] ?? 100_000);
const NOTIFICATIONS = Number(process.argv[3] ?? 500);
const BATCH = 2000;

async function main(): Promise<void> {
  const t = await startTestApp({ PAY_ORDER_TTL_MINUTES: '120' });
  await t.app.listen(0, '127.0.0.1');
  t.get(PaymentsService).setPublicBase(`http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`);
  const admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
  const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
  const [root] = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin))).body as OrgNode[];
  const branch = root.children!.find((c) => c.type === 'branch')!;
  const tenantId = (await t.http.get('/api/v1/auth/me').set(bearer(admin))).body.tenantId as number;
  const year = new Date().getFullYear();
  const month = `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}`;

  // N members with standards, written in batches straight to the tables (seeding, not measured).
  const ds = t.get(Transactions);
  const base = Date.now();
  for (let i = 0; i < MEMBERS; i += BATCH) {
    const n = Math.min(BATCH, MEMBERS - i);
    await ds.run(async (em) => {
      const rows = Array.from({ length: n }, (_, k) => `(${tenantId}, ${branch.id}, 'bench${i + k}', 'male', '1980-01-01', 'full', '2010-07-01', 'x', 'h${base}-${i + k}', '4301***', 'active')`);
      await em.query(`INSERT INTO member (tenant_id, org_id, name, gender, birth_date, member_type, join_date, id_cipher, id_hash, id_masked, status) VALUES ${rows.join(',')}`);
    });
  }
  await ds.run((em) =>
    em.query(
      `INSERT INTO dues_standard (tenant_id, member_id, year, category, income_fen, standard_fen, amount_fen, rule, source) SELECT tenant_id, id, ${year}, 'employed', 500000, 5000, 5000, 'bench', 'manual' FROM member WHERE tenant_id = ${tenantId} AND name LIKE 'bench%'`,
    ),
  );
  const t0 = performance.now();
  const res = await t.get(DuesBillsService).generate(tenantId, month);
  const billsMs = performance.now() - t0;
  console.log(`bills: ${res.created} created for ${month} in ${(billsMs / 1000).toFixed(2)} s (${Math.round(res.created / (billsMs / 1000))}/s; budget 1 M in < 60 s)`);

  // Notifications: orders through the API, paid silently at the simulator, then every
  // notification delivered at once and the wall time to verify and credit them all measured.
  // The whole month is the window here, whatever day the bench runs.
  await t.http.put('/api/v1/dues/settings').set(bearer(admin)).send({ windowFirstDay: 1, windowLastDay: 31, transferFromDay: 1 });
  const applied = (await t.http.post('/api/v1/dues/accounts').set(bearer(admin)).send({ ...DEMO_ACCOUNT_FORM, orgId: root.id, channel: 'wechat', legalPersonIdNumber: newIdNumber() })).body;
  await t.http.post(`/api/v1/dues/accounts/${applied.id}/approve`).set(bearer(platform)).send({ merchantId: '1900000109' });
  const idNumber = newIdNumber();
  await t.http.post('/api/v1/members').set(bearer(admin)).send({ orgId: branch.id, name: '压测党员', idNumber, memberType: 'full', joinDate: '2015-07-01' });
  const member = (await activateMember(t, idNumber)).token;
  const sims = t.get(PaySimulatorsRef).current!;
  const orders: string[] = [];
  for (let i = 0; i < NOTIFICATIONS; i++) {
    const r = await t.http.post('/api/v1/dues/orders').set(bearer(member)).send({ months: [], voluntaryFen: 100 + i, platform: 'h5', idempotencyKey: `bench-${base}-${i}` });
    if (r.status !== 201) throw new Error(`order refused: ${r.status} ${JSON.stringify(r.body)}`);
    const order = r.body as DuesOrderResult;
    sims.wechat.markPaidSilently(order.orderNo);
    orders.push(order.orderNo);
  }
  const t1 = performance.now();
  const deliveries = (await Promise.all(orders.map((o) => sims.wechat.notify(o)))).flat();
  const notifyMs = performance.now() - t1;
  const ok = deliveries.filter((d) => d.status === 204).length;
  console.log(`notifications: ${ok}/${orders.length} verified and credited in ${(notifyMs / 1000).toFixed(2)} s (${Math.round(ok / (notifyMs / 1000))}/s; budget ≥ 500/s)`);
  await t.close();
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
