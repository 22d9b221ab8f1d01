/**
 * Browser e2e harness for the admin page: the BUILT server and Chromium at 1280×800 through the
 * shared plumbing in tools/browser-e2e. WeChat (entry codes) is the local simulator, so the tests
 * never reach a real platform. Build first: `npm run build -w shared && npm run build -w server`.
 */
import { join } from 'node:path';
import * as e2e from '@dangjian/browser-e2e';
import type { Locator, Page, Response } from 'playwright-core';
import type { ErrorBody, TokenPair } from '@dangjian/shared';
import { expect } from '../test/support.js';
import { SERVER_DIR } from '../src/config/paths.js';
import type { DemoLogins } from '../src/seed/demo-seed.service.js';
import { WechatSimulator } from '../test/simulators/wechat.simulator.js';

export { SERVER_DIR };
export type { DemoLogins };
export type RunningServer = e2e.RunningServer<DemoLogins>;
export type { RunningBrowser } from '@dangjian/browser-e2e';
export const SCREENSHOT_DIR = join(SERVER_DIR, 'test-results');

export async function startServer(): Promise<RunningServer> {
  const wechat = new WechatSimulator();
  await wechat.start();
  return e2e.startServer<DemoLogins>({
    serverDir: SERVER_DIR,
    required: [{ path: join(SERVER_DIR, 'dist/admin/index.html'), hint: 'npm run build:admin -w server' }],
    env: { WECHAT_API_BASE: wechat.baseUrl, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.appSecret },
    onStop: () => wechat.close(),
  });
}

/** Chromium with a fresh profile, 1280×800, as a person at a laptop would see the admin page. */
export const launchBrowser = () => e2e.launchBrowser({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });

export const { screenshot, withFailureShot } = e2e.screenshots(SCREENSHOT_DIR);
export const collectPageErrors = e2e.collectPageErrors;


/**
 * A button's text: antd puts a space between two CJK characters ("保 存"), and the accessible name
 * may start with an icon's label ("delete 删除", or "loading" left over from a spinner).
 */
export const label = (text: string) => new RegExp(`${[...text].join('\\s*')}\\s*$`);

/** Matches the API response of `method` on `path` (after /api/v1), for `page.waitForResponse`. */
export const isApi = (method: string, path: string | RegExp) => (r: Response) => {
  if (r.request().method() !== method) return false;
  const p = new URL(r.url()).pathname;
  return typeof path === 'string' ? p === `/api/v1${path}` : path.test(p);
};

/** Resolves when the element's CSS animations (antd's modal zoom-in) have finished. */
export async function settled(locator: Locator): Promise<void> {
  await locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/** Waits for a modal or drawer to appear and finish opening, so clicks land where it will stay. */
export async function opened(locator: Locator): Promise<void> {
  await locator.waitFor();
  await settled(locator);
}

/**
 * Clicks the option `text` of the open select dropdown once the dropdown has finished sliding in:
 * a click during the animation can land beside the moving option and select nothing.
 */
export async function chooseOption(page: Page, text: string | RegExp): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await option.waitFor();
  await option.evaluate((el) => Promise.all((el.closest('.ant-select-dropdown') ?? el).getAnimations({ subtree: true }).map((a) => a.finished)));
  await option.click();
}

/** Confirms the open Popconfirm with its OK button, resolving with the API response it triggers. */
export async function confirmPop(page: Page, okText: string, api: (r: Response) => boolean): Promise<Response> {
  const [res] = await Promise.all([page.waitForResponse(api), page.locator('.ant-popconfirm:visible').getByRole('button', { name: label(okText) }).click()]);
  return res;
}

/** Types the credentials on the login form and submits; resolves with the login response. */
export async function submitLogin(page: Page, account: string, password: string): Promise<Response> {
  await page.getByPlaceholder('用户名或手机号').fill(account);
  await page.getByPlaceholder('密码', { exact: true }).fill(password);
  const [res] = await Promise.all([
    page.waitForResponse(isApi('POST', '/auth/login/password')),
    page.getByRole('button', { name: label('登录') }).click(),
  ]);
  return res;
}

/**
 * The admin page and the API of one running server, for a test file whose server and browser are
 * started in beforeAll (hence the getters).
 */
export function adminPages(getServer: () => RunningServer, getBrowser: () => e2e.RunningBrowser) {
  /** A new tab on /admin/, collecting its uncaught errors. */
  async function openAdmin(): Promise<{ page: Page; errors: string[] }> {
    const page = await getBrowser().context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${getServer().baseUrl}/admin/`);
    return { page, errors };
  }

  async function loginAsTenantAdmin(page: Page): Promise<void> {
    const { username, password } = getServer().logins.tenantAdmin;
    const res = await submitLogin(page, username, password);
    expect(res.status()).toBe(200);
    await page.getByRole('menuitem', { name: /组织与党员/ }).waitFor();
  }

  async function apiLogin(account: string, password: string): Promise<{ status: number; body: TokenPair & ErrorBody }> {
    const res = await fetch(`${getServer().baseUrl}/api/v1/auth/login/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account, password }),
    });
    return { status: res.status, body: (await res.json()) as TokenPair & ErrorBody };
  }

  /** A JSON call to the API as a client app would make it; throws with the body on an unexpected status. */
  async function call<T>(method: string, path: string, body?: unknown, token?: string, status = 200): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${getServer().baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return { openAdmin, loginAsTenantAdmin, apiLogin, call };
}
