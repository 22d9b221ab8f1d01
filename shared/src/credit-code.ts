const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The MOD 31 check character of the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last a MOD 31 check; every kind of merchant
 * certificate of a dues account carries one (DUES-8). null when valid, else the problem in Chinese.
 */
export function usccProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return '统一社会信用代码格式不正确（不含字母I、O、S、V、Z）';
  return usccCheckChar(code) === code[17] ? null : '统一社会信用代码校验位不正确，请核对';
}
