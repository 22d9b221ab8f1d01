/** Local checks before a request goes out (the server checks again); Chinese messages. */
import { checkIdNumber, ID_NUMBER_PROBLEM_MESSAGES, isPasswordAcceptable, normalizeIdNumber, PASSWORD_POLICY_MESSAGE } from '@dangjian/shared';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const MESSAGES = {
  idEmpty: '请输入18位身份证号',
  phone: '请输入正确的11位手机号',
  code: '请输入4位短信验证码',
  account: '请输入手机号或用户名',
  password: '请输入密码',
  oldPassword: '请输入原密码',
  mismatch: '两次输入的密码不一致',
  confirmEmpty: '请再次输入密码',
  captcha: '请先完成拼图验证',
} as const;

/** What people type: spaces dropped, a trailing x upper-cased, at most 18 characters. */
export function cleanIdInput(raw: string): string {
  return normalizeIdNumber(raw.replace(/\s+/g, '')).slice(0, 18);
}

export function cleanDigits(raw: string, max: number): string {
  return raw.replace(/\D+/g, '').slice(0, max);
}

export function idNumberError(raw: string): string | null {
  const id = cleanIdInput(raw);
  if (!id) return MESSAGES.idEmpty;
  const problem = checkIdNumber(id);
  return problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : null;
}

export function phoneError(phone: string): string | null {
  return PHONE_PATTERN.test(phone.trim()) ? null : MESSAGES.phone;
}

export function codeError(code: string): string | null {
  return /^\d{4}$/.test(code) ? null : MESSAGES.code;
}

/** Errors of a "password twice" form, keyed by the two fields. */
export function newPasswordErrors(password: string, confirm: string): { password?: string; passwordConfirm?: string } {
  const out: { password?: string; passwordConfirm?: string } = {};
  if (!isPasswordAcceptable(password)) out.password = PASSWORD_POLICY_MESSAGE;
  if (!confirm) out.passwordConfirm = MESSAGES.confirmEmpty;
  else if (confirm !== password) out.passwordConfirm = MESSAGES.mismatch;
  return out;
}
