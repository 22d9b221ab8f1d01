import { KvStore } from '../src/common/kv/kv-store.js';
import { bearer, lastSmsCode, smsCode, solveCaptcha, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/** ID-1…ID-5: activation of a member's account, step by step, as the mini-program drives it. */
describe('account activation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const start = (idNumber: string) => t.http.post('/api/v1/auth/activation/start').send({ idNumber });

  it('checks the ID number before looking anything up (ID-1)', async () => {
    const bad = await start('110105194912310021').expect(400);
    expect(bad.body).toMatchObject({ code: 'IDENTITY_INVALID_ID_NUMBER', message: '身份证号校验位不正确，请核对' });
    expect(bad.body.details).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确，请核对' }]);
    const short = await start('12345').expect(400);
    expect(short.body.message).toBe('身份证号应为18位，前17位为数字，最后一位为数字或X');
  });

  it('answers an unknown but valid ID number with a plain not-found', async () => {
    const res = await start('11010519491231002X').expect(404);
    expect(res.body.code).toBe('IDENTITY_MEMBER_NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toMatch(/张|王|李/);
  });

  it('shows the masked name and branch of a known member', async () => {
    const { name, idNumber, orgName } = t.demo.inactiveMember;
    const res = await start(idNumber.toLowerCase()).expect(200);
    expect(res.body.maskedName).toBe(name[0] + '*'.repeat(name.length - 2) + (name.length > 2 ? name.slice(-1) : ''));
    expect(res.body.maskedName).not.toBe(name);
    expect(res.body.orgName).toBe(orgName);
    expect(typeof res.body.activationToken).toBe('string');
  });

  describe('slider captcha (ID-2)', () => {
    it('refuses a wrong offset and allows one attempt per puzzle', async () => {
      const ch = await t.http.post('/api/v1/auth/captcha').expect(200);
      expect(ch.body.background).toMatch(/^data:image\/svg\+xml;base64,/);
      const { x } = JSON.parse((await t.get(KvStore).get(`captcha:${ch.body.captchaId}`))!);
      const wrong = await t.http.post('/api/v1/auth/captcha/verify').send({ captchaId: ch.body.captchaId, offsetX: x + 30, durationMs: 800 }).expect(400);
      expect(wrong.body.code).toBe('IDENTITY_CAPTCHA_FAILED');
      const again = await t.http.post('/api/v1/auth/captcha/verify').send({ captchaId: ch.body.captchaId, offsetX: x, durationMs: 800 }).expect(400);
      expect(again.body.message).toBe('拼图已过期，请刷新后重试');
    });

    it('refuses an inhumanly fast drag', async () => {
      const ch = await t.http.post('/api/v1/auth/captcha').expect(200);
      const { x } = JSON.parse((await t.get(KvStore).get(`captcha:${ch.body.captchaId}`))!);
      await t.http.post('/api/v1/auth/captcha/verify').send({ captchaId: ch.body.captchaId, offsetX: x, durationMs: 20 }).expect(400);
    });

    it('is required before an SMS code is sent, and its token is single-use', async () => {
      const none = await t.http.post('/api/v1/auth/sms/send').send({ phone: '13700000001', purpose: 'activate', captchaToken: 'forged-token' }).expect(400);
      expect(none.body.code).toBe('IDENTITY_CAPTCHA_REQUIRED');
      const token = await solveCaptcha(t);
      await t.http.post('/api/v1/auth/sms/send').send({ phone: '13700000002', purpose: 'activate', captchaToken: token }).expect(200);
      const reuse = await t.http.post('/api/v1/auth/sms/send').send({ phone: '13700000003', purpose: 'activate', captchaToken: token }).expect(400);
      expect(reuse.body.code).toBe('IDENTITY_CAPTCHA_REQUIRED');
    });
  });

  it('walks the whole flow, keeping the step when input is wrong (ID-3, ID-4, ID-5)', async () => {
    const { idNumber } = t.demo.inactiveMember;
    const phone = '13700001111';
    const step1 = await start(idNumber).expect(200);
    const code = await smsCode(t, phone, 'activate');
    expect(code).toMatch(/^\d{4}$/);

    const wrongCode = code === '0000' ? '1111' : '0000';
    const bad = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: step1.body.activationToken, phone, code: wrongCode }).expect(400);
    expect(bad.body).toMatchObject({ code: 'IDENTITY_SMS_CODE_INVALID', message: '短信验证码不正确' });

    const step2 = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: step1.body.activationToken, phone, code }).expect(200);
    const replay = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: step1.body.activationToken, phone, code }).expect(400);
    expect(replay.body.code).toBe('IDENTITY_STEP_TOKEN_INVALID');

    const token = step2.body.activationToken;
    const weak = await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: token, password: 'abcdefgh', passwordConfirm: 'abcdefgh' }).expect(400);
    expect(weak.body.code).toBe('IDENTITY_PASSWORD_POLICY');
    const mismatch = await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: token, password: 'Dangjian2026', passwordConfirm: 'Dangjian2027' }).expect(400);
    expect(mismatch.body).toMatchObject({ code: 'IDENTITY_PASSWORD_MISMATCH', details: [{ field: 'passwordConfirm', message: '两次输入的密码不一致' }] });

    const done = await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: token, password: 'Dangjian2026', passwordConfirm: 'Dangjian2026' }).expect(200);
    expect(done.body.mustChangePassword).toBe(false);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(done.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ displayName: t.demo.inactiveMember.name, orgName: t.demo.inactiveMember.orgName, phoneMasked: '137****1111' });
    expect(me.body.roles).toEqual([{ role: 'member', orgId: null, orgName: null }]);
    expect(me.body.idNumberMasked).toBe(idNumber.slice(0, 4) + '**********' + idNumber.slice(-4));

    // The new password logs in; activating again is refused.
    await t.http.post('/api/v1/auth/login/password').send({ account: phone, password: 'Dangjian2026' }).expect(200);
    const again = await start(idNumber).expect(409);
    expect(again.body.code).toBe('IDENTITY_ALREADY_ACTIVATED');
  });

  it('voids an SMS code after five wrong tries (ID-3)', async () => {
    const phone = '13700002222';
    const code = await smsCode(t, phone, 'register');
    const wrong = code === '9999' ? '9998' : '9999';
    for (let i = 0; i < 4; i++) {
      await t.http.post('/api/v1/auth/register').send({ phone, code: wrong, realName: '群众甲', password: 'Qunzhong123', passwordConfirm: 'Qunzhong123', tenantId: 1 }).expect(400);
    }
    const fifth = await t.http.post('/api/v1/auth/register').send({ phone, code: wrong, realName: '群众甲', password: 'Qunzhong123', passwordConfirm: 'Qunzhong123', tenantId: 1 }).expect(400);
    expect(fifth.body.message).toBe('验证码错误次数过多，请重新获取');
    const right = await t.http.post('/api/v1/auth/register').send({ phone, code, realName: '群众甲', password: 'Qunzhong123', passwordConfirm: 'Qunzhong123', tenantId: 1 }).expect(400);
    expect(right.body.code).toBe('IDENTITY_SMS_CODE_EXPIRED');
  });

  it('lets one of two parallel requests use an SMS code, never both', async () => {
    const phone = '13700003333';
    const code = await smsCode(t, phone, 'register');
    const body = (name: string) => ({ phone, code, realName: name, password: 'Qunzhong123', passwordConfirm: 'Qunzhong123', tenantId: 1 });
    const results = await Promise.all([t.http.post('/api/v1/auth/register').send(body('群众乙')), t.http.post('/api/v1/auth/register').send(body('群众丙'))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('registers a member of the public (ID-11) with the public role only', async () => {
    const phone = '13700004444';
    const code = await smsCode(t, phone, 'register');
    const res = await t.http.post('/api/v1/auth/register').send({ phone, code, realName: '张群众', password: 'Qunzhong123', passwordConfirm: 'Qunzhong123', tenantId: 1 }).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.roles).toEqual([{ role: 'public', orgId: null, orgName: null }]);
    await t.http.get('/api/v1/members').set(bearer(res.body.accessToken)).expect(403);
  });

  it('limits SMS sends per phone: one per cooldown (ID-3)', async () => {
    const limited = await startTestApp({ SMS_COOLDOWN_SECONDS: '60', SMS_PER_PHONE_DAY: '2' });
    try {
      const phone = '13700005555';
      await limited.http.post('/api/v1/auth/sms/send').send({ phone, purpose: 'activate', captchaToken: await solveCaptcha(limited) }).expect(200);
      const second = await limited.http.post('/api/v1/auth/sms/send').send({ phone, purpose: 'activate', captchaToken: await solveCaptcha(limited) }).expect(429);
      expect(second.body.code).toBe('IDENTITY_SMS_TOO_FREQUENT');
      expect(second.body.message).toMatch(/请\d+秒后再试/);
      // Only one message reached the phone.
      expect(await lastSmsCode(limited, phone)).toMatch(/^\d{4}$/);
    } finally {
      await limited.close();
    }
  });
});
