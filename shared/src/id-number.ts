/**
 * Mainland resident ID number (居民身份证号码) rules, GB 11643-1999 (ID-1).
 * 17 digits + a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('first17 must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases the trailing x and trims spaces, the forms people actually type. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

/** Returns null when valid, otherwise what is wrong (for a precise message). */
export function checkIdNumber(raw: string): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth_date';
  if (date.getTime() > Date.now()) return 'birth_date';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export function isValidIdNumber(raw: string): boolean {
  return checkIdNumber(raw) === null;
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，前17位为数字，最后一位为数字或X',
  birth_date: '身份证号中的出生日期不正确',
  check_digit: '身份证号校验位不正确，请核对',
};

/** Birth date (YYYY-MM-DD) and gender encoded in a valid ID number. */
export function idNumberFacts(raw: string): { birthDate: string; gender: 'male' | 'female' } {
  const id = normalizeIdNumber(raw);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
