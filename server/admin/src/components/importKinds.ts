import type { ImportResult } from '@dangjian/shared';
import { api } from '../api';

/** What differs between the Excel imports; the ImportModal does the rest. */
export interface ImportKind {
  /** The dialog title, e.g. 导入党员. */
  title: string;
  /** Counter and noun for the success line: 共导入 3 名党员 / 3 个组织. */
  unit: string;
  /** Step 1: what one row of the template holds. */
  fillHint: string;
  /** Column names for field codes the server reports (anything else is shown as sent). */
  fieldLabels?: Record<string, string>;
  downloadTemplate: () => Promise<void>;
  upload: (file: File) => Promise<ImportResult>;
}

/** MEM-1: members into existing branches and groups. */
export const MEMBER_IMPORT: ImportKind = {
  title: '导入党员',
  unit: '名党员',
  fillHint: '下载导入模板，每行填写一名党员；“所在组织”填写模板中“组织列表”里的党支部或党小组名称。',
  fieldLabels: {
    orgId: '所在组织',
    orgName: '所在组织',
    name: '姓名',
    idNumber: '身份证号',
    phone: '手机号',
    gender: '性别',
    ethnicity: '民族',
    birthDate: '出生日期',
    education: '学历',
    memberType: '党员类型',
    joinDate: '入党日期',
    regularDate: '转正日期',
  },
  downloadTemplate: () => api.members.downloadTemplate(),
  upload: (file) => api.members.import(file),
};

/** ORG-4: building the tree; the server reports the template's column names as fields. */
export const ORG_IMPORT: ImportKind = {
  title: '导入组织',
  unit: '个组织',
  fillHint: '下载导入模板，每行填写一个组织；“上级组织”填写系统中已有的组织名称，或本表中更靠前一行的组织名称。',
  fieldLabels: { name: '组织名称', type: '组织类型', parent: '上级组织' },
  downloadTemplate: () => api.orgs.downloadTemplate(),
  upload: (file) => api.orgs.import(file),
};

/** DUES-2: one year's dues standards; the template lists the organisation's members. Errors name the template's columns. */
export const duesStandardImport = (year: number, orgId?: number): ImportKind => ({
  title: `导入${year}年度党费标准`,
  unit: '名党员的党费标准',
  fillHint: '下载导入模板（已列出所选组织的党员），每行填写一名党员的类别和月收入（元，精确到分）；农民党员填写每月金额，困难减免须填写减免后金额和批准组织。',
  downloadTemplate: () => api.dues.downloadStandardsTemplate({ orgId, year }),
  upload: (file) => api.dues.importStandards(year, file),
});
