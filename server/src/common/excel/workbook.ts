import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/error-codes.js';

/** A column of an import template: key, Chinese header, whether it must be filled. */
export interface SheetColumn<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  width: number;
  /** Allowed values, offered as a drop-down in the template. */
  list?: string[];
}

export interface SheetRow<K extends string> {
  row: number;
  values: Record<K, string>;
}


/** The text a person sees in a cell (dates as YYYY-MM-DD, formulas by result). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  }
  return String(v).trim();
}

/** Accepts 2001-07-01, 2001/7/1 and 2001.07.01, the forms people type in Excel. */
export function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s;
}

/** Adds a sheet with the columns' headers (required ones marked *), frozen header, drop-downs. */
export function addSheet(wb: ExcelJS.Workbook, title: string, columns: readonly SheetColumn[], dropDownRows = 1000): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header + (c.required ? '*' : ''), key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (!c.list) return;
    for (let r = 2; r <= dropDownRows + 1; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${c.list.join(',')}"`] };
  });
  return ws;
}

export function addNotes(wb: ExcelJS.Workbook, lines: string[]): void {
  const notes = wb.addWorksheet('填写说明');
  lines.forEach((t) => notes.addRow([t]));
  notes.getColumn(1).width = 90;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads the first sheet of an uploaded .xlsx by header text. Blank rows are skipped. Throws the
 * domain's `unreadable` error (with a message for the user) when the file is not a workbook, a
 * required column is missing, or it has more than maxRows rows.
 */
export async function readSheet<K extends string>(file: Buffer, columns: readonly SheetColumn<K>[], maxRows: number, unreadable: ErrorCode): Promise<SheetRow<K>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError(unreadable, '无法读取文件，请使用下载的Excel模板');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(unreadable, '无法读取文件，请使用下载的Excel模板');
  const colOf = new Map<K, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const c = columns.find((x) => x.header === cellText(cell.value).replace(/\*$/, ''));
    if (c) colOf.set(c.key, col);
  });
  const missing = columns.filter((c) => c.required && !colOf.has(c.key));
  if (missing.length) throw new AppError(unreadable, `缺少必填列：${missing.map((c) => c.header).join('、')}，请使用下载的模板`);
  const rows: SheetRow<K>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = Object.fromEntries(columns.map((c) => [c.key, colOf.has(c.key) ? cellText(ws.getRow(r).getCell(colOf.get(c.key)!).value) : ''])) as Record<K, string>;
    if (Object.values(values).every((v) => v === '')) continue;
    if (rows.length >= maxRows) throw new AppError(unreadable, `一次最多导入${maxRows}行，请分批导入`);
    rows.push({ row: r, values });
  }
  return rows;
}

/** "“x”不是有效的性别，可选：男、女" — the message for a value outside a list. */
export function notInList(value: string, field: string, allowed: string[]): string {
  return `“${value}”不是有效的${field}，可选：${allowed.join('、')}`;
}
