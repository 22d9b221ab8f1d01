import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { canHoldChild, codeForLabel, ORG_TYPE_LABELS, type ImportResult, type OrgType } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { addNotes, addSheet, notInList, readSheet, toBuffer, type SheetColumn } from '../../common/excel/workbook.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import type { Organization } from './entities/organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { OrgScope } from './org-scope.service.js';

type Key = 'name' | 'type' | 'parent';
const COLUMNS: SheetColumn<Key>[] = [
  { key: 'name', header: '组织名称', required: true, width: 30 },
  { key: 'type', header: '组织类型', required: true, width: 12, list: Object.values(ORG_TYPE_LABELS) },
  { key: 'parent', header: '上级组织', required: true, width: 30 },
];
const MAX_ROWS = 2000;

type Detail = { row: number; field?: string; message: string };
type Planned = { row: number; name: string; type: OrgType; parent: string };

/**
 * ORG-4: building the tree from an Excel template. A row's parent is an organisation already in the
 * caller's scope or one named on an earlier row; all rows are checked before anything is saved.
 */
@Injectable()
export class OrgExcelService {
  constructor(
    private readonly scope: OrgScope,
    private readonly orgs: OrganizationsService,
    private readonly tx: Transactions,
  ) {}

  template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '组织信息', COLUMNS);
    addNotes(wb, [
      '带*的列必填。上级组织填写系统中已有的组织名称，或本表中更靠前一行的组织名称。',
      '党委下可建党委、党总支、党支部；党总支下建党支部；党支部下建党小组。',
      '例如：组织名称“第三党支部”，组织类型“党支部”，上级组织“第一党总支”。',
      '组织名称不能与已有组织重名；任意一行有错误时整批不导入。',
    ]);
    return toBuffer(wb);
  }

  async import(user: AuthUser, file: Buffer): Promise<ImportResult> {
    const rows = await readSheet(file, COLUMNS, MAX_ROWS, OrgError.ImportFileUnreadable);
    if (!rows.length) throw new AppError(OrgError.ImportInvalid, '文件中没有组织数据', []);
    const existing = await this.scope.orgsInScope(user);
    const byName = new Map<string, Organization[]>();
    for (const o of existing) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
    const planned = new Map<string, Planned>();
    const details: Detail[] = [];
    for (const { row, values } of rows) {
      const err = (field: string, message: string) => details.push({ row, field, message });
      for (const c of COLUMNS) if (!values[c.key]) err(c.header, `${c.header}不能为空`);
      if (!values.name || !values.type || !values.parent) continue;
      const type = codeForLabel(ORG_TYPE_LABELS, values.type);
      if (!type) err('组织类型', notInList(values.type, '组织类型', Object.values(ORG_TYPE_LABELS)));
      if (values.name.length > 100) err('组织名称', '组织名称最多100个字');
      if (byName.has(values.name) || planned.has(values.name)) err('组织名称', `组织“${values.name}”已存在`);
      const parentType = planned.get(values.parent)?.type ?? (byName.get(values.parent)?.length === 1 ? byName.get(values.parent)![0].type : undefined);
      if (!planned.has(values.parent) && !byName.has(values.parent)) err('上级组织', `找不到上级组织“${values.parent}”（须为已有组织或本表前面的行）`);
      else if ((byName.get(values.parent)?.length ?? 0) > 1) err('上级组织', `有多个组织名为“${values.parent}”，请先在系统中改名以区分`);
      else if (type && parentType && !canHoldChild(parentType, type)) err('组织类型', `${ORG_TYPE_LABELS[parentType]}下不能建立${ORG_TYPE_LABELS[type]}`);
      if (type) planned.set(values.name, { row, name: values.name, type, parent: values.parent });
    }
    if (details.length) throw new AppError(OrgError.ImportInvalid, undefined, details);
    return this.tx.run(async (em) => {
      const created = new Map<string, Organization>();
      for (const p of planned.values()) {
        const parent = created.get(p.parent) ?? byName.get(p.parent)![0];
        created.set(p.name, await this.orgs.insertChild(parent, { name: p.name, type: p.type }, em));
      }
      return { imported: created.size };
    });
  }
}
