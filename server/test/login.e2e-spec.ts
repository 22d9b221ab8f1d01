import { activateMember, bearer, login, smsCode, solveCaptcha, startTestApp, type TestApp } from './harness.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, mock } from './support.js';

const PW = 'Dangjian2026';

/** ID-7, ID-9, ID-10: password and SMS login, lockout, reset, tokens and sessions. */
describe('login and sessions', () => {
  let t: TestApp;
  let admin: string;
  const phone = '13600000001';
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    await activateMember(t, t.demo.inactiveMember.idNumber, phone, PW);
  });
  afterAll(() => t.close());
  afterEach(() => mock.restoreAll());

  const pwLogin = (account: string, password: string) => t.http.post('/api/v1/auth/login/password').send({ account, password });

  it('logs in by phone or username and never says which part was wrong', async () => {
    await pwLogin(phone, PW).expect(200);
    await pwLogin('admin', t.demo.tenantAdmin.password).expect(200);
    const unknown = await pwLogin('nobody', PW).expect(401);
    expect(unknown.body).toEqual({ code: 'IDENTITY_INVALID_CREDENTIALS', message: '账号或密码错误' });
  });

  it('locks after three wrong passwords; an admin unlocks, resets with a one-time password, and forces a change (ID-9)', async () => {
    const first = await pwLogin(phone, 'Wrong-1234').expect(401);
    expect(first.body.message).toBe('账号或密码错误，还可尝试2次');
    await pwLogin(phone, 'Wrong-1234').expect(401);
    const third = await pwLogin(phone, 'Wrong-1234').expect(423);
    expect(third.body).toMatchObject({ code: 'IDENTITY_ACCOUNT_LOCKED', message: '连续3次密码错误，账号已锁定，请联系管理员解锁' });
    // Even the right password is refused while locked.
    await pwLogin(phone, PW).expect(423);

    const locked = await t.http.get('/api/v1/accounts/locked').set(bearer(admin)).expect(200);
    const entry = locked.body.find((a: { name: string }) => a.name === t.demo.inactiveMember.name);
    expect(entry).toMatchObject({ phoneMasked: '136****0001', orgName: t.demo.inactiveMember.orgName });

    await t.http.post(`/api/v1/accounts/${entry.userId}/unlock`).set(bearer(admin)).expect(204);
    await pwLogin(phone, PW).expect(200);

    const reset = await t.http.post(`/api/v1/accounts/${entry.userId}/reset-password`).set(bearer(admin)).expect(200);
    const otp: string = reset.body.oneTimePassword;
    expect(otp).toMatch(/^.{12}$/);
    expect(otp).not.toBe('ABC#123');
    await pwLogin(phone, PW).expect(401);
    const withOtp = await pwLogin(phone, otp).expect(200);
    expect(withOtp.body.mustChangePassword).toBe(true);
    const blocked = await t.http.get('/api/v1/members').set(bearer(withOtp.body.accessToken)).expect(403);
    expect(blocked.body.code).toBe('IDENTITY_PASSWORD_CHANGE_REQUIRED');
    await t.http.get('/api/v1/auth/me').set(bearer(withOtp.body.accessToken)).expect(200);

    const changed = await t.http.post('/api/v1/auth/password').set(bearer(withOtp.body.accessToken)).send({ oldPassword: otp, newPassword: PW, newPasswordConfirm: PW }).expect(200);
    expect(changed.body.mustChangePassword).toBe(false);
    // The session the one-time password opened is gone; the new one works.
    await t.http.get('/api/v1/auth/me').set(bearer(withOtp.body.accessToken)).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(changed.body.accessToken)).expect(200);

    const audit = await t.http.get('/api/v1/audit-logs?action=account.').set(bearer(admin)).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['account.unlock', 'account.reset_password']));
    expect(JSON.stringify(audit.body)).not.toContain(otp);
  });

  it('rotates refresh tokens and treats a replayed one as theft (ID-10)', async () => {
    const s = await pwLogin(phone, PW).expect(200);
    const r1 = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.body.refreshToken }).expect(200);
    expect(r1.body.refreshToken).not.toBe(s.body.refreshToken);
    await t.http.get('/api/v1/auth/me').set(bearer(r1.body.accessToken)).expect(200);
    const replay = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.body.refreshToken }).expect(401);
    expect(replay.body.code).toBe('IDENTITY_REFRESH_TOKEN_INVALID');
    // The replay revoked the session: the rotated tokens are dead too.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').set(bearer(r1.body.accessToken)).expect(401);
  });

  it('lets only one of two parallel refreshes with the same token succeed', async () => {
    const s = await pwLogin(phone, PW).expect(200);
    const results = await Promise.all([1, 2].map(() => t.http.post('/api/v1/auth/refresh').send({ refreshToken: s.body.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logout ends every session of the account', async () => {
    const a = await pwLogin(phone, PW).expect(200);
    const b = await pwLogin(phone, PW).expect(200);
    await t.http.post('/api/v1/auth/logout').set(bearer(a.body.accessToken)).expect(204);
    await t.http.get('/api/v1/auth/me').set(bearer(b.body.accessToken)).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: b.body.refreshToken }).expect(401);
  });

  it('ends admin sessions after 30 minutes idle, but not members\' sessions (ID-10)', async () => {
    const adminSession = await pwLogin('admin', t.demo.tenantAdmin.password).expect(200);
    const memberSession = await pwLogin(phone, PW).expect(200);
    const later = Date.now() + 31 * 60 * 1000;
    mock.method(Date, 'now', () => later);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: adminSession.body.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: memberSession.body.refreshToken }).expect(200);
  });

  it('access tokens live at most 30 minutes', async () => {
    const s = await pwLogin(phone, PW).expect(200);
    expect(s.body.expiresIn).toBeLessThanOrEqual(1800);
    const [, payload] = s.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(1800);
  });

  it('logs in with an SMS code, and sends no code to unknown phones (ID-7)', async () => {
    const code = await smsCode(t, phone, 'login');
    const res = await t.http.post('/api/v1/auth/login/sms').send({ phone, code }).expect(200);
    await t.http.get('/api/v1/auth/me').set(bearer(res.body.accessToken)).expect(200);

    const stranger = '13600009999';
    await t.http.post('/api/v1/auth/sms/send').send({ phone: stranger, purpose: 'login', captchaToken: await solveCaptcha(t) }).expect(200);
    const outbox = await t.http.get('/api/v1/dev/sms-outbox').set(bearer(admin)).expect(200);
    expect(outbox.body.some((m: { phone: string }) => m.phone === stranger)).toBe(false);
    expect(outbox.body.some((m: { phone: string; purpose: string }) => m.phone === phone && m.purpose === 'login')).toBe(true);
  });

  it('changes the phone with a code sent to the new phone (ID-6)', async () => {
    const s = await pwLogin(phone, PW).expect(200);
    const newPhone = '13600000002';
    await t.http.post('/api/v1/auth/phone/sms').set(bearer(s.body.accessToken)).send({ phone: newPhone, purpose: 'change_phone', captchaToken: await solveCaptcha(t) }).expect(200);
    const outbox = await t.http.get('/api/v1/dev/sms-outbox').set(bearer(admin)).expect(200);
    const code = outbox.body.find((m: { phone: string }) => m.phone === newPhone).code;
    await t.http.post('/api/v1/auth/phone').set(bearer(s.body.accessToken)).send({ phone: newPhone, code }).expect(204);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(s.body.accessToken)).expect(200);
    expect(me.body.phoneMasked).toBe('136****0002');
    await pwLogin(newPhone, PW).expect(200);
    await pwLogin(phone, PW).expect(401);
    // The member record follows the account's phone.
    const list = await t.http.get(`/api/v1/members?keyword=${encodeURIComponent(t.demo.inactiveMember.name)}`).set(bearer(admin)).expect(200);
    expect(list.body.items[0].phone).toBe(newPhone);
  });

  it('refuses the new password when it breaks the policy or repeats the old one', async () => {
    const s = await pwLogin('admin', t.demo.tenantAdmin.password).expect(200);
    const weak = await t.http.post('/api/v1/auth/password').set(bearer(s.body.accessToken)).send({ oldPassword: t.demo.tenantAdmin.password, newPassword: 'short', newPasswordConfirm: 'short' }).expect(400);
    expect(weak.body.code).toBe('IDENTITY_PASSWORD_POLICY');
    const same = await t.http.post('/api/v1/auth/password').set(bearer(s.body.accessToken)).send({ oldPassword: t.demo.tenantAdmin.password, newPassword: t.demo.tenantAdmin.password, newPasswordConfirm: t.demo.tenantAdmin.password }).expect(400);
    expect(same.body.code).toBe('IDENTITY_PASSWORD_REUSED');
    const wrongOld = await t.http.post('/api/v1/auth/password').set(bearer(s.body.accessToken)).send({ oldPassword: 'nope', newPassword: 'Another2026', newPasswordConfirm: 'Another2026' }).expect(401);
    expect(wrongOld.body.message).toBe('原密码不正确');
  });

  it('limits login attempts per IP', async () => {
    const limited = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.http.post('/api/v1/auth/login/password').send({ account: 'x', password: 'y' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Other routes keep the general limit.
      await limited.http.get('/api/health').expect(200);
    } finally {
      await limited.close();
    }
  });
});
