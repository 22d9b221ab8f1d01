import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DUES_CATEGORIES, DUES_CATEGORY_LABELS, monthlyDues, yuanToFen, type DuesBillView, type DuesCategory, type DuesPaymentView, type ImportResult } from '@dangjian/shared';
import { In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { addNotes, addSheet, notInList, readSheet, toBuffer, type SheetColumn } from '../../common/excel/workbook.js';
import { AppError } from '../../common/errors/app-error.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { DuesContext } from './dues-context.service.js';
import { DuesStandardsService } from './dues-standards.service.js';
import { DuesStandard } from './entities/dues-standard.entity.js';

type Key = 'memberId' | 'name' | 'org' | 'category' | 'income' | 'farmer' | 'hardship' | 'approvedBy';
const CATEGORY_NAMES = DUES_CATEGORIES.map((c) => DUES_CATEGORY_LABELS[c]);
const COLUMNS: SheetColumn<Key>[] = [
  { key: 'memberId', header: '党员编号', required: true, width: 10 },
  { key: 'name', header: '姓名', required: true, width: 12 },
  { key: 'org', header: '所在组织', width: 24 },
  { key: 'category', header: '党员类别', required: true, width: 22, list: CATEGORY_NAMES },
  { key: 'income', header: '月收入（元）', width: 14 },
  { key: 'farmer', header: '农民党员月交纳额（元）', width: 20 },
  { key: 'hardship', header: '减免后月交纳额（元）', width: 20 },
  { key: 'approvedBy', header: '减免批准机关', width: 20 },
];
const header = (k: Key) => COLUMNS.find((c) => c.key === k)!.header;
const MAX_ROWS = 5000;
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** DUES-2 by Excel: the template lists the organisation's members; the import is all-or-nothing. */
@Injectable()
export class DuesExcelService {
  constructor(
    private readonly ctx: DuesContext,
    private readonly standards: DuesStandardsService,
    private readonly tx: Transactions,
  ) {}

  async template(user: AuthUser, orgId: number, year: number): Promise<Buffer> {
    await this.ctx.scope.assertOrg(user, orgId);
    const page = await this.standards.list(user, { orgId, year, page: 1, pageSize: MAX_ROWS } as never);
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, `${year}年党费标准`, COLUMNS);
    for (const r of page.items) {
      const s = r.standard;
      ws.addRow({
        memberId: r.memberId,
        name: r.memberName,
        org: r.orgName,
        category: s ? DUES_CATEGORY_LABELS[s.category] : '',
        income: s?.incomeFen != null ? yuan(s.incomeFen) : '',
        farmer: s?.category === 'farmer' ? yuan(s.standardFen) : '',
        hardship: s?.hardship ? yuan(s.hardship.amountFen) : '',
        approvedBy: s?.hardship?.approvedBy ?? '',
      });
    }
    addNotes(wb, [
      `${year}年党费标准导入说明（中组发〔2008〕3号）`,
      '党员编号、姓名请勿修改；党员类别从下拉列表选择。',
      '在职党员填每月税后工资收入，离退休党员填每月离退休费（元，最多两位小数）：',
      '  在职：3000元及以下0.5%，3000–5000元1%，5000–10000元1.5%，10000元以上2%；离退休：5000元及以下0.5%，以上1%。',
      '学生、下岗失业、享受最低生活保障的党员每月0.2元；农民党员每月0.2–1元，填写支部确定的金额。',
      '困难减免：填写减免后的月交纳额（0为免交）和批准的上级党组织。',
      '任何一行有错误时整个文件不会导入；已锁定的标准须在系统中“更正”。',
    ]);
    return toBuffer(wb);
  }

  async import(user: AuthUser, year: number, file: Buffer): Promise<ImportResult> {
    const rows = await readSheet(file, COLUMNS, MAX_ROWS, DuesError.ImportFileUnreadable);
    if (!rows.length) throw new AppError(DuesError.ImportFileUnreadable, '文件中没有数据行');
    const details: Array<{ row: number; field?: string; message: string }> = [];
    const ids = rows.map((r) => Number(r.values.memberId)).filter((n) => Number.isInteger(n) && n > 0);
    const reach = await this.ctx.members.inScope(user, ids);
    const members = new Map((ids.length ? await this.ctx.ds.getRepository(Member).find({ where: { id: In(ids), tenantId: user.tenantId ?? -1, status: 'active' } }) : []).map((m) => [m.id, m]));
    const existing = new Map((ids.length ? await this.ctx.ds.getRepository(DuesStandard).find({ where: { memberId: In(ids), year } }) : []).map((s) => [s.memberId, s]));
    const seen = new Set<number>();
    const planned: Array<{ member: Member; fields: Parameters<DuesStandardsService['compute']>[0] }> = [];

    for (const { row, values: v } of rows) {
      const bad = (k: Key, message: string) => details.push({ row, field: header(k), message });
      const id = Number(v.memberId);
      const member = members.get(id);
      if (!member || !reach.has(id)) {
        bad('memberId', `党员编号“${v.memberId}”不在您管理的组织中`);
        continue;
      }
      if (member.name !== v.name) bad('name', `姓名与党员编号${id}的党员（${member.name}）不一致`);
      if (seen.has(id)) bad('memberId', '同一党员在文件中出现了多次');
      seen.add(id);
      if (existing.get(id)?.lockedAt) bad('category', '该党员本年度标准已锁定，请在系统中使用“更正”');
      const categoryIndex = CATEGORY_NAMES.indexOf(v.category);
      if (categoryIndex < 0) {
        bad('category', notInList(v.category, '党员类别', CATEGORY_NAMES));
        continue;
      }
      const category: DuesCategory = DUES_CATEGORIES[categoryIndex];
      const amount = (k: Key) => {
        if (!v[k]) return undefined;
        const fen = yuanToFen(v[k]);
        if (fen === null) bad(k, `“${v[k]}”不是有效的金额（元，最多两位小数）`);
        return fen ?? undefined;
      };
      const incomeFen = amount('income');
      const farmerFen = amount('farmer');
      const hardshipFen = amount('hardship');
      const r = monthlyDues({ category, incomeFen, farmerFen });
      if (!r.ok) {
        bad(category === 'farmer' ? 'farmer' : 'income', r.problem);
        continue;
      }
      if (hardshipFen !== undefined && !v.approvedBy) bad('approvedBy', '困难减免须填写批准的党组织');
      if (hardshipFen !== undefined && hardshipFen > r.amountFen) bad('hardship', '减免后的金额不能高于按规定应交的金额');
      planned.push({ member, fields: { category, incomeFen, farmerFen, hardship: hardshipFen !== undefined ? { amountFen: hardshipFen, approvedBy: v.approvedBy } : null } });
    }
    if (details.length) throw new AppError(DuesError.ImportInvalid, undefined, details);
    await this.tx.run(async (em) => {
      for (const p of planned) {
        const current = await em.getRepository(DuesStandard).findOne({ where: { memberId: p.member.id, year }, lock: this.tx.lock });
        if (current?.lockedAt) throw new AppError(DuesError.StandardLocked);
        await this.standards.write(em, user, p.member, year, p.fields, current, 'import');
      }
    });
    return { imported: planned.length };
  }

  async billsSheet(rows: DuesBillView[], month: string): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(`${month}交纳情况`);
    ws.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '所在组织', key: 'org', width: 24 },
      { header: '月份', key: 'month', width: 10 },
      { header: '应交（元）', key: 'amount', width: 12 },
      { header: '状态', key: 'status', width: 8 },
      { header: '交纳方式', key: 'via', width: 10 },
      { header: '交纳时间', key: 'paidAt', width: 20 },
      { header: '代缴人', key: 'payer', width: 12 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const b of rows) ws.addRow({ name: b.memberName, org: b.orgName, month: b.month, amount: Number(yuan(b.amountFen)), status: b.status === 'paid' ? (b.prepaid ? '预交' : '已交') : '未交', via: b.paidVia ? VIA[b.paidVia] : '', paidAt: b.paidAt ?? '', payer: b.payerName ?? '' });
    return toBuffer(wb);
  }

  async paymentsSheet(rows: DuesPaymentView[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党费交纳记录');
    ws.columns = [
      { header: '姓名', key: 'name', width: 12 },
      { header: '所在组织', key: 'org', width: 24 },
      { header: '月份', key: 'months', width: 24 },
      { header: '党费（元）', key: 'dues', width: 12 },
      { header: '自愿多交（元）', key: 'voluntary', width: 14 },
      { header: '合计（元）', key: 'amount', width: 12 },
      { header: '交纳方式', key: 'via', width: 10 },
      { header: '状态', key: 'status', width: 8 },
      { header: '订单号/收据号', key: 'ref', width: 26 },
      { header: '代缴人', key: 'payer', width: 12 },
      { header: '交纳时间', key: 'paidAt', width: 20 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const p of rows) {
      ws.addRow({ name: p.memberName, org: p.orgName, months: p.months.join('、'), dues: Number(yuan(p.duesFen)), voluntary: Number(yuan(p.voluntaryFen)), amount: Number(yuan(p.amountFen)), via: VIA[p.paidVia], status: STATUS[p.status], ref: p.orderNo ?? p.receiptNo ?? '', payer: p.payerName ?? '', paidAt: p.paidAt ?? '' });
    }
    return toBuffer(wb);
  }
}

const VIA = { wechat: '微信', alipay: '支付宝', cash: '现金' } as const;
const STATUS = { pending: '待支付', paid: '已支付', closed: '已关闭', reversed: '已冲正' } as const;
