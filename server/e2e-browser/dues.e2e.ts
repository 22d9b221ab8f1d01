/**
 * 党费管理 on the admin page in Chromium against the real built server (tier 3), SPEC DUES-1…DUES-11:
 * what an administrator sees and clicks. The demo tenant comes with an approved WeChat dues account
 * on its 党委, this year's standards for every member (locked by the bills), bills for the last four
 * months, cash for the oldest of them for half the members, and the whole month as its window.
 * Online payments go through the development WeChat Pay simulator's page. Screenshots land in
 * server/test-results/ (admin-dues-*).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it as test } from '../test/support.js';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { duesMonth, idNumberCheckChar, shiftMonth, yuanToFen } from '@dangjian/shared';
import type { DuesAccountView, DuesBillView, DuesOrderResult, DuesPaymentView, DuesRemindResult, DuesStandardRow, DuesStandardView, DuesSummary, DuesTransferPreview, ErrorBody, MemberDues, OrgNode, Page as ListPage } from '@dangjian/shared';
import { adminPages, chooseOption, confirmPop, isApi, label, launchBrowser, opened, screenshot, settled, startServer, submitLogin, withFailureShot, type RunningBrowser, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: RunningBrowser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'dj-dues-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const { openAdmin, loginAsTenantAdmin, apiLogin, call } = adminPages(() => server, () => browser);

const BRANCH = '综合办公室党支部';
const ROOT = '湘江新区机关党委';
/** The dues month now (Beijing), as the server and the admin page count it. */
const current = duesMonth(new Date());
const year = Number(current.slice(0, 4));
/** The month before, when it is of this year (the demo's bills stay within the year). */
const previous = shiftMonth(current, -1).startsWith(`${year}-`) ? shiftMonth(current, -1) : current;
const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
/** Money as the admin page writes it: 1234 → ¥12.34. */
const money = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
/** ¥12.34 on the page → 1234. */
const fenOf = (text: string) => {
  const fen = yuanToFen(text.replace(/[¥\s]/g, ''));
  if (fen === null) throw new Error(`not an amount: ${text}`);
  return fen;
};

/** Today in Beijing: 2026-11-22. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What the online payment of test 3 brought in (the demo has cash only): the transfer preview shows it. */
let onlinePaidFen = 0;

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

/** Opens a page of the 党费管理 menu, resolving with the first API answer it loads. */
async function openDuesPage(page: Page, item: string, api: Parameters<typeof isApi>[1]) {
  const [res] = await Promise.all([page.waitForResponse(isApi('GET', api)), page.getByRole('menuitem', { name: item, exact: true }).click()]);
  expect(res.status()).toBe(200);
  return res;
}

/** Picks an organisation in the page's org selector (typing narrows the tree), resolving with the reload it causes. */
async function pickOrg(page: Page, name: string, api: Parameters<typeof isApi>[1]) {
  await page.getByTestId('org-select').first().click();
  await page.keyboard.type(name);
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first();
  const [res] = await Promise.all([page.waitForResponse((r) => isApi('GET', api)(r)), node.click()]);
  expect(res.status()).toBe(200);
  return res;
}

/** Picks a month in the page's month picker (the panel's cells are titled 2026-10). */
async function pickMonth(page: Page, month: string, api: Parameters<typeof isApi>[1]) {
  await page.getByTestId('month-picker').click();
  const cell = page.locator(`.ant-picker-dropdown:visible td[title="${month}"]`);
  const [res] = await Promise.all([page.waitForResponse((r) => isApi('GET', api)(r) && new URL(r.url()).searchParams.get('month') === month), cell.click()]);
  expect(res.status()).toBe(200);
  return res;
}

/** Types into the page's search box and presses Enter, resolving with the filtered answer. */
async function search(page: Page, placeholder: string, text: string, api: Parameters<typeof isApi>[1]) {
  const box = page.getByPlaceholder(placeholder);
  await box.fill(text);
  const [res] = await Promise.all([page.waitForResponse((r) => isApi('GET', api)(r) && new URL(r.url()).searchParams.get('keyword') === text), box.press('Enter')]);
  expect(res.status()).toBe(200);
  return res;
}

test('党费标准: the locked year of a branch, an audited correction with the live rule, the import template', async () => {
  const token = await tenantToken();
  const branchId = await orgId(BRANCH, token);
  const { page, errors } = await openAdmin();
  const name = '李秀英';

  await withFailureShot(page, 'dues-standards', async () => {
    await loginAsTenantAdmin(page);
    await openDuesPage(page, '党费标准', '/dues/standards');
    const res = await pickOrg(page, BRANCH, '/dues/standards');
    expect(new URL(res.url()).searchParams.get('orgId')).toBe(String(branchId));
    expect(new URL(res.url()).searchParams.get('year')).toBe(String(year));
    const listed = (await res.json()) as ListPage<DuesStandardRow>;
    expect(listed.total).toBeGreaterThan(1);
    expect(listed.total).toBeLessThanOrEqual(20);

    // This year, every member of the branch (and its groups), every standard locked by the bills.
    expect(await page.getByTestId('year-picker').inputValue()).toBe(`${year}年`);
    const table = page.getByTestId('dues-standards');
    const rows = table.locator('.ant-table-row');
    await rows.nth(listed.total - 1).waitFor();
    expect(await rows.count()).toBe(listed.total);
    expect(await table.getByTestId('standard-locked').count()).toBe(listed.total);
    expect(await page.locator('.ant-pagination-total-text').innerText()).toBe(`共 ${listed.total} 名党员`);
    expect(await rows.getByRole('button', { name: label('更正') }).count()).toBe(listed.total);
    await screenshot(page, 'admin-dues-standards');

    // 更正: the year is locked, so the form warns and asks for a reason.
    const row = rows.filter({ hasText: name });
    const before = listed.items.find((r) => r.memberName === name)!.standard!;
    expect(before.locked).toBe(true);
    await row.getByRole('button', { name: label('更正') }).click();
    const modal = page.locator('.ant-modal', { hasText: `更正党费标准 · ${name} · ${year}年度` });
    await opened(modal);
    await modal.getByTestId('correction-warning').waitFor();
    expect(await modal.locator('.ant-form-item', { has: page.locator('#dues-standard_category') }).innerText()).toContain('在职党员');

    // The amount and the rule follow the income as it is typed (DUES-1: 5000–10000 yuan → 1.5 %).
    await modal.locator('#dues-standard_income').fill('5000.01');
    const preview = modal.getByTestId('dues-preview');
    await preview.filter({ hasText: '在职党员：月收入5000.01元 × 1.5% = 75.00元' }).waitFor();
    expect(await preview.innerText()).toContain('按规定每月应交 ¥75.00');
    // 5000.00 is still the 1 % bracket.
    await modal.locator('#dues-standard_income').fill('5000');
    await preview.filter({ hasText: '在职党员：月收入5000.00元 × 1% = 50.00元' }).waitFor();
    await modal.locator('#dues-standard_income').fill('5000.01');
    await preview.filter({ hasText: '= 75.00元' }).waitFor();

    // Without a reason nothing is sent.
    const corrections: string[] = [];
    page.on('request', (r) => r.url().includes('/correct') && corrections.push(r.url()));
    await modal.getByRole('button', { name: label('提交更正') }).click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '请填写更正原因' }).waitFor();
    expect(corrections).toEqual([]);
    await screenshot(page, 'admin-dues-standard-correct');

    await modal.locator('#dues-standard_reason').fill('工资收入登记错误，按工资单更正');
    const [corrected] = await Promise.all([
      page.waitForResponse(isApi('POST', `/dues/standards/${before.id}/correct`)),
      modal.getByRole('button', { name: label('提交更正') }).click(),
    ]);
    expect(corrected.status()).toBe(200);
    const after = (await corrected.json()) as DuesStandardView;
    expect(after).toMatchObject({ incomeFen: 500_001, amountFen: 7_500, source: 'correction', locked: true });
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice', { hasText: `${name}的党费标准已更正：每月应交¥75.00` }).waitFor();

    // The row shows the corrected standard.
    const cells = row.locator('td');
    await cells.nth(6).filter({ hasText: '¥75.00' }).waitFor();
    expect((await cells.nth(3).innerText()).trim()).toBe('¥5000.01');
    expect(await cells.nth(8).innerText()).toContain('更正');
    expect(await row.getByTestId('standard-locked').count()).toBe(1);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'admin-dues-standards-corrected');

    // The import template: a real workbook listing the branch's members, the correction in it.
    await page.getByRole('button', { name: label('导入') }).click();
    const importer = page.locator('.ant-modal', { hasText: `导入${year}年度党费标准` });
    await importer.waitFor();
    await settled(importer);
    const [download, templateRes] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.waitForResponse(isApi('GET', '/dues/standards/template.xlsx')),
      importer.getByRole('button', { name: /下载模板/ }).click(),
    ]);
    expect(templateRes.status()).toBe(200);
    expect(new URL(templateRes.url()).searchParams.get('orgId')).toBe(String(branchId));
    expect(download.suggestedFilename()).toBe(`${year}年党费标准导入模板.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(`${year}年党费标准`);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['党员编号*', '姓名*', '所在组织', '党员类别*', '月收入（元）', '农民党员月交纳额（元）', '减免后月交纳额（元）', '减免批准机关']);
    const members = (await call<ListPage<DuesStandardRow>>('GET', `/dues/standards?orgId=${branchId}&year=${year}&pageSize=100`, undefined, token)).items;
    const sheetRows: Array<{ id: number; name: string; org: string; income: string }> = [];
    ws.eachRow((r, n) => {
      if (n > 1) sheetRows.push({ id: Number(r.getCell(1).value), name: String(r.getCell(2).value), org: String(r.getCell(3).value), income: String(r.getCell(5).value ?? '') });
    });
    expect(sheetRows.map((r) => r.id).sort()).toEqual(members.map((m) => m.memberId).sort());
    expect(sheetRows.map((r) => r.name).sort()).toEqual(members.map((m) => m.memberName).sort());
    expect(sheetRows.find((r) => r.name === name)).toMatchObject({ org: members.find((m) => m.memberName === name)!.orgName, income: '5000.01' });
    expect(wb.worksheets.map((w) => w.name)).toContain('填写说明');
    await screenshot(page, 'admin-dues-standards-import');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('现金入账 and 冲正: a cash payment appears as 现金/已支付, a used receipt number is refused, the reversal reopens the month', async () => {
  const token = await tenantToken();
  const name = '张伟';
  const receiptNo = `XJ-${previous}-0001`;
  const { page, errors } = await openAdmin();

  /** 现金入账 for `name`: picks the member and a month; resolves with the month's bill amount. */
  const fillCash = async (month: string, receipt: string) => {
    await page.getByRole('button', { name: label('现金入账') }).click();
    const modal = page.locator('.ant-modal', { hasText: '党员以现金向党组织交纳党费后' });
    await opened(modal);
    await modal.locator('#dues-cash_memberId').click();
    await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/members')(r) && new URL(r.url()).searchParams.get('keyword') === name),
      page.keyboard.type(name),
    ]);
    const [dues] = await Promise.all([
      page.waitForResponse(isApi('GET', /^\/api\/v1\/dues\/members\/\d+$/)),
      chooseOption(page, `${name}（`),
    ]);
    const memberDues = (await dues.json()) as MemberDues;
    const bill = memberDues.months.find((m) => m.month === month)!;
    expect(bill.status).toBe('unpaid');
    await modal.locator('#dues-cash_months').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // The demo's cash month is offered as paid, greyed out.
    const paidMonth = memberDues.months.find((m) => m.status === 'paid');
    if (paidMonth) {
      const paidOption = options.filter({ hasText: new RegExp(`^${Number(paidMonth.month.slice(5))}月 .*（已交）$`) });
      expect(await paidOption.getAttribute('class')).toContain('ant-select-item-option-disabled');
    }
    await chooseOption(page, new RegExp(`^${Number(month.slice(5))}月 ${money(bill.amountFen!).replace('.', '\\.')}$`));
    await modal.locator('.ant-modal-title').click(); // closes the month list
    await modal.locator('#dues-cash_receiverName').fill('王会计');
    await modal.locator('#dues-cash_receiptNo').fill(receipt);
    await modal.getByTestId('cash-total').filter({ hasText: money(bill.amountFen!) }).waitFor();
    return { modal, amountFen: bill.amountFen! };
  };

  await withFailureShot(page, 'dues-cash', async () => {
    await loginAsTenantAdmin(page);
    await openDuesPage(page, '交纳记录', '/dues/payments');

    const { modal, amountFen } = await fillCash(previous, receiptNo);
    // Paid on the 1st: the day the admin picks, whatever the time now.
    const paidDay = `${current}-01`;
    const paidAt = modal.locator('#dues-cash_paidAt');
    await paidAt.click();
    await paidAt.fill(paidDay);
    await paidAt.press('Enter');
    expect(await paidAt.inputValue()).toBe(paidDay);
    await screenshot(page, 'admin-dues-cash-form');
    const [recorded] = await Promise.all([
      page.waitForResponse(isApi('POST', '/dues/cash')),
      page.waitForResponse((r) => isApi('GET', '/dues/payments')(r)),
      modal.getByRole('button', { name: label('登记') }).click(),
    ]);
    expect(recorded.status()).toBe(201);
    const payment = (await recorded.json()) as DuesPaymentView;
    expect(payment).toMatchObject({ memberName: name, months: [previous], amountFen, paidVia: 'cash', status: 'paid', receiverName: '王会计', receiptNo });
    // That day in Beijing (not UTC midnight, 08:00 there), or now when it is today.
    if (paidDay !== today()) expect(payment.paidAt).toBe(new Date(`${paidDay}T00:00:00+08:00`).toISOString());
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice', { hasText: `已登记 ${name} 的现金党费 ${money(amountFen)}` }).waitFor();

    // In 交纳记录: 现金, 已支付, who received it and the receipt.
    const row = page.getByTestId('dues-payments').locator(`.ant-table-row[data-row-key="${payment.id}"]`);
    await row.waitFor();
    const text = await row.innerText();
    for (const part of [name, BRANCH, monthLabel(previous), money(amountFen), '现金', '已支付', '王会计', receiptNo]) expect(text).toContain(part);
    expect((await row.locator('td').nth(1).innerText()).trim()).toBe(paidDay); // cash: the day, no made-up time
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin-dues-payments');

    // The same receipt number again (another month): the API's message, in the form, nothing recorded.
    const again = await fillCash(current, receiptNo);
    const [refused] = await Promise.all([page.waitForResponse(isApi('POST', '/dues/cash')), again.modal.getByRole('button', { name: label('登记') }).click()]);
    expect(refused.status()).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.message).toBe('该收据号已登记过');
    await again.modal.getByRole('alert').filter({ hasText: body.message }).waitFor();
    await screenshot(page, 'admin-dues-cash-duplicate');
    await again.modal.getByRole('button', { name: label('取消') }).click();
    await again.modal.waitFor({ state: 'hidden' });
    const listed = await call<ListPage<DuesPaymentView>>('GET', `/dues/payments?keyword=${encodeURIComponent(receiptNo)}`, undefined, token);
    expect(listed.items.map((p) => p.id)).toEqual([payment.id]);

    // 冲正 with a reason: the record stays, 已冲正, no second 冲正.
    await row.getByRole('button', { name: label('冲正') }).click();
    const reverse = page.locator('.ant-modal', { hasText: `冲正 ${name} 的交纳记录` });
    await reverse.waitFor();
    await settled(reverse);
    expect(await reverse.innerText()).toContain(`−${money(amountFen)}`);
    await reverse.locator('#reason_reason').fill('收据号登记错误，重新登记');
    await screenshot(page, 'admin-dues-reverse');
    const [reversed] = await Promise.all([
      page.waitForResponse(isApi('POST', `/dues/payments/${payment.id}/reverse`)),
      reverse.getByRole('button', { name: label('冲正') }).click(),
    ]);
    expect(reversed.status()).toBe(200);
    expect(((await reversed.json()) as DuesPaymentView).status).toBe('reversed');
    await reverse.waitFor({ state: 'hidden' });
    await row.getByTestId('payment-status').filter({ hasText: '已冲正' }).waitFor();
    expect(await row.getAttribute('class')).toContain('dues-reversed');
    expect(await row.getByRole('button', { name: label('冲正') }).count()).toBe(0);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin-dues-payments-reversed');

    // 交纳情况 of that month: unpaid again.
    await openDuesPage(page, '交纳情况', '/dues/bills');
    if (previous !== current) await pickMonth(page, previous, '/dues/bills');
    const found = await search(page, '姓名', name, '/dues/bills');
    const bills = ((await found.json()) as ListPage<DuesBillView>).items;
    expect(bills.map((b) => [b.memberName, b.month, b.status])).toEqual([[name, previous, 'unpaid']]);
    const billRow = page.getByTestId('dues-bills').locator('.ant-table-row', { hasText: name });
    await billRow.getByTestId('bill-status').filter({ hasText: '未交' }).waitFor();
    expect(await billRow.innerText()).toContain(monthLabel(previous));
    await screenshot(page, 'admin-dues-bills-reopened');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('交纳情况 and 统计: the unpaid list, reminders, and a member paying online shows as 已交 via 微信 and in the month\'s total', async () => {
  const secretary = '王建国'; // the demo branch secretary, who has an account
  const { page, errors } = await openAdmin();
  const monthRow = () => page.getByTestId('dues-summary-months').locator(`tr[data-row-key="${current}"]`);
  // Columns of 按月统计: 月份, 应交人次, 已交, 未交, 应收金额, 已交金额, 当月实收…
  const collected = async () => fenOf(await monthRow().locator('td').nth(6).innerText());
  let before: DuesSummary | undefined;

  await withFailureShot(page, 'dues-bills', async () => {
    await loginAsTenantAdmin(page);
    const all = (await (await openDuesPage(page, '交纳情况', '/dues/bills')).json()) as ListPage<DuesBillView>;
    expect(new URL(page.url()).hash).toBe('#/dues/bills');
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((b) => b.month === current)).toBe(true);

    // 已交: nobody has paid this month yet (the demo's cash is for an older month).
    const [paidRes] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/dues/bills')(r) && new URL(r.url()).searchParams.get('status') === 'paid'),
      page.getByTestId('bill-status-filter').getByText('已交', { exact: true }).click(),
    ]);
    expect(((await paidRes.json()) as ListPage<DuesBillView>).total).toBe(0);
    await page.getByTestId('dues-bills').getByText('本月还没有党员交纳').waitFor();
    await screenshot(page, 'admin-dues-bills-none-paid');

    // 未交: only unpaid rows, as many as the API counts.
    const [unpaidRes] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/dues/bills')(r) && new URL(r.url()).searchParams.get('status') === 'unpaid'),
      page.getByTestId('bill-status-filter').getByText('未交', { exact: true }).click(),
    ]);
    const unpaid = (await unpaidRes.json()) as ListPage<DuesBillView>;
    expect(unpaid.total).toBe(all.total);
    const rows = page.getByTestId('dues-bills').locator('.ant-table-row');
    await rows.nth(Math.min(unpaid.total, 20) - 1).waitFor();
    expect(await rows.count()).toBe(Math.min(unpaid.total, 20));
    expect(await rows.getByTestId('bill-status').allInnerTexts()).toEqual(Array(Math.min(unpaid.total, 20)).fill('未交'));
    expect(await page.locator('.ant-pagination-total-text').innerText()).toBe(`共 ${unpaid.total} 条`);
    await screenshot(page, 'admin-dues-bills-unpaid');

    // 提醒未交党员: how many were reached, and how many have no account.
    await page.getByRole('button', { name: /提醒未交党员/ }).click();
    const reminded = await confirmPop(page, '提醒', isApi('POST', '/dues/remind'));
    expect(reminded.status()).toBe(200);
    const r = (await reminded.json()) as DuesRemindResult;
    expect(r.reminded).toBeGreaterThanOrEqual(1); // the secretary has an account and has not paid
    expect(r.reminded + r.withoutAccount).toBe(unpaid.total);
    await page.locator('.ant-message-notice', { hasText: `已向 ${r.reminded} 名未交党员发送提醒；${r.withoutAccount} 名党员尚未激活账号，无法提醒` }).waitFor();
    await screenshot(page, 'admin-dues-bills-reminded');

    // The secretary is among them.
    const mine = ((await (await search(page, '姓名', secretary, '/dues/bills')).json()) as ListPage<DuesBillView>).items;
    expect(mine.map((b) => b.status)).toEqual(['unpaid']);
    await rows.filter({ hasText: secretary }).getByTestId('bill-status').filter({ hasText: '未交' }).waitFor();

    // 统计: this month's collected money, before.
    const summaryRes = await openDuesPage(page, '统计', '/dues/summary');
    before = (await summaryRes.json()) as DuesSummary;
    await monthRow().waitFor();
    expect(await collected()).toBe(before.months.find((m) => m.month === current)!.collectedFen);
    expect(await page.getByTestId('dues-summary-totals').locator('.ant-statistic').first().innerText()).toContain(money(before.totalCollectedFen));
    await screenshot(page, 'admin-dues-summary-before');
  });

  // The secretary pays this month online, in H5, on the WeChat Pay simulator's page.
  const { username, password } = server.logins.branchAdmin;
  const login = await apiLogin(username, password);
  expect(login.status).toBe(200);
  const order = await call<DuesOrderResult>('POST', '/dues/orders', { months: [current], platform: 'h5', idempotencyKey: randomUUID() }, login.body.accessToken, 201);
  expect(order).toMatchObject({ channel: 'wechat', status: 'pending' });
  expect(order.pay?.kind).toBe('simulator_page');
  const payPage = await browser.context.newPage();
  await withFailureShot(payPage, 'dues-pay-simulator', async () => {
    await payPage.goto((order.pay as { url: string }).url);
    await payPage.getByText(money(order.amountFen)).waitFor();
    await screenshot(payPage, 'admin-dues-pay-simulator');
    const [confirmed] = await Promise.all([
      payPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/confirm')),
      payPage.getByRole('button', { name: '确认支付' }).click(),
    ]);
    expect(confirmed.status()).toBeLessThan(400);
  });
  await payPage.close();
  // The simulator delivers the notification before it answers the confirmation.
  const paid = await call<DuesPaymentView>('GET', `/dues/payments/${order.paymentId}`, undefined, login.body.accessToken);
  expect(paid).toMatchObject({ status: 'paid', paidVia: 'wechat', months: [current], amountFen: order.amountFen });
  onlinePaidFen = order.amountFen;

  await withFailureShot(page, 'dues-summary', async () => {
    // 统计 again: the month's collected money rose by exactly the payment.
    const [again] = await Promise.all([page.waitForResponse(isApi('GET', '/dues/summary')), page.reload()]);
    const after = (await again.json()) as DuesSummary;
    await monthRow().locator('td').nth(6).filter({ hasText: money(before!.months.find((m) => m.month === current)!.collectedFen + order.amountFen) }).waitFor();
    expect((await collected()) - before!.months.find((m) => m.month === current)!.collectedFen).toBe(order.amountFen);
    expect(fenOf(await monthRow().locator('td').nth(8).innerText()) - before!.months.find((m) => m.month === current)!.onlineFen).toBe(order.amountFen);
    // 已交金额 (of this month's bills) rose by the same amount: the payment was for this month.
    expect(fenOf(await monthRow().locator('td').nth(5).innerText()) - before!.months.find((m) => m.month === current)!.paidFen).toBe(order.amountFen);
    expect(after.totalCollectedFen - before!.totalCollectedFen).toBe(order.amountFen);
    expect(await page.getByTestId('dues-summary-totals').locator('.ant-statistic').first().innerText()).toContain(money(after.totalCollectedFen));
    await screenshot(page, 'admin-dues-summary-after');

    // 交纳情况 › 已交: the secretary alone, via 微信, with the time; no longer among the unpaid.
    await openDuesPage(page, '交纳情况', '/dues/bills');
    const [paidRes] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/dues/bills')(r) && new URL(r.url()).searchParams.get('status') === 'paid'),
      page.getByTestId('bill-status-filter').getByText('已交', { exact: true }).click(),
    ]);
    const found = ((await paidRes.json()) as ListPage<DuesBillView>).items;
    expect(found).toEqual([expect.objectContaining({ memberName: secretary, status: 'paid', paidVia: 'wechat', paymentId: order.paymentId })]);
    const row = page.getByTestId('dues-bills').locator('.ant-table-row', { hasText: secretary });
    await row.getByTestId('bill-status').filter({ hasText: '已交' }).waitFor();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells.slice(0, 6)).toEqual([secretary, BRANCH, monthLabel(current), money(order.amountFen), '已交', '微信']);
    expect(cells[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.getByTestId('dues-bills').locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'admin-dues-bills-paid');
    await search(page, '姓名', secretary, '/dues/bills');
    await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/dues/bills')(r) && new URL(r.url()).searchParams.get('status') === 'unpaid'),
      page.getByTestId('bill-status-filter').getByText('未交', { exact: true }).click(),
    ]);
    await page.getByTestId('dues-bills').getByText('本月没有未交的党员').waitFor();
  });
  expect(errors).toEqual([]);
  await page.close();
});

/** A valid legal-person ID number. */
const validId = (first17: string) => first17 + idNumberCheckChar(first17);

test('党费账户: an Alipay application for 第二党总支, the platform rejects it with a reason, the tenant admin reads it', async () => {
  const org = '第二党总支';
  const reason = '银行卡户名与申请组织名称不一致，请核对后重新申请';
  const { page, errors } = await openAdmin();
  let accountId = 0;

  await withFailureShot(page, 'dues-account-apply', async () => {
    await loginAsTenantAdmin(page);
    const existing = (await (await openDuesPage(page, '党费账户', '/dues/accounts')).json()) as DuesAccountView[];
    expect(existing.map((a) => [a.orgName, a.channel, a.status])).toEqual([[ROOT, 'wechat', 'approved']]);
    await page.getByTestId('dues-accounts').locator('.ant-table-row', { hasText: ROOT }).getByTestId('account-status').filter({ hasText: '已开通' }).waitFor();

    await page.getByRole('button', { name: /申请开通/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '党费账户开通申请' });
    await opened(modal);
    await modal.locator('#dues-account_orgId').click();
    await page.keyboard.type(org);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: org }).click();
    await modal.getByRole('radio', { name: /^支付宝/ }).check();
    await modal.getByText('确认后移动端仅支付宝 / 钉钉小程序有党费交纳入口').waitFor();

    const fill = async (field: string, value: string) => modal.locator(`#dues-account_${field}`).fill(value);
    await fill('mcc', '83A');
    await fill('licenseNo', '12430100MB2345678K'); // a valid check character (GB 32100)
    await fill('legalPersonName', '刘建华');
    await fill('legalPersonIdNumber', validId('43010219700815003'));
    await fill('contactName', '陈静');
    await fill('contactPhone', '13874561234');
    await fill('region_province', '湖南省');
    await fill('region_city', '长沙市');
    await fill('region_district', '岳麓区');
    await fill('address', '湘江新区管委会大楼5楼');
    await fill('servicePhone', '0731-88886666');
    await fill('bankName', '中国建设银行长沙岳麓支行');
    await fill('bankShortName', '建设银行');
    await fill('bankAccountName', org);
    await fill('bankAccountNo', '6217 0028 7001 2345 678');
    await fill('bankRegion_province', '湖南省');
    await fill('bankRegion_city', '长沙市');

    // A wrong MCC: the field says why, and nothing is sent.
    const applications: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/dues/accounts') && applications.push(r.url()));
    await modal.getByRole('button', { name: label('提交申请') }).click();
    const mccItem = modal.locator('.ant-form-item', { has: page.locator('#dues-account_mcc') });
    await mccItem.locator('.ant-form-item-explain-error', { hasText: '商户类别码为4位数字' }).waitFor();
    expect(await modal.locator('.ant-form-item-explain-error').count()).toBe(1);
    expect(applications).toEqual([]);
    await screenshot(page, 'admin-dues-account-form-mcc');

    await fill('mcc', '8398');
    await mccItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
    const [applied] = await Promise.all([page.waitForResponse(isApi('POST', '/dues/accounts')), modal.getByRole('button', { name: label('提交申请') }).click()]);
    expect(applied.status()).toBe(201);
    const account = (await applied.json()) as DuesAccountView;
    expect(account).toMatchObject({ orgName: org, channel: 'alipay', status: 'pending', mcc: '8398', bankAccountNoMasked: '6217****5678' });
    accountId = account.id;
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice', { hasText: '申请已提交，请等待平台审核' }).waitFor();
    const row = page.getByTestId('dues-accounts').locator('.ant-table-row', { hasText: org });
    await row.getByTestId('account-status').filter({ hasText: '待审核' }).waitFor();
    expect(await row.innerText()).toContain('支付宝');
    expect(await row.innerText()).toContain('等待平台审核');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'admin-dues-account-pending');
  });

  // The platform operator reviews it: the application in full, then 驳回 with a reason.
  const platform = await openAdmin();
  await withFailureShot(platform.page, 'dues-account-review', async () => {
    const p = platform.page;
    const { username, password } = server.logins.platformAdmin;
    expect((await submitLogin(p, username, password)).status()).toBe(200);
    const [queue] = await Promise.all([
      p.waitForResponse((r) => isApi('GET', '/dues/accounts')(r) && new URL(r.url()).searchParams.get('status') === 'pending'),
      p.getByRole('menuitem', { name: '党费账户审核' }).click(),
    ]);
    expect(((await queue.json()) as DuesAccountView[]).map((a) => a.id)).toContain(accountId);
    const row = p.getByTestId('dues-account-review').locator(`.ant-table-row[data-row-key="${accountId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    for (const part of [ROOT, org, '支付宝', '事业单位', '陈静 13874561234', '待审核']) expect(text).toContain(part);
    await screenshot(p, 'admin-dues-account-review');

    await row.getByRole('button', { name: label('查看') }).click();
    const drawer = p.locator('.ant-drawer', { hasText: '1. 企业信息' });
    await opened(drawer);
    const details = await drawer.innerText();
    expect(details).toContain('8398');
    expect(details).not.toContain(validId('43010219700815003')); // the ID number masked
    expect(details).toContain('6217****5678');
    await screenshot(p, 'admin-dues-account-detail');

    await drawer.getByRole('button', { name: label('驳回') }).click();
    const reject = p.locator('.ant-modal', { hasText: `驳回 ${org} 的申请` });
    await reject.waitFor();
    await settled(reject);
    await reject.locator('#reason_reason').fill(reason);
    const [rejected] = await Promise.all([p.waitForResponse(isApi('POST', `/dues/accounts/${accountId}/reject`)), reject.getByRole('button', { name: label('驳回') }).click()]);
    expect(rejected.status()).toBe(200);
    expect(((await rejected.json()) as DuesAccountView).status).toBe('rejected');
    await reject.waitFor({ state: 'hidden' });
    await drawer.waitFor({ state: 'hidden' });
    await p.locator('.ant-message-notice', { hasText: '已驳回' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await p.getByTestId('dues-account-review').getByText('没有待审核的申请').waitFor();
  });
  expect(platform.errors).toEqual([]);
  await platform.page.close();

  // The tenant admin refreshes: 已驳回 with the reason, and may apply again.
  await withFailureShot(page, 'dues-account-rejected', async () => {
    const [listed] = await Promise.all([page.waitForResponse(isApi('GET', '/dues/accounts')), page.getByRole('button', { name: label('刷新') }).click()]);
    expect(((await listed.json()) as DuesAccountView[]).find((a) => a.id === accountId)).toMatchObject({ status: 'rejected', rejectReason: reason });
    const row = page.getByTestId('dues-accounts').locator(`.ant-table-row[data-row-key="${accountId}"]`);
    await row.getByTestId('account-status').filter({ hasText: '已驳回' }).waitFor();
    expect(await row.getByTestId('reject-reason').innerText()).toBe(`驳回原因：${reason}`);
    await row.getByRole('button', { name: label('重新申请') }).waitFor();
    await screenshot(page, 'admin-dues-account-rejected');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('党费上划: the root organisation\'s preview shows the amount and why it cannot transfer yet', async () => {
  const { page, errors } = await openAdmin();
  const next = shiftMonth(current, 1);
  await withFailureShot(page, 'dues-transfers', async () => {
    await loginAsTenantAdmin(page);
    const [res] = await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/dues/transfers/preview')(r)),
      page.getByRole('menuitem', { name: '党费上划', exact: true }).click(),
    ]);
    expect(res.status()).toBe(200);
    const p = (await res.json()) as DuesTransferPreview;
    // The demo: pay the whole month, transfer from the 1st of the next one.
    expect(p).toMatchObject({ orgName: ROOT, month: current, openFrom: `${next}-01`, canTransfer: false, transferableFen: onlinePaidFen, paymentCount: onlinePaidFen ? 1 : 0 });
    expect(p.account).toMatchObject({ orgName: ROOT, channel: 'wechat' });
    expect(p.reason).toBe(`${next.slice(5, 7)}月1日起才能上划该月党费`);

    const preview = page.getByTestId('transfer-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('transferable').innerText()).toBe(money(onlinePaidFen));
    const text = await preview.innerText();
    expect(text).toContain(ROOT);
    expect(text).toContain('微信');
    expect(text).toContain(`${Number(next.slice(0, 4))}年${Number(next.slice(5, 7))}月1日起`);
    expect(text).toContain(`${monthLabel(current)}可上划金额`);
    expect(text).toContain(`${p.paymentCount} 笔`);
    expect(await preview.getByTestId('transfer-blocked').innerText()).toBe(p.reason);
    expect(await preview.getByRole('button', { name: label('上划') }).count()).toBe(0);
    await page.getByTestId('dues-transfers').getByText('暂无上划记录').waitFor();
    await screenshot(page, 'admin-dues-transfer-preview');

    // Last month's window has closed, but the demo collected it in cash: nothing to transfer.
    if (previous !== current) {
      const last = (await (await pickMonth(page, previous, '/dues/transfers/preview')).json()) as DuesTransferPreview;
      expect(last).toMatchObject({ month: previous, transferableFen: 0, canTransfer: false, reason: '没有可上划的党费' });
      await preview.getByTestId('transfer-blocked').filter({ hasText: '没有可上划的党费' }).waitFor();
      expect(await preview.getByTestId('transferable').innerText()).toBe('¥0.00');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'admin-dues-transfer-empty');
    }
  });
  expect(errors).toEqual([]);
  await page.close();
});
