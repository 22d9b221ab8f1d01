/**
 * The activation page's state (ID-1…ID-5) without Taro: steps advance only on success, going back
 * keeps the inputs, API errors land beside the field they concern, the resend countdown, and the
 * reset after an expired step token.
 */
import {
  activationReducer,
  challengeOffset,
  clampHandle,
  idNumberError,
  initialActivationState,
  initialSmsState,
  newPasswordErrors,
  normalizeError,
  phoneStepPlan,
  routeError,
  loginRules,
  changePasswordRules,
  sliderGeometry,
  smsButtonLabel,
  smsReducer,
  type ActivationAction,
  type ActivationField,
  type ActivationState,
} from '../src/activation';

const ID = '11010519491231002X'; // valid check digit
const PHONE = '13712345678';

const run = (actions: ActivationAction[], from: ActivationState = initialActivationState) => actions.reduce(activationReducer, from);
const apiError = (code: string, message: string, details?: Array<{ field: string; message: string }>) => ({ code, message, ...(details ? { details } : {}) });

const started: ActivationAction[] = [
  { type: 'INPUT', field: 'idNumber', value: ID.toLowerCase() },
  { type: 'START_REQUEST' },
  { type: 'START_OK', idNumber: ID, activationToken: 'tok-start-1234', maskedName: '张*明', orgName: '综合办公室党支部' },
];
const onStep2: ActivationAction[] = [...started, { type: 'CONFIRM_IDENTITY' }];
const onStep3: ActivationAction[] = [
  ...onStep2,
  { type: 'INPUT', field: 'phone', value: PHONE },
  { type: 'INPUT', field: 'code', value: '1234' },
  { type: 'PHONE_REQUEST' },
  { type: 'PHONE_OK', phone: PHONE, activationToken: 'tok-verified-5678' },
];

describe('activation steps', () => {
  it('normalises the ID number as typed and checks it locally', () => {
    const s = run([{ type: 'INPUT', field: 'idNumber', value: ' 1101 0519 4912 3100 2x ' }]);
    expect(s.idNumber).toBe(ID);
    expect(idNumberError(s.idNumber)).toBeNull();
    expect(idNumberError('')).toBe('请输入18位身份证号');
    expect(idNumberError('123')).toBe('身份证号应为18位，前17位为数字，最后一位为数字或X');
    expect(idNumberError('110105194912310021')).toBe('身份证号校验位不正确，请核对');
  });

  it('shows the masked name for confirmation without advancing, then advances on 是本人', () => {
    const s = run(started);
    expect(s.step).toBe(1);
    expect(s.pending).toBeNull();
    expect(s.identity).toEqual({ maskedName: '张*明', orgName: '综合办公室党支部', idNumber: ID });
    expect(s.startToken).toBe('tok-start-1234');
    const s2 = activationReducer(s, { type: 'CONFIRM_IDENTITY' });
    expect(s2.step).toBe(2);
    expect(s2.identityConfirmed).toBe(true);
  });

  it('does not advance when a request fails', () => {
    const s1 = run([{ type: 'INPUT', field: 'idNumber', value: ID }, { type: 'START_REQUEST' }, { type: 'FAILED', field: 'idNumber', error: apiError('IDENTITY_MEMBER_NOT_FOUND', '未找到该身份证号对应的党员信息，请联系所在支部核对') }]);
    expect(s1.step).toBe(1);
    expect(s1.identity).toBeNull();
    expect(s1.pending).toBeNull();
    // Confirming without an identity does nothing.
    expect(activationReducer(s1, { type: 'CONFIRM_IDENTITY' }).step).toBe(1);

    const s2 = run([{ type: 'PHONE_REQUEST' }, { type: 'FAILED', field: 'code', error: apiError('IDENTITY_SMS_CODE_INVALID', '短信验证码不正确') }], run(onStep2));
    expect(s2.step).toBe(2);
    expect(s2.startToken).toBe('tok-start-1234'); // the server keeps it for a retry

    const s3 = run([{ type: 'COMPLETE_REQUEST' }, { type: 'FAILED', field: 'password', error: apiError('IDENTITY_PASSWORD_POLICY', '密码至少8位') }], run(onStep3));
    expect(s3.step).toBe(3);
    expect(s3.done).toBe(false);
  });

  it('marks the request in progress and clears it on the answer', () => {
    const s = run([{ type: 'INPUT', field: 'idNumber', value: ID }, { type: 'START_REQUEST' }]);
    expect(s.pending).toBe('start');
    expect(run(onStep3).pending).toBeNull();
    const s3 = activationReducer(run(onStep3), { type: 'COMPLETE_REQUEST' });
    expect(s3.pending).toBe('complete');
    const done = activationReducer(s3, { type: 'COMPLETE_OK' });
    expect(done.done).toBe(true);
    expect(done.password).toBe('');
  });

  it('advances through all three steps on success', () => {
    const s = run(onStep3);
    expect(s.step).toBe(3);
    expect(s.startToken).toBeNull(); // used up
    expect(s.verified).toEqual({ token: 'tok-verified-5678', phone: PHONE });
    expect(s.code).toBe(''); // single use
  });

  it('不是本人 clears the identity and the ID field', () => {
    const s = activationReducer(run(started), { type: 'REJECT_IDENTITY' });
    expect(s.identity).toBeNull();
    expect(s.startToken).toBeNull();
    expect(s.idNumber).toBe('');
    expect(s.step).toBe(1);
  });
});

describe('going back keeps the inputs', () => {
  it('from step 2 to 1 keeps the ID number and the confirmed identity', () => {
    const s = run([...onStep2, { type: 'INPUT', field: 'phone', value: PHONE }, { type: 'BACK' }]);
    expect(s.step).toBe(1);
    expect(s.idNumber).toBe(ID);
    expect(s.identity?.maskedName).toBe('张*明');
    expect(s.phone).toBe(PHONE);
    // Forward again without a new request: the token is still there.
    expect(activationReducer(s, { type: 'CONFIRM_IDENTITY' }).step).toBe(2);
  });

  it('editing the ID number after going back forgets the previous person', () => {
    const s = run([...onStep2, { type: 'BACK' }, { type: 'INPUT', field: 'idNumber', value: '110105194912310037' }]);
    expect(s.identity).toBeNull();
    expect(s.startToken).toBeNull();
    expect(activationReducer(s, { type: 'CONFIRM_IDENTITY' }).step).toBe(1);
  });

  it('from step 3 to 2 keeps the phone and the typed passwords; same phone skips re-verification', () => {
    const s = run([...onStep3, { type: 'INPUT', field: 'password', value: 'Abcdefg1' }, { type: 'BACK' }]);
    expect(s.step).toBe(2);
    expect(s.phone).toBe(PHONE);
    expect(s.password).toBe('Abcdefg1');
    expect(phoneStepPlan(s)).toBe('reuse');
    const again = activationReducer(s, { type: 'REUSE_VERIFIED_PHONE' });
    expect(again.step).toBe(3);
    expect(again.password).toBe('Abcdefg1');
  });

  it('another phone after going back needs a fresh step-1 token, then a code', () => {
    const s = run([...onStep3, { type: 'BACK' }, { type: 'INPUT', field: 'phone', value: '13912345678' }]);
    expect(phoneStepPlan(s)).toBe('refresh-start');
    expect(activationReducer(s, { type: 'REUSE_VERIFIED_PHONE' }).step).toBe(2);
    const refreshed = activationReducer(s, { type: 'START_TOKEN_REFRESHED', activationToken: 'tok-start-2' });
    expect(phoneStepPlan(refreshed)).toBe('verify');
  });

  it('ignores BACK while a request runs and on step 1', () => {
    const s = activationReducer(run(onStep2), { type: 'PHONE_REQUEST' });
    expect(activationReducer(s, { type: 'BACK' }).step).toBe(2);
    expect(activationReducer(initialActivationState, { type: 'BACK' }).step).toBe(1);
  });
});

describe('errors land beside their field', () => {
  const failAt = (from: ActivationAction[], field: ActivationField, error: unknown) => run([...from, { type: 'FAILED', field, error }]);

  it.each([
    ['IDENTITY_INVALID_ID_NUMBER', '身份证号不正确', 'idNumber'],
    ['IDENTITY_MEMBER_NOT_FOUND', '未找到该身份证号对应的党员信息，请联系所在支部核对', 'idNumber'],
    ['IDENTITY_ALREADY_ACTIVATED', '该账号已激活，请直接登录', 'idNumber'],
    ['IDENTITY_SMS_CODE_INVALID', '短信验证码不正确', 'code'],
    ['IDENTITY_SMS_CODE_EXPIRED', '短信验证码已失效，请重新获取', 'code'],
    ['IDENTITY_SMS_TOO_FREQUENT', '验证码发送过于频繁，请30秒后再试', 'code'],
    ['IDENTITY_PHONE_TAKEN', '该手机号已被其他账号使用', 'phone'],
    ['IDENTITY_CAPTCHA_REQUIRED', '请先完成拼图验证', 'captcha'],
    ['IDENTITY_PASSWORD_POLICY', '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少两种', 'password'],
    ['IDENTITY_PASSWORD_MISMATCH', '两次输入的密码不一致', 'passwordConfirm'],
  ] as const)('%s → %s', (code, message, field) => {
    // The fallback is another field, so the code alone decides.
    const s = failAt(onStep2, field === 'idNumber' ? 'code' : 'idNumber', apiError(code, message));
    expect(s.errors).toEqual({ [field]: message });
    expect(s.banner).toBeNull();
  });

  it('details[].field wins over the code (validation errors)', () => {
    const s = failAt(onStep2, 'code', apiError('VALIDATION_FAILED', '请输入正确的11位手机号', [{ field: 'phone', message: '请输入正确的11位手机号' }, { field: 'code', message: '请输入4位短信验证码' }]));
    expect(s.errors).toEqual({ phone: '请输入正确的11位手机号', code: '请输入4位短信验证码' });
    const p = failAt(onStep3, 'password', apiError('IDENTITY_PASSWORD_MISMATCH', '两次输入的密码不一致', [{ field: 'passwordConfirm', message: '两次输入的密码不一致' }]));
    expect(p.errors).toEqual({ passwordConfirm: '两次输入的密码不一致' });
  });

  it('unknown codes and network failures go to the field of the step', () => {
    expect(failAt(onStep2, 'code', apiError('TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试')).errors).toEqual({ code: '操作过于频繁，请稍后再试' });
    expect(failAt(started, 'idNumber', new Error('request:fail timeout')).errors).toEqual({ idNumber: '网络连接失败，请检查网络后重试' });
  });

  it('typing into a field clears its error', () => {
    const s = failAt(onStep2, 'code', apiError('IDENTITY_SMS_CODE_INVALID', '短信验证码不正确'));
    expect(activationReducer(s, { type: 'INPUT', field: 'code', value: '12' }).errors.code).toBeUndefined();
  });

  it('reads errors wrapped by the request layer', () => {
    expect(normalizeError({ status: 401, body: { code: 'IDENTITY_INVALID_CREDENTIALS', message: '账号或密码错误，还可尝试2次' } })).toEqual({ code: 'IDENTITY_INVALID_CREDENTIALS', message: '账号或密码错误，还可尝试2次', status: 401 });
    expect(normalizeError(Object.assign(new Error('该账号已激活，请直接登录'), { code: 'IDENTITY_ALREADY_ACTIVATED', status: 409 })).code).toBe('IDENTITY_ALREADY_ACTIVATED');
    // The request layer's own shapes (services/errors.ts).
    const apiErr = Object.assign(new Error('短信验证码不正确'), { kind: 'api', status: 400, code: 'IDENTITY_SMS_CODE_INVALID' });
    expect(normalizeError(apiErr)).toEqual({ code: 'IDENTITY_SMS_CODE_INVALID', message: '短信验证码不正确', status: 400 });
    const netErr = Object.assign(new Error('网络连接失败，请检查网络后重试'), { kind: 'network', retryable: true });
    expect(normalizeError(netErr).code).toBe('NETWORK');
  });

  it('login and password-change forms route their codes too', () => {
    expect(routeError(apiError('IDENTITY_INVALID_CREDENTIALS', '账号或密码错误，还可尝试2次'), loginRules('account')).fields).toEqual({ password: '账号或密码错误，还可尝试2次' });
    const locked = routeError(apiError('IDENTITY_ACCOUNT_LOCKED', '账号已锁定，请联系管理员解锁'), loginRules('account'));
    expect(locked.banner).toEqual({ kind: 'locked', message: '账号已锁定，请联系管理员解锁' });
    expect(locked.fields).toEqual({});
    expect(routeError(apiError('IDENTITY_PASSWORD_POLICY', 'x策略', [{ field: 'password', message: '密码至少8位' }]), changePasswordRules()).fields).toEqual({ newPassword: '密码至少8位' });
    expect(routeError(apiError('IDENTITY_INVALID_CREDENTIALS', '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]), changePasswordRules()).fields).toEqual({ oldPassword: '原密码不正确' });
  });
});

describe('an expired step token', () => {
  it('shows a 重新开始 banner and forgets the tokens; RESTART goes to step 1 keeping ID and phone', () => {
    const failed = run([...onStep3, { type: 'INPUT', field: 'password', value: 'Abcdefg1' }, { type: 'COMPLETE_REQUEST' }, { type: 'FAILED', field: 'password', error: apiError('IDENTITY_STEP_TOKEN_INVALID', '操作已过期，请重新开始') }]);
    expect(failed.banner).toEqual({ kind: 'restart', message: '操作已过期，请重新开始' });
    expect(failed.errors).toEqual({});
    expect(failed.verified).toBeNull();
    expect(failed.startToken).toBeNull();
    expect(failed.pending).toBeNull();

    const restarted = activationReducer(failed, { type: 'RESTART' });
    expect(restarted.step).toBe(1);
    expect(restarted.banner).toBeNull();
    expect(restarted.identity).toBeNull();
    expect(restarted.idNumber).toBe(ID);
    expect(restarted.phone).toBe(PHONE);
    expect(restarted.password).toBe('');
    expect(restarted.done).toBe(false);
  });

  it('a token refused by validation (details on activationToken) also asks to restart', () => {
    const s = run([...onStep2, { type: 'FAILED', field: 'code', error: apiError('VALIDATION_FAILED', 'activationToken 的值不正确', [{ field: 'activationToken', message: 'activationToken 的值不正确' }]) }]);
    expect(s.banner?.kind).toBe('restart');
  });
});

describe('SMS code and countdown', () => {
  const t0 = 1_700_000_000_000;

  it('opens the puzzle, sends, then counts the cooldown down by the clock', () => {
    let s = run([...onStep2, { type: 'INPUT', field: 'phone', value: PHONE }, { type: 'SMS_OPEN_CAPTCHA' }]);
    expect(s.sms.captchaOpen).toBe(true);
    s = run([{ type: 'SMS_SEND_REQUEST' }], s);
    expect(s.sms).toMatchObject({ captchaOpen: false, sending: true });
    expect(smsButtonLabel(s.sms)).toBe('发送中…');
    s = run([{ type: 'SMS_SEND_OK', phone: PHONE, cooldownSeconds: 60, now: t0 }], s);
    expect(s.sms).toMatchObject({ sending: false, sentTo: PHONE, cooldownLeft: 60 });
    expect(smsButtonLabel(s.sms)).toBe('60秒后重发');
    s = run([{ type: 'TICK', now: t0 + 1_000 }], s);
    expect(s.sms.cooldownLeft).toBe(59);
    s = run([{ type: 'TICK', now: t0 + 45_500 }], s); // a tick after the app slept
    expect(s.sms.cooldownLeft).toBe(15);
    // No resend while it runs.
    expect(run([{ type: 'SMS_OPEN_CAPTCHA' }], s).sms.captchaOpen).toBe(false);
    s = run([{ type: 'TICK', now: t0 + 60_000 }], s);
    expect(s.sms.cooldownLeft).toBe(0);
    expect(s.sms.cooldownEndsAt).toBeNull();
    expect(smsButtonLabel(s.sms)).toBe('重新获取');
    expect(run([{ type: 'SMS_OPEN_CAPTCHA' }], s).sms.captchaOpen).toBe(true);
  });

  it('uses the cooldown the server answered, 60 s when it answered none', () => {
    expect(smsReducer(initialSmsState, { type: 'SMS_SEND_OK', phone: PHONE, cooldownSeconds: 90, now: t0 }).cooldownLeft).toBe(90);
    expect(smsReducer(initialSmsState, { type: 'SMS_SEND_OK', phone: PHONE, cooldownSeconds: 0, now: t0 }).cooldownLeft).toBe(60);
  });

  it('a failed send ends "sending" and puts the error beside the code field', () => {
    const s = run([...onStep2, { type: 'SMS_SEND_REQUEST' }, { type: 'FAILED', field: 'code', error: apiError('IDENTITY_SMS_TOO_FREQUENT', '验证码发送过于频繁，请42秒后再试') }]);
    expect(s.sms.sending).toBe(false);
    expect(s.errors.code).toBe('验证码发送过于频繁，请42秒后再试');
  });

  it('correcting the phone after a send allows a new code at once', () => {
    const s = run([...onStep2, { type: 'INPUT', field: 'phone', value: PHONE }, { type: 'SMS_SEND_OK', phone: PHONE, cooldownSeconds: 60, now: t0 }, { type: 'INPUT', field: 'phone', value: '1371234567' }]);
    expect(s.sms.cooldownLeft).toBe(0);
    expect(s.sms.sentTo).toBeNull();
  });

  it('phone and code inputs keep digits only, at most 11 and 4', () => {
    const s = run([{ type: 'INPUT', field: 'phone', value: '137-1234-5678 9' }, { type: 'INPUT', field: 'code', value: '12a345' }]);
    expect(s.phone).toBe('13712345678');
    expect(s.code).toBe('1234');
  });
});

describe('password and slider helpers', () => {
  it('checks both password entries', () => {
    expect(newPasswordErrors('abc', '')).toEqual({ password: '密码至少8位，且包含大写字母、小写字母、数字、符号中的至少两种', passwordConfirm: '请再次输入密码' });
    expect(newPasswordErrors('Abcdefg1', 'Abcdefg2')).toEqual({ passwordConfirm: '两次输入的密码不一致' });
    expect(newPasswordErrors('Abcdefg1', 'Abcdefg1')).toEqual({});
  });

  it('maps the handle position to the challenge pixels', () => {
    const challenge = { width: 300, height: 160, pieceSize: 44, pieceY: 50 };
    const g = sliderGeometry(challenge, 311);
    expect(g.scale).toBeCloseTo(311 / 300);
    expect(g.pieceTop).toBeCloseTo(50 * (311 / 300));
    expect(g.maxX).toBeCloseTo(311 - 44 * (311 / 300));
    // A gap at x = 150 in the challenge sits at 150 × scale on screen.
    expect(challengeOffset(150 * g.scale, g)).toBe(150);
    expect(challengeOffset(-20, g)).toBe(0);
    expect(clampHandle(9999, g)).toBeCloseTo(g.maxX);
    const half = sliderGeometry(challenge, 150);
    expect(challengeOffset(60, half)).toBe(120);
  });
});
