import ExcelJS from 'exceljs';
import { bearer, binary, login, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织信息');
  ws.addRow(['组织名称*', '组织类型*', '上级组织*']);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** ORG-4: building the tree from the Excel template; nothing is half-imported. */
describe('organisation import', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
  });
  afterAll(() => t.close());

  const upload = (buf: Buffer) => t.http.post('/api/v1/orgs/import').set(bearer(admin)).attach('file', buf, '组织.xlsx');
  const names = async () => {
    const flat: string[] = [];
    const walk = (n: { name: string; children?: unknown[] }) => {
      flat.push(n.name);
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body.forEach(walk);
    return flat;
  };

  it('offers a template with the three columns and a type drop-down', async () => {
    const res = await t.http.get('/api/v1/orgs/template.xlsx').set(bearer(admin)).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '组织名称*', '组织类型*', '上级组织*']);
    expect(ws.getCell('B2').dataValidation.formulae).toEqual(['"党委,党总支,党支部,党小组"']);
  });

  it('reports every bad row and imports nothing', async () => {
    const before = await names();
    const file = await workbook([
      ['第三党总支', '党总支', '湘江新区机关党委'],
      ['第五党支部', '党支部', '第三党总支'],
      ['第五党支部', '党支部', '第三党总支'],
      ['错层党委', '党委', '第五党支部'],
      ['孤儿支部', '党支部', '不存在的党委'],
      ['怪组织', '协会', '湘江新区机关党委'],
    ]);
    const res = await upload(file).expect(422);
    expect(res.body.code).toBe('ORG_IMPORT_INVALID');
    expect(res.body.details).toEqual([
      { row: 4, field: '组织名称', message: '组织“第五党支部”已存在' },
      { row: 5, field: '组织类型', message: '党支部下不能建立党委' },
      { row: 6, field: '上级组织', message: '找不到上级组织“不存在的党委”（须为已有组织或本表前面的行）' },
      { row: 7, field: '组织类型', message: '“协会”不是有效的组织类型，可选：党委、党总支、党支部、党小组' },
    ]);
    expect(await names()).toEqual(before);
  });

  it('imports rows whose parents are earlier rows or existing organisations', async () => {
    const file = await workbook([
      ['第三党总支', '党总支', '湘江新区机关党委'],
      ['第五党支部', '党支部', '第三党总支'],
      ['第五支部第一党小组', '党小组', '第五党支部'],
      ['财务第一党小组', '党小组', '财务审计党支部'],
    ]);
    const res = await upload(file).expect(201);
    expect(res.body).toEqual({ imported: 4 });
    const tree = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body;
    const g3 = tree[0].children.find((c: { name: string }) => c.name === '第三党总支');
    expect(g3.children[0]).toMatchObject({ name: '第五党支部', type: 'branch', children: [expect.objectContaining({ name: '第五支部第一党小组', type: 'group' })] });
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(Buffer.from('name,type\n')).expect(400);
    expect(res.body).toEqual({ code: 'ORG_IMPORT_FILE_UNREADABLE', message: '无法读取文件，请使用下载的Excel模板' });
  });

  it('is for admins only, within their scope', async () => {
    const branchAdmin = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    const res = await t.http.post('/api/v1/orgs/import').set(bearer(branchAdmin)).attach('file', await workbook([['越权党小组', '党小组', '财务审计党支部']]), 'x.xlsx').expect(422);
    expect(res.body.details[0].message).toBe('找不到上级组织“财务审计党支部”（须为已有组织或本表前面的行）');
  });
});
