import type { AidCommentView, AidItemDetail, AidItemSummary, MallCategory, MallGoodsPage, MallWalletView, MyPoints, Page, PointsRanking, PointsRuleView } from '@dangjian/shared';
import { BUILTIN_POINTS_RULES } from '@dangjian/shared';
import { DemoAidSeeder } from '../src/seed/demo-aid.js';
import { activateMember, bearer, login, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * The demo tenant's points, 党员e家 and mall (seeded with every test app): what a visitor meets on
 * first opening them is not empty, and every member of the demo branch can exchange in the mall.
 */
describe('demo: points, mutual aid and mall', () => {
  let t: TestApp;
  const tok = {} as Record<'admin' | 'sec' | 'member', string>;
  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const list = async (token: string, query: string): Promise<AidItemSummary[]> => ((await get(token, `/aid/items?${query}&pageSize=100`).expect(200)).body as Page<AidItemSummary>).items;

  beforeAll(async () => {
    t = await startTestApp();
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tok.sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    // A demo member of the branch who activates the account later, as a visitor would.
    tok.member = (await activateMember(t, t.demo.inactiveMember.idNumber)).token;
  });
  afterAll(() => t.close());

  it('shows wishes in several states, donations, and a micro-wish open to the tenant', async () => {
    const wishes = await list(tok.sec, 'kind=wish');
    expect(wishes.filter((w) => w.state === 'open').length).toBeGreaterThanOrEqual(2);
    for (const state of ['claimed', 'done', 'submitted']) expect(wishes.map((w) => w.state)).toContain(state);
    expect((await list(tok.member, 'kind=wish&view=open')).length).toBeGreaterThanOrEqual(2);
    expect((await list(tok.admin, 'kind=wish&view=review')).length).toBeGreaterThanOrEqual(1);
    const donations = await list(tok.member, 'kind=donation');
    expect(donations.map((d) => d.state).sort()).toEqual(['done', 'open']);
    const [micro] = await list(tok.member, 'kind=micro_wish&view=open');
    expect(micro.state).toBe('open');
    const forMember: AidItemDetail = (await get(tok.member, `/aid/items/${micro.id}`).expect(200)).body;
    expect([forMember.contact, forMember.availableActions]).toEqual([null, ['claim']]);
    expect(((await get(tok.sec, `/aid/items/${micro.id}`).expect(200)).body as AidItemDetail).contact).not.toBeNull();
  });

  it('shows snapshots in both columns, each with a photo, one with an approved comment', async () => {
    const positive = await list(tok.member, 'kind=snapshot&view=open&column=positive');
    const exposure = await list(tok.member, 'kind=snapshot&view=open&column=exposure');
    expect(positive.length).toBeGreaterThanOrEqual(1);
    expect(exposure.length).toBeGreaterThanOrEqual(1);
    for (const s of [...positive, ...exposure]) {
      expect(s.images).toHaveLength(1);
      await t.http.get(new URL(s.images[0].url, 'http://x').pathname).expect(200);
    }
    const comments: AidCommentView[] = [];
    for (const s of positive) comments.push(...((await get(tok.member, `/aid/items/${s.id}/comments`).expect(200)).body as Page<AidCommentView>).items);
    expect(comments.some((c) => c.approved)).toBe(true);
  });

  it('gives the branch secretary and the branch members points, rankings and a mall balance of at least 60', async () => {
    for (const token of [tok.sec, tok.member]) {
      const wallet: MallWalletView = (await get(token, '/mall/me').expect(200)).body;
      expect(wallet.balance).toBeGreaterThanOrEqual(60);
      const mine: MyPoints = (await get(token, '/points/me').expect(200)).body;
      expect(mine).toBeTruthy();
      expect(((await get(token, '/points/me/entries?pageSize=5').expect(200)).body as Page<unknown>).total).toBeGreaterThan(0);
    }
    const ranking: PointsRanking = (await get(tok.sec, '/points/rankings').expect(200)).body;
    expect(ranking.items.length).toBeGreaterThanOrEqual(12);
    expect(ranking.me).not.toBeNull();
  });

  it('stocks the mall: ordered categories, enabled goods with stock, one service, one disabled', async () => {
    const categories: MallCategory[] = (await get(tok.member, '/mall/categories').expect(200)).body;
    expect(categories.map((c) => c.name)).toEqual(['文化用品', '生活用品', '志愿服务']);
    const shown: MallGoodsPage = (await get(tok.member, '/mall/goods?pageSize=100').expect(200)).body;
    expect(shown.items.length).toBeGreaterThanOrEqual(5);
    expect(shown.items.every((g) => g.enabled && g.stock >= 5 && g.pointsPrice >= 10 && g.pointsPrice <= 50)).toBe(true);
    expect(shown.items.filter((g) => g.kind === 'service')).toHaveLength(1);
    expect(shown.balance).toBeGreaterThanOrEqual(60);
    const all: MallGoodsPage = (await get(tok.admin, '/mall/goods?pageSize=100').expect(200)).body;
    expect(all.items.filter((g) => !g.enabled)).toHaveLength(1);
    // Within reach: the member can exchange the cheapest goods.
    const cheapest = shown.items.reduce((a, b) => (a.pointsPrice <= b.pointsPrice ? a : b));
    await t.http.post('/api/v1/mall/orders').set(bearer(tok.member)).send({ goodsId: cheapest.id, quantity: 1 }).expect(201);
  });

  it('copies the built-in points rules and adds the declared rule 志愿服务 once the demo is committed', async () => {
    const tenantId = (await get(tok.admin, '/auth/me').expect(200)).body.tenantId as number;
    await t.get(DemoAidSeeder).seedRules(tenantId);
    await t.get(DemoAidSeeder).seedRules(tenantId);
    const rules: PointsRuleView[] = (await get(tok.admin, '/points/rules').expect(200)).body;
    expect(rules.filter((r) => r.builtin)).toHaveLength(BUILTIN_POINTS_RULES.length);
    expect(rules.filter((r) => r.declared).map((r) => [r.name, r.category, r.points, r.cap, r.capPeriod])).toEqual([['志愿服务', 'vanguard', 5, 20, 'month']]);
  });
});
