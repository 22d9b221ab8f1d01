/**
 * 积分管理, 积分商城 and 微心愿 on the admin page in Chromium against the real built server (tier 3),
 * SPEC PTS-3…PTS-5, MALL-1…MALL-4, AID-5: what an administrator sees and clicks. A member of the
 * branch admin's branch is registered and activated through the API as the mini-program does it,
 * declares and exchanges through the API; the admins act on the page. Screenshots land in
 * server/test-results/ (admin-points-*, admin-mall-*, admin-aid-*).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it as test } from '../test/support.js';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { idNumberCheckChar } from '@dangjian/shared';
import type {
  AidItemDetail,
  AidItemSummary,
  MallCategory,
  MallGoods,
  MallOrder,
  MallWalletView,
  MyPoints,
  OrgNode,
  Page as ListPage,
  PointsDeclarationView,
  PointsEntryView,
  PointsOrgAverages,
  PointsRuleView,
  PointsSettings,
} from '@dangjian/shared';
import { solidPng } from './png.js';
import { adminPages, chooseOption, confirmPop, isApi, label, launchBrowser, opened, screenshot, startServer, submitLogin, withFailureShot, type RunningBrowser, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: RunningBrowser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'dj-points-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const { openAdmin, loginAsTenantAdmin, apiLogin, call } = adminPages(() => server, () => browser);

async function tenantToken(): Promise<string> {
  const { status, body } = await apiLogin(server.logins.tenantAdmin.username, server.logins.tenantAdmin.password);
  expect(status).toBe(200);
  return body.accessToken;
}

async function orgId(name: string, token: string): Promise<number> {
  const flat = (ns: OrgNode[]): OrgNode[] => ns.flatMap((n) => [n, ...flat(n.children ?? [])]);
  const found = flat(await call<OrgNode[]>('GET', '/orgs/tree', undefined, token)).find((n) => n.name === name);
  expect(found).toBeDefined();
  return found!.id;
}

const MEMBER_NAME = '积分测试党员';
const MEMBER_PHONE = '13700000011';
let memberToken: Promise<string> | null = null;

/**
 * A member of the branch admin's branch with an account (registered by the tenant admin, activated
 * as the mini-program does it: ID number, slider puzzle, SMS code from the development outbox,
 * password), signed in; created once for the file.
 */
function member(): Promise<string> {
  memberToken ??= (async () => {
    const admin = await tenantToken();
    const branchId = await orgId(server.logins.branchAdmin.orgName, admin);
    const first17 = '43010219900101123';
    const idNumber = first17 + idNumberCheckChar(first17);
    await call('POST', '/members', { orgId: branchId, name: MEMBER_NAME, idNumber, memberType: 'full', joinDate: '2012-07-01' }, admin, 201);
    const { activationToken } = await call<{ activationToken: string }>('POST', '/auth/activation/start', { idNumber });
    const puzzle = await call<{ captchaId: string; background: string }>('POST', '/auth/captcha');
    const svg = Buffer.from(puzzle.background.split(',')[1], 'base64').toString('utf8');
    const gap = /<rect x="(\d+)"[^>]*fill="#000"/.exec(svg);
    expect(gap).not.toBeNull();
    const { captchaToken } = await call<{ captchaToken: string }>('POST', '/auth/captcha/verify', { captchaId: puzzle.captchaId, offsetX: Number(gap![1]) + 1, durationMs: 900 });
    await call('POST', '/auth/sms/send', { phone: MEMBER_PHONE, purpose: 'activate', captchaToken });
    const sms = (await call<Array<{ phone: string; code: string }>>('GET', '/dev/sms-outbox', undefined, admin)).find((m) => m.phone === MEMBER_PHONE);
    expect(sms).toBeDefined();
    const step2 = await call<{ activationToken: string }>('POST', '/auth/activation/phone', { activationToken, phone: MEMBER_PHONE, code: sms!.code });
    await call('POST', '/auth/activation/complete', { activationToken: step2.activationToken, password: 'Dangjian2026', passwordConfirm: 'Dangjian2026' });
    const { status, body } = await apiLogin(MEMBER_PHONE, 'Dangjian2026');
    expect(status).toBe(200);
    const token = body.accessToken;
    // The day's first login earns its point after the login answers (an event): wait for it, so
    // the totals below change only by what the tests do.
    for (let i = 0; ; i++) {
      const entries = await call<ListPage<PointsEntryView>>('GET', '/points/me/entries', undefined, token);
      if (entries.items.some((e) => e.ruleCode === 'login.daily')) break;
      if (i > 50) throw new Error('the login point never arrived');
      await new Promise((r) => setTimeout(r, 100));
    }
    return token;
  })();
  return memberToken;
}

/** Opens a page of the menu, resolving with the first API answer it loads. */
async function openMenu(page: Page, item: string, api: Parameters<typeof isApi>[1]) {
  const [res] = await Promise.all([page.waitForResponse(isApi('GET', api)), page.getByRole('menuitem', { name: item, exact: true }).click()]);
  expect(res.status()).toBe(200);
  return res;
}

/** An option of an antd Segmented control by its exact label. */
const segment = (page: Page, text: string) => page.locator('.ant-segmented-item-label', { hasText: new RegExp(`^${text}$`) });

/** A category and goods through the API (tenant admin), for the tests that need something to exchange. */
async function goodsVia(token: string, name: string, pointsPrice: number): Promise<MallGoods> {
  const category = await call<MallCategory>('POST', '/mall/categories', { name: `分类-${name}`.slice(0, 30) }, token, 201);
  return call<MallGoods>('POST', '/mall/goods', { categoryId: category.id, kind: 'goods', name, description: '', pointsPrice, stock: 3, enabled: true }, token, 201);
}

test('商品分类 and 商品管理: the tenant admin orders the categories, adds goods with an image in the modal and takes them off sale', async () => {
  const { page, errors } = await openAdmin();
  const image = join(workDir, '笔记本.png');
  await writeFile(image, solidPng(200, 200, [200, 40, 40]));

  await withFailureShot(page, 'mall-goods', async () => {
    await loginAsTenantAdmin(page);
    await openMenu(page, '商品分类', '/mall/categories');
    const table = page.getByTestId('mall-categories');
    const rows = table.locator('.ant-table-row');
    // The demo tenant comes with categories; the new ones go to the end.
    await rows.first().waitFor();
    const before = await rows.count();

    for (const name of ['党史读物', '红色文创']) {
      await page.getByRole('button', { name: label('新增分类') }).click();
      const modal = page.locator('.ant-modal', { hasText: '新增分类' });
      await opened(modal);
      await modal.locator('#mall-category_name').fill(name);
      const [created] = await Promise.all([page.waitForResponse(isApi('POST', '/mall/categories')), modal.getByRole('button', { name: label('新增') }).click()]);
      expect(created.status()).toBe(201);
      await modal.waitFor({ state: 'hidden' });
      await rows.filter({ hasText: name }).waitFor();
    }
    expect(await rows.count()).toBe(before + 2);
    expect(await rows.nth(before).innerText()).toContain('党史读物');
    expect(await rows.last().getByRole('button', { name: label('下移') }).isDisabled()).toBe(true);

    // 上移 sends the whole order; the table follows it.
    const [reordered] = await Promise.all([
      page.waitForResponse(isApi('POST', '/mall/categories/reorder')),
      rows.filter({ hasText: '红色文创' }).getByRole('button', { name: label('上移') }).click(),
    ]);
    expect(reordered.status()).toBe(200);
    expect(((await reordered.json()) as MallCategory[]).map((c) => c.name).slice(-2)).toEqual(['红色文创', '党史读物']);
    await rows.nth(before).filter({ hasText: '红色文创' }).waitFor();
    await rows.last().filter({ hasText: '党史读物' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    await screenshot(page, 'admin-mall-categories');

    // 商品管理: a new item in the modal, with an image, on sale.
    await openMenu(page, '商品管理', '/mall/goods');
    await page.getByRole('button', { name: label('新增商品') }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增商品' });
    await opened(modal);
    await modal.locator('#mall-goods_categoryId').click();
    await chooseOption(page, '党史读物');
    await modal.locator('#mall-goods_name').fill('红色文创笔记本');
    await modal.locator('#mall-goods_description').fill('A5 硬面抄，党群服务中心一楼领取');
    await modal.locator('#mall-goods_pointsPrice').fill('5');
    await modal.locator('#mall-goods_stock').fill('20');
    const [uploaded] = await Promise.all([page.waitForResponse(isApi('POST', '/files/images')), modal.locator('input[type=file]').setInputFiles(image)]);
    expect(uploaded.status()).toBe(201);
    await modal.locator('.ant-upload-list-item-done').waitFor();
    await screenshot(page, 'admin-mall-goods-form');
    const [created] = await Promise.all([page.waitForResponse(isApi('POST', '/mall/goods')), modal.getByRole('button', { name: label('新增') }).click()]);
    expect(created.status()).toBe(201);
    const goods = (await created.json()) as MallGoods;
    expect(goods).toMatchObject({ name: '红色文创笔记本', kind: 'goods', pointsPrice: 5, stock: 20, enabled: true });
    expect(goods.images).toHaveLength(1);
    await modal.waitFor({ state: 'hidden' });

    const row = page.getByTestId('mall-goods').locator('.ant-table-row', { hasText: '红色文创笔记本' });
    await row.waitFor();
    const text = await row.innerText();
    for (const part of ['商品', '党史读物', '5 分', '20']) expect(text).toContain(part);
    await row.locator('img').waitFor();
    const onSale = row.getByRole('switch');
    expect(await onSale.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'admin-mall-goods');

    // 下架 from the table.
    const [disabled] = await Promise.all([page.waitForResponse(isApi('PUT', `/mall/goods/${goods.id}/enabled`)), onSale.click()]);
    expect(disabled.status()).toBe(200);
    expect(((await disabled.json()) as MallGoods).enabled).toBe(false);
    await page.locator('.ant-message-notice', { hasText: '「红色文创笔记本」已下架' }).waitFor();
    await row.locator('button[role=switch][aria-checked=false]').waitFor();

    // The category filter asks for that category only.
    await page.getByTestId('goods-category-filter').click();
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/mall/goods')(r) && new URL(r.url()).searchParams.get('categoryId') === String(goods.categoryId)),
      chooseOption(page, '党史读物'),
    ]);
    expect(((await filtered.json()) as ListPage<MallGoods>).items.map((g) => g.name)).toEqual(['红色文创笔记本']);
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('积分申报: the branch admin approves one declaration (the member earns the rule\'s points) and rejects one with a reason; the tenant admin overturns the rejection', async () => {
  const admin = await tenantToken();
  const rule = await call<PointsRuleView>('POST', '/points/rules', { category: 'vanguard', name: '参加志愿服务', points: 3, cap: null, capPeriod: 'year' }, admin, 201);
  const token = await member();
  // The evidence photo, uploaded as the mini-program does it.
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(solidPng(160, 120, [30, 120, 200]))], { type: 'image/png' }), '志愿服务.png');
  const upload = await fetch(`${server.baseUrl}/api/v1/files/images`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  expect(upload.status).toBe(201);
  const { key } = (await upload.json()) as { key: string };
  const approveMe = await call<PointsDeclarationView>('POST', '/points/declarations', { ruleCode: rule.code, content: '周六参加社区垃圾分类志愿服务2小时', images: [key] }, token, 201);
  expect(approveMe.images).toHaveLength(1);
  const rejectMe = await call<PointsDeclarationView>('POST', '/points/declarations', { ruleCode: rule.code, content: '在家学习了一下午' }, token, 201);
  const { username, password, orgName } = server.logins.branchAdmin;
  const { page, errors } = await openAdmin();

  await withFailureShot(page, 'points-declarations', async () => {
    expect((await submitLogin(page, username, password)).status()).toBe(200);
    const res = await openMenu(page, '积分申报', '/points/declarations');
    expect(new URL(res.url()).searchParams.get('state')).toBe('pending');
    const table = page.getByTestId('points-declarations');
    const approveRow = table.locator('.ant-table-row', { hasText: approveMe.content });
    await approveRow.waitFor();
    const text = await approveRow.innerText();
    for (const part of [MEMBER_NAME, orgName, '参加志愿服务', '3 分', '待审核']) expect(text).toContain(part);
    // The evidence shows as a thumbnail that loads.
    const thumb = approveRow.locator('img[alt=证明材料]');
    await thumb.waitFor();
    await expect(thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(160);
    await screenshot(page, 'admin-points-declarations');

    const before = (await call<MyPoints>('GET', '/points/me', undefined, token)).yearTotals.total;
    await approveRow.getByRole('button', { name: label('通过') }).click();
    const approved = await confirmPop(page, '通过', isApi('POST', `/points/declarations/${approveMe.id}/review`));
    expect(approved.status()).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'approved', awarded: 3 });
    await page.locator('.ant-message-notice', { hasText: `已通过，${MEMBER_NAME}获得 3 分` }).waitFor();
    await approveRow.waitFor({ state: 'detached' });
    expect((await call<MyPoints>('GET', '/points/me', undefined, token)).yearTotals.total).toBe(before + 3);

    // 驳回 needs a reason: without one nothing is sent.
    const rejectRow = table.locator('.ant-table-row', { hasText: rejectMe.content });
    await rejectRow.getByRole('button', { name: label('驳回') }).click();
    const modal = page.locator('.ant-modal', { hasText: `驳回${MEMBER_NAME}的申报` });
    await opened(modal);
    const reviews: string[] = [];
    page.on('request', (r) => r.url().includes(`/declarations/${rejectMe.id}/`) && reviews.push(r.url()));
    await modal.getByRole('button', { name: label('驳回') }).click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写驳回原因' }).waitFor();
    expect(reviews).toEqual([]);
    await modal.locator('textarea').fill('不属于志愿服务，请按实际事项申报');
    const [rejected] = await Promise.all([page.waitForResponse(isApi('POST', `/points/declarations/${rejectMe.id}/review`)), modal.getByRole('button', { name: label('驳回') }).click()]);
    expect(rejected.status()).toBe(200);
    expect(await rejected.json()).toMatchObject({ state: 'rejected', reason: '不属于志愿服务，请按实际事项申报', awarded: 0 });
    await modal.waitFor({ state: 'hidden' });
    await table.getByText('没有待审核的积分申报').waitFor();
    // A branch admin does not overturn.
    const [all] = await Promise.all([page.waitForResponse(isApi('GET', '/points/declarations')), segment(page, '全部').click()]);
    expect(((await all.json()) as ListPage<PointsDeclarationView>).total).toBe(2);
    await rejectRow.filter({ hasText: '已驳回' }).waitFor();
    expect(await table.getByRole('button', { name: label('改判') }).count()).toBe(0);
    expect((await call<MyPoints>('GET', '/points/me', undefined, token)).yearTotals.total).toBe(before + 3);
  });
  expect(errors).toEqual([]);
  await page.close();

  // The tenant admin overturns the rejection: the member earns the points after all.
  const second = await openAdmin();
  await withFailureShot(second.page, 'points-overturn', async () => {
    const p = second.page;
    await loginAsTenantAdmin(p);
    await openMenu(p, '积分申报', '/points/declarations');
    const [list] = await Promise.all([p.waitForResponse((r) => isApi('GET', '/points/declarations')(r) && new URL(r.url()).searchParams.get('state') === 'rejected'), segment(p, '已驳回').click()]);
    expect(list.status()).toBe(200);
    const row = p.getByTestId('points-declarations').locator('.ant-table-row', { hasText: rejectMe.content });
    await row.filter({ hasText: '驳回原因：不属于志愿服务' }).waitFor();
    const before = (await call<MyPoints>('GET', '/points/me', undefined, token)).yearTotals.total;
    await row.getByRole('button', { name: label('改判') }).click();
    const modal = p.locator('.ant-modal', { hasText: `改判${MEMBER_NAME}的申报` });
    await opened(modal);
    expect(await modal.innerText()).toContain('改判后变为“已通过”，按规则计 3 分');
    await modal.locator('textarea').fill('经核实确属社区志愿服务');
    await screenshot(p, 'admin-points-overturn');
    const [overturned] = await Promise.all([p.waitForResponse(isApi('POST', `/points/declarations/${rejectMe.id}/overturn`)), modal.getByRole('button', { name: label('改判') }).click()]);
    expect(overturned.status()).toBe(200);
    expect(await overturned.json()).toMatchObject({ state: 'approved', overturned: true, awarded: 3 });
    await modal.waitFor({ state: 'hidden' });
    await p.locator('.ant-message-notice', { hasText: '已改判为“已通过”' }).waitFor();
    const [approvedList] = await Promise.all([p.waitForResponse((r) => isApi('GET', '/points/declarations')(r) && new URL(r.url()).searchParams.get('state') === 'approved'), segment(p, '已通过').click()]);
    expect(((await approvedList.json()) as ListPage<PointsDeclarationView>).total).toBe(2);
    await p.getByTestId('points-declarations').locator('.ant-table-row', { hasText: rejectMe.content }).filter({ hasText: '已改判' }).waitFor();
    expect((await call<MyPoints>('GET', '/points/me', undefined, token)).yearTotals.total).toBe(before + 3);
    await screenshot(p, 'admin-points-declarations-overturned');
  });
  expect(second.errors).toEqual([]);
  await second.page.close();
});

test('兑换订单: the tenant admin finds a member\'s order by its pick-up code and confirms the pick-up; the member sees it picked up', async () => {
  const admin = await tenantToken();
  const goods = await goodsVia(admin, '党徽纪念章', 1);
  const token = await member();
  const wallet = await call<MallWalletView>('GET', '/mall/me', undefined, token);
  expect(wallet.balance).toBeGreaterThanOrEqual(1);
  const order = await call<MallOrder>('POST', '/mall/orders', { goodsId: goods.id, quantity: 1 }, token, 201);
  expect(order).toMatchObject({ status: 'awaiting', points: 1, memberName: MEMBER_NAME });
  expect(order.pickupCode).toMatch(/^\d{6}$/);
  // Another order, so the search has something to leave out.
  const other = await call<MallOrder>('POST', '/mall/orders', { goodsId: goods.id, quantity: 1 }, token, 201).catch(() => null);

  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'mall-orders', async () => {
    await loginAsTenantAdmin(page);
    const res = await openMenu(page, '兑换订单', '/mall/orders');
    expect(((await res.json()) as ListPage<MallOrder>).total).toBeGreaterThanOrEqual(other ? 2 : 1);
    const table = page.getByTestId('mall-orders');

    const box = page.getByPlaceholder('订单号或取货码');
    await box.fill(order.pickupCode);
    const [found] = await Promise.all([page.waitForResponse((r) => isApi('GET', '/mall/orders')(r) && new URL(r.url()).searchParams.get('q') === order.pickupCode), box.press('Enter')]);
    expect(found.status()).toBe(200);
    expect(((await found.json()) as ListPage<MallOrder>).items.map((o) => o.id)).toEqual([order.id]);
    const rows = table.locator('.ant-table-row');
    await rows.filter({ hasText: order.orderNo }).waitFor();
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    const text = await row.innerText();
    for (const part of [order.pickupCode, MEMBER_NAME, '党徽纪念章', '1 分', '待领取']) expect(text).toContain(part);
    await screenshot(page, 'admin-mall-orders');

    await row.getByRole('button', { name: label('确认领取') }).click();
    const picked = await confirmPop(page, '确认领取', isApi('POST', `/mall/orders/${order.id}/pickup`));
    expect(picked.status()).toBe(200);
    expect(await picked.json()).toMatchObject({ status: 'picked_up' });
    await row.filter({ hasText: '已领取' }).waitFor();
    expect(await row.innerText()).toContain('领取于');
    expect(await row.getByRole('button', { name: label('确认领取') }).count()).toBe(0);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'admin-mall-orders-picked');

    // The status filter: 已领取 holds it, 待领取 no longer does.
    await box.fill('');
    const [awaiting] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/mall/orders')(r) && new URL(r.url()).searchParams.get('status') === 'awaiting'),
      segment(page, '待领取').click(),
    ]);
    expect(((await awaiting.json()) as ListPage<MallOrder>).items.map((o) => o.id)).not.toContain(order.id);
  });
  expect(errors).toEqual([]);
  await page.close();

  const mine = await call<ListPage<MallOrder>>('GET', '/mall/orders/mine', undefined, token);
  expect(mine.items.find((o) => o.id === order.id)).toMatchObject({ status: 'picked_up' });
});

test('积分排名: the rankings switch for members, organisation averages computed now, the ranking exported', async () => {
  const token = await member();
  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'points-rankings', async () => {
    await loginAsTenantAdmin(page);
    const [settings] = await Promise.all([page.waitForResponse(isApi('GET', '/points/settings')), openMenu(page, '积分排名', '/points/rankings')]);
    expect(((await settings.json()) as PointsSettings).rankingsEnabled).toBe(true);
    const toggle = page.getByTestId('rankings-enabled');
    await page.locator('[data-testid=rankings-enabled][aria-checked=true]').waitFor();
    await page.getByText('不作为考核评价依据').waitFor();
    await page.getByTestId('points-ranking').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'admin-points-rankings');

    // Off: members are refused the rankings; the admin still sees them.
    const [off] = await Promise.all([page.waitForResponse(isApi('PUT', '/points/settings')), toggle.click()]);
    expect(off.status()).toBe(200);
    expect(await off.json()).toMatchObject({ rankingsEnabled: false });
    await page.locator('[data-testid=rankings-enabled][aria-checked=false]').waitFor();
    await call('GET', '/points/rankings', undefined, token, 403);
    const [on] = await Promise.all([page.waitForResponse(isApi('PUT', '/points/settings')), toggle.click()]);
    expect(await on.json()).toMatchObject({ rankingsEnabled: true });
    await call('GET', '/points/rankings', undefined, token);

    // 导出: the whole ranking as a workbook, with the page's filters.
    const [download, exported] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.waitForResponse(isApi('GET', '/points/rankings/export.xlsx')),
      page.getByRole('button', { name: label('导出') }).click(),
    ]);
    expect(exported.status()).toBe(200);
    const q = new URL(exported.url()).searchParams;
    expect(q.get('scope')).toBe('tenant');
    expect(q.get('period')).toBe(String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    let names = '';
    wb.worksheets[0].eachRow((r) => (names += `${r.values as unknown as string}|`));
    expect(names).toContain(MEMBER_NAME);

    // 组织平均分: the averages the job computed, and 立即统计.
    const [averages] = await Promise.all([page.waitForResponse(isApi('GET', '/points/averages')), page.getByRole('tab', { name: '组织平均分' }).click()]);
    expect(averages.status()).toBe(200);
    const [recomputed] = await Promise.all([page.waitForResponse(isApi('POST', '/points/averages/recompute')), page.getByRole('button', { name: label('立即统计') }).click()]);
    expect(recomputed.status()).toBe(200);
    const result = (await recomputed.json()) as PointsOrgAverages;
    expect(result.asOf).not.toBeNull();
    await page.getByTestId('averages-as-of').filter({ hasText: '统计于' }).waitFor();
    const rows = page.getByTestId('points-averages').locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(result.items.length);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'admin-points-averages');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('微心愿: the branch admin submits a micro-wish with the wisher\'s contact, the tenant admin approves it', async () => {
  const { username, password } = server.logins.branchAdmin;
  const title = '为社区独居老人添置助听器';
  const { page, errors } = await openAdmin();
  let created: AidItemDetail | undefined;
  await withFailureShot(page, 'aid-micro-wish', async () => {
    expect((await submitLogin(page, username, password)).status()).toBe(200);
    await openMenu(page, '互助审核', '/aid/items');
    const [list] = await Promise.all([page.waitForResponse((r) => isApi('GET', '/aid/items')(r) && new URL(r.url()).searchParams.get('kind') === 'micro_wish'), segment(page, '微心愿').click()]);
    expect(list.status()).toBe(200);
    await page.getByRole('button', { name: label('发布微心愿') }).click();
    const modal = page.locator('.ant-modal', { hasText: '发布微心愿' });
    await opened(modal);
    await modal.locator('#micro-wish_title').fill(title);
    await modal.locator('#micro-wish_content').fill('社区王奶奶今年82岁，听力下降，希望有一副助听器。');
    await modal.locator('#micro-wish_contactName').fill('王秀兰');
    await modal.locator('#micro-wish_contactPhone').fill('1380000');
    await modal.getByRole('button', { name: label('提交审核') }).click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写11位手机号' }).waitFor();
    await modal.locator('#micro-wish_contactPhone').fill('13800001234');
    await screenshot(page, 'admin-aid-micro-wish-form');
    const [res] = await Promise.all([page.waitForResponse(isApi('POST', '/aid/items')), modal.getByRole('button', { name: label('提交审核') }).click()]);
    expect(res.status()).toBe(201);
    created = (await res.json()) as AidItemDetail;
    expect(created).toMatchObject({ kind: 'micro_wish', state: 'submitted', title });
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('aid-reviews').locator('.ant-table-row', { hasText: title }).filter({ hasText: '待审核' }).waitFor();
  });
  expect(errors).toEqual([]);
  await page.close();

  const second = await openAdmin();
  await withFailureShot(second.page, 'aid-micro-wish-review', async () => {
    const p = second.page;
    await loginAsTenantAdmin(p);
    await openMenu(p, '互助审核', '/aid/items');
    const [queue] = await Promise.all([
      p.waitForResponse((r) => isApi('GET', '/aid/items')(r) && new URL(r.url()).searchParams.get('kind') === 'micro_wish' && new URL(r.url()).searchParams.get('view') === 'review'),
      segment(p, '微心愿').click(),
    ]);
    expect(((await queue.json()) as ListPage<AidItemSummary>).items.map((i) => i.id)).toContain(created!.id);
    const row = p.getByTestId('aid-reviews').locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await screenshot(p, 'admin-aid-micro-wish-review');
    await row.getByRole('button', { name: label('审核通过') }).click();
    const approved = await confirmPop(p, '确定', isApi('POST', `/aid/items/${created!.id}/transitions`));
    expect(approved.status()).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'open' });
    await row.waitFor({ state: 'detached' });
  });
  expect(second.errors).toEqual([]);
  await second.page.close();
});
