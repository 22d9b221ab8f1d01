/**
 * Password policy (ID-4, 002 §4.1): at least 8 characters with at least two of the four kinds
 * upper-case, lower-case, digit, symbol. The same checks drive the server's validation and the
 * live hints the clients show while the user types.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

export interface PasswordCheck {
  key: 'length' | 'kinds';
  label: string;
  ok: boolean;
}

export function passwordKinds(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

export function checkPassword(pw: string): PasswordCheck[] {
  return [
    { key: 'length', label: `长度${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH}位`, ok: pw.length >= PASSWORD_MIN_LENGTH && pw.length <= PASSWORD_MAX_LENGTH },
    { key: 'kinds', label: '包含大写字母、小写字母、数字、符号中的至少两种', ok: passwordKinds(pw) >= 2 },
  ];
}

export function isPasswordAcceptable(pw: string): boolean {
  return checkPassword(pw).every((c) => c.ok);
}

export const PASSWORD_POLICY_MESSAGE = '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少两种';
