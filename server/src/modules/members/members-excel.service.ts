import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import ExcelJS from 'exceljs';
import {
  beijingDate,
  checkIdNumber,
  codeForLabel,
  EDUCATION_LABELS,
  GENDER_LABELS,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberFacts,
  MEMBER_TYPE_LABELS,
  memberDateProblems,
  normalizeIdNumber,
  ORG_TYPE_LABELS,
  type ImportResult,
} from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { addNotes, addSheet, normalizeDate, notInList, readSheet, toBuffer, type SheetColumn } from '../../common/excel/workbook.js';
import { AppError } from '../../common/errors/app-error.js';
import { MemberError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { MemberCreateDto, type MemberQueryDto } from './dto/member.dto.js';
import { MembersService } from './members.service.js';

type Detail = { row: number; field?: string; message: string };
type Key = 'name' | 'idNumber' | 'org' | 'phone' | 'gender' | 'ethnicity' | 'birthDate' | 'education' | 'memberType' | 'joinDate' | 'regularDate';

/** Columns of the template, import and export, in order. */
const COLUMNS: SheetColumn<Key>[] = [
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'idNumber', header: '身份证号', required: true, width: 22 },
  { key: 'org', header: '所在组织', required: true, width: 24 },
  { key: 'phone', header: '手机号', width: 14 },
  { key: 'gender', header: '性别', width: 8, list: Object.values(GENDER_LABELS) },
  { key: 'ethnicity', header: '民族', width: 10 },
  { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'education', header: '学历', width: 12, list: Object.values(EDUCATION_LABELS) },
  { key: 'memberType', header: '党员类型', required: true, width: 12, list: Object.values(MEMBER_TYPE_LABELS) },
  { key: 'joinDate', header: '入党日期', required: true, width: 12 },
  { key: 'regularDate', header: '转正日期', width: 12 },
];
const header = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

const MAX_ROWS = 5000;

/**
 * MEM-1 Excel template, import and export (exceljs). An import is all-or-nothing: every row is
 * checked first and any problem is reported by row and column with nothing saved.
 */
@Injectable()
export class MembersExcelService {
  constructor(
    private readonly members: MembersService,
    private readonly orgs: OrgScope,
    private readonly tx: Transactions,
  ) {}

  async template(user: AuthUser): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '党员信息', COLUMNS);
    const ref = wb.addWorksheet('组织列表');
    ref.columns = [
      { header: '组织名称（填入“所在组织”）', key: 'name', width: 36 },
      { header: '类型', key: 'type', width: 10 },
    ];
    ref.getRow(1).font = { bold: true };
    for (const o of await this.orgs.memberOrgsInScope(user)) ref.addRow({ name: o.name, type: ORG_TYPE_LABELS[o.type] });
    addNotes(wb, [
      '带*的列必填；日期格式为 2020-07-01；身份证号请设置为文本格式，末位X大小写均可。',
      '性别、出生日期不填时按身份证号自动填写；民族不填默认为汉族。',
      '所在组织填写“组织列表”中的党支部或党小组名称。',
      '任意一行有错误时整批不导入，请按提示修改后重新上传。',
    ]);
    return toBuffer(wb);
  }

  async import(user: AuthUser, file: Buffer): Promise<ImportResult> {
    const rows = await readSheet(file, COLUMNS, MAX_ROWS, MemberError.ImportFileUnreadable);
    if (!rows.length) throw new AppError(MemberError.ImportInvalid, '文件中没有党员数据', []);

    const orgsByName = new Map<string, { id: number }[]>();
    for (const o of await this.orgs.memberOrgsInScope(user)) orgsByName.set(o.name, [...(orgsByName.get(o.name) ?? []), o]);
    const details: Detail[] = [];
    const good: Array<{ row: number; dto: MemberCreateDto }> = [];
    const seen = new Map<string, number>();
    for (const { row, values } of rows) {
      const checked = await this.checkRow(row, values, orgsByName, seen);
      if (checked.errors.length) details.push(...checked.errors);
      else good.push({ row, dto: checked.dto! });
    }

    const built = good.map(({ row, dto }) => ({ row, member: this.members.build(user.tenantId!, dto) }));
    return this.tx.run(async (em) => {
      const existing = await this.members.existingIdHashes(user.tenantId!, built.map((b) => b.member.idHash), em);
      for (const b of built) {
        const status = existing.get(b.member.idHash);
        if (status) details.push({ row: b.row, field: '身份证号', message: status === 'history' ? '该党员在历史库中，请从历史库恢复' : '该身份证号已登记' });
      }
      if (details.length) throw new AppError(MemberError.ImportInvalid, undefined, details.sort((a, b) => a.row - b.row));
      await this.members.saveMany(built.map((b) => b.member), em);
      return { imported: built.length };
    });
  }

  private async checkRow(row: number, raw: Record<Key, string>, orgsByName: Map<string, { id: number }[]>, seen: Map<string, number>): Promise<{ errors: Detail[]; dto?: MemberCreateDto }> {
    const errors: Detail[] = [];
    const err = (field: string, message: string) => errors.push({ row, field, message });
    const pick = <T extends string>(labels: Record<T, string>, key: Key): T | undefined => {
      if (!raw[key]) return undefined;
      const code = codeForLabel(labels, raw[key]);
      if (!code) err(header(key), notInList(raw[key], header(key), Object.values(labels)));
      return code;
    };

    for (const c of COLUMNS) if (c.required && !raw[c.key]) err(c.header, `${c.header}不能为空`);
    const id = normalizeIdNumber(raw.idNumber);
    if (raw.idNumber) {
      const problem = checkIdNumber(id);
      if (problem) err('身份证号', ID_NUMBER_PROBLEM_MESSAGES[problem]);
      else if (seen.has(id)) err('身份证号', `与第${seen.get(id)}行的身份证号重复`);
      else seen.set(id, row);
    }
    const orgs = raw.org ? orgsByName.get(raw.org) : undefined;
    if (raw.org && !orgs) err('所在组织', `“${raw.org}”不是您管理范围内的党支部或党小组`);
    if (orgs && orgs.length > 1) err('所在组织', `有多个组织名为“${raw.org}”，请先在系统中改名以区分`);

    const plain = {
      orgId: orgs?.length === 1 ? orgs[0].id : 0,
      name: raw.name,
      idNumber: id,
      phone: raw.phone || undefined,
      gender: pick(GENDER_LABELS, 'gender'),
      ethnicity: raw.ethnicity || undefined,
      birthDate: raw.birthDate ? normalizeDate(raw.birthDate) : undefined,
      education: pick(EDUCATION_LABELS, 'education'),
      memberType: pick(MEMBER_TYPE_LABELS, 'memberType'),
      joinDate: normalizeDate(raw.joinDate),
      regularDate: raw.regularDate ? normalizeDate(raw.regularDate) : undefined,
    };
    if (errors.length) return { errors };
    const dto = plainToInstance(MemberCreateDto, plain);
    for (const v of await validate(dto, { stopAtFirstError: true })) err(header(v.property), Object.values(v.constraints ?? {})[0] ?? '格式不正确');
    if (!errors.length) {
      const birthDate = dto.birthDate ?? idNumberFacts(id).birthDate;
      for (const p of memberDateProblems({ birthDate, joinDate: dto.joinDate, regularDate: dto.regularDate }, beijingDate())) err(header(p.field), p.message);
    }
    return errors.length ? { errors } : { errors, dto };
  }

  async export(user: AuthUser, q: Pick<MemberQueryDto, 'orgId' | 'keyword' | 'memberType' | 'activated'>): Promise<Buffer> {
    const views = await this.members.all(user, q);
    const wb = new ExcelJS.Workbook();
    const exported = COLUMNS.map((c) => ({ ...c, required: false, list: undefined, header: c.key === 'idNumber' ? '身份证号（已脱敏）' : c.header }));
    const ws = addSheet(wb, '党员信息', exported, 0);
    for (const m of views) {
      ws.addRow({
        name: m.name,
        idNumber: m.idNumberMasked,
        org: m.orgName,
        phone: m.phone ?? '',
        gender: GENDER_LABELS[m.gender],
        ethnicity: m.ethnicity,
        birthDate: m.birthDate,
        education: m.education ? EDUCATION_LABELS[m.education] : '',
        memberType: MEMBER_TYPE_LABELS[m.memberType],
        joinDate: m.joinDate,
        regularDate: m.regularDate ?? '',
      });
    }
    return toBuffer(wb);
  }
}
