/**
 * 党费 in the mini-program's H5 build (SPEC DUES-10, PAY-1; issue 6), against the real built server
 * and its in-process WeChat Pay simulator, in Chromium at a phone's size. The demo tenant comes with
 * an approved WeChat dues account, every member's standard and this month's bills, the whole month
 * being the payment window. The demo branch secretary (an activated member and the branch admin):
 *  1. opens the 党费 tab (this month's amount, 未交), 去交纳, chooses this month (the total), 支付; the
 *     browser goes to the simulator's page (the bill's amount), 确认支付; back on the result page
 *     交纳成功; the month shows 已交 and cannot be chosen again (a second order is refused), and
 *     交费记录 lists the payment with its receipt;
 *  2. as the branch admin, 党费收缴 shows her under 已交 and the month's counts and collected total
 *     include the payment; over the API (the tenant admin) the month's collected total rose by
 *     exactly the amount paid and the paid list holds her bill;
 *  3. 代缴: the form's own checks, and the server's message for an ID number it does not know.
 * Screenshots: miniapp/test-results/dues-*.png.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { Page } from 'playwright-core';
import {
  api,
  clearScreenshots,
  expectNoOverflow,
  findOrg,
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
  type OrgNode,
  type Person,
  type RunningServer,
  type TokenPair,
} from './harness';

// ---- API shapes these tests read (shared/src/api.ts "Party dues") ----
interface MonthView {
  month: string;
  amountFen: number | null;
  status: 'paid' | 'prepaid' | 'unpaid' | 'upcoming';
  paidVia: 'wechat' | 'alipay' | 'cash' | null;
}
interface MemberDues {
  year: number;
  months: MonthView[];
  payableMonths: string[];
  window: { firstDay: number; lastDay: number; open: boolean };
  account: { channel: string; orgName: string } | null;
}
interface OrderResult {
  paymentId: number;
  orderNo: string;
  amountFen: number;
  channel: string;
  status: string;
  pay: { kind: string; url?: string } | null;
}
interface PaymentView {
  id: number;
  status: string;
  amountFen: number;
  months: string[];
  paidVia: string;
  orderNo: string | null;
}
interface SummaryMonth {
  month: string;
  billed: number;
  paid: number;
  unpaid: number;
  expectedFen: number;
  collectedFen: number;
  onlineFen: number;
}
interface Summary {
  orgId: number;
  months: SummaryMonth[];
  totalCollectedFen: number;
}
interface BillView {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  month: string;
  amountFen: number;
  status: 'paid' | 'unpaid';
  paidVia: string | null;
}
interface Paged<T> {
  items: T[];
  total: number;
}

/** What the app shows for an amount in fen (lib/money formatFen). */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const fenText = (fen: number) => `¥${yuan(fen)}`;

/** This month in Beijing ('YYYY-MM'), as the server bills it. */
function beijingMonth(now = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3600_000);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The 党费 tab from the tab bar; waits for this month's hero. */
async function openDuesTab(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: '党费' }).click();
  await page.locator('.dues-tab .dues-hero__amount').waitFor();
}

describe('党费 in the H5 build (the branch secretary pays through the simulator; Chromium, 375×812)', () => {
  let server: RunningServer;
  let sec: Person;
  let adminToken = '';
  let secToken = '';
  let secName = '';
  let secMemberId = 0;
  let branchId = 0;
  let month = '';
  let billFen = 0;
  /** The payment window as the app words it (每月1日–31日 in the demo). */
  let windowWords = '';
  let paymentId = 0;
  let orderNo = '';
  /** The month before paying: the tenant's and the branch's summary rows, the paid lists' sizes. */
  let tenantBefore: SummaryMonth;
  let branchBefore: SummaryMonth;
  let tenantPaidBefore = 0;

  const monthRow = (page: Page) => page.locator('.du-index .du-month').nth(Number(month.slice(5)) - 1);

  before(async () => {
    server = await startServer();
    clearScreenshots('dues');
    const { tenantAdmin, branchAdmin } = server.logins;
    adminToken = (await ok<TokenPair>(server, 'POST', '/auth/login/password', { account: tenantAdmin.username, password: tenantAdmin.password }, '')).accessToken;
    secToken = (await ok<TokenPair>(server, 'POST', '/auth/login/password', { account: branchAdmin.username, password: branchAdmin.password }, '')).accessToken;
    const me = await ok<{ memberId: number; displayName: string }>(server, 'GET', '/auth/me', undefined, secToken);
    secMemberId = me.memberId;
    secName = me.displayName;
    const branch = findOrg(await ok<OrgNode[]>(server, 'GET', '/orgs/tree', undefined, adminToken), branchAdmin.orgName);
    if (!branch) throw new Error(`branch ${branchAdmin.orgName} not in the org tree`);
    branchId = branch.id;

    // What the seed promises: this month billed, unpaid, payable, in the window, a WeChat account.
    month = beijingMonth();
    const year = Number(month.slice(0, 4));
    const dues = await ok<MemberDues>(server, 'GET', `/dues/me?year=${year}`, undefined, secToken);
    const bill = dues.months.find((m) => m.month === month);
    expect(bill).toMatchObject({ status: 'unpaid' });
    expect(dues.payableMonths).toContain(month);
    expect(dues.window.open).toBe(true);
    windowWords = `每月${dues.window.firstDay}日–${dues.window.lastDay}日`;
    expect(dues.account?.channel).toBe('wechat');
    billFen = bill!.amountFen!;
    expect(billFen).toBeGreaterThan(0);

    const row = (s: Summary) => s.months.find((m) => m.month === month)!;
    tenantBefore = row(await ok<Summary>(server, 'GET', `/dues/summary?year=${year}`, undefined, adminToken));
    branchBefore = row(await ok<Summary>(server, 'GET', `/dues/summary?orgId=${branchId}&year=${year}`, undefined, adminToken));
    tenantPaidBefore = (await ok<Paged<BillView>>(server, 'GET', `/dues/bills?month=${month}&status=paid&pageSize=100`, undefined, adminToken)).total;
    sec = await person();
  });

  after(async () => {
    await sec?.browser.close();
    await server?.stop();
  });

  it('the secretary pays this month through the simulator’s page and sees it paid', async () => {
    const page = sec.page;
    const monthNo = Number(month.slice(5));
    const monthWords = `${month.slice(0, 4)}年${monthNo}月`;
    await withFailureShot(page, 'dues-pay-tab', async () => {
      await loginInApp(server, page, server.logins.branchAdmin.username, server.logins.branchAdmin.password);
      await openDuesTab(page);
      expect(await textOf(page, '.dues-tab .dues-hero__label')).toBe(`${monthWords}党费`);
      expect(await textOf(page, '.dues-tab .dues-hero__amount')).toBe(fenText(billFen));
      expect(await textOf(page, '.dues-tab .dues-hero__status')).toBe('未交');
      expect(await textOf(page, '.dues-tab .dues-window')).toBe('交纳中');
      expect(await textOf(page, '.dues-tab .dues-info__value')).toBe(windowWords);
      await expectNoOverflow(page);
      await screenshot(page, 'dues-01-tab-unpaid');
    });

    await withFailureShot(page, 'dues-pay-choose', async () => {
      await page.locator('.dues-tab .dues-pay', { hasText: '去交纳' }).click();
      const row = monthRow(page);
      await row.waitFor();
      expect(await row.locator('.du-month__name').textContent()).toBe(`${monthNo}月`);
      expect(await row.locator('.du-month__tag').textContent()).toBe('未交');
      expect(await row.locator('.du-month__amount').textContent()).toBe(fenText(billFen));
      expect(await row.getAttribute('aria-checked')).toBe('false');
      // Nothing chosen yet: no total, 支付 is off.
      expect(await textOf(page, '.du-index .du-paybar__detail')).toBe('请选择要交纳的月份');
      expect(await page.locator('.du-index .du-paybar__button').getAttribute('aria-disabled')).toBe('true');
      expect(await textOf(page, '.du-index .du-year__text')).toBe(`${month.slice(0, 4)}年`);
      expect(await textOf(page, '.du-index .du-info')).toContain(`${windowWords}（当前可交纳）`);
      await screenshot(page, 'dues-02-months');

      await row.click();
      await page.locator(`.du-index .du-month[aria-checked="true"]`).waitFor();
      expect(await row.getAttribute('aria-checked')).toBe('true');
      expect(await textOf(page, '.du-index .du-paybar__amount')).toBe(fenText(billFen));
      expect(await textOf(page, '.du-index .du-paybar__detail')).toBe(`1个月党费 ${fenText(billFen)}`);
      expect(await page.locator('.du-index .du-paybar__button').getAttribute('aria-disabled')).toBe('false');
      await expectNoOverflow(page);
      await screenshot(page, 'dues-03-month-chosen');

      // 支付: the order (H5, this month only), then the browser leaves for the simulator's page. The
      // page is gone before its answer could be read, so the answer is read on its way (unchanged).
      let answered!: (a: { status: number; sent: unknown; body: OrderResult }) => void;
      const ordered = new Promise<{ status: number; sent: unknown; body: OrderResult }>((r) => (answered = r));
      await page.route(`${server.baseUrl}/api/v1/dues/orders`, async (route) => {
        const response = await route.fetch();
        answered({ status: response.status(), sent: route.request().postDataJSON(), body: (await response.json()) as OrderResult });
        await route.fulfill({ response });
      });
      const atSimulator = page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/pay\//);
      await page.locator('.du-index .du-paybar__button', { hasText: '支付' }).click();
      const res = await ordered;
      await page.unroute(`${server.baseUrl}/api/v1/dues/orders`);
      expect(res.status).toBe(201);
      expect(res.sent).toMatchObject({ months: [month], platform: 'h5' });
      const order = res.body;
      expect(order).toMatchObject({ amountFen: billFen, channel: 'wechat', status: 'pending', pay: { kind: 'simulator_page' } });
      paymentId = order.paymentId;
      orderNo = order.orderNo;
      await atSimulator;
      expect(page.url()).toBe(order.pay!.url);
      expect(new URL(page.url()).port).not.toBe(new URL(server.baseUrl).port); // the simulator, not the API
    });

    await withFailureShot(page, 'dues-pay-simulator', async () => {
      await page.locator('.amount').waitFor();
      expect(await textOf(page, '.amount')).toBe(fenText(billFen));
      expect(await page.title()).toBe('微信支付');
      await screenshot(page, 'dues-04-simulator');
      // 确认支付: the simulator notifies the server, then sends the browser back to the result page.
      const back = page.waitForURL(`${server.baseUrl}/h5/#/subpackages/dues/result?paymentId=${paymentId}`);
      await page.getByRole('button', { name: '确认支付' }).click();
      await back;
      await page.locator('.du-result__title', { hasText: '交纳成功' }).waitFor();
      expect(await textOf(page, '.du-result__amount')).toBe(fenText(billFen));
      expect(await textOf(page, '.du-result .du-result__text')).toBe(`${monthWords}党费`);
      expect(await textOf(page, '.du-result')).toContain(`微信支付 · 订单号 ${orderNo}`);
      await expectNoOverflow(page);
      await screenshot(page, 'dues-05-result-paid');
    });
    const paid = await ok<PaymentView>(server, 'GET', `/dues/payments/${paymentId}`, undefined, secToken);
    expect(paid).toMatchObject({ status: 'paid', amountFen: billFen, months: [month], paidVia: 'wechat', orderNo });

    await withFailureShot(page, 'dues-pay-after', async () => {
      // 完成 (the result page was opened by the simulator's redirect): the 党费 tab.
      await page.locator('.du-result .dj-action', { hasText: '完成' }).click();
      await page.locator('.dues-tab .dues-hero__status', { hasText: '已交' }).waitFor();
      expect(await textOf(page, '.dues-tab .dues-hero__amount')).toBe(fenText(billFen));
      expect(await textOf(page, '.dues-tab .dues-hero')).toContain('微信支付交纳');
      await screenshot(page, 'dues-06-tab-paid');

      await openAlone(page, `${server.baseUrl}/h5/#/subpackages/dues/index`);
      const row = monthRow(page);
      await row.locator('.du-month__tag', { hasText: '已交' }).waitFor();
      expect(await row.locator('.du-month__meta').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}交纳 · 微信支付$/);
      expect(await row.getAttribute('class')).not.toContain('du-month--selectable');
      // A paid month cannot be chosen: the tap changes nothing, 支付 stays off.
      await row.click();
      expect(await row.getAttribute('aria-checked')).toBeNull();
      expect(await page.locator('.du-index .du-month[aria-checked="true"]').count()).toBe(0);
      expect(await textOf(page, '.du-index .du-paybar__amount')).toBe(fenText(0));
      expect(await page.locator('.du-index .du-paybar__button').getAttribute('aria-disabled')).toBe('true');
      await expectNoOverflow(page);
      await screenshot(page, 'dues-07-month-paid');
    });
    // Nor over the API: a new order for the paid month is refused.
    const again = await api<{ code: string; message: string }>(server, 'POST', '/dues/orders', { months: [month], platform: 'h5', idempotencyKey: `dues-e2e-again-${Date.now()}` }, secToken);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('DUES_MONTH_NOT_PAYABLE');

    await withFailureShot(page, 'dues-pay-receipts', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/pages/dues/index`);
      await page.locator('.dues-tab .dues-link--receipts').click();
      const card = page.locator('.du-receipts .du-receipt').first();
      await card.waitFor();
      expect(await textOf(page, '.du-receipts .du-receipt .du-receipt__amount')).toBe(fenText(billFen));
      expect(await card.locator('.bp-tag').textContent()).toBe('已交纳');
      expect(await card.locator('.du-receipt__months').textContent()).toBe(`${monthWords}党费`);
      await card.click();
      await card.locator('.du-receipt__detail').waitFor();
      expect(await textOf(page, '.du-receipts .du-receipt__detail')).toContain(`订单号${orderNo}`);
      expect(await textOf(page, '.du-receipts .du-receipt__detail')).toContain('交纳方式微信支付');
      await expectNoOverflow(page);
      await screenshot(page, 'dues-08-receipts');
      expect(sec.errors).toEqual([]);
    });
  });

  it('the branch admin sees her under 已交 and the month’s counts and collected total include it', async () => {
    const page = sec.page;
    const year = Number(month.slice(0, 4));
    await withFailureShot(page, 'dues-admin', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/pages/dues/index`);
      await page.locator('.dues-tab .dues-link--admin', { hasText: '党费收缴' }).click();
      await page.locator('.du-admin .du-admin__month', { hasText: `${year}年${Number(month.slice(5))}月` }).waitFor();
      const stats = page.locator('.du-admin .du-stat .du-stat__value');
      await page.locator('.du-admin .du-stat__value', { hasText: /^\d+$/ }).first().waitFor(); // the summary has come
      expect(await stats.allTextContents()).toEqual([
        String(branchBefore.billed),
        String(branchBefore.paid + 1),
        String(branchBefore.unpaid - 1),
        fenText(branchBefore.collectedFen + billFen),
      ]);
      expect(await textOf(page, '.du-admin .du-stat:last-child .du-stat__label')).toBe(`已收 / 应收 ${fenText(branchBefore.expectedFen)}`);
      await expectNoOverflow(page);
      await screenshot(page, 'dues-09-admin-unpaid');

      const paidList = page.waitForResponse((r) => isApi('GET', '/dues/bills')(r) && new URL(r.url()).searchParams.get('status') === 'paid');
      await page.locator('.du-admin .bp-segmented__item', { hasText: '已交' }).click();
      expect((await paidList).status()).toBe(200);
      const mine = page.locator('.du-admin .du-bill', { has: page.locator('.du-bill__name', { hasText: secName }) });
      await mine.waitFor();
      expect(await mine.locator('.du-bill__amount').textContent()).toBe(fenText(billFen));
      expect(await mine.locator('.du-month__meta').textContent()).toMatch(/^微信支付 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(await textOf(page, '.du-admin .bp-more')).toBe(`共 ${branchBefore.paid + 1} 人`);
      await expectNoOverflow(page);
      await screenshot(page, 'dues-10-admin-paid');
      expect(sec.errors).toEqual([]);
    });

    // Over the API, as the tenant admin: the month's collected total rose by exactly the payment.
    const after = (await ok<Summary>(server, 'GET', `/dues/summary?year=${year}`, undefined, adminToken)).months.find((m) => m.month === month)!;
    expect(after.collectedFen - tenantBefore.collectedFen).toBe(billFen);
    expect(after.onlineFen - tenantBefore.onlineFen).toBe(billFen);
    expect(after.paid - tenantBefore.paid).toBe(1);
    expect(after.billed).toBe(tenantBefore.billed);
    const paidBills = await ok<Paged<BillView>>(server, 'GET', `/dues/bills?month=${month}&status=paid&pageSize=100`, undefined, adminToken);
    expect(paidBills.total).toBe(tenantPaidBefore + 1);
    expect(paidBills.items.filter((b) => b.memberId === secMemberId)).toEqual([
      expect.objectContaining({ month, orgId: branchId, amountFen: billFen, status: 'paid', paidVia: 'wechat' }),
    ]);
  });

  it('代缴: the form’s checks, and the server’s message for an unknown ID number', async () => {
    const page = sec.page;
    await withFailureShot(page, 'dues-proxy', async () => {
      await openAlone(page, `${server.baseUrl}/h5/#/pages/dues/index`);
      await page.locator('.dues-tab .dues-link--proxy', { hasText: '代缴党费' }).click();
      const form = page.locator('.du-proxy');
      await form.locator('.dj-field--proxy-name').waitFor();
      // Empty and a broken ID number: the form says so and sends nothing.
      let lookups = 0;
      const count = (r: { url: () => string }) => {
        if (new URL(r.url()).pathname === '/api/v1/dues/proxy/lookup') lookups++;
      };
      page.on('request', count);
      await form.locator('.dj-action', { hasText: '查询' }).click();
      await form.locator('.dj-field--proxy-name .dj-field__error', { hasText: '请填写党员姓名' }).waitFor();
      expect(await textOf(page, '.du-proxy .dj-field--proxy-id .dj-field__error')).toBe('请填写身份证号');
      const good = idNumber('19700101', 901);
      await form.locator('.dj-field--proxy-name input').fill('王小明');
      await form.locator('.dj-field--proxy-id input').fill(`${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`); // wrong check character
      await form.locator('.dj-action', { hasText: '查询' }).click();
      await form.locator('.dj-field--proxy-id .dj-field__error').waitFor();
      expect(await form.locator('.dj-field--proxy-name .dj-field__error').count()).toBe(0);
      expect(lookups).toBe(0);
      await screenshot(page, 'dues-11-proxy-form-checks');

      // A valid ID number no member has: the server's words.
      await form.locator('.dj-field--proxy-id input').fill(good);
      const looked = page.waitForResponse(isApi('POST', '/dues/proxy/lookup'));
      await form.locator('.dj-action', { hasText: '查询' }).click();
      const res = await looked;
      expect(res.status()).toBe(404);
      const { message } = (await res.json()) as { message: string };
      expect(message).toMatch(/^没有找到该党员/);
      await form.locator('.bp-form-error', { hasText: message }).waitFor();
      expect(lookups).toBe(1);
      expect(await form.locator('.dj-field__error').count()).toBe(0);
      page.off('request', count);
      await expectNoOverflow(page);
      await screenshot(page, 'dues-12-proxy-not-found');
      expect(sec.errors).toEqual([]);
    });
  });
});
