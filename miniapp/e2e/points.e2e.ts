/**
 * 积分, 心愿树 and 积分商城 in the mini-program's H5 build, against the real built server, in Chromium
 * at a phone's size. Two members of the demo branch are created and activated over the API; then
 *  (a) member A publishes a wish over the API and the branch secretary approves it; member B opens
 *      the wish tree on H5, claims the wish and confirms delivery; A confirms and the secretary
 *      completes it over the API; B's 我的积分 page shows exactly 10 more points than the API said
 *      before (AID-1: +10 to the claimer);
 *  (b) the tenant admin puts an item in the mall priced within a member's mall balance; the member
 *      opens 积分商城, exchanges it (confirmed in a dialog) and sees the 6-digit 取货码 and 订单号; 我的订单
 *      lists it 待领取 with the code; the balance shown dropped by the price while /points/me is
 *      unchanged (MALL-2); 取消兑换 returns the balance;
 *  (c) when the server has declarations (PTS-3): a member files one under a declared rule on H5 and
 *      sees it 待审核;
 *  (d) 微心愿 (AID-5): the branch secretary submits one for a member of the public on H5 (with the
 *      wisher's name and phone), the tenant admin approves it over the API; B finds it under 微心愿,
 *      sees no contact before claiming, claims it and then sees the name and phone, and closes it;
 *  (e) 积分排行: 组织平均分 with its "统计于" line; with rankings switched off for the tenant (PTS-5)
 *      我的积分 offers no 排行 and the ranking page says it is off.
 * Screenshots: miniapp/test-results/points-*.png.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { Page } from 'playwright-core';
import {
  api,
  branchWithMembers,
  clearScreenshots,
  expectNoOverflow,
  idNumber,
  isApi,
  loginInApp,
  ok,
  openAlone,
  person,
  screenshot,
  startServer,
  textOf,
  withFailureShot,
  type Person,
  type RunningServer,
  type TestMember,
  type TokenPair,
} from './harness';

const PASSWORD = 'Jifen#2025member';
const MEMBER_A: TestMember = { name: '韩志远', phone: '13800138031', idNumber: idNumber('19780315', 531), memberId: 0, token: '' };
const MEMBER_B: TestMember = { name: '梁晓梅', phone: '13800138032', idNumber: idNumber('19860728', 642), memberId: 0, token: '' };
const WISH_TITLE = '想要一台收音机听新闻';
const GOODS_NAME = '党徽胸针（测试）';
const DECLARATION_TEXT = '11月15日参加社区义诊志愿服务，协助维持秩序3小时。';
const MICRO_TITLE = '独居老人想要一副老花镜';
const MICRO_CONTACT = { name: '王秀兰', phone: '13900139077' };

// ---- API shapes these tests read (shared/src/api.ts "Points", "Mutual aid", "Mall") ----
interface MyPoints {
  yearTotals: { total: number };
  allTime: { total: number };
}
interface AidDetail {
  id: number;
  state: string;
  availableActions: string[];
}
interface Wallet {
  earned: number;
  spent: number;
  balance: number;
}
interface MallOrder {
  id: number;
  orderNo: string;
  pickupCode: string;
  points: number;
  status: string;
}
interface RuleView {
  code: string;
  category: string;
  name: string;
  declared: boolean;
  enabled: boolean;
}
/** The form's first choice: the declarable rules as the app orders them (category, then name). */
function firstDeclarable(rules: RuleView[]): RuleView | undefined {
  const order = ['learning', 'org_life', 'vanguard'];
  return rules.filter((r) => r.declared && r.enabled).sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.name.localeCompare(b.name, 'zh-CN'))[0];
}

/** Taro's H5 modal: waits for its text, then 确定 (or the confirm button's own text). */
async function confirmModal(page: Page, text: string): Promise<void> {
  await page.locator('.taro__modal .taro-modal__text', { hasText: text }).waitFor();
  await page.locator('.taro__modal .taro-model__confirm').click();
}

describe('积分, 心愿树 and 积分商城 in the H5 build (Chromium, 375×812)', () => {
  let server: RunningServer;
  let b: Person;
  let adminToken = '';
  let secretary = '';

  before(async () => {
    server = await startServer();
    clearScreenshots('points');
    ({ adminToken } = await branchWithMembers(server, [MEMBER_A, MEMBER_B], PASSWORD));
    const sl = server.logins.branchAdmin;
    secretary = (await ok<TokenPair>(server, 'POST', '/auth/login/password', { account: sl.username, password: sl.password }, '')).accessToken;
    b = await person();
  });

  after(async () => {
    await b?.browser.close();
    await server?.stop();
  });

  it('(a) B claims and delivers A’s wish on H5; once completed, 我的积分 shows 10 more', async () => {
    const page = b.page;
    // A publishes, the secretary approves: the wish is open in the branch.
    const wish = await ok<AidDetail>(server, 'POST', '/aid/items', { kind: 'wish', title: WISH_TITLE, content: '家里老人想每天听广播新闻', category: 'appliances' }, MEMBER_A.token);
    expect(wish.state).toBe('submitted');
    expect((await ok<AidDetail>(server, 'POST', `/aid/items/${wish.id}/transitions`, { action: 'approve' }, secretary)).state).toBe('open');

    await withFailureShot(page, 'points-wish-claim', async () => {
      await loginInApp(server, page, MEMBER_B.phone, PASSWORD);
      await page.locator('.home__tile', { hasText: '心愿树' }).click();
      const card = page.locator('.aid-card', { hasText: WISH_TITLE });
      await card.waitFor();
      expect(await page.locator('.bp-segmented__item', { hasText: '微心愿' }).count()).toBe(1);
      await expectNoOverflow(page);
      await screenshot(page, 'points-01-wish-tree');
      await card.click();
      await page.locator('.aid-body__title', { hasText: WISH_TITLE }).waitFor();
      await page.locator('.aid-actions .dj-action', { hasText: '认领' }).click();
      const claimed = page.waitForResponse(isApi('POST', `/aid/items/${wish.id}/transitions`));
      await confirmModal(page, '确定认领吗？');
      expect((await claimed).status()).toBe(200);
      await page.locator('.aid-body .bp-tag', { hasText: '已认领' }).waitFor();
      await page.locator('.aid-actions .dj-action', { hasText: '确认已送达' }).click();
      const delivered = page.waitForResponse(isApi('POST', `/aid/items/${wish.id}/transitions`));
      await confirmModal(page, '确定确认已送达吗？');
      expect((await delivered).status()).toBe(200);
      await page.locator('.aid-body .bp-tag', { hasText: '已送达' }).waitFor();
      await page.locator('.aid-step--current .aid-step__label', { hasText: '已送达' }).waitFor();
      await expectNoOverflow(page);
      await screenshot(page, 'points-02-wish-delivered');
    });

    // B's points before the completion (after the H5 login, which may itself have earned 每日登录).
    const before = await ok<MyPoints>(server, 'GET', '/points/me', undefined, MEMBER_B.token);
    expect((await ok<AidDetail>(server, 'POST', `/aid/items/${wish.id}/transitions`, { action: 'confirm' }, MEMBER_A.token)).state).toBe('confirmed');
    expect((await ok<AidDetail>(server, 'POST', `/aid/items/${wish.id}/transitions`, { action: 'complete' }, secretary)).state).toBe('done');
    const after = await ok<MyPoints>(server, 'GET', '/points/me', undefined, MEMBER_B.token);
    expect(after.yearTotals.total).toBe(before.yearTotals.total + 10);

    await withFailureShot(page, 'points-wish-points', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/subpackages/points/index`);
      const value = page.locator('.pt-summary__value');
      await value.waitFor();
      expect(Number(await textOf(page, '.pt-summary__value'))).toBe(before.yearTotals.total + 10);
      await page.locator('.pt-link--declarations', { hasText: '积分申报' }).waitFor();
      await expectNoOverflow(page);
      await screenshot(page, 'points-03-my-points');
      // 明细 lists the wish's award first.
      await page.locator('.pt-link--detail').click();
      await page.locator('.pt-entry', { hasText: '+10' }).first().waitFor();
      expect(await textOf(page, '.pt-entry')).toMatch(/心愿.*先锋作用 · 党员e家.*\+10$/);
      await screenshot(page, 'points-04-detail');
    });
  });

  it('(b) a member exchanges an item in 积分商城 and sees the 取货码; points stay, the mall balance drops', async () => {
    // Whoever has a mall balance: the demo secretary (seeded) or B (the wish's 10 points).
    const secWallet = await ok<Wallet>(server, 'GET', '/mall/me', undefined, secretary);
    const useSecretary = secWallet.balance >= 1;
    const token = useSecretary ? secretary : MEMBER_B.token;
    const wallet = useSecretary ? secWallet : await ok<Wallet>(server, 'GET', '/mall/me', undefined, token);
    expect(wallet.balance).toBeGreaterThanOrEqual(1);
    const price = Math.min(20, wallet.balance);
    const category = await ok<{ id: number }>(server, 'POST', '/mall/categories', { name: `纪念品${Date.now() % 10000}` }, adminToken);
    const goods = await ok<{ id: number }>(server, 'POST', '/mall/goods', { categoryId: category.id, kind: 'goods', name: GOODS_NAME, description: '金属材质，别针式。\n凭取货码到党群服务中心领取。', pointsPrice: price, stock: 5, enabled: true }, adminToken);
    const pointsBefore = await ok<MyPoints>(server, 'GET', '/points/me', undefined, token);

    let p: Person = b;
    if (useSecretary) {
      p = await person();
      await loginInApp(server, p.page, server.logins.branchAdmin.username, server.logins.branchAdmin.password);
    }
    const page = p.page;
    let order!: MallOrder;
    try {
      await withFailureShot(page, 'points-mall-index', async () => {
        await openAlone(page, `${server.baseUrl}/h5/#/pages/index/index`);
        await page.locator('.home__tile', { hasText: '积分商城' }).click();
        await page.locator('.mall-wallet__balance', { hasText: String(wallet.balance) }).waitFor();
        expect(await textOf(page, '.mall-wallet')).toContain(`累计获得 ${wallet.earned}`);
        expect(await textOf(page, '.mall-note')).toContain('不扣减');
        const tile = page.locator('.mall-goods', { hasText: GOODS_NAME });
        await tile.waitFor();
        expect(await tile.locator('.mall-goods__price').textContent()).toBe(`${price} 积分`);
        expect(await tile.locator('.mall-goods__stock').textContent()).toBe('库存 5');
        await expectNoOverflow(page);
        await screenshot(page, 'points-05-mall');
        await tile.click();
        await page.locator('.mall-detail__name', { hasText: GOODS_NAME }).waitFor();
        expect(await textOf(page, '.mall-detail__balance')).toBe(`我的商城积分余额：${wallet.balance}`);
        await expectNoOverflow(page);
        await screenshot(page, 'points-06-goods');
      });

      await withFailureShot(page, 'points-mall-exchange', async () => {
        await page.locator('.mall-buy__button', { hasText: '兑换' }).click();
        const exchanged = page.waitForResponse(isApi('POST', '/mall/orders'));
        await confirmModal(page, '兑换不扣减积分');
        const res = await exchanged;
        expect(res.status()).toBe(201);
        order = (await res.json()) as MallOrder;
        expect(order.pickupCode).toMatch(/^\d{6}$/);
        await page.locator('.mall-result__code').waitFor();
        expect(await textOf(page, '.mall-result__code')).toBe(order.pickupCode);
        expect(await textOf(page, '.mall-result')).toContain(order.orderNo);
        await expectNoOverflow(page);
        await screenshot(page, 'points-07-pickup-code');
      });

      await withFailureShot(page, 'points-mall-orders', async () => {
        await page.locator('.mall-result .dj-action', { hasText: '查看我的订单' }).click();
        const row = page.locator('.mall-order', { hasText: GOODS_NAME });
        await row.waitFor();
        expect(await row.locator('.bp-tag').textContent()).toBe('待领取');
        expect(await row.locator('.mall-order__code-value').textContent()).toBe(order.pickupCode);
        await expectNoOverflow(page);
        await screenshot(page, 'points-08-orders');

        // The balance shown dropped by the price; the points did not.
        await openAlone(page, `${server.baseUrl}/h5/#/subpackages/mall/index`);
        await page.locator('.mall-wallet__balance', { hasText: new RegExp(`^${wallet.balance - price}$`) }).waitFor();
        expect(await textOf(page, '.mall-wallet')).toContain(`已兑换 ${wallet.spent + price}`);
        expect((await ok<MyPoints>(server, 'GET', '/points/me', undefined, token)).allTime.total).toBe(pointsBefore.allTime.total);
        await screenshot(page, 'points-09-balance-after');

        // 取消兑换: the order moves to 已取消 and the balance returns.
        await openAlone(page, `${server.baseUrl}/h5/#/subpackages/mall/orders`);
        await row.locator('.mall-order__cancel').click();
        const cancelled = page.waitForResponse(isApi('POST', `/mall/orders/${order.id}/cancel`));
        await confirmModal(page, '商城积分将退回余额');
        expect((await cancelled).status()).toBe(200);
        await page.locator('.mall-order', { hasText: GOODS_NAME }).waitFor({ state: 'detached' });
        await page.locator('.bp-segmented__item', { hasText: '已取消' }).click();
        await page.locator('.mall-order', { hasText: GOODS_NAME }).locator('.bp-tag', { hasText: '已取消' }).waitFor();
        await screenshot(page, 'points-10-cancelled');
        expect((await ok<Wallet>(server, 'GET', '/mall/me', undefined, token)).balance).toBe(wallet.balance);
        expect(p.errors).toEqual([]);
      });
    } finally {
      if (p !== b) await p.browser.close();
    }
    expect(goods.id).toBeGreaterThan(0);
  });

  it('(c) a member files a 积分申报 on H5 and sees it 待审核', async (t) => {
    const probe = await api(server, 'GET', '/points/declarations/mine', undefined, MEMBER_B.token);
    if (probe.status === 404) {
      t.skip('the server has no /points/declarations yet');
      return;
    }
    expect(probe.status).toBe(200);
    // A declared rule to declare under (the tenant admin adds one unless there is one).
    if (!firstDeclarable(await ok<RuleView[]>(server, 'GET', '/points/rules', undefined, adminToken))) {
      await ok<RuleView>(server, 'POST', '/points/rules', { category: 'vanguard', name: '志愿服务', points: 5, cap: 20, capPeriod: 'year' }, adminToken);
    }
    const rule = firstDeclarable(await ok<RuleView[]>(server, 'GET', '/points/rules', undefined, MEMBER_B.token));
    expect(rule).toBeDefined();
    const page = b.page;
    await withFailureShot(page, 'points-declare', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/subpackages/points/index`);
      await page.locator('.pt-link--declarations').click();
      await page.locator('.pt-declarations .dj-shell__title', { hasText: '还没有积分申报' }).waitFor();
      await screenshot(page, 'points-11-declarations-empty');
      await page.locator('.pt-declarations .dj-action', { hasText: '我要申报' }).click();
      await page.locator('.pt-declare .dj-field--rule').waitFor();
      // The form's own checks first.
      await page.locator('.pt-declare .dj-action', { hasText: '提交申报' }).click();
      await page.locator('.pt-declare .dj-field--rule .dj-field__error', { hasText: '请选择申报事项' }).waitFor();
      // The rule through the H5 picker (a bottom sheet that starts at the first option): 确定.
      await page.locator('.pt-declare .dj-field--rule .mt-select__value').click();
      await page.locator('.weui-picker__action', { hasText: '确定' }).click();
      await page.locator('.pt-declare .dj-field--rule .mt-select__text', { hasText: rule!.name }).waitFor();
      await page.locator('.pt-declare .dj-field--content textarea').fill(DECLARATION_TEXT);
      await screenshot(page, 'points-12-declare-form');
      const sent = page.waitForResponse(isApi('POST', '/points/declarations'));
      await page.locator('.pt-declare .dj-action', { hasText: '提交申报' }).click();
      expect((await sent).status()).toBe(201);
      const card = page.locator('.pt-decl', { hasText: DECLARATION_TEXT });
      await card.waitFor();
      expect(await card.locator('.pt-decl__state').textContent()).toBe('待审核');
      expect(await card.locator('.pt-decl__rule').textContent()).toBe(rule!.name);
      await expectNoOverflow(page);
      await screenshot(page, 'points-13-declared');
    });
  });

  it('(d) the secretary submits a 微心愿 on H5; B claims it and only then sees the wisher’s contact', async (t) => {
    const probe = await api<{ code?: string }>(server, 'GET', '/aid/items?kind=micro_wish&view=open', undefined, MEMBER_B.token);
    if (probe.status !== 200) {
      t.skip(`the server has no micro-wishes yet (${probe.status})`);
      return;
    }
    const sec = await person();
    let id = 0;
    try {
      await withFailureShot(sec.page, 'points-micro-submit', async () => {
        const page = sec.page;
        await loginInApp(server, page, server.logins.branchAdmin.username, server.logins.branchAdmin.password);
        await openAlone(page, `${server.baseUrl}/h5/#/subpackages/mutual-aid/compose?kind=micro_wish`);
        await page.locator('.dj-field--contact-name').waitFor();
        // The form's own checks: the wisher's name and a real phone number.
        await page.locator('.dj-field--title input').fill(MICRO_TITLE);
        await page.locator('.dj-field--content textarea').fill('看报纸、看药盒说明都吃力，想要一副200度的老花镜。');
        await page.locator('.dj-field--contact-phone input').fill('12345');
        await page.locator('.dj-action', { hasText: '提交微心愿' }).click();
        await page.locator('.dj-field--contact-name .dj-field__error', { hasText: '请填写心愿人姓名' }).waitFor();
        expect(await textOf(page, '.dj-field--contact-phone .dj-field__error')).toBe('请填写正确的手机号或带区号的固定电话');
        await page.locator('.dj-field--contact-name input').fill(MICRO_CONTACT.name);
        await page.locator('.dj-field--contact-phone input').fill(MICRO_CONTACT.phone);
        await expectNoOverflow(page);
        await screenshot(page, 'points-14-micro-compose');
        const created = page.waitForResponse(isApi('POST', '/aid/items'));
        await page.locator('.dj-action', { hasText: '提交微心愿' }).click();
        const res = await created;
        expect(res.status()).toBe(201);
        id = ((await res.json()) as AidDetail).id;
        await page.locator('.aid-body .bp-tag', { hasText: '待审核' }).waitFor();
        expect(await textOf(page, '.aid-body')).toContain('微心愿');
        await screenshot(page, 'points-15-micro-submitted');
        expect(sec.errors).toEqual([]);
      });
    } finally {
      await sec.browser.close();
    }
    // The tenant admin (the tenant's "platform") approves: open to every member of the tenant.
    expect((await ok<AidDetail>(server, 'POST', `/aid/items/${id}/transitions`, { action: 'approve' }, adminToken)).state).toBe('open');

    const page = b.page;
    await withFailureShot(page, 'points-micro-claim', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/subpackages/mutual-aid/index?kind=micro_wish`);
      const card = page.locator('.aid-card', { hasText: MICRO_TITLE });
      await card.waitFor();
      // Members see 待认领 and 我认领的, and no 提交 button.
      expect(await page.locator('.bp-segmented__item', { hasText: '我发布的' }).count()).toBe(0);
      expect(await page.locator('.dj-action', { hasText: '提交微心愿' }).count()).toBe(0);
      await screenshot(page, 'points-16-micro-list');
      await card.click();
      await page.locator('.aid-contact--hidden', { hasText: '认领后可以看到' }).waitFor();
      expect(await textOf(page, '.aid-body')).not.toContain(MICRO_CONTACT.phone);
      await page.locator('.aid-actions .dj-action', { hasText: '认领' }).click();
      const claimed = page.waitForResponse(isApi('POST', `/aid/items/${id}/transitions`));
      await confirmModal(page, '确定认领吗？');
      expect((await claimed).status()).toBe(200);
      await page.locator('.aid-contact .aid-contact__name', { hasText: MICRO_CONTACT.name }).waitFor();
      expect(await textOf(page, '.aid-contact .aid-contact__number')).toBe(MICRO_CONTACT.phone);
      await expectNoOverflow(page);
      await screenshot(page, 'points-17-micro-contact');
      await page.locator('.aid-actions .dj-action', { hasText: '确认办结' }).click();
      const done = page.waitForResponse(isApi('POST', `/aid/items/${id}/transitions`));
      await confirmModal(page, '确定确认办结吗？');
      expect((await done).status()).toBe(200);
      await page.locator('.aid-body .bp-tag', { hasText: '已完成' }).waitFor();
      await screenshot(page, 'points-18-micro-done');
    });
  });

  it('(e) 组织平均分 with its date; rankings switched off: no 排行 anywhere', async (t) => {
    const probe = await api(server, 'GET', '/points/settings', undefined, MEMBER_B.token);
    if (probe.status === 404) {
      t.skip('the server has no /points/settings yet');
      return;
    }
    await ok(server, 'POST', '/points/averages/recompute', undefined, adminToken);
    const page = b.page;
    await withFailureShot(page, 'points-averages', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/subpackages/points/index`);
      await page.locator('.pt-link--ranking').click();
      await page.locator('.pt-rank').first().waitFor();
      await screenshot(page, 'points-19-ranking');
      const loaded = page.waitForResponse((r) => isApi('GET', '/points/averages')(r));
      await page.locator('.bp-segmented__item', { hasText: '组织平均分' }).click();
      expect((await loaded).status()).toBe(200);
      await page.locator('.pt-avg__asof', { hasText: /^统计于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ }).waitFor();
      await page.locator('.pt-avg').first().waitFor();
      await expectNoOverflow(page);
      await screenshot(page, 'points-20-averages');
    });

    await ok(server, 'PUT', '/points/settings', { rankingsEnabled: false }, adminToken);
    try {
      await withFailureShot(page, 'points-rankings-off', async () => {
        const settings = page.waitForResponse(isApi('GET', '/points/settings'));
        await openAlone(page, `${server.baseUrl}/h5/#/subpackages/points/index`);
        await settings;
        await page.locator('.pt-link--declarations').waitFor();
        await page.locator('.pt-note', { hasText: '仅用于记录和激励' }).waitFor();
        expect(await page.locator('.pt-link--ranking').count()).toBe(0);
        await screenshot(page, 'points-21-rankings-off');
        await openAlone(page, `${server.baseUrl}/h5/#/subpackages/points/ranking`);
        await page.locator('.dj-shell__title', { hasText: '积分排行未开启' }).waitFor();
        expect(await page.locator('.pt-rank').count()).toBe(0);
        await screenshot(page, 'points-22-ranking-page-off');
        expect(b.errors).toEqual([]);
      });
    } finally {
      await ok(server, 'PUT', '/points/settings', { rankingsEnabled: true }, adminToken);
    }
  });
});
