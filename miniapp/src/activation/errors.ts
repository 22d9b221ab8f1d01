/**
 * Routing of API errors to the field they concern (pure, no Taro). The API answers
 * `{ code, message, details?: [{ field, message }] }` with Chinese messages; a form shows each
 * message beside its field: by `details[].field` when present, otherwise by the error code.
 */

export interface ErrorDetail {
  field?: string;
  row?: number;
  message: string;
}

/** What the pages need from any thrown error (an API error, a network failure, anything else). */
export interface NormalizedError {
  /** API error code; `NETWORK` when no answer arrived, `UNKNOWN` when the thrown thing had none. */
  code: string;
  message: string;
  status?: number;
  details?: ErrorDetail[];
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
export const UNKNOWN_ERROR_MESSAGE = '操作未成功，请稍后重试';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/**
 * Reads an error thrown by the request layer (services/errors.ts: ApiError `{kind:'api', status,
 * code, message, details}` or NetworkError `{kind:'network'}`). Also accepts the error body itself
 * or an object wrapping it in `body`, `data` or `error`.
 */
export function normalizeError(err: unknown): NormalizedError {
  if (!isObj(err)) return { code: 'UNKNOWN', message: typeof err === 'string' && hasChinese(err) ? err : UNKNOWN_ERROR_MESSAGE };
  const nested = [err.body, err.data, err.error].find((b) => isObj(b) && typeof b.code === 'string') as Record<string, unknown> | undefined;
  const src = nested ?? err;
  const status = typeof err.status === 'number' ? err.status : typeof err.statusCode === 'number' ? err.statusCode : undefined;
  const details = Array.isArray(src.details)
    ? (src.details as unknown[]).filter((d): d is ErrorDetail => isObj(d) && typeof d.message === 'string')
    : undefined;
  const rawCode = typeof src.code === 'string' ? src.code : undefined;
  const rawMessage = typeof src.message === 'string' ? src.message : '';
  const network =
    err.kind === 'network' || rawCode === 'NETWORK' || rawCode === 'NETWORK_ERROR' || (!rawCode && (status === 0 || /network|request:fail|timeout|failed to fetch/i.test(rawMessage)));
  if (network) return { code: 'NETWORK', message: rawMessage && hasChinese(rawMessage) ? rawMessage : NETWORK_ERROR_MESSAGE, status };
  return {
    code: rawCode ?? 'UNKNOWN',
    message: rawMessage && hasChinese(rawMessage) ? rawMessage : UNKNOWN_ERROR_MESSAGE,
    status,
    ...(details && details.length ? { details } : {}),
  };
}

export type BannerKind = 'restart' | 'locked' | 'info';
export interface Banner {
  kind: BannerKind;
  message: string;
}

/** Where an error goes: one of the form's fields, or a banner above the form. */
export type ErrorTarget<F extends string> = F | { banner: BannerKind };

export interface ErrorRules<F extends string> {
  /** Server field names (DTO properties, `details[].field`) mapped to this form's fields. */
  fields: Record<string, ErrorTarget<F>>;
  /** By error code, first match wins; a string ending in `*` matches a prefix. */
  codes: Array<[string, ErrorTarget<F>]>;
  /** Anything else (network failure, rate limit, server error). */
  fallback: ErrorTarget<F>;
}

export interface RoutedError<F extends string> {
  fields: Partial<Record<F, string>>;
  banner: Banner | null;
  /** The code, for callers that react to one in particular. */
  code: string;
}

function matchCode(pattern: string, code: string): boolean {
  return pattern.endsWith('*') ? code.startsWith(pattern.slice(0, -1)) : pattern === code;
}

function place<F extends string>(out: RoutedError<F>, target: ErrorTarget<F>, message: string): void {
  if (typeof target === 'string') {
    if (!out.fields[target]) out.fields[target] = message;
  } else if (!out.banner) {
    out.banner = { kind: target.banner, message };
  }
}

/** Routes one error to fields / a banner by the form's rules. */
export function routeError<F extends string>(err: unknown, rules: ErrorRules<F>): RoutedError<F> {
  const e = normalizeError(err);
  const out: RoutedError<F> = { fields: {}, banner: null, code: e.code };
  // Codes that mean "start over" win over details (the details would point at a token field).
  const byCode = rules.codes.find(([p]) => matchCode(p, e.code))?.[1];
  if (byCode && typeof byCode !== 'string' && byCode.banner === 'restart') {
    place(out, byCode, e.message);
    return out;
  }
  for (const d of e.details ?? []) {
    const target = d.field ? rules.fields[d.field] ?? rules.fields[d.field.split('.')[0]] : undefined;
    if (target) place(out, target, d.message);
  }
  if (Object.keys(out.fields).length === 0 && !out.banner) place(out, byCode ?? rules.fallback, e.message);
  return out;
}

// ---- the rules of each form ----

export type ActivationField = 'idNumber' | 'phone' | 'captcha' | 'code' | 'password' | 'passwordConfirm';

const RESTART = { banner: 'restart' } as const;

/** Error rules of the activation page; `fallback` is the field of the step that made the request. */
export function activationRules(fallback: ActivationField): ErrorRules<ActivationField> {
  return {
    fields: {
      idNumber: 'idNumber',
      tenantId: 'idNumber',
      phone: 'phone',
      captchaToken: 'captcha',
      captchaId: 'captcha',
      offsetX: 'captcha',
      durationMs: 'captcha',
      code: 'code',
      password: 'password',
      passwordConfirm: 'passwordConfirm',
      activationToken: RESTART,
      bindTicket: { banner: 'info' },
    },
    codes: [
      ['IDENTITY_STEP_TOKEN_INVALID', RESTART],
      ['IDENTITY_INVALID_ID_NUMBER', 'idNumber'],
      ['IDENTITY_MEMBER_NOT_FOUND', 'idNumber'],
      ['IDENTITY_ALREADY_ACTIVATED', 'idNumber'],
      ['IDENTITY_AMBIGUOUS_TENANT', 'idNumber'],
      ['IDENTITY_CAPTCHA_*', 'captcha'],
      ['IDENTITY_SMS_*', 'code'],
      ['IDENTITY_PHONE_TAKEN', 'phone'],
      ['IDENTITY_PASSWORD_MISMATCH', 'passwordConfirm'],
      ['IDENTITY_PASSWORD_*', 'password'],
      ['IDENTITY_PLATFORM_IDENTITY_TAKEN', { banner: 'info' }],
    ],
    fallback,
  };
}

export type LoginField = 'account' | 'password' | 'phone' | 'captcha' | 'code';

export function loginRules(fallback: LoginField): ErrorRules<LoginField> {
  return {
    fields: { account: 'account', password: 'password', phone: 'phone', code: 'code', captchaToken: 'captcha', captchaId: 'captcha', offsetX: 'captcha', durationMs: 'captcha' },
    codes: [
      ['IDENTITY_ACCOUNT_LOCKED', { banner: 'locked' }],
      ['IDENTITY_ACCOUNT_DISABLED', { banner: 'locked' }],
      ['IDENTITY_INVALID_CREDENTIALS', 'password'],
      ['IDENTITY_AMBIGUOUS_TENANT', { banner: 'info' }],
      ['IDENTITY_CAPTCHA_*', 'captcha'],
      ['IDENTITY_SMS_*', 'code'],
    ],
    fallback,
  };
}

export type ChangePasswordField = 'oldPassword' | 'newPassword' | 'newPasswordConfirm';

export function changePasswordRules(): ErrorRules<ChangePasswordField> {
  return {
    // The server names the new password `password`/`passwordConfirm` in its policy details.
    fields: { oldPassword: 'oldPassword', newPassword: 'newPassword', newPasswordConfirm: 'newPasswordConfirm', password: 'newPassword', passwordConfirm: 'newPasswordConfirm' },
    codes: [
      ['IDENTITY_INVALID_CREDENTIALS', 'oldPassword'],
      ['IDENTITY_PASSWORD_MISMATCH', 'newPasswordConfirm'],
      ['IDENTITY_PASSWORD_*', 'newPassword'],
      ['IDENTITY_ACCOUNT_LOCKED', { banner: 'locked' }],
    ],
    fallback: 'oldPassword',
  };
}

export type ChangePhoneField = 'phone' | 'captcha' | 'code';

export function changePhoneRules(fallback: ChangePhoneField): ErrorRules<ChangePhoneField> {
  return {
    fields: { phone: 'phone', code: 'code', captchaToken: 'captcha', captchaId: 'captcha', offsetX: 'captcha', durationMs: 'captcha' },
    codes: [
      ['IDENTITY_PHONE_TAKEN', 'phone'],
      ['IDENTITY_CAPTCHA_*', 'captcha'],
      ['IDENTITY_SMS_*', 'code'],
    ],
    fallback,
  };
}
