/**
 * The admin page in Chromium against the real built server (tier 3): what an administrator sees
 * and clicks. Screenshots land in server/test-results/.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it as test } from '../test/support.js';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '@dangjian/shared';
import type { BranchPostDetail, BranchReadStats, BranchRemindResult, ErrorBody, MeetingCandidate, MeetingCheckinCode, MeetingDetail, TokenPair } from '@dangjian/shared';
import { solidPng } from './png.js';
import { adminPages, chooseOption, confirmPop, isApi, label, launchBrowser, opened, screenshot, startServer, submitLogin, withFailureShot, type RunningBrowser, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: RunningBrowser;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(join(tmpdir(), 'dj-admin-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const { openAdmin, loginAsTenantAdmin, apiLogin, call } = adminPages(() => server, () => browser);

test('a wrong password shows the API message on the login form', async () => {
  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'login-error', async () => {
    const res = await submitLogin(page, server.logins.tenantAdmin.username, 'Wrong-Password-1');
    expect(res.status()).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);

    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(body.message);
    // Still on the login form, not let in.
    expect(await page.getByPlaceholder('用户名或手机号').inputValue()).toBe(server.logins.tenantAdmin.username);
    expect(await page.getByRole('menuitem', { name: /组织与党员/ }).count()).toBe(0);
    await screenshot(page, 'admin-login-error');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('the tenant admin adds a member to a branch and finds it in the table', async () => {
  const { page, errors } = await openAdmin();
  const branch = server.logins.branchAdmin.orgName;
  const name = '韩立新';
  const first17 = '11010119900307123';
  const idNumber = first17 + idNumberCheckChar(first17);

  await withFailureShot(page, 'create-member', async () => {
    await loginAsTenantAdmin(page);

    // Select the branch (党支部) in the tree; the table reloads for it.
    const node = page.locator('.ant-tree-node-content-wrapper', { hasText: branch }).first();
    await node.scrollIntoViewIfNeeded();
    await node.locator('.ant-tag', { hasText: '党支部' }).waitFor();
    await Promise.all([page.waitForResponse(isApi('GET', '/members')), node.click()]);
    await page.locator('.ant-breadcrumb', { hasText: branch }).waitFor();
    await screenshot(page, 'admin-org-members');

    // Fill the form as a person would.
    await page.getByRole('button', { name: /新增党员/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新增党员' });
    await opened(modal);
    await modal.locator('#member-form_name').fill(name);
    await modal.locator('#member-form_idNumber').fill(idNumber);
    await modal.locator('#member-form_phone').fill('13912345678');
    const joinDate = modal.locator('#member-form_joinDate');
    await joinDate.click();
    await joinDate.fill('2015-07-01');
    await joinDate.press('Enter');
    // Birth date and gender come from the ID number.
    expect(await modal.locator('#member-form_birthDate').inputValue()).toBe('1990-03-07');
    await screenshot(page, 'admin-member-form');

    const [created] = await Promise.all([
      page.waitForResponse(isApi('POST', '/members')),
      modal.getByRole('button', { name: label('保存') }).click(),
    ]);
    expect(created.status()).toBeLessThan(300);
    await modal.waitFor({ state: 'hidden' });

    // Search by name and find the row.
    const search = page.getByPlaceholder('姓名或手机号').first();
    await search.fill(name);
    await Promise.all([page.waitForResponse((r) => isApi('GET', '/members')(r) && r.url().includes('keyword=')), search.press('Enter')]);
    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(branch);
    expect(text).toContain('正式党员');
    expect(text).toContain('未激活');
    expect(text).not.toContain(idNumber); // the ID number is masked in the table
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'admin-member-found');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('org tree: a branch offers only 党小组 as a child; a non-empty org cannot be deleted', async () => {
  const { page, errors } = await openAdmin();
  const branch = server.logins.branchAdmin.orgName;
  const group = '测试第三党小组';
  await withFailureShot(page, 'org-tree', async () => {
    await loginAsTenantAdmin(page);
    const node = (name: string) => page.locator('.ant-tree-node-content-wrapper', { hasText: name }).first();
    await node(branch).click();
    await page.getByTestId('selected-org').filter({ hasText: branch }).waitFor();

    await page.getByRole('button', { name: /新建下级/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '新建组织' });
    await opened(modal);
    await modal.locator('.ant-select').click();
    const offered = await page.locator('.ant-select-item-option').allInnerTexts();
    expect(offered).toEqual(['党小组']);
    await page.keyboard.press('Escape');
    await modal.getByLabel('组织名称').fill(group);
    const [created] = await Promise.all([page.waitForResponse(isApi('POST', '/orgs')), modal.getByRole('button', { name: label('保存') }).click()]);
    expect(created.status()).toBeLessThan(300);
    await node(group).waitFor();
    await page.getByTestId('selected-org').filter({ hasText: group }).waitFor();

    // The branch still has members: the API refuses and the admin reads why.
    await node(branch).click();
    await page.getByTestId('selected-org').filter({ hasText: branch }).waitFor();
    await page.getByRole('button', { name: /删\s*除/ }).click();
    const [refused] = await Promise.all([
      page.waitForResponse(isApi('DELETE', /^\/api\/v1\/orgs\/\d+$/)),
      page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('删除') }).click(),
    ]);
    expect(refused.status()).toBe(409);
    const { message } = (await refused.json()) as ErrorBody;
    await page.locator('.ant-message-notice', { hasText: message }).waitFor();
    await page.locator('.ant-popconfirm').first().waitFor({ state: 'hidden' });
    await screenshot(page, 'admin-org-delete-refused');

    // The new, empty group can go.
    await node(group).click();
    await page.getByTestId('selected-org').filter({ hasText: group }).waitFor();
    await page.getByRole('button', { name: /删\s*除/ }).click();
    const [deleted] = await Promise.all([
      page.waitForResponse(isApi('DELETE', /^\/api\/v1\/orgs\/\d+$/)),
      page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('删除') }).click(),
    ]);
    expect(deleted.status()).toBe(204);
    await node(group).waitFor({ state: 'detached' });
  });
  expect(errors).toEqual([]);
  await page.close();
});

type ImportRow = Partial<Record<'所在组织' | '姓名' | '身份证号' | '党员类型' | '入党日期', string>>;

/** The server's own template (downloaded as the admin would) filled with `rows`, saved as `fileName`. */
async function importFile(fileName: string, rows: ImportRow[]): Promise<string> {
  const { body: tokens } = await apiLogin(server.logins.tenantAdmin.username, server.logins.tenantAdmin.password);
  const res = await fetch(`${server.baseUrl}/api/v1/members/template.xlsx`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];

  // Columns by their header titles ("姓名*" → 姓名), so the test follows the template's layout.
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => columns.set(String(cell.value ?? '').replace(/[*\s]/g, ''), col));
  expect(columns.has('姓名')).toBe(true);
  rows.forEach((row, i) => {
    for (const [title, value] of Object.entries(row)) ws.getRow(i + 2).getCell(columns.get(title)!).value = value;
  });
  const path = join(workDir, fileName);
  await wb.xlsx.writeFile(path);
  return path;
}

const validId = (first17: string) => first17 + idNumberCheckChar(first17);

test('an import with mistakes lists the row errors; the corrected file imports', async () => {
  const branch = server.logins.branchAdmin.orgName;
  const first17 = '11010119850612345';
  const wrongCheck = idNumberCheckChar(first17) === '0' ? '1' : '0';
  const bad = await importFile('党员导入-有错误.xlsx', [
    { 所在组织: branch, 姓名: '导入测试甲', 身份证号: first17 + wrongCheck, 党员类型: '正式党员', 入党日期: '2010-07-01' },
    { 所在组织: branch, 身份证号: validId('11010119851011123'), 党员类型: '预备党员', 入党日期: '2024-07-01' },
  ]);
  const good = await importFile('党员导入-已修改.xlsx', [
    { 所在组织: branch, 姓名: '导入测试甲', 身份证号: validId(first17), 党员类型: '正式党员', 入党日期: '2010-07-01' },
    { 所在组织: branch, 姓名: '导入测试乙', 身份证号: validId('11010119851011123'), 党员类型: '预备党员', 入党日期: '2024-07-01' },
  ]);

  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'import', async () => {
    await loginAsTenantAdmin(page);
    // label(): the roster's 导入, not the tree's 导入组织.
    await page.getByRole('button', { name: label('导入') }).click();
    const modal = page.locator('.ant-modal', { hasText: '导入党员' });
    await opened(modal);
    const upload = async (path: string, name: string) => {
      await modal.locator('input[type=file]').setInputFiles(path);
      await modal.getByText(name).waitFor();
      const [res] = await Promise.all([
        page.waitForResponse(isApi('POST', '/members/import')),
        modal.getByRole('button', { name: /开始导入/ }).click(),
      ]);
      return res;
    };

    const refused = await upload(bad, '党员导入-有错误.xlsx');
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.details?.length).toBeGreaterThanOrEqual(2);
    const table = modal.getByTestId('import-errors');
    await table.waitFor();
    const text = await table.innerText();
    for (const d of body.details ?? []) expect(text).toContain(d.message);
    expect(text).toContain('第2行');
    expect(text).toContain('第3行');
    expect(await modal.getByRole('alert').innerText()).toContain(body.message);
    await screenshot(page, 'admin-import-errors');

    const accepted = await upload(good, '党员导入-已修改.xlsx');
    expect(accepted.status()).toBeLessThan(300);
    expect(await modal.getByTestId('import-success').innerText()).toContain('共导入 2 名党员');
    expect(await modal.getByTestId('import-errors').count()).toBe(0);
    await screenshot(page, 'admin-import-success');
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('the tenant admin sees the branch secretary as the default branch admin', async () => {
  const { page, errors } = await openAdmin();
  const branch = server.logins.branchAdmin.orgName;
  await withFailureShot(page, 'branch-admins', async () => {
    await loginAsTenantAdmin(page);
    await page.locator('.ant-tree-node-content-wrapper', { hasText: branch }).first().click();
    await page.getByTestId('selected-org').filter({ hasText: branch }).waitFor();

    await page.getByRole('button', { name: /班子与管理员/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '班子成员与支部管理员' });
    await opened(drawer);
    // The secretary as 现任班子 lists it…
    const secretaryRow = drawer.locator('.ant-table-row', { has: page.locator('.ant-tag', { hasText: /^书记$/ }) });
    await secretaryRow.waitFor();
    const secretary = (await secretaryRow.locator('td').nth(1).innerText()).trim();
    expect(secretary).not.toBe('');

    // …is the branch admin by default, and cannot be revoked here.
    // The tab reads the admins, and its member picker asks only for activated members.
    const [listed, offered] = await Promise.all([
      page.waitForResponse(isApi('GET', /^\/api\/v1\/orgs\/\d+\/branch-admins$/)),
      page.waitForResponse((r) => isApi('GET', '/members')(r) && new URL(r.url()).searchParams.get('activated') === 'true'),
      drawer.getByRole('tab', { name: '支部管理员' }).click(),
    ]);
    expect(listed.status()).toBe(200);
    expect(offered.status()).toBe(200);
    expect(await listed.json()).toEqual([expect.objectContaining({ name: secretary, source: 'secretary' })]);
    const admins = drawer.getByTestId('branch-admins');
    const row = admins.locator('.ant-table-row', { hasText: secretary });
    await row.waitFor();
    expect(await admins.locator('.ant-table-row').count()).toBe(1);
    expect((await row.locator('.ant-tag').innerText()).trim()).toBe('书记（默认）');
    expect(await row.innerText()).toContain('书记由职务产生，免去书记职务后自动取消');
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await drawer.getByTestId('branch-admin-rule').innerText()).toContain('书记默认为支部管理员，可再授权一名党员；书记空缺时，首位进入网上支部的党员成为管理员');
    await screenshot(page, 'admin-branch-admins');

    // Only activated members are offered: here just the secretary, greyed out as already admin.
    await drawer.getByTestId('branch-admin-member').locator('.ant-select').click();
    // The dropdown re-renders as search answers arrive: wait until it shows exactly the answered list,
    // and read the options from that same moment.
    const offeredOptions = await page.waitForFunction(() => {
      const opts = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
      return opts.length > 0 && !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-empty') ? opts.map((o) => ({ text: o.innerText.trim(), disabled: o.classList.contains('ant-select-item-option-disabled') })) : null;
    });
    expect(await offeredOptions.jsonValue()).toEqual([{ text: `${secretary}（${branch}） · 已是管理员`, disabled: true }]);
    await screenshot(page, 'admin-branch-admin-pick');
    // A member without an account is not found.
    const inactive = server.logins.inactiveMember;
    await Promise.all([
      page.waitForResponse((r) => isApi('GET', '/members')(r) && new URL(r.url()).searchParams.get('keyword') === inactive.name),
      page.keyboard.type(inactive.name),
    ]);
    await page.locator('.ant-select-dropdown:visible', { hasText: '没有找到已激活账号的党员' }).waitFor();
  });
  expect(errors).toEqual([]);
  await page.close();
});

/**
 * A member as the tenant admin registers it, then activated the way the mini-program does it
 * (ID-1…ID-5): ID number, slider puzzle (the gap is where the picture shows it), SMS code from the
 * development outbox, password.
 */
async function activatedMember(adminToken: string, orgId: number, name: string, first17: string, phone: string): Promise<number> {
  const idNumber = validId(first17);
  const member = await call<{ id: number }>('POST', '/members', { orgId, name, idNumber, memberType: 'full', joinDate: '2012-07-01' }, adminToken, 201);
  const { activationToken } = await call<{ activationToken: string }>('POST', '/auth/activation/start', { idNumber });
  const puzzle = await call<{ captchaId: string; background: string }>('POST', '/auth/captcha');
  const svg = Buffer.from(puzzle.background.split(',')[1], 'base64').toString('utf8');
  const gap = /<rect x="(\d+)"[^>]*fill="#000"/.exec(svg);
  expect(gap).not.toBeNull();
  const { captchaToken } = await call<{ captchaToken: string }>('POST', '/auth/captcha/verify', { captchaId: puzzle.captchaId, offsetX: Number(gap![1]) + 1, durationMs: 900 });
  await call('POST', '/auth/sms/send', { phone, purpose: 'activate', captchaToken });
  const sms = (await call<Array<{ phone: string; code: string }>>('GET', '/dev/sms-outbox', undefined, adminToken)).find((m) => m.phone === phone);
  expect(sms).toBeDefined();
  const step2 = await call<{ activationToken: string }>('POST', '/auth/activation/phone', { activationToken, phone, code: sms!.code });
  await call('POST', '/auth/activation/complete', { activationToken: step2.activationToken, password: 'Dangjian2026', passwordConfirm: 'Dangjian2026' });
  return member.id;
}

test('the tenant admin grants one more branch admin, reads the API refusal of a second, and revokes the grant', async () => {
  const branch = '财务审计党支部';
  const { body: tokens } = await apiLogin(server.logins.tenantAdmin.username, server.logins.tenantAdmin.password);
  type Node = { id: number; name: string; children?: Node[] };
  const flat = (ns: Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children ?? [])]);
  const branchId = flat(await call<Node[]>('GET', '/orgs/tree', undefined, tokens.accessToken)).find((n) => n.name === branch)!.id;
  const first = '授权测试甲';
  const second = '授权测试乙';
  await activatedMember(tokens.accessToken, branchId, first, '43010219800101001', '13600000001');
  await activatedMember(tokens.accessToken, branchId, second, '43010219810202002', '13600000002');

  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'branch-admin-grant', async () => {
    await loginAsTenantAdmin(page);
    await page.locator('.ant-tree-node-content-wrapper', { hasText: branch }).first().click();
    await page.getByTestId('selected-org').filter({ hasText: branch }).waitFor();
    await page.getByRole('button', { name: /班子与管理员/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '班子成员与支部管理员' });
    await opened(drawer);
    await Promise.all([
      page.waitForResponse(isApi('GET', /^\/api\/v1\/orgs\/\d+\/branch-admins$/)),
      drawer.getByRole('tab', { name: '支部管理员' }).click(),
    ]);
    // The branch's secretary has no account yet: nobody administers it.
    const admins = drawer.getByTestId('branch-admins');
    await admins.getByText('暂无支部管理员').waitFor();

    const pick = async (name: string) => {
      await drawer.getByTestId('branch-admin-member').locator('.ant-select').click();
      await Promise.all([
        page.waitForResponse((r) => isApi('GET', '/members')(r) && new URL(r.url()).searchParams.get('keyword') === name),
        page.keyboard.type(name),
      ]);
      await chooseOption(page, name);
    };
    const grant = async () => {
      const [res] = await Promise.all([
        page.waitForResponse(isApi('POST', /^\/api\/v1\/orgs\/\d+\/branch-admins$/)),
        drawer.getByRole('button', { name: label('授权') }).click(),
      ]);
      return res;
    };

    await pick(first);
    const granted = await grant();
    expect(granted.status()).toBe(201);
    const row = admins.locator('.ant-table-row', { hasText: first });
    await row.waitFor();
    expect((await row.locator('.ant-tag').innerText()).trim()).toBe('书记授权');
    await row.getByRole('button', { name: label('撤销') }).waitFor();

    // A second grant: the API says no, and the admin reads its message.
    await pick(second);
    const refused = await grant();
    expect(refused.status()).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body).toMatchObject({ code: 'ORG_BRANCH_ADMIN_LIMIT', message: '除书记外，每个支部只能再授权一名支部管理员，请先撤销现有授权' });
    await drawer.getByRole('alert').filter({ hasText: body.message }).waitFor();
    expect(await admins.locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'admin-branch-admin-limit');

    // Revoking the grant empties the list again.
    await row.getByRole('button', { name: label('撤销') }).click();
    const [revoked] = await Promise.all([
      page.waitForResponse(isApi('DELETE', /^\/api\/v1\/orgs\/\d+\/branch-admins\/\d+$/)),
      page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('撤销') }).click(),
    ]);
    expect(revoked.status()).toBe(204);
    await row.waitFor({ state: 'detached' });
    await admins.getByText('暂无支部管理员').waitFor();
  });
  expect(errors).toEqual([]);
  await page.close();
});

const ORG_HEADERS = ['组织名称*', '组织类型*', '上级组织*'];

/** An org import file as an admin fills it: the template's three columns, one org a row. */
async function orgImportFile(fileName: string, rows: Array<[name: string, type: string, parent: string]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织信息');
  ws.addRow(ORG_HEADERS);
  for (const r of rows) ws.addRow(r);
  const path = join(workDir, fileName);
  await wb.xlsx.writeFile(path);
  return path;
}

test('an org import with a bad row lists the error; the corrected file imports and the new branch appears in the tree', async () => {
  const newBranch = '导入测试党支部';
  const newGroup = '导入测试第一党小组';
  const bad = await orgImportFile('组织导入-有错误.xlsx', [
    [newBranch, '党支部', '第九党总支'],
    [newGroup, '党小组', newBranch],
  ]);
  const good = await orgImportFile('组织导入-已修改.xlsx', [
    [newBranch, '党支部', '第一党总支'],
    [newGroup, '党小组', newBranch],
  ]);
  const notExcel = join(workDir, '不是表格.xlsx');
  await writeFile(notExcel, '组织名称,组织类型,上级组织\n');

  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'org-import', async () => {
    await loginAsTenantAdmin(page);
    const node = (name: string) => page.locator('.ant-tree-node-content-wrapper', { hasText: name }).first();
    await node('第一党总支').waitFor();
    expect(await page.locator('.ant-tree-node-content-wrapper', { hasText: newBranch }).count()).toBe(0);

    await page.getByRole('button', { name: /导入组织/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '导入组织' });
    await opened(modal);

    // The template comes down with the Bearer header, under its Chinese name. Wait for the API
    // answer too, so a failure says which half failed.
    const [download, templateRes] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.waitForResponse(isApi('GET', '/orgs/template.xlsx')),
      modal.getByRole('button', { name: /下载模板/ }).click(),
    ]);
    expect(templateRes.status()).toBe(200);
    expect(download.suggestedFilename()).toBe('组织导入模板.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(await download.path());
    expect((template.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(ORG_HEADERS);

    const upload = async (path: string, name: string) => {
      await modal.locator('input[type=file]').setInputFiles(path);
      await modal.getByText(name).waitFor();
      const [res] = await Promise.all([page.waitForResponse(isApi('POST', '/orgs/import')), modal.getByRole('button', { name: /开始导入/ }).click()]);
      return res;
    };

    // Not a workbook: the message, no table.
    const unreadable = await upload(notExcel, '不是表格.xlsx');
    expect(unreadable.status()).toBe(400);
    const unreadableBody = (await unreadable.json()) as ErrorBody;
    expect(unreadableBody.code).toBe('ORG_IMPORT_FILE_UNREADABLE');
    await modal.getByRole('alert').filter({ hasText: unreadableBody.message }).waitFor();
    expect(await modal.getByTestId('import-errors').count()).toBe(0);

    // A parent that does not exist: the row, the column and why.
    const refused = await upload(bad, '组织导入-有错误.xlsx');
    expect(refused.status()).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.code).toBe('ORG_IMPORT_INVALID');
    expect(body.details?.length).toBe(1);
    const errorRow = modal.getByTestId('import-errors').locator('.ant-table-row');
    await errorRow.waitFor();
    const cells = (await errorRow.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells).toEqual(['第2行', '上级组织', body.details![0].message]);
    expect(body.details![0].message).toContain('第九党总支');
    expect(await modal.getByRole('alert').innerText()).toContain(body.message);
    await screenshot(page, 'admin-org-import-errors');

    // Nothing was half-imported.
    expect(await page.locator('.ant-tree-node-content-wrapper', { hasText: newBranch }).count()).toBe(0);

    const [accepted, reloaded] = await Promise.all([
      upload(good, '组织导入-已修改.xlsx'),
      page.waitForResponse(isApi('GET', '/orgs/tree')),
    ]);
    expect(accepted.status()).toBe(201);
    expect(await accepted.json()).toEqual({ imported: 2 });
    expect(reloaded.status()).toBe(200);
    expect(await modal.getByTestId('import-success').innerText()).toContain('共导入 2 个组织');
    expect(await modal.getByTestId('import-errors').count()).toBe(0);
    await screenshot(page, 'admin-org-import-success');

    await modal.getByRole('button', { name: label('完成') }).click();
    await modal.waitFor({ state: 'hidden' });
    // The new branch sits under 第一党总支 with its level, its new group opened beneath it.
    await node(newBranch).locator('.ant-tag', { hasText: '党支部' }).waitFor();
    await node(newGroup).locator('.ant-tag', { hasText: '党小组' }).waitFor();
    await node(newBranch).click();
    await page.getByTestId('selected-org').filter({ hasText: newBranch }).waitFor();
    expect(await page.locator('.ant-breadcrumb').innerText()).toMatch(/第一党总支\s*\/\s*导入测试党支部/);
    await screenshot(page, 'admin-org-imported-tree');
  });
  expect(errors).toEqual([]);
  await page.close();
});

// Before the locked-account test below, which changes the branch admin's password.
test('the branch admin publishes a notice with an image and reads who has not read it (BR-1)', async () => {
  const { page, errors } = await openAdmin();
  const { username, password, orgName } = server.logins.branchAdmin;
  const title = '关于开展主题党日活动的通知';
  const image = join(workDir, '活动海报.png');
  await writeFile(image, solidPng(160, 120, [179, 20, 26]));

  await withFailureShot(page, 'branch-notice', async () => {
    expect((await submitLogin(page, username, password)).status()).toBe(200);
    // 网上支部 opens on the admin's own branch, first space 通知公告.
    await Promise.all([
      page.waitForResponse(isApi('GET', '/branch/posts')),
      page.getByRole('menuitem', { name: /网上支部/ }).click(),
    ]);
    await page.getByTestId('branch-title').filter({ hasText: orgName }).waitFor();
    await page.getByRole('tab', { name: /支部成员/ }).waitFor();

    await page.getByRole('button', { name: /发布通知公告/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '发布通知公告' });
    await opened(modal);
    await modal.locator('#branch-post_title').fill(title);
    await modal.locator('#branch-post_content').fill('请全体党员本周五下午三点到党员活动室参加主题党日活动。');
    const [uploaded] = await Promise.all([
      page.waitForResponse(isApi('POST', '/files/images')),
      modal.locator('input[type=file]').setInputFiles(image),
    ]);
    expect(uploaded.status()).toBeLessThan(300);
    await modal.locator('.ant-upload-list-item-done').waitFor();
    await screenshot(page, 'admin-branch-notice-form');

    const [created] = await Promise.all([page.waitForResponse(isApi('POST', '/branch/posts')), modal.getByRole('button', { name: label('发布') }).click()]);
    expect(created.status()).toBeLessThan(300);
    const post = (await created.json()) as BranchPostDetail;
    expect(post.images).toHaveLength(1);
    await modal.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await page.getByRole('tab', { name: /支部成员/ }).waitFor(); // all nine tabs fit, none in the overflow menu
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(page, 'admin-branch-notices');

    // 阅读统计: nobody has read it yet; the unread list names the audience.
    const [reads] = await Promise.all([page.waitForResponse(isApi('GET', `/branch/posts/${post.id}/reads`)), row.getByRole('button', { name: /阅读统计/ }).click()]);
    const stats = (await reads.json()) as BranchReadStats;
    expect(stats.readCount).toBe(0);
    expect(stats.audienceCount).toBeGreaterThan(0);
    const statsModal = page.locator('.ant-modal', { hasText: '阅读统计' });
    await statsModal.getByTestId('read-summary').filter({ hasText: `已读 0/${stats.audienceCount}` }).waitFor();
    expect(await statsModal.getByTestId('unread-list').locator('.ant-table-row').count()).toBe(Math.min(stats.unread.length, 10));
    await screenshot(page, 'admin-branch-read-stats');

    // 提醒未读 reaches those with an account; a second reminder within the hour is refused.
    const [reminded] = await Promise.all([page.waitForResponse(isApi('POST', `/branch/posts/${post.id}/remind`)), statsModal.getByRole('button', { name: /提醒未读/ }).click()]);
    expect(reminded.status()).toBeLessThan(300);
    const { reminded: n } = (await reminded.json()) as BranchRemindResult;
    await page.locator('.ant-message-notice', { hasText: `已提醒 ${n} 人` }).waitFor();
    const [again] = await Promise.all([page.waitForResponse(isApi('POST', `/branch/posts/${post.id}/remind`)), statsModal.getByRole('button', { name: /提醒未读/ }).click()]);
    const tooSoon = (await again.json()) as ErrorBody;
    expect(tooSoon.code).toBe('BRANCH_REMIND_TOO_SOON');
    await statsModal.getByRole('alert').filter({ hasText: tooSoon.message }).waitFor();
    await statsModal.locator('.ant-modal-footer').getByRole('button', { name: label('关闭') }).click();
    await statsModal.waitFor({ state: 'hidden' });

    // The detail shows the image, served without a token, and the read count (opening it may count the admin).
    const [postRes] = await Promise.all([page.waitForResponse(isApi('GET', `/branch/posts/${post.id}`)), row.locator('a', { hasText: title }).click()]);
    const { readCount, audienceCount } = (await postRes.json()) as BranchPostDetail;
    const detail = page.getByTestId('branch-post-detail');
    await detail.waitFor();
    const img = detail.locator('img').first();
    await img.waitFor();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
    await detail.locator('.ant-descriptions-item', { hasText: '已读' }).filter({ hasText: `${readCount}/${audienceCount}` }).waitFor();
    await screenshot(page, 'admin-branch-notice-detail');
  });
  expect(errors).toEqual([]);
  await page.close();
});


// Before the locked-account test below, which changes the branch admin's password.
test('组织生活: the branch admin creates and notifies a 支部党员大会, holds it with the check-in screen, submits it; the tenant admin approves it', async () => {
  const { username, password, orgName } = server.logins.branchAdmin;
  const { body: admin } = await apiLogin(server.logins.tenantAdmin.username, server.logins.tenantAdmin.password);
  type Node = { id: number; name: string; children?: Node[] };
  const flat = (ns: Node[]): Node[] => ns.flatMap((n) => [n, ...flat(n.children ?? [])]);
  const branchId = flat(await call<Node[]>('GET', '/orgs/tree', undefined, admin.accessToken)).find((n) => n.name === orgName)!.id;
  // A member with an account, to answer and check in as the mini-program does; the secretary answers too.
  const memberName = '会议测试甲';
  await activatedMember(admin.accessToken, branchId, memberName, '43010219820303003', '13600000003');
  const member = (await apiLogin('13600000003', 'Dangjian2026')).body.accessToken;
  const secretary = (await apiLogin(username, password)).body.accessToken;
  const title = `${new Date().getFullYear()}年第二次支部党员大会`;
  const day = (offset: number, time: string) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${time}`;
  };

  const { page, errors } = await openAdmin();
  await page.setViewportSize({ width: 1366, height: 800 });
  let meetingId = 0;
  await withFailureShot(page, 'meeting-create', async () => {
    expect((await submitLogin(page, username, password)).status()).toBe(200);
    // 组织生活 › 会议列表 opens on the admin's own branch.
    await Promise.all([page.waitForResponse(isApi('GET', '/meetings')), page.getByRole('menuitem', { name: /会议列表/ }).click()]);
    await page.getByTestId('meetings-title').filter({ hasText: orgName }).waitFor();
    await page.getByTestId('meetings').locator('.ant-table-row').first().waitFor(); // the demo's meetings
    await screenshot(page, 'admin-meetings');

    await Promise.all([page.waitForResponse(isApi('GET', '/meetings/types')), page.getByRole('button', { name: /新建会议/ }).click()]);
    const modal = page.locator('.ant-modal', { hasText: '新建会议' });
    await opened(modal);
    await modal.locator('#meeting_type').click();
    await chooseOption(page, '支部党员大会');
    // The type decides the fields: a general meeting asks for its ratio.
    await modal.locator('#meeting_requiredRatio').waitFor();
    await modal.locator('#meeting_title').fill(title);
    for (const [id, value] of [['#meeting_startsAt', day(1, '09:00')], ['#meeting_feedbackDeadline', day(1, '08:00')]]) {
      await modal.locator(id).click();
      await modal.locator(id).fill(value);
      await modal.locator(id).press('Enter');
    }
    // The host comes from the branch committee.
    await modal.locator('#meeting_hostMemberId').click();
    await chooseOption(page, '书记');
    await modal.locator('#meeting_venue').fill('党员活动室');
    await modal.locator('#meeting_requiredRatio').fill('10');
    await modal.locator('#meeting_agenda').fill('一、传达学习上级会议精神\n二、讨论发展党员事项');
    await screenshot(page, 'admin-meeting-form');
    const [created] = await Promise.all([page.waitForResponse(isApi('POST', '/meetings')), modal.getByRole('button', { name: label('创建') }).click()]);
    expect(created.status()).toBe(201);
    meetingId = ((await created.json()) as MeetingDetail).id;
    await modal.waitFor({ state: 'hidden' });

    // The detail: the type's timeline, 已创建, the first step as a button.
    await page.getByTestId('meeting-title').filter({ hasText: title }).waitFor();
    expect(await page.getByTestId('meeting-state').innerText()).toBe('已创建');
    expect(await page.getByTestId('meeting-timeline').locator('.ant-steps-item-title').allInnerTexts()).toEqual(['已创建', '已通知', '进行中', '已记录', '待上级审核', '已完成']);

    // 发送会议通知: everyone of the branch ticked by default.
    const [candidates] = await Promise.all([page.waitForResponse(isApi('GET', `/meetings/${meetingId}/candidates`)), page.getByRole('button', { name: label('发送会议通知') }).click()]);
    const offered = (await candidates.json()) as MeetingCandidate[];
    expect(offered.map((c) => c.name)).toContain(memberName);
    const picker = page.locator('.ant-modal', { hasText: '选择参会人员' });
    await picker.getByTestId('invitee-picker').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'admin-meeting-invitees');
    const [notified] = await Promise.all([
      page.waitForResponse(isApi('POST', `/meetings/${meetingId}/transitions`)),
      picker.getByRole('button', { name: new RegExp(`发送会议通知（${offered.length}人）`) }).click(),
    ]);
    expect(notified.status()).toBe(200);
    await page.getByTestId('meeting-state').filter({ hasText: '已通知' }).waitFor();
    expect(await page.getByTestId('meeting-invitees').locator('.ant-table-row').count()).toBe(Math.min(offered.length, 20));

    // Too early to hold it: the API names the step and what is missing, and the admin reads it.
    await page.getByRole('button', { name: label('开始会议') }).click();
    const early = await confirmPop(page, '开始会议', isApi('POST', `/meetings/${meetingId}/transitions`));
    expect(early.status()).toBe(409);
    const refusal = (await early.json()) as ErrorBody;
    expect(refusal.message).toContain('到达会议开始时间');
    await page.getByTestId('transition-error').filter({ hasText: refusal.message }).waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'admin-meeting-notified');
  });

  // Moved on through the API: the plan brought forward so the start arrives in seconds, two members answer.
  const startsAt = Date.now() + 12_000;
  await call('PATCH', `/meetings/${meetingId}`, { startsAt: new Date(startsAt).toISOString(), feedbackDeadline: new Date(startsAt - 6_000).toISOString() }, secretary);
  for (const token of [secretary, member]) await call('POST', `/meetings/${meetingId}/feedback`, { attend: true }, token);
  // The start arrives: the server's clock is moved past it (DEV_CLOCK), nothing waits.
  await call('POST', '/dev/clock', { advanceMs: Math.max(1, startsAt - Date.now() + 1_000) }, secretary);

  await withFailureShot(page, 'meeting-held', async () => {
    await Promise.all([page.waitForResponse(isApi('GET', `/meetings/${meetingId}`)), page.reload()]);
    // The scheduled job may have held it already; otherwise the admin does.
    if ((await page.getByTestId('meeting-state').innerText()) === '已通知') {
      await page.getByRole('button', { name: label('开始会议') }).click();
      expect((await confirmPop(page, '开始会议', isApi('POST', `/meetings/${meetingId}/transitions`))).status()).toBe(200);
    }
    await page.getByTestId('meeting-state').filter({ hasText: '进行中' }).waitFor();
    const [openRes] = await Promise.all([page.waitForResponse(isApi('POST', `/meetings/${meetingId}/checkin/open`)), page.getByTestId('checkin-toggle').click()]);
    expect(openRes.status()).toBe(200);

    // 签到大屏: full window, a QR code of the rotating code, the counts.
    await Promise.all([page.waitForResponse(isApi('GET', `/meetings/${meetingId}/checkin/code`)), page.getByRole('button', { name: /打开签到大屏/ }).click()]);
    const screen = page.getByTestId('checkin-screen');
    await screen.getByTestId('checkin-qr').waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0);
    expect(await screen.getByTestId('screen-title').innerText()).toBe(title);
    const invited = (await call<MeetingDetail>('GET', `/meetings/${meetingId}`, undefined, secretary)).invitedCount;
    expect((await screen.getByTestId('screen-counts').innerText()).replace(/\s+/g, '')).toBe(`0/${invited}`);
    // A member scans it (the code the screen shows) and appears within one poll.
    const { code } = await call<MeetingCheckinCode>('GET', `/meetings/${meetingId}/checkin/code`, undefined, secretary);
    await call('POST', `/meetings/${meetingId}/checkin`, { code }, member);
    await screen.getByTestId('screen-recent').getByText(memberName).waitFor({ timeout: 10_000 });
    expect((await screen.getByTestId('screen-counts').innerText()).replace(/\s+/g, '')).toBe(`1/${invited}`);
    await screenshot(page, 'admin-meeting-screen');

    // Back to the detail: a vote during the meeting, counted live.
    await screen.getByRole('button', { name: /退出大屏/ }).click();
    await page.getByRole('tab', { name: '表决' }).click();
    await page.getByRole('button', { name: /发起表决/ }).click();
    const voteForm = page.locator('.ant-modal', { hasText: '发起表决' });
    await voteForm.locator('#vote_title').fill('同意接收张伟为预备党员');
    const [voted] = await Promise.all([page.waitForResponse(isApi('POST', `/meetings/${meetingId}/votes`)), voteForm.getByRole('button', { name: label('发起') }).click()]);
    expect(voted.status()).toBe(201);
    const vote = page.getByTestId('votes').locator('.ant-card', { hasText: '同意接收张伟为预备党员' });
    await vote.getByText('进行中').waitFor();
    expect(await vote.locator('.ant-progress').count()).toBe(3);
    const { id: voteId } = (await voted.json()) as { id: number };
    await call('POST', `/meetings/${meetingId}/votes/${voteId}/ballot`, { option: 0 }, member);
    await vote.getByText('已投 1 票').waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin-meeting-vote');

    // The minutes, then up for review.
    await page.getByRole('tab', { name: '会议记录' }).click();
    await page.locator('#meeting-record_minutes').fill('会议传达学习了上级会议精神，讨论了发展党员事项，与会党员一致同意。');
    await page.getByTestId('quorum').waitFor();
    const [recorded] = await Promise.all([page.waitForResponse(isApi('PATCH', `/meetings/${meetingId}/record`)), page.getByRole('button', { name: /保存会议记录/ }).click()]);
    expect(recorded.status()).toBe(200);
    await page.locator('.ant-message-notice', { hasText: '会议记录已保存' }).waitFor();
    await screenshot(page, 'admin-meeting-record-form');
    await page.getByRole('button', { name: label('填写会议纪要') }).click();
    expect((await confirmPop(page, '填写会议纪要', isApi('POST', `/meetings/${meetingId}/transitions`))).status()).toBe(200);
    await page.getByTestId('meeting-state').filter({ hasText: '已记录' }).waitFor();
    await page.getByRole('button', { name: label('提交上级审核') }).click();
    expect((await confirmPop(page, '提交上级审核', isApi('POST', `/meetings/${meetingId}/transitions`))).status()).toBe(200);
    await page.getByTestId('meeting-state').filter({ hasText: '待上级审核' }).waitFor();
    // Submitted, the record is no longer a form.
    await page.getByTestId('meeting-record').filter({ hasText: '会议传达学习了上级会议精神' }).waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin-meeting-submitted');
  });
  expect(errors).toEqual([]);
  await page.close();

  // The tenant admin, as the parent organisation, approves it from the review queue.
  const reviewer = await openAdmin();
  await reviewer.page.setViewportSize({ width: 1366, height: 800 });
  await withFailureShot(reviewer.page, 'meeting-review', async () => {
    const p = reviewer.page;
    await loginAsTenantAdmin(p);
    await Promise.all([p.waitForResponse(isApi('GET', '/meetings/reviews')), p.getByRole('menuitem', { name: '审核', exact: true }).click()]);
    const row = p.getByTestId('meeting-reviews').locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    await screenshot(p, 'admin-meeting-reviews');
    await row.getByRole('button', { name: label('审核通过') }).click();
    expect((await confirmPop(p, '审核通过', isApi('POST', `/meetings/${meetingId}/transitions`))).status()).toBe(200);
    await row.waitFor({ state: 'detached' });

    // 督办 and the detail as the reviewer sees it.
    await Promise.all([p.waitForResponse(isApi('GET', '/meetings/supervision')), p.getByRole('menuitem', { name: /督办/ }).click()]);
    await p.getByTestId('supervision').waitFor();
    const [recomputed] = await Promise.all([p.waitForResponse(isApi('POST', '/meetings/supervision/recompute')), p.getByRole('button', { name: /重新统计/ }).click()]);
    expect(recomputed.status()).toBe(200);
    const branchRow = p.getByTestId('supervision').locator('.ant-table-row', { hasText: orgName });
    await branchRow.waitFor();
    await p.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    expect(await p.getByTestId('supervision-computed').innerText()).not.toContain('尚未统计');
    await screenshot(p, 'admin-meeting-supervision');
    await Promise.all([p.waitForResponse(isApi('GET', `/meetings/${meetingId}`)), p.goto(`${server.baseUrl}/admin/#/meetings/${meetingId}`)]);
    await p.getByTestId('meeting-state').filter({ hasText: '已完成' }).waitFor();
    await screenshot(p, 'admin-meeting-done');
    await p.getByRole('tab', { name: '会议记录' }).click();
    await p.getByTestId('meeting-record').filter({ hasText: '实到人员（1）' }).waitFor();
    await screenshot(p, 'admin-meeting-record-view');
  });
  expect(reviewer.errors).toEqual([]);
  await reviewer.page.close();
});

test('a locked branch admin gets a one-time password and must change it at login', async () => {
  const { username, password } = server.logins.branchAdmin;
  // Wrong passwords until the account locks (ID-9: more than 3 in a row).
  let status = 0;
  for (let i = 0; i < 6 && status !== 423; i++) status = (await apiLogin(username, 'Wrong-Password-9')).status;
  expect(status).toBe(423);

  const user = await openAdmin();
  await withFailureShot(user.page, 'locked-login', async () => {
    const res = await submitLogin(user.page, username, password);
    expect(res.status()).toBe(423);
    const body = (await res.json()) as ErrorBody;
    expect(await user.page.getByTestId('login-error').innerText()).toContain(body.message);
    await screenshot(user.page, 'admin-login-locked');
  });

  // The tenant admin resets it from 已锁定账号 and reads the one-time password once.
  const admin = await openAdmin();
  let oneTimePassword = '';
  await withFailureShot(admin.page, 'reset-locked', async () => {
    await loginAsTenantAdmin(admin.page);
    await Promise.all([
      admin.page.waitForResponse(isApi('GET', '/accounts/locked')),
      admin.page.getByRole('menuitem', { name: /已锁定账号/ }).click(),
    ]);
    const row = admin.page.locator('.ant-table-row').first();
    await row.waitFor();
    await screenshot(admin.page, 'admin-locked-accounts');
    await row.getByRole('button', { name: /重置密码/ }).click();
    const [reset] = await Promise.all([
      admin.page.waitForResponse(isApi('POST', /^\/api\/v1\/accounts\/\d+\/reset-password$/)),
      admin.page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('重置') }).click(),
    ]);
    expect(reset.status()).toBeLessThan(300);
    oneTimePassword = ((await reset.json()) as { oneTimePassword: string }).oneTimePassword;
    const shown = admin.page.getByTestId('one-time-password');
    await shown.waitFor();
    expect(await shown.innerText()).toContain(oneTimePassword);
    await screenshot(admin.page, 'admin-one-time-password');
  });

  // The branch admin logs in with it and is held on the change-password screen.
  await user.page.bringToFront();
  await withFailureShot(user.page, 'force-change', async () => {
    const res = await submitLogin(user.page, username, oneTimePassword);
    expect(res.status()).toBe(200);
    expect(((await res.json()) as TokenPair).mustChangePassword).toBe(true);
    await user.page.getByText('请修改密码').waitFor();
    expect(await user.page.getByRole('menuitem', { name: /组织与党员/ }).count()).toBe(0);

    // The policy is ticked off live as the user types.
    const rules = user.page.getByRole('list', { name: '密码要求' });
    await user.page.locator('#oldPassword').fill(oneTimePassword);
    await user.page.locator('#newPassword').fill('abcdefgh');
    await rules.locator('li[data-ok="true"]', { hasText: '长度' }).waitFor(); // long enough…
    await rules.locator('li[data-ok="false"]', { hasText: '至少两种' }).waitFor(); // …but one kind only
    await screenshot(user.page, 'admin-force-change-password');
    const newPassword = 'Dangjian#2025';
    await user.page.locator('#newPassword').fill(newPassword);
    await rules.locator('li[data-ok="false"]').waitFor({ state: 'detached' });
    expect(await rules.locator('li[data-ok="true"]').count()).toBe(2);
    await user.page.locator('#newPasswordConfirm').fill(newPassword);
    const [changed] = await Promise.all([
      user.page.waitForResponse(isApi('POST', '/auth/password')),
      user.page.getByRole('button', { name: /修改密码并进入/ }).click(),
    ]);
    expect(changed.status()).toBeLessThan(300);

    // In: the branch admin sees its own branch.
    await user.page.getByRole('menuitem', { name: /组织与党员/ }).waitFor();
    await user.page.locator('.ant-tree-node-content-wrapper', { hasText: server.logins.branchAdmin.orgName }).first().waitFor();
    await screenshot(user.page, 'admin-branch-admin-home');
  });
  expect(user.errors).toEqual([]);
  expect(admin.errors).toEqual([]);
  await user.page.close();
  await admin.page.close();
});

test('a platform operator issues activation codes, and a code creates a tenant once (TEN-1)', async () => {
  const { page, errors } = await openAdmin();
  await withFailureShot(page, 'activation-codes', async () => {
    const { username, password } = server.logins.platformAdmin;
    expect((await submitLogin(page, username, password)).status()).toBe(200);
    // Only the onboarding page: tenant pages are not the platform operator's.
    await page.getByRole('menuitem', { name: /入驻激活码/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /组织与党员/ }).count()).toBe(0);

    await page.getByRole('spinbutton').fill('2');
    const [issued] = await Promise.all([page.waitForResponse(isApi('POST', '/platform/activation-codes')), page.getByRole('button', { name: label('生成激活码') }).click()]);
    expect(issued.status()).toBe(201);
    const shown = page.getByTestId('activation-code');
    await shown.nth(1).waitFor();
    const codes = (await shown.allInnerTexts()).map((c) => c.trim());
    expect(codes).toEqual((await issued.json()).codes);
    await screenshot(page, 'admin-activation-codes');

    const body = { activationCode: codes[0], name: '浏览器测试党委', adminUsername: 'browseradmin', adminPhone: '15900001111', adminPassword: 'Browser2026!' };
    const created = await fetch(`${server.baseUrl}/api/v1/tenants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const reused = await fetch(`${server.baseUrl}/api/v1/tenants`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, adminUsername: 'browseradmin2', adminPhone: '15900001112' }) });
    expect(reused.status).toBe(400);
    expect((await apiLogin('browseradmin', 'Browser2026!')).status).toBe(200);
  });
  expect(errors).toEqual([]);
  await page.close();
});

test('the tenant admin prints a branch\'s entry codes: WeChat code and H5 QR with the branch name', async () => {
  const { page, errors } = await openAdmin();
  const branch = server.logins.branchAdmin.orgName;
  await withFailureShot(page, 'entry-codes', async () => {
    await loginAsTenantAdmin(page);
    await page.locator('.ant-tree-node-content-wrapper', { hasText: branch }).first().click();
    const [res] = await Promise.all([page.waitForResponse(isApi('GET', /^\/api\/v1\/orgs\/\d+\/entry-codes$/)), page.getByRole('button', { name: label('入口码') }).click()]);
    expect(res.status()).toBe(200);
    const codes = (await res.json()) as { scene: string; h5Url: string };
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('entry-wechat').locator('img').waitFor();
    await modal.getByTestId('entry-h5').locator('img').waitFor();
    expect(await modal.innerText()).toContain(codes.h5Url);
    expect(codes.h5Url).toMatch(/\/h5\/\?scene=t\d+o\d+$/);
    await screenshot(page, 'admin-entry-codes');

    // The printable PNG: a real image, taller than the code because the name sits under it.
    const [file] = await Promise.all([page.waitForEvent('download'), modal.getByTestId('entry-h5').getByRole('button', { name: label('下载打印版') }).click()]);
    expect(file.suggestedFilename()).toBe(`${branch}-h5.png`);
    const saved = join(workDir, file.suggestedFilename());
    await file.saveAs(saved);
    const buf = await readFile(saved);
    expect(buf.subarray(1, 4).toString()).toBe('PNG');
    expect(buf.readUInt32BE(20)).toBeGreaterThan(buf.readUInt32BE(16)); // height > width
    const shot = await page.context().newPage();
    await shot.setContent(`<img src="data:image/png;base64,${buf.toString('base64')}">`);
    await screenshot(shot, 'admin-entry-code-printable');
    await shot.close();
  });
  expect(errors).toEqual([]);
  await page.close();
});
