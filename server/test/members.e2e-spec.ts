import ExcelJS from 'exceljs';
import { idNumberCheckChar, type MemberView, type OrgNode } from '@dangjian/shared';
import { activateMember, bearer, binary, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const cellText = (v: ExcelJS.CellValue): string => (v == null ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));
const rowTexts = (ws: ExcelJS.Worksheet, r: number): string[] => {
  const out: string[] = [];
  ws.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => (out[col - 1] = cellText(cell.value)));
  return out;
};

/** MEM-1, MEM-2 and ID-13: member records, the history store, reveal of ID numbers, Excel template/import/export. */
describe('members (MEM-1, MEM-2, ID-13)', () => {
  let t: TestApp;
  let admin: string;
  const orgs = new Map<string, OrgNode>();

  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const idOf = (name: string) => {
    const n = orgs.get(name);
    if (!n) throw new Error(`no org ${name}`);
    return n.id;
  };
  /** The same first 17 digits with a wrong check character. */
  const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  const masked = (id: string) => id.slice(0, 4) + '*'.repeat(10) + id.slice(-4);

  const create = (body: Record<string, unknown>) => t.http.post('/api/v1/members').set(bearer(admin)).send(body);
  const valid = (orgId: number, name: string, extra: Record<string, unknown> = {}) => ({ orgId, name, idNumber: newIdNumber(), memberType: 'full', joinDate: '2012-07-01', ...extra });
  const list = async (query: string) => (await t.http.get(`/api/v1/members?${query}`).set(bearer(admin)).expect(200)).body as { items: MemberView[]; total: number; page: number; pageSize: number };
  const history = async (query: string) => (await t.http.get(`/api/v1/members/history?${query}`).set(bearer(admin)).expect(200)).body as { items: MemberView[]; total: number };
  const tenantTotal = async () => (await list('pageSize=1')).total;

  let phoneSeq = 0;
  const activate = (idNumber: string) => activateMember(t, idNumber);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    const tree = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body as OrgNode[];
    for (const n of flatten(tree)) orgs.set(n.name, n);
  });
  afterAll(() => t.close());

  describe('create (MEM-1)', () => {
    it('creates a member and never sends the full ID number back', async () => {
      const idNumber = newIdNumber();
      const res = await create({ orgId: idOf('财务审计党支部'), name: '新党员甲', idNumber, phone: '13912340001', memberType: 'probationary', joinDate: '2025-03-01', education: 'bachelor', ethnicity: '苗族' }).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        orgId: idOf('财务审计党支部'),
        orgName: '财务审计党支部',
        name: '新党员甲',
        idNumberMasked: masked(idNumber),
        // Gender and birth date come from the ID number when not given.
        gender: 'male',
        birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        ethnicity: '苗族',
        education: 'bachelor',
        memberType: 'probationary',
        joinDate: '2025-03-01',
        regularDate: null,
        phone: '13912340001',
        status: 'active',
        activated: false,
        deletedAt: null,
      });
      expect(JSON.stringify(res.body)).not.toContain(idNumber);

      const one = await t.http.get(`/api/v1/members/${res.body.id}`).set(bearer(admin)).expect(200);
      expect(one.body).toEqual(res.body);
      expect(one.text).not.toContain(idNumber);
      const listed = await t.http.get(`/api/v1/members?orgId=${idOf('财务审计党支部')}&pageSize=100`).set(bearer(admin)).expect(200);
      expect(listed.body.items.map((m: MemberView) => m.id)).toContain(res.body.id);
      expect(listed.text).not.toContain(idNumber);
      expect(listed.text).not.toContain(idNumber.slice(0, 17));
    });

    it('refuses an ID number with a wrong check digit, naming the field', async () => {
      const before = await tenantTotal();
      const res = await create({ ...valid(idOf('财务审计党支部'), '校验位错误'), idNumber: wrongCheck(newIdNumber()) }).expect(400);
      expect(res.body).toEqual({ code: 'IDENTITY_INVALID_ID_NUMBER', message: '身份证号校验位不正确，请核对', details: [{ field: 'idNumber', message: '身份证号校验位不正确，请核对' }] });
      const badDate = await create({ ...valid(idOf('财务审计党支部'), '日期错误'), idNumber: (() => { const f = '11010519901332123'; return f + idNumberCheckChar(f); })() }).expect(400);
      expect(badDate.body.message).toBe('身份证号中的出生日期不正确');
      expect(await tenantTotal()).toBe(before);
      expect((await list('keyword=校验位错误')).total).toBe(0);
    });

    it('refuses an ID number that is already registered', async () => {
      const first = valid(idOf('规划建设党支部'), '重复甲');
      await create(first).expect(201);
      const dup = await create({ ...valid(idOf('社会事务党支部'), '重复乙'), idNumber: first.idNumber }).expect(409);
      expect(dup.body).toEqual({ code: 'MEMBER_DUPLICATE_ID_NUMBER', message: '该身份证号已登记', details: [{ field: 'idNumber', message: '该身份证号已登记' }] });
      expect((await list('keyword=重复乙')).total).toBe(0);
    });

    it('refuses dates that cannot be true', async () => {
      // Each ID number below encodes the birth date 1990-03-07.
      const born1990 = (seq: string) => {
        const f17 = `11010519900307${seq}`;
        return f17 + idNumberCheckChar(f17);
      };
      const base = { orgId: idOf('财务审计党支部'), memberType: 'full' };
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['joined before being born', { name: '日期甲', idNumber: born1990('201'), joinDate: '1985-07-01' }, 'joinDate'],
        ['regularised before joining', { name: '日期乙', idNumber: born1990('203'), joinDate: '2015-07-01', regularDate: '2014-07-01' }, 'regularDate'],
        ['joining in the future', { name: '日期丙', idNumber: born1990('205'), joinDate: '2099-07-01' }, 'joinDate'],
      ];
      for (const [what, body, field] of cases) {
        const res = await create({ ...base, ...body });
        expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
        expect(res.body.details).toContainEqual({ field, message: expect.any(String) });
      }
      expect((await list('keyword=日期')).total).toBe(0);
    });

    it('of two simultaneous registrations of one ID number exactly one succeeds', async () => {
      const idNumber = newIdNumber();
      const results = await Promise.all(['并发登记甲', '并发登记乙'].map((name) => create({ ...valid(idOf('社会事务党支部'), name), idNumber })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect((await list('keyword=并发登记')).total).toBe(1);
    });

    it('registers members only in a branch or a group', async () => {
      for (const name of ['第一党总支', '湘江新区机关党委']) {
        const res = await create(valid(idOf(name), '登记在总支')).expect(400);
        expect(res.body).toEqual({ code: 'MEMBER_ORG_NOT_ALLOWED', message: '党员只能登记在党支部或党小组' });
      }
      await create(valid(idOf('综合办第二党小组'), '登记在小组')).expect(201);
      expect((await list('keyword=登记在总支')).total).toBe(0);
      expect((await list('keyword=登记在小组')).items.map((m) => m.orgName)).toEqual(['综合办第二党小组']);
    });
  });

  describe('list (MEM-1)', () => {
    let fixture: { branch: number; group: number; ids: number[] };
    beforeAll(async () => {
      const branch = (await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: idOf('第二党总支'), name: '筛选测试党支部', type: 'branch' }).expect(201)).body.id;
      const group = (await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: branch, name: '筛选测试党小组', type: 'group' }).expect(201)).body.id;
      const ids: number[] = [];
      for (const [orgId, name, memberType, phone] of [
        [branch, '筛选甲', 'full', '13655550001'],
        [branch, '筛选乙', 'full', '13655550002'],
        [branch, '筛选丙', 'probationary', '13655550003'],
        [group, '筛选丁', 'full', '13655550004'],
        [group, '筛选戊', 'probationary', '13655550005'],
      ] as const) {
        ids.push((await create(valid(orgId, name, { memberType, phone, ...(memberType === 'probationary' ? { joinDate: '2025-05-01' } : {}) })).expect(201)).body.id);
      }
      fixture = { branch, group, ids };
    });

    it('lists an organisation with its whole subtree', async () => {
      const res = await list(`orgId=${fixture.branch}&pageSize=100`);
      expect(res.total).toBe(5);
      expect(res.items.map((m) => m.id).sort((a, b) => a - b)).toEqual([...fixture.ids].sort((a, b) => a - b));
      expect(new Set(res.items.map((m) => m.orgName))).toEqual(new Set(['筛选测试党支部', '筛选测试党小组']));
      expect((await list(`orgId=${fixture.group}`)).items.map((m) => m.name).sort()).toEqual(['筛选丁', '筛选戊'].sort());
      // The demo branch 综合办公室党支部 counts the members of its two groups too.
      const b1 = await list(`orgId=${idOf('综合办公室党支部')}&pageSize=100`);
      expect(new Set(b1.items.map((m) => m.orgId))).toEqual(new Set([idOf('综合办公室党支部'), idOf('综合办第一党小组'), idOf('综合办第二党小组')]));
      const tree = (await t.http.get('/api/v1/orgs/tree').set(bearer(admin)).expect(200)).body as OrgNode[];
      expect(b1.total).toBe(flatten(tree).find((n) => n.id === idOf('综合办公室党支部'))!.memberCount);
    });

    it('filters by keyword (name or phone), member type and activation', async () => {
      expect((await list('keyword=筛选')).total).toBe(5);
      expect((await list('keyword=筛选丙')).items.map((m) => m.id)).toEqual([fixture.ids[2]]);
      expect((await list('keyword=1365555000')).total).toBe(5);
      expect((await list('keyword=13655550004')).items.map((m) => m.name)).toEqual(['筛选丁']);

      const prob = await list(`orgId=${fixture.branch}&memberType=probationary`);
      expect(prob.items.map((m) => m.name).sort()).toEqual(['筛选丙', '筛选戊'].sort());
      expect((await list(`orgId=${fixture.branch}&memberType=full`)).total).toBe(3);

      // Only the demo secretary of 综合办公室党支部 has activated an account.
      const b1 = idOf('综合办公室党支部');
      const activated = await list(`orgId=${b1}&activated=true`);
      expect(activated.items.map((m) => [m.name, m.activated])).toEqual([['王建国', true]]);
      const inactive = await list(`orgId=${b1}&activated=false&pageSize=100`);
      expect(inactive.total).toBe((await list(`orgId=${b1}`)).total - 1);
      expect(inactive.items.every((m) => m.activated === false)).toBe(true);
      const bad = await t.http.get('/api/v1/members?memberType=boss').set(bearer(admin)).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('pages through the results', async () => {
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await list(`orgId=${fixture.branch}&pageSize=2&page=${page}`));
      expect(pages.map((p) => [p.total, p.page, p.pageSize, p.items.length])).toEqual([
        [5, 1, 2, 2],
        [5, 2, 2, 2],
        [5, 3, 2, 1],
      ]);
      const ids = pages.flatMap((p) => p.items.map((m) => m.id));
      expect(new Set(ids).size).toBe(5);
      expect([...ids].sort((a, b) => a - b)).toEqual([...fixture.ids].sort((a, b) => a - b));
      expect((await list(`orgId=${fixture.branch}&pageSize=2&page=4`)).items).toEqual([]);
      const defaults = await list('');
      expect([defaults.page, defaults.pageSize, defaults.items.length]).toEqual([1, 20, 20]);
    });
  });

  describe('update, delete, history (MEM-1, MEM-2)', () => {
    it('updates a member, also moving it to another branch', async () => {
      const m = (await create(valid(idOf('财务审计党支部'), '修改前', { phone: '13912340002' })).expect(201)).body as MemberView;
      const res = await t.http
        .patch(`/api/v1/members/${m.id}`)
        .set(bearer(admin))
        .send({ name: '修改后', phone: '13912340003', education: 'master', memberType: 'probationary', orgId: idOf('社会事务党支部') })
        .expect(200);
      expect(res.body).toMatchObject({ id: m.id, name: '修改后', phone: '13912340003', education: 'master', memberType: 'probationary', orgId: idOf('社会事务党支部'), orgName: '社会事务党支部', idNumberMasked: m.idNumberMasked });
      const after = await t.http.get(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(200);
      expect(after.body).toEqual(res.body);
      expect((await list(`orgId=${idOf('社会事务党支部')}&keyword=修改后`)).total).toBe(1);
      expect((await list(`orgId=${idOf('财务审计党支部')}&keyword=修改后`)).total).toBe(0);

      const toGeneral = await t.http.patch(`/api/v1/members/${m.id}`).set(bearer(admin)).send({ orgId: idOf('第一党总支') }).expect(400);
      expect(toGeneral.body.code).toBe('MEMBER_ORG_NOT_ALLOWED');
      const idChange = await t.http.patch(`/api/v1/members/${m.id}`).set(bearer(admin)).send({ idNumber: newIdNumber() }).expect(400);
      expect(idChange.body.details).toContainEqual({ field: 'idNumber', message: '不支持的字段：idNumber' });
      const badPhone = await t.http.patch(`/api/v1/members/${m.id}`).set(bearer(admin)).send({ phone: '12345' }).expect(400);
      expect(badPhone.body.message).toBe('手机号格式不正确');
      expect((await t.http.get(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(200)).body).toEqual(res.body);
      await t.http.patch('/api/v1/members/999999').set(bearer(admin)).send({ name: 'x' }).expect(404);
    });

    it('deleting moves a member to the history store, from where it can be restored', async () => {
      const input = valid(idOf('规划建设党小组'), '历史甲');
      const m = (await create(input).expect(201)).body as MemberView;
      const total = await tenantTotal();

      await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).send({ reason: '调出本单位' }).expect(204);
      const gone = await t.http.get(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(404);
      expect(gone.body).toEqual({ code: 'MEMBER_NOT_FOUND', message: '党员不存在' });
      expect((await list('keyword=历史甲')).total).toBe(0);
      expect(await tenantTotal()).toBe(total - 1);
      const hist = await t.http.get('/api/v1/members/history?keyword=历史甲').set(bearer(admin)).expect(200);
      expect(hist.body.items).toHaveLength(1);
      expect(hist.body.items[0]).toMatchObject({ id: m.id, name: '历史甲', status: 'history', deletedAt: expect.any(String), orgName: '规划建设党小组' });
      expect(hist.text).not.toContain(input.idNumber);

      // The ID number stays taken while the record is in history.
      const again = await create({ ...valid(idOf('规划建设党支部'), '历史甲重登'), idNumber: input.idNumber }).expect(409);
      expect(again.body).toMatchObject({ code: 'MEMBER_DUPLICATE_ID_NUMBER', message: '该身份证号的党员在历史库中，请从历史库恢复' });
      // Deleting twice: it is no longer an active member.
      await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(404);

      const restored = await t.http.post(`/api/v1/members/${m.id}/restore`).set(bearer(admin)).expect(200);
      expect(restored.body).toMatchObject({ id: m.id, status: 'active', deletedAt: null });
      expect((await list('keyword=历史甲')).items.map((x) => x.id)).toEqual([m.id]);
      expect((await history('keyword=历史甲')).total).toBe(0);
      expect(await tenantTotal()).toBe(total);
      const notInHistory = await t.http.post(`/api/v1/members/${m.id}/restore`).set(bearer(admin)).expect(404);
      expect(notInHistory.body.code).toBe('MEMBER_NOT_FOUND');
    });

    it('a deleted member cannot use its account until restored', async () => {
      const input = valid(idOf('规划建设党小组'), '停用甲');
      const m = (await create(input).expect(201)).body as MemberView;
      const account = await activate(input.idNumber);
      expect((await t.http.get(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(200)).body.activated).toBe(true);
      await t.http.get('/api/v1/auth/me').set(bearer(account.token)).expect(200);

      await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(204);
      const refused = await t.http.post('/api/v1/auth/login/password').send({ account: account.phone, password: account.password });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ code: 'IDENTITY_ACCOUNT_DISABLED', message: '账号已停用，请联系所在支部' });
      expect((await t.http.get('/api/v1/auth/me').set(bearer(account.token))).status).not.toBe(200);

      await t.http.post(`/api/v1/members/${m.id}/restore`).set(bearer(admin)).expect(200);
      const again = await t.http.post('/api/v1/auth/login/password').send({ account: account.phone, password: account.password }).expect(200);
      expect((await t.http.get('/api/v1/auth/me').set(bearer(again.body.accessToken)).expect(200)).body.memberId).toBe(m.id);
    });

    it('filters the history store by organisation', async () => {
      const a = (await create(valid(idOf('财务审计党支部'), '历史筛选甲')).expect(201)).body as MemberView;
      const b = (await create(valid(idOf('社会事务党支部'), '历史筛选乙')).expect(201)).body as MemberView;
      for (const m of [a, b]) await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(204);
      expect((await history('keyword=历史筛选')).items.map((m) => m.name).sort()).toEqual(['历史筛选乙', '历史筛选甲'].sort());
      const onlyA = await history(`orgId=${idOf('财务审计党支部')}&keyword=历史筛选`);
      expect(onlyA.items.map((m) => m.name)).toEqual(['历史筛选甲']);
    });

    it('purges a member from the history store for good', async () => {
      const input = valid(idOf('规划建设党支部'), '彻底删除甲');
      const m = (await create(input).expect(201)).body as MemberView;
      const activePurge = await t.http.delete(`/api/v1/members/${m.id}/purge`).set(bearer(admin)).expect(404);
      expect(activePurge.body.code).toBe('MEMBER_NOT_FOUND');
      expect((await list('keyword=彻底删除甲')).total).toBe(1);

      await t.http.delete(`/api/v1/members/${m.id}`).set(bearer(admin)).expect(204);
      const historyBefore = (await history('')).total;
      await t.http.delete(`/api/v1/members/${m.id}/purge`).set(bearer(admin)).expect(204);
      expect((await history('keyword=彻底删除甲')).total).toBe(0);
      expect((await history('')).total).toBe(historyBefore - 1);
      await t.http.post(`/api/v1/members/${m.id}/restore`).set(bearer(admin)).expect(404);
      await t.http.delete(`/api/v1/members/${m.id}/purge`).set(bearer(admin)).expect(404);
      // Gone for good: the ID number is free again.
      await create({ ...valid(idOf('规划建设党支部'), '彻底删除甲重登'), idNumber: input.idNumber }).expect(201);
    });
  });

  describe('ID numbers (ID-13)', () => {
    it('reveals a full ID number to an admin and audits it without the number', async () => {
      // An ID number ending in X, typed in lower case.
      let f17 = '';
      for (let s = 100; s < 999; s++) {
        f17 = `11010519880818${s}`;
        if (idNumberCheckChar(f17) === 'X') break;
      }
      const idNumber = `${f17}X`;
      const m = (await create({ ...valid(idOf('社会事务党支部'), '查看身份证'), idNumber: idNumber.toLowerCase() }).expect(201)).body as MemberView;
      expect(m.idNumberMasked).toBe(masked(idNumber));

      const res = await t.http.post(`/api/v1/members/${m.id}/reveal-id`).set(bearer(admin)).expect(200);
      expect(res.body).toEqual({ idNumber });

      const audit = await t.http.get('/api/v1/audit-logs?action=member.reveal_id').set(bearer(admin)).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'member.reveal_id', targetType: 'member', targetId: String(m.id), actorName: '单位管理员' });
      expect(audit.text).not.toContain(idNumber);
      expect(audit.text.toUpperCase()).not.toContain(f17);
      // The create itself is audited with the ID number redacted.
      const created = await t.http.get('/api/v1/audit-logs?action=member.create&pageSize=100').set(bearer(admin)).expect(200);
      const entry = created.body.items.find((e: { targetId: string }) => e.targetId === String(m.id));
      expect(entry.detail.body).toMatchObject({ name: '查看身份证', idNumber: '[redacted]' });
      expect(created.text.toUpperCase()).not.toContain(f17);

      await t.http.post('/api/v1/members/999999/reveal-id').set(bearer(admin)).expect(404);
    });
  });

  describe('Excel template, import and export (MEM-1)', () => {
    const HEADERS = ['姓名*', '身份证号*', '所在组织*', '手机号', '性别', '民族', '出生日期', '学历', '党员类型*', '入党日期*', '转正日期'];
    const download = async (path: string) => {
      const res = await t.http.get(path).set(bearer(admin)).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
      return readWorkbook(res.body as Buffer);
    };
    /** Fills the downloaded template's first sheet with rows (by header, not by position). */
    const fill = async (rows: Array<Record<string, string>>): Promise<Buffer> => {
      const wb = await download('/api/v1/members/template.xlsx');
      const ws = wb.worksheets[0];
      const headers = rowTexts(ws, 1);
      rows.forEach((row, i) => {
        for (const [header, value] of Object.entries(row)) {
          const col = headers.indexOf(header) + 1;
          if (col === 0) throw new Error(`no column ${header}`);
          ws.getCell(i + 2, col).value = value;
        }
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (buf: Buffer, filename = '党员.xlsx') => t.http.post('/api/v1/members/import').set(bearer(admin)).attach('file', buf, { filename, contentType: XLSX });
    const row = (name: string, idNumber: string, org: string, extra: Record<string, string> = {}) => ({ '姓名*': name, '身份证号*': idNumber, '所在组织*': org, '党员类型*': '正式党员', '入党日期*': '2010-07-01', ...extra });

    it('offers a real xlsx template with the columns and the organisations to choose from', async () => {
      const wb = await download('/api/v1/members/template.xlsx');
      const ws = wb.worksheets[0];
      expect(ws.name).toBe('党员信息');
      expect(rowTexts(ws, 1)).toEqual(HEADERS);
      const ref = wb.getWorksheet('组织列表')!;
      const listed = new Map<string, string>();
      ref.eachRow((r, n) => n > 1 && listed.set(cellText(r.getCell(1).value), cellText(r.getCell(2).value)));
      expect(listed.get('综合办公室党支部')).toBe('党支部');
      expect(listed.get('综合办第一党小组')).toBe('党小组');
      expect(listed.has('第一党总支')).toBe(false);
      expect(listed.has('湘江新区机关党委')).toBe(false);
    });

    it('imports the filled template', async () => {
      const ids = [newIdNumber(), newIdNumber(), newIdNumber()];
      const buf = await fill([
        row('导入甲', ids[0], '财务审计党支部', { 手机号: '13766660001', 性别: '女', 学历: '大学本科' }),
        row('导入乙', ids[1], '规划建设党小组', { '党员类型*': '预备党员', '入党日期*': '2025/3/1' }),
        row('导入丙', ids[2].toLowerCase(), '社会事务党支部', { 民族: '土家族', 转正日期: '2011.07.01' }),
      ]);
      const total = await tenantTotal();
      const res = await upload(buf).expect(201);
      expect(res.body).toEqual({ imported: 3 });
      expect(await tenantTotal()).toBe(total + 3);

      const got = (await list('keyword=导入&pageSize=100')).items;
      const byName = new Map(got.map((m) => [m.name, m]));
      expect(byName.get('导入甲')).toMatchObject({ orgName: '财务审计党支部', phone: '13766660001', gender: 'female', education: 'bachelor', memberType: 'full', joinDate: '2010-07-01', idNumberMasked: masked(ids[0]) });
      expect(byName.get('导入乙')).toMatchObject({ orgName: '规划建设党小组', memberType: 'probationary', joinDate: '2025-03-01', ethnicity: '汉族' });
      expect(byName.get('导入丙')).toMatchObject({ orgName: '社会事务党支部', ethnicity: '土家族', regularDate: '2011-07-01', idNumberMasked: masked(ids[2].toUpperCase()) });
      expect(got).toHaveLength(3);
    });

    it('reads dates that Excel stores as dates', async () => {
      const wb = await download('/api/v1/members/template.xlsx');
      const ws = wb.worksheets[0];
      const headers = rowTexts(ws, 1);
      const idNumber = newIdNumber();
      const values: Record<string, ExcelJS.CellValue> = {
        '姓名*': '日期格式甲',
        '身份证号*': idNumber,
        '所在组织*': '机关直属党支部',
        '党员类型*': '正式党员',
        '入党日期*': new Date(Date.UTC(2003, 6, 1)),
        转正日期: new Date(Date.UTC(2004, 6, 1)),
      };
      for (const [h, v] of Object.entries(values)) ws.getCell(2, headers.indexOf(h) + 1).value = v;
      const res = await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(201);
      expect(res.body).toEqual({ imported: 1 });
      expect((await list('keyword=日期格式甲')).items[0]).toMatchObject({ joinDate: '2003-07-01', regularDate: '2004-07-01', orgName: '机关直属党支部' });
    });

    it('asks to rename when two organisations share the name given in a row', async () => {
      for (const parent of ['第一党总支', '第二党总支']) {
        await t.http.post('/api/v1/orgs').set(bearer(admin)).send({ parentId: idOf(parent), name: '同名党支部', type: 'branch' }).expect(201);
      }
      const res = await upload(await fill([row('同名甲', newIdNumber(), '同名党支部')])).expect(422);
      expect(res.body.details).toEqual([{ row: 2, field: '所在组织', message: '有多个组织名为“同名党支部”，请先在系统中改名以区分' }]);
      expect((await list('keyword=同名甲')).total).toBe(0);
    });

    it('imports nothing when any row is wrong, and names every wrong row and column', async () => {
      const existing = (await create(valid(idOf('财务审计党支部'), '已登记者')).expect(201)).body as MemberView;
      const existingId = (await t.http.post(`/api/v1/members/${existing.id}/reveal-id`).set(bearer(admin)).expect(200)).body.idNumber as string;
      const good = [newIdNumber(), newIdNumber()];
      const buf = await fill([
        row('整批甲', good[0], '财务审计党支部'), // row 2: good
        row('整批乙', wrongCheck(newIdNumber()), '财务审计党支部'), // row 3: bad check digit
        row('整批丙', good[1], '社会事务党支部'), // row 4: good
        row('整批丁', newIdNumber(), '不存在的党支部'), // row 5: unknown organisation
        row('整批戊', good[0], '社会事务党支部'), // row 6: same ID as row 2
        row('整批己', existingId, '社会事务党支部'), // row 7: already registered
      ]);
      const total = await tenantTotal();
      const res = await upload(buf).expect(422);
      expect(res.body.code).toBe('MEMBER_IMPORT_INVALID');
      expect(res.body.message).toBe('导入文件有错误，未导入任何数据，请修改后重新上传');
      expect(res.body.details).toEqual([
        { row: 3, field: '身份证号', message: '身份证号校验位不正确，请核对' },
        { row: 5, field: '所在组织', message: '“不存在的党支部”不是您管理范围内的党支部或党小组' },
        { row: 6, field: '身份证号', message: '与第2行的身份证号重复' },
        { row: 7, field: '身份证号', message: '该身份证号已登记' },
      ]);
      expect(res.text).not.toContain(good[0]);
      expect(await tenantTotal()).toBe(total);
      expect((await list('keyword=整批')).total).toBe(0);
    });

    it('refuses a file that is not an Excel workbook or lacks required columns', async () => {
      const notExcel = await upload(Buffer.from('姓名,身份证号\n张三,110105199003071234\n'), '党员.xlsx').expect(400);
      expect(notExcel.body).toEqual({ code: 'MEMBER_IMPORT_FILE_UNREADABLE', message: '无法读取文件，请使用下载的Excel模板' });
      const noFile = await t.http.post('/api/v1/members/import').set(bearer(admin)).send({}).expect(400);
      expect(noFile.body).toEqual({ code: 'MEMBER_IMPORT_FILE_UNREADABLE', message: '请上传Excel文件（表单字段 file）' });

      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('党员信息').addRow(['姓名*', '所在组织*']);
      const missing = await upload(Buffer.from(await wb.xlsx.writeBuffer())).expect(400);
      expect(missing.body).toEqual({ code: 'MEMBER_IMPORT_FILE_UNREADABLE', message: '缺少必填列：身份证号、党员类型、入党日期，请使用下载的模板' });
    });

    it('exports the listed members of an organisation with masked ID numbers', async () => {
      const b1 = idOf('综合办公室党支部');
      const listed = await list(`orgId=${b1}&pageSize=100`);
      const wb = await download(`/api/v1/members/export.xlsx?orgId=${b1}`);
      const ws = wb.worksheets[0];
      const headers = rowTexts(ws, 1);
      expect(headers[0]).toMatch(/^姓名/);
      expect(headers[1]).toContain('身份证号（已脱敏）');
      const rows = [];
      for (let r = 2; r <= ws.rowCount; r++) rows.push(rowTexts(ws, r));
      expect(rows).toHaveLength(listed.total);
      expect(rows.map((r) => r[0]).sort()).toEqual(listed.items.map((m) => m.name).sort());
      for (const r of rows) {
        expect(r[1]).toContain('*');
        expect(r[1]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      }
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['综合办公室党支部', '综合办第一党小组', '综合办第二党小组']));
      const wholeTenant = await download('/api/v1/members/export.xlsx');
      expect(wholeTenant.worksheets[0].rowCount - 1).toBe(await tenantTotal());
    });
  });
});
