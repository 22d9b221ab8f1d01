/**
 * A member activates the account in the mini-program's H5 build, in Chromium at a phone's size,
 * against the real built server (ID-1…ID-5, ID-7): opens the branch's QR address, enters the ID
 * number, confirms the masked name, solves the slider puzzle, receives the SMS code (read from the
 * dev outbox), first types a wrong code (the error shows beside the code field and a retry works),
 * sets a password, lands on home; then 我的 → 退出登录 and logs in again with phone + new password.
 * Screenshots: miniapp/test-results/activation-*.png.
 */
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { Page } from 'playwright-core';
import {
  api,
  clearScreenshots,
  collectPageErrors,
  fill,
  findOrg,
  gapX,
  isApi,
  latestCode,
  launchBrowser,
  screenshot,
  startServer,
  textOf,
  withFailureShot,
  type CaptchaChallenge,
  type OrgNode,
  type RunningBrowser,
  type RunningServer,
  type TokenPair,
} from './harness';

interface Me {
  tenantId: number | null;
}

const PHONE = '13712345678';
const PASSWORD = 'Dangjian#2024';

/** 张小明 → 张*明 (as shared/src/masking.ts; the shared package is ESM, this test CommonJS). */
function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Drags the slider handle by `distance` CSS px over ~600 ms with several mouse moves. */
async function dragHandle(page: Page, distance: number): Promise<void> {
  const handle = page.locator('.slider-captcha__handle');
  await handle.scrollIntoViewIfNeeded();
  const handleBox = await handle.boundingBox();
  if (!handleBox) throw new Error('slider handle not laid out');
  const startX = handleBox.x + handleBox.width / 2;
  const y = handleBox.y + handleBox.height / 2;
  await page.mouse.move(startX, y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    // Ease-out, like a hand slowing down on the target.
    const t = 1 - (1 - i / steps) ** 2;
    await page.mouse.move(startX + distance * t, y + (i % 3) - 1);
    await page.waitForTimeout(50); // the drag's duration is part of what the server checks (≥ 250 ms)
  }
  await page.mouse.up();
}

/** The rendered scale of the puzzle: displayed px per challenge px. */
async function renderedScale(page: Page, challenge: CaptchaChallenge): Promise<number> {
  const bg = page.locator('.slider-captcha__bg');
  await bg.waitFor({ state: 'visible' });
  const box = await bg.boundingBox();
  if (!box) throw new Error('slider puzzle not laid out');
  return box.width / challenge.width;
}

/**
 * Opens the puzzle with 获取验证码; with `missFirst`, drops the piece off target once (the failure
 * message shows and a new puzzle loads); then drags the handle by the gap's x × the rendered scale
 * and waits until the code is sent (`sendPath`: /auth/sms/send, or /auth/phone/sms for a phone change).
 */
async function solveSliderAndSend(page: Page, shotName: string, missFirst = false, sendPath = '/auth/sms/send'): Promise<{ gap: number; scale: number }> {
  let challengeRes = page.waitForResponse(isApi('POST', '/auth/captcha'));
  await page.locator('.sms-code__send').click();
  let challenge = (await (await challengeRes).json()) as CaptchaChallenge;
  await page.locator('.slider-captcha__bg').waitFor({ state: 'visible' });
  await screenshot(page, `${shotName}-puzzle`);

  if (missFirst) {
    const gap = gapX(challenge);
    const scale = await renderedScale(page, challenge);
    const refused = page.waitForResponse(isApi('POST', '/auth/captcha/verify'));
    challengeRes = page.waitForResponse(isApi('POST', '/auth/captcha'));
    await dragHandle(page, (gap > 150 ? gap - 60 : gap + 60) * scale);
    expect((await refused).status()).toBe(400);
    challenge = (await (await challengeRes).json()) as CaptchaChallenge; // a new puzzle
    const message = page.locator('.slider-captcha__error');
    await message.waitFor();
    expect(await message.textContent()).toBe('拼图验证未通过，请重试');
    await page.waitForFunction((src) => document.querySelector('.slider-captcha__bg img')?.getAttribute('src') === src, challenge.background);
    await screenshot(page, `${shotName}-puzzle-missed`);
  }

  const gap = gapX(challenge);
  const scale = await renderedScale(page, challenge);
  const verified = page.waitForResponse(isApi('POST', '/auth/captcha/verify'));
  const sent = page.waitForResponse(isApi('POST', sendPath));
  await dragHandle(page, gap * scale);
  expect((await verified).status()).toBe(200);
  expect((await sent).status()).toBe(200);
  return { gap, scale };
}

describe('activation in the H5 build (Chromium, 375×812)', () => {
  let server: RunningServer;
  let browser: RunningBrowser;
  let page: Page;
  let errors: string[];
  let adminToken: string;
  let entryUrl: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    clearScreenshots('activation');

    // The entry scene of the member's branch, as its QR code carries it: t<tenant>o<org>.
    const { username, password } = server.logins.tenantAdmin;
    const login = await api<TokenPair>(server, 'POST', '/auth/login/password', { account: username, password });
    expect(login.status).toBe(200);
    adminToken = login.body.accessToken;
    const me = await api<Me>(server, 'GET', '/auth/me', undefined, adminToken);
    const tenantId = me.body.tenantId ?? 1;
    const tree = await api<OrgNode[] | OrgNode>(server, 'GET', '/orgs/tree', undefined, adminToken);
    expect(tree.status).toBe(200);
    const branch = findOrg(Array.isArray(tree.body) ? tree.body : [tree.body], server.logins.inactiveMember.orgName);
    if (!branch) throw new Error(`branch ${server.logins.inactiveMember.orgName} not in the org tree`);
    entryUrl = `${server.baseUrl}/h5/?scene=t${tenantId}o${branch.id}`;

    page = await browser.context.newPage();
    errors = collectPageErrors(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is sized for a 375 px phone: body type ≥ 16 px (32 rpx), inputs and buttons ≥ 44 px (88 rpx) tall', async () => {
    // Taro's H5 sizes rem from the viewport with an inline script in index.html (1 rem = 20 px at
    // 375 px); if that script does not run, everything is 20 % smaller than designed.
    const probe = await browser.context.newPage();
    try {
      await probe.goto(`${entryUrl}#/pages/activate/index`);
      await probe.locator('.activate-step--1').waitFor();
      const m = await probe.evaluate(() => {
        const px = (sel: string, prop: 'height' | 'fontSize') => parseFloat(getComputedStyle(document.querySelector(sel) as Element)[prop]);
        return {
          root: parseFloat(getComputedStyle(document.documentElement).fontSize),
          label: px('.dj-field__label', 'fontSize'),
          input: px('.dj-field__input', 'height'),
          inputText: px('.dj-field__input', 'fontSize'),
          button: px('.dj-action', 'height'),
        };
      });
      console.log(`sizes at 375 px: ${JSON.stringify(m)}`);
      expect(m.label).toBeGreaterThanOrEqual(16);
      expect(m.inputText).toBeGreaterThanOrEqual(16);
      expect(m.input).toBeGreaterThanOrEqual(44);
      expect(m.button).toBeGreaterThanOrEqual(44);
    } finally {
      await probe.close();
    }
  });

  it('activates from scratch: ID → masked name → puzzle → SMS code (a wrong one first) → password → home', async () => {
    const member = server.logins.inactiveMember;
    await withFailureShot(page, 'activation-flow', async () => {
      await page.goto(entryUrl);
      // Not logged in: home offers activation.
      await page.locator('.home__cta-btn', { hasText: '激活账号' }).click();

      // Step 1: the ID number, then the masked name and branch to confirm.
      await page.locator('.activate-step--1').waitFor();
      await fill(page, '.dj-field--id-number', member.idNumber);
      await screenshot(page, 'activation-01-id-number');
      const started = page.waitForResponse(isApi('POST', '/auth/activation/start'));
      await page.locator('.activate-step--1 .dj-action', { hasText: '下一步' }).click();
      const startRes = await started;
      expect(startRes.status()).toBe(200);
      // The scanned tenant went with the request.
      expect((startRes.request().postDataJSON() as { tenantId?: number }).tenantId).toBeGreaterThan(0);
      await page.locator('.activate-confirm').waitFor();
      expect(await textOf(page, '.activate-confirm__text')).toBe(`请确认是否为本人：${maskName(member.name)}（${member.orgName}）`);
      await screenshot(page, 'activation-02-confirm-name');
      await page.locator('.activate-confirm .dj-action', { hasText: '是本人，继续' }).click();

      // Step 2: phone, puzzle, SMS code.
      await page.locator('.activate-step--2').waitFor();
      await fill(page, '.dj-field--phone', PHONE);
      const drag = await solveSliderAndSend(page, 'activation-03', true);
      console.log(`slider: gap at x=${drag.gap} challenge px, rendered scale ${drag.scale.toFixed(3)} → dragged ${(drag.gap * drag.scale).toFixed(1)} CSS px`);
      await page.locator('.sms-code__send', { hasText: /秒后重发/ }).waitFor();
      await screenshot(page, 'activation-04-code-sent');

      const code = await latestCode(server, adminToken, PHONE, 'activate');
      const wrong = String((Number(code) + 1) % 10000).padStart(4, '0');
      await fill(page, '.sms-code', wrong);
      const wrongRes = page.waitForResponse(isApi('POST', '/auth/activation/phone'));
      await page.locator('.activate-step--2 .dj-action', { hasText: '下一步' }).click();
      expect((await wrongRes).status()).toBe(400);
      // The error sits beside the code field, and the member stays on step 2 with the phone kept.
      const codeError = page.locator('.sms-code .sms-code__error');
      await codeError.waitFor();
      expect(await codeError.textContent()).toBe('短信验证码不正确');
      expect(await page.locator('.activate-step--2').isVisible()).toBe(true);
      expect(await page.locator('.dj-field--phone input').inputValue()).toBe(PHONE);
      await screenshot(page, 'activation-05-wrong-code');

      await fill(page, '.sms-code', code);
      expect(await page.locator('.sms-code .sms-code__error').count()).toBe(0); // typing clears the error
      const rightRes = page.waitForResponse(isApi('POST', '/auth/activation/phone'));
      await page.locator('.activate-step--2 .dj-action', { hasText: '下一步' }).click();
      expect((await rightRes).status()).toBe(200);

      // Step 3: the password twice, the policy checked as it is typed.
      await page.locator('.activate-step--3').waitFor();
      await fill(page, '.dj-field--password', 'abc');
      expect(await page.locator('.password-rules__item--bad').count()).toBeGreaterThan(0);
      await fill(page, '.dj-field--password', PASSWORD);
      await fill(page, '.dj-field--password-confirm', PASSWORD);
      expect(await page.locator('.password-rules__item--ok').count()).toBe(3);
      await screenshot(page, 'activation-06-password');
      const completed = page.waitForResponse(isApi('POST', '/auth/activation/complete'));
      await page.locator('.activate-step--3 .dj-action', { hasText: '完成激活' }).click();
      expect((await completed).status()).toBe(200);

      // Home, logged in, greeting the member by name.
      await page.locator('.home__hello', { hasText: member.name }).waitFor();
      await page.getByText('激活成功').waitFor();
      await page.locator('.activate-page').waitFor({ state: 'hidden' }); // the page transition is over
      await screenshot(page, 'activation-07-home', { settle: false }); // while the toast still shows
    });
  });

  it('我的 shows the masked profile; 退出登录, then login with phone + new password → home', async () => {
    const member = server.logins.inactiveMember;
    await withFailureShot(page, 'activation-relogin', async () => {
      await page.locator('.weui-tabbar__label', { hasText: '我的' }).click();
      await page.locator('.me-info').waitFor();
      const info = await textOf(page, '.me-info');
      expect(info).toContain(member.name);
      expect(info).toContain(member.orgName);
      expect(info).toContain(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
      expect(info).toContain(`${member.idNumber.slice(0, 4)}`);
      expect(info).not.toContain(member.idNumber); // masked
      await screenshot(page, 'activation-08-me');

      await page.locator('.me-logout .dj-action', { hasText: '退出登录' }).click();
      const loggedOut = page.waitForResponse(isApi('POST', '/auth/logout'));
      await page.getByText('退出', { exact: true }).click(); // the confirmation dialog
      expect((await loggedOut).status()).toBe(204);
      await page.locator('.login-form--password').waitFor();
      await screenshot(page, 'activation-09-login');

      // A wrong password: the server's message under the password field.
      await fill(page, '.dj-field--account', PHONE);
      await fill(page, '.dj-field--password', 'Wrong#Password1');
      const refused = page.waitForResponse(isApi('POST', '/auth/login/password'));
      await page.locator('.login-form--password .dj-action', { hasText: '登录' }).click();
      expect((await refused).status()).toBe(401);
      const pwError = page.locator('.dj-field--password .dj-field__error');
      await pwError.waitFor();
      expect(await pwError.textContent()).toMatch(/^账号或密码错误/);
      await screenshot(page, 'activation-10-wrong-password');

      await fill(page, '.dj-field--password', PASSWORD);
      const loggedIn = page.waitForResponse(isApi('POST', '/auth/login/password'));
      await page.locator('.login-form--password .dj-action', { hasText: '登录' }).click();
      expect((await loggedIn).status()).toBe(200);
      await page.locator('.home__hello', { hasText: member.name }).waitFor();
      await screenshot(page, 'activation-11-home-again');
      expect(errors).toEqual([]);
    });
  });

  it('短信登录 (branch secretary), then 我的 → 修改密码 and 更换手机号', async () => {
    const secretary = server.logins.branchAdmin;
    const newPhone = '13612345678';
    await withFailureShot(page, 'activation-more', async () => {
      // Sign the member out, then SMS login as the secretary (a phone with no code sent yet).
      await page.locator('.weui-tabbar__label', { hasText: '我的' }).click();
      await page.locator('.me-logout .dj-action', { hasText: '退出登录' }).click();
      await page.getByText('退出', { exact: true }).click();
      await page.locator('.login-form--password').waitFor();
      await page.locator('.login-tabs__tab', { hasText: '短信登录' }).click();
      await fill(page, '.login-form--sms .dj-field--phone', secretary.username);
      await solveSliderAndSend(page, 'activation-12-sms-login');
      await fill(page, '.login-form--sms .sms-code', await latestCode(server, adminToken, secretary.username, 'login'));
      await screenshot(page, 'activation-12-sms-login');
      const loggedIn = page.waitForResponse(isApi('POST', '/auth/login/sms'));
      await page.locator('.login-form--sms .dj-action', { hasText: '登录' }).click();
      expect((await loggedIn).status()).toBe(200);
      await page.locator('.home__hello').waitFor();

      // 修改密码: a wrong old password first (beside its field), then the right one.
      await page.locator('.weui-tabbar__label', { hasText: '我的' }).click();
      await page.locator('.me-action', { hasText: '修改密码' }).click();
      await fill(page, '.dj-field--old-password', 'Not-the-password1');
      await fill(page, '.dj-field--new-password', 'Shuji#2025new');
      await fill(page, '.dj-field--new-password-confirm', 'Shuji#2025new');
      const refused = page.waitForResponse(isApi('POST', '/auth/password'));
      await page.locator('.me-panel--password .dj-action', { hasText: '确认修改' }).click();
      expect((await refused).status()).toBe(401);
      const oldError = page.locator('.dj-field--old-password .dj-field__error');
      await oldError.waitFor();
      expect(await oldError.textContent()).toBe('原密码不正确');
      await screenshot(page, 'activation-13-change-password-error');
      await fill(page, '.dj-field--old-password', secretary.password);
      const changed = page.waitForResponse(isApi('POST', '/auth/password'));
      await page.locator('.me-panel--password .dj-action', { hasText: '确认修改' }).click();
      expect((await changed).status()).toBe(200);
      await page.locator('.me-panel--password').waitFor({ state: 'detached' });
      const relogin = await api<TokenPair>(server, 'POST', '/auth/login/password', { account: secretary.username, password: 'Shuji#2025new' });
      expect(relogin.status).toBe(200); // the new password is the one that works now

      // 更换手机号: code to the new phone, then the profile shows it (masked).
      await page.locator('.me-action', { hasText: '更换手机号' }).click();
      await fill(page, '.me-panel--phone .dj-field--phone', newPhone);
      await solveSliderAndSend(page, 'activation-14-change-phone', false, '/auth/phone/sms');
      await fill(page, '.me-panel--phone .sms-code', await latestCode(server, adminToken, newPhone, 'change_phone'));
      const phoneChanged = page.waitForResponse(isApi('POST', '/auth/phone'));
      await page.locator('.me-panel--phone .dj-action', { hasText: '确认更换' }).click();
      expect((await phoneChanged).status()).toBe(204);
      await page.locator('.me-info', { hasText: '136****5678' }).waitFor();
      await screenshot(page, 'activation-15-phone-changed');
      expect(errors).toEqual([]);
    });
  });

  it('a password reset by the admin must be changed at login before home (ID-9)', async () => {
    const newPhone = '13612345678'; // the secretary's phone since the previous test
    await withFailureShot(page, 'activation-reset', async () => {
      await page.locator('.me-logout .dj-action', { hasText: '退出登录' }).click();
      await page.getByText('退出', { exact: true }).click();
      await page.locator('.login-form--password').waitFor();

      // The admin resets the secretary's password: a one-time password, to be changed at login.
      const session = await api<TokenPair>(server, 'POST', '/auth/login/password', { account: newPhone, password: 'Shuji#2025new' });
      expect(session.status).toBe(200);
      const me = await api<{ memberId: number }>(server, 'GET', '/auth/me', undefined, session.body.accessToken);
      const reset = await api<{ oneTimePassword: string }>(server, 'POST', `/members/${me.body.memberId}/reset-password`, {}, adminToken);
      expect(reset.status).toBe(200);

      await fill(page, '.dj-field--account', newPhone);
      await fill(page, '.dj-field--password', reset.body.oneTimePassword);
      const loggedIn = page.waitForResponse(isApi('POST', '/auth/login/password'));
      await page.locator('.login-form--password .dj-action', { hasText: '登录' }).click();
      const res = await loggedIn;
      expect(res.status()).toBe(200);
      expect(((await res.json()) as TokenPair).mustChangePassword).toBe(true);

      // Not home yet: the change-password form.
      await page.locator('.dj-change-password').waitFor();
      expect(await page.locator('.home__hello').isVisible()).toBe(false);
      await fill(page, '.dj-field--old-password', reset.body.oneTimePassword);
      await fill(page, '.dj-field--new-password', 'Shuji#2025again');
      await fill(page, '.dj-field--new-password-confirm', 'Shuji#2025again');
      await screenshot(page, 'activation-16-forced-change');
      const changed = page.waitForResponse(isApi('POST', '/auth/password'));
      await page.locator('.dj-change-password .dj-action', { hasText: '修改并进入' }).click();
      expect((await changed).status()).toBe(200);
      await page.locator('.home__hello').waitFor();
      await page.getByText('密码已修改').waitFor();
      await page.locator('.login-page').waitFor({ state: 'hidden' }); // the page transition is over
      await screenshot(page, 'activation-17-home-after-change', { settle: false });
      expect(errors).toEqual([]);
    });
  });
});
