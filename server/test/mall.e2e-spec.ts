import type { MallCategory, MallGoods, MallGoodsPage, MallOrder, MallWalletView, MyPoints, OrgNode, Page } from '@dangjian/shared';
import { PointsService } from '../src/modules/points/points.service.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * 积分商城 (MALL-1…MALL-4) through the API: the catalogue and its scope, exchanging against the mall
 * balance (points untouched), cancel and pick-up, and the races: 50 parallel exchanges for the last
 * items, parallel exchanges beyond a member's balance.
 */
describe('mall (MALL-1…MALL-4)', () => {
  let t: TestApp;
  const tok = {} as Record<'admin' | 'a' | 'b' | 'other', string>;
  const ids = {} as Record<'tenant' | 'a' | 'b' | 'branch', number>;
  const racers: Array<{ id: number; token: string }> = [];
  let category: MallCategory;
  let awardSeq = 0;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string, body?: object) => t.http.put(`/api/v1${url}`).set(bearer(token)).send(body);
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  /** Gives the member `10 × times` points through an uncapped rule (认领心愿并完成). */
  const give = async (memberId: number, times: number) => {
    for (let i = 0; i < times; i++) await t.get(PointsService).award({ tenantId: ids.tenant, memberId, ruleCode: 'aid.wish_done', sourceType: 'mall-test', sourceId: ++awardSeq });
  };
  const wallet = async (token: string): Promise<MallWalletView> => (await get(token, '/mall/me').expect(200)).body;
  const points = async (token: string): Promise<MyPoints> => (await get(token, '/points/me').expect(200)).body;
  const newGoods = async (fields: Partial<MallGoods> & { pointsPrice: number; stock: number }): Promise<MallGoods> =>
    (await post(tok.admin, '/mall/goods', { categoryId: category.id, kind: 'goods', name: '党徽', enabled: true, ...fields }).expect(201)).body;
  const goodsOf = async (id: number): Promise<MallGoods> => (await get(tok.admin, `/mall/goods/${id}`).expect(200)).body;
  const addMember = async (name: string) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId: ids.branch, name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { id: res.body.id as number, token: (await activateMember(t, idNumber)).token };
  };

  beforeAll(async () => {
    t = await startTestApp();
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    ids.tenant = (await get(tok.admin, '/auth/me').expect(200)).body.tenantId;
    ids.branch = flatten((await get(tok.admin, '/orgs/tree').expect(200)).body).find((n) => n.name === '综合办公室党支部')!.id;
    for (const [k, name] of [['a', '商城党员甲'], ['b', '商城党员乙']] as const) {
      const m = await addMember(name);
      [ids[k], tok[k]] = [m.id, m.token];
    }
    for (let i = 0; i < 5; i++) racers.push(await addMember(`抢兑党员${i + 1}`));
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    const codes = await post(platform, '/platform/activation-codes', { count: 1 }).expect(201);
    await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '商城另一单位党委', adminUsername: 'mallother', adminPhone: '13700008888', adminPassword: 'Other#Admin1' }).expect(201);
    tok.other = await login(t, 'mallother', 'Other#Admin1');
  });
  afterAll(() => t.close());

  it('keeps categories in order; only tenant admins manage them; a category with goods cannot be deleted', async () => {
    // The demo tenant's mall already has its categories (seed): new ones go after them.
    const seeded: MallCategory[] = (await get(tok.admin, '/mall/categories').expect(200)).body;
    const n = seeded.length;
    const made: MallCategory[] = [];
    for (const name of ['实物礼品', '服务兑换', '文创周边']) made.push((await post(tok.admin, '/mall/categories', { name }).expect(201)).body);
    expect(made.map((c) => c.sortOrder)).toEqual([n + 1, n + 2, n + 3]);
    await post(tok.a, '/mall/categories', { name: '党员不能建' }).expect(403);
    await post(tok.admin, '/mall/categories', { name: ' ' }).expect(400);
    const reordered = [made[2].id, made[0].id, made[1].id, ...seeded.map((c) => c.id)];
    await post(tok.admin, '/mall/categories/reorder', { ids: [made[2].id, made[0].id] }).expect(400);
    await post(tok.admin, '/mall/categories/reorder', { ids: reordered }).expect(200);
    const list: MallCategory[] = (await get(tok.a, '/mall/categories').expect(200)).body;
    expect(list.map((c) => c.name)).toEqual(['文创周边', '实物礼品', '服务兑换', ...seeded.map((c) => c.name)]);
    expect((await get(tok.other, '/mall/categories').expect(200)).body).toEqual([]);
    await put(tok.admin, `/mall/categories/${made[1].id}`, { name: '服务' }).expect(200);
    await put(tok.other, `/mall/categories/${made[1].id}`, { name: '别人的' }).expect(404);
    category = made[0];
    await newGoods({ name: '笔记本', pointsPrice: 10, stock: 5 });
    const refused = await t.http.delete(`/api/v1/mall/categories/${category.id}`).set(bearer(tok.admin)).expect(409);
    expect(refused.body.code).toBe('MALL_CATEGORY_NOT_EMPTY');
    await t.http.delete(`/api/v1/mall/categories/${made[2].id}`).set(bearer(tok.admin)).expect(204);
    expect(((await get(tok.a, '/mall/categories').expect(200)).body as MallCategory[]).map((c) => c.name)).toEqual(['实物礼品', '服务', ...seeded.map((c) => c.name)]);
  });

  it('exchanging reduces the mall balance, never the points; the order has a number and a 6-digit pick-up code', async () => {
    await give(ids.a, 5); // 1 (first login) + 50
    const before = await points(tok.a);
    expect(await wallet(tok.a)).toEqual({ earned: 51, spent: 0, balance: 51 });
    const goods = await newGoods({ name: '党建书籍', pointsPrice: 12, stock: 10 });
    const page: MallGoodsPage = (await get(tok.a, `/mall/goods?categoryId=${category.id}`).expect(200)).body;
    expect(page.balance).toBe(51);
    expect(page.items.map((g) => g.name)).toContain('党建书籍');
    const res = await post(tok.a, '/mall/orders', { goodsId: goods.id, quantity: 2 }).expect(201);
    const order: MallOrder = res.body;
    expect(order).toMatchObject({ goodsId: goods.id, goodsName: '党建书籍', quantity: 2, unitPoints: 12, points: 24, status: 'awaiting', memberId: ids.a });
    expect(order.pickupCode).toMatch(/^\d{6}$/);
    expect(order.orderNo).toMatch(/^\d{16}$/);
    expect(await wallet(tok.a)).toEqual({ earned: 51, spent: 24, balance: 27 });
    expect(await points(tok.a)).toEqual(before);
    expect((await goodsOf(goods.id)).stock).toBe(8);
    const mine: Page<MallOrder> = (await get(tok.a, '/mall/orders/mine').expect(200)).body;
    expect(mine.items.map((o) => o.id)).toEqual([order.id]);
    expect((await get(tok.b, '/mall/orders/mine').expect(200)).body.items).toEqual([]);
    const short = await post(tok.a, '/mall/orders', { goodsId: goods.id, quantity: 3 }).expect(409);
    expect(short.body).toEqual({ code: 'MALL_INSUFFICIENT_BALANCE', message: '商城积分余额不足' });
    await post(tok.a, '/mall/orders', { goodsId: goods.id, quantity: 0 }).expect(400);
  });

  it('a cancel returns stock and balance; a cancelled or picked-up order cannot be cancelled again', async () => {
    await give(ids.b, 3); // 31
    const goods = await newGoods({ name: '志愿服务一次', kind: 'service', pointsPrice: 15, stock: 1 });
    const order: MallOrder = (await post(tok.b, '/mall/orders', { goodsId: goods.id, quantity: 1 }).expect(201)).body;
    expect((await goodsOf(goods.id)).stock).toBe(0);
    expect((await wallet(tok.b)).balance).toBe(16);
    await post(tok.a, `/mall/orders/${order.id}/cancel`).expect(404);
    const cancelled: MallOrder = (await post(tok.b, `/mall/orders/${order.id}/cancel`).expect(200)).body;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelledAt).not.toBeNull();
    expect((await goodsOf(goods.id)).stock).toBe(1);
    expect(await wallet(tok.b)).toEqual({ earned: 31, spent: 0, balance: 31 });
    expect((await post(tok.b, `/mall/orders/${order.id}/cancel`).expect(409)).body.code).toBe('MALL_ORDER_NOT_AWAITING');
    // 我的订单 by tab: the cancelled order only under 已取消.
    const tab = async (status: string) => ((await get(tok.b, `/mall/orders/mine?status=${status}`).expect(200)).body as Page<MallOrder>).items.map((o) => o.id);
    expect(await tab('cancelled')).toContain(order.id);
    expect(await tab('awaiting')).not.toContain(order.id);
    expect((await get(tok.b, '/mall/orders/mine?status=lost').expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('admins find an order by pick-up code or number and mark it picked up; members cannot', async () => {
    const goods = await newGoods({ name: '保温杯', pointsPrice: 5, stock: 3 });
    const order: MallOrder = (await post(tok.b, '/mall/orders', { goodsId: goods.id, quantity: 1 }).expect(201)).body;
    await post(tok.b, `/mall/orders/${order.id}/pickup`).expect(403);
    await get(tok.b, `/mall/orders?q=${order.pickupCode}`).expect(403);
    const byCode: Page<MallOrder> = (await get(tok.admin, `/mall/orders?q=${order.pickupCode}&status=awaiting`).expect(200)).body;
    expect(byCode.items.map((o) => o.id)).toEqual([order.id]);
    const byNo: Page<MallOrder> = (await get(tok.admin, `/mall/orders?q=${order.orderNo}`).expect(200)).body;
    expect(byNo.items.map((o) => [o.id, o.memberName])).toEqual([[order.id, '商城党员乙']]);
    expect((await get(tok.other, `/mall/orders?q=${order.pickupCode}`).expect(200)).body.items).toEqual([]);
    await post(tok.other, `/mall/orders/${order.id}/pickup`).expect(404);
    const done: MallOrder = (await post(tok.admin, `/mall/orders/${order.id}/pickup`).expect(200)).body;
    expect(done.status).toBe('picked_up');
    expect(done.pickedUpAt).not.toBeNull();
    expect((await post(tok.admin, `/mall/orders/${order.id}/pickup`).expect(409)).body.code).toBe('MALL_ORDER_NOT_AWAITING');
    expect((await post(tok.b, `/mall/orders/${order.id}/cancel`).expect(409)).body.code).toBe('MALL_ORDER_NOT_AWAITING');
    expect((await get(tok.admin, `/mall/orders?q=${order.pickupCode}&status=picked_up`).expect(200)).body.items.map((o: MallOrder) => o.id)).toEqual([order.id]);
  });

  it('a disabled item is hidden from members and cannot be exchanged', async () => {
    const goods = await newGoods({ name: '已下架商品', pointsPrice: 1, stock: 5 });
    await put(tok.a, `/mall/goods/${goods.id}/enabled`, { enabled: false }).expect(403);
    await put(tok.admin, `/mall/goods/${goods.id}/enabled`, { enabled: false }).expect(200);
    await get(tok.a, `/mall/goods/${goods.id}`).expect(404);
    expect(((await get(tok.a, '/mall/goods?pageSize=100').expect(200)).body as MallGoodsPage).items.map((g) => g.id)).not.toContain(goods.id);
    expect(((await get(tok.admin, '/mall/goods?pageSize=100').expect(200)).body as MallGoodsPage).items.map((g) => g.id)).toContain(goods.id);
    const refused = await post(tok.a, '/mall/orders', { goodsId: goods.id, quantity: 1 }).expect(409);
    expect(refused.body.code).toBe('MALL_GOODS_DISABLED');
    expect((await goodsOf(goods.id)).stock).toBe(5);
    const edited: MallGoods = (await put(tok.admin, `/mall/goods/${goods.id}`, { categoryId: category.id, kind: 'service', name: '已下架服务', pointsPrice: 2, stock: 7 }).expect(200)).body;
    expect(edited).toMatchObject({ kind: 'service', name: '已下架服务', pointsPrice: 2, stock: 7, enabled: false });
    await put(tok.admin, `/mall/goods/${goods.id}`, { categoryId: category.id, kind: 'goods', name: 'x', pointsPrice: 1, stock: -1 }).expect(400);
    await put(tok.admin, `/mall/goods/${goods.id}`, { categoryId: category.id, kind: 'goods', name: 'x', pointsPrice: 1, stock: 1, images: ['0123456789abcdef0123456789abcdef.jpg'] }).expect(400);
  });

  it("another tenant's goods are invisible (404) and cannot be exchanged or edited", async () => {
    const goods = await newGoods({ name: '本单位专享', pointsPrice: 1, stock: 5 });
    await get(tok.other, `/mall/goods/${goods.id}`).expect(404);
    expect(((await get(tok.other, '/mall/goods').expect(200)).body as MallGoodsPage).items).toEqual([]);
    await put(tok.other, `/mall/goods/${goods.id}/enabled`, { enabled: false }).expect(404);
    await put(tok.other, `/mall/goods/${goods.id}`, { categoryId: category.id, kind: 'goods', name: 'x', pointsPrice: 1, stock: 1 }).expect(404);
    const otherCat: MallCategory = (await post(tok.other, '/mall/categories', { name: '他们的' }).expect(201)).body;
    const theirs: MallGoods = (await post(tok.other, '/mall/goods', { categoryId: otherCat.id, kind: 'goods', name: '他们的商品', pointsPrice: 1, stock: 5, enabled: true }).expect(201)).body;
    await get(tok.a, `/mall/goods/${theirs.id}`).expect(404);
    expect((await post(tok.a, '/mall/orders', { goodsId: theirs.id, quantity: 1 }).expect(404)).body.code).toBe('MALL_GOODS_NOT_FOUND');
    await post(tok.admin, '/mall/goods', { categoryId: otherCat.id, kind: 'goods', name: '借用分类', pointsPrice: 1, stock: 1 }).expect(404);
  });

  it('50 parallel exchanges for the last 3 items: exactly 3 succeed, the rest get 409, stock ends at 0', async () => {
    for (const r of racers) await give(r.id, 2); // 21 each
    const goods = await newGoods({ name: '限量纪念章', pointsPrice: 2, stock: 3 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(racers[i % racers.length].token, '/mall/orders', { goodsId: goods.id, quantity: 1 })));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(47).fill('MALL_OUT_OF_STOCK'));
    expect((await goodsOf(goods.id)).stock).toBe(0);
    const codes = new Set(ok.map((r) => (r.body as MallOrder).pickupCode));
    expect(codes.size).toBe(3);
    const spent = (await Promise.all(racers.map((r) => wallet(r.token)))).reduce((s, w) => s + w.spent, 0);
    expect(spent).toBe(6);
  });

  it('parallel exchanges beyond the balance never drive it below zero', async () => {
    const [r] = racers; // balance 21 − what the race above took
    const start = await wallet(r.token);
    const goods = await newGoods({ name: '笔', pointsPrice: 4, stock: 100 });
    const results = await Promise.all(Array.from({ length: 20 }, () => post(r.token, '/mall/orders', { goodsId: goods.id, quantity: 1 })));
    const won = Math.floor(start.balance / 4);
    expect(results.filter((x) => x.status === 201)).toHaveLength(won);
    expect(results.filter((x) => x.status === 409).every((x) => x.body.code === 'MALL_INSUFFICIENT_BALANCE')).toBe(true);
    const end = await wallet(r.token);
    expect(end.balance).toBe(start.balance - won * 4);
    expect(end.balance).toBeGreaterThanOrEqual(0);
    expect((await goodsOf(goods.id)).stock).toBe(100 - won);
  });
});
