import { yuanToFen } from '@dangjian/shared';

/**
 * Money on the admin page. The API carries integer fen everywhere (PAY-4); people read and type
 * yuan. Conversions go through strings and integers only — never `yuan * 100` in floating point,
 * where 0.29 * 100 = 28.999999999999996.
 */

/** 1234 → ¥12.34; −500 → −¥5.00; null → —. */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null) return '—';
  return `${fen < 0 ? '−' : ''}¥${yuanText(Math.abs(fen))}`;
}

/** 1234 → "12.34", the plain decimal an input starts from (no currency sign). */
export function yuanText(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * "12.34" → 1234, "12" → 1200, "1,234.5" → 123450, "0.2" → 20. Anything else (more than two
 * decimals, signs, letters, empty) → null. The shared parser, so the page reads a typed amount
 * exactly as the server reads the same text in an Excel import.
 */
export function parseYuan(text: string | null | undefined): number | null {
  return text == null ? null : yuanToFen(text);
}

/**
 * A form rule for a yuan text field: a non-negative amount with at most two decimals, optionally
 * within [minFen, maxFen]. Empty passes (add `required` separately).
 */
export function yuanRule(opts: { minFen?: number; maxFen?: number; label?: string } = {}) {
  const { minFen, maxFen, label = '金额' } = opts;
  return {
    validator: (_: unknown, v: string | undefined) => {
      if (v == null || v.trim() === '') return Promise.resolve();
      const fen = parseYuan(v);
      if (fen == null) return Promise.reject(new Error(`${label}请填写数字，最多两位小数（单位：元）`));
      if (minFen != null && fen < minFen) return Promise.reject(new Error(`${label}不能低于${yuanText(minFen)}元`));
      if (maxFen != null && fen > maxFen) return Promise.reject(new Error(`${label}不能超过${yuanText(maxFen)}元`));
      return Promise.resolve();
    },
  };
}
