/**
 * Browser e2e harness for the mini-program's H5 build: the BUILT server (which serves
 * `miniapp/dist/h5` at `/h5/`) and Chromium at a phone's viewport, through the shared plumbing in
 * tools/browser-e2e. Build first: `npm run build -w shared && npm run build -w server && npm run build:h5 -w miniapp`.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as e2e from '@dangjian/browser-e2e';
import type { Page, Response } from 'playwright-core';

/** miniapp/ (this file compiles to miniapp/dist-e2e/). */
export const MINIAPP_DIR = resolve(__dirname, '..');
export const SERVER_DIR = resolve(MINIAPP_DIR, '..', 'server');
export const SCREENSHOT_DIR = join(MINIAPP_DIR, 'test-results');

/** What the server writes to `<DATA_DIR>/demo-logins.json` (the parts these tests use). */
export interface DemoLogins {
  tenantAdmin: { username: string; password: string };
  /** The branch secretary: an activated member whose username is the phone. */
  branchAdmin: { username: string; password: string; orgName: string };
  inactiveMember: { name: string; idNumber: string; orgName: string };
}

export type RunningServer = e2e.RunningServer<DemoLogins>;
export type { RunningBrowser } from '@dangjian/browser-e2e';

export function startServer(): Promise<RunningServer> {
  return e2e.startServer<DemoLogins>({
    serverDir: SERVER_DIR,
    required: [{ path: join(MINIAPP_DIR, 'dist/h5/index.html'), hint: 'npm run build:h5 -w miniapp' }],
  });
}

/** JSON over the real API (seeding and reading the SMS outbox as the tenant admin). */
export async function api<T>(server: RunningServer, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Chromium with a fresh profile at a phone's viewport (375 × 812). */
export const launchBrowser = () => e2e.launchBrowser({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });

export const { screenshot, withFailureShot } = e2e.screenshots(SCREENSHOT_DIR);
export const collectPageErrors = e2e.collectPageErrors;

/** Removes a suite's screenshots (`<prefix>-*.png`, FAILED- ones too) from an earlier run, which would mislead. */
export function clearScreenshots(prefix: string): void {
  console.log(`screenshots: ${SCREENSHOT_DIR}`);
  try {
    for (const f of readdirSync(SCREENSHOT_DIR)) if (f.startsWith(`${prefix}-`) || f.startsWith(`FAILED-${prefix}-`)) rmSync(join(SCREENSHOT_DIR, f));
  } catch {
    // no folder yet
  }
}

/** One person of a test: their own Chromium (own storage, own login), a page, and its errors. */
export interface Person {
  browser: e2e.RunningBrowser;
  page: Page;
  errors: string[];
}

export async function person(): Promise<Person> {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  return { browser, page, errors: collectPageErrors(page) };
}

/** Opens an app page on its own (a fresh page stack: H5 keeps earlier pages in the DOM). */
export async function openAlone(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.reload();
}

/** A valid 18-digit ID number (GB 11643 check character) born on `birth` (YYYYMMDD). */
export function idNumber(birth: string, serial: number): string {
  const f17 = `110105${birth}${String(serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...f17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return f17 + '10X98765432'[sum % 11];
}

// ---- API shapes these tests read (the shared package is ESM, the tests CommonJS) ----
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
}
export interface OrgNode {
  id: number;
  name: string;
  type?: string;
  children?: OrgNode[];
}
export interface CaptchaChallenge {
  captchaId: string;
  background: string;
  width: number;
  height: number;
  pieceSize: number;
  pieceY: number;
}
interface SmsOutboxEntry {
  id: number;
  phone: string;
  code: string;
  purpose: string;
  createdAt: string;
}

export function findOrg(nodes: OrgNode[], name: string): OrgNode | null {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findOrg(n.children ?? [], name);
    if (hit) return hit;
  }
  return null;
}

/** Matches the browser's response to one API call (for page.waitForResponse). */
export const isApi = (method: string, path: string) => (r: Response) => r.request().method() === method && new URL(r.url()).pathname === `/api/v1${path}`;

/** The gap's x in the challenge's pixels: the `<rect>` with fill="#000" in the background SVG. */
export function gapX(challenge: CaptchaChallenge): number {
  const m = /^data:image\/svg\+xml;base64,(.*)$/.exec(challenge.background);
  if (!m) throw new Error('captcha background is not a base64 SVG data URL');
  const svg = Buffer.from(m[1], 'base64').toString('utf8');
  const rect = [...svg.matchAll(/<rect\b[^>]*>/g)].map((r) => r[0]).find((r) => /fill="#000"/.test(r));
  const x = rect ? /\bx="([\d.]+)"/.exec(rect) : null;
  if (!x) throw new Error(`no gap rect in the captcha SVG: ${svg.slice(0, 200)}…`);
  return Number(x[1]);
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into the input of a Field (`.dj-field--<name>`) or any wrapper holding one input. */
export async function fill(page: Page, fieldSelector: string, value: string): Promise<void> {
  const input = page.locator(`${fieldSelector} input`).first();
  await input.fill(value);
}

/** The newest SMS code the dev outbox holds for a phone and purpose (as the tenant admin). */
export async function latestCode(server: RunningServer, adminToken: string, phone: string, purpose: string): Promise<string> {
  const { status, body } = await api<SmsOutboxEntry[]>(server, 'GET', '/dev/sms-outbox', undefined, adminToken);
  if (status !== 200) throw new Error(`GET /dev/sms-outbox answered ${status}`);
  const hit = body.find((m) => m.phone === phone && m.purpose === purpose); // newest first
  if (!hit) throw new Error(`no ${purpose} SMS to ${phone} in the outbox`);
  return hit.code;
}

async function answered<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await res;
  if (status < 200 || status >= 300) throw new Error(`${what} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** A 2xx answer's body, or the test fails naming the call. */
export async function ok<T>(server: RunningServer, method: string, path: string, body: unknown, token: string): Promise<T> {
  const res = await api<T>(server, method, path, body, token);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Nothing wider than the phone's viewport (no horizontal overflow on the page). */
export async function expectNoOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (scroll > client) throw new Error(`the page is ${scroll}px wide on a ${client}px screen`);
}

/**
 * Activates a member's account over the API, as the mini-program does (ID → slider puzzle, solved
 * from the challenge's SVG → SMS code from the dev outbox → password). Returns the member's tokens.
 */
export async function activateByApi(server: RunningServer, adminToken: string, idNumber: string, phone: string, password: string): Promise<TokenPair> {
  const start = await answered(api<{ activationToken: string }>(server, 'POST', '/auth/activation/start', { idNumber }), 'activation/start');
  const challenge = await answered(api<CaptchaChallenge>(server, 'POST', '/auth/captcha', {}), 'captcha');
  const verified = await answered(api<{ captchaToken: string }>(server, 'POST', '/auth/captcha/verify', { captchaId: challenge.captchaId, offsetX: gapX(challenge), durationMs: 900 }), 'captcha/verify');
  await answered(api(server, 'POST', '/auth/sms/send', { phone, captchaToken: verified.captchaToken, purpose: 'activate' }), 'sms/send');
  const code = await latestCode(server, adminToken, phone, 'activate');
  const phoneOk = await answered(api<{ activationToken: string }>(server, 'POST', '/auth/activation/phone', { activationToken: start.activationToken, phone, code }), 'activation/phone');
  return answered(api<TokenPair>(server, 'POST', '/auth/activation/complete', { activationToken: phoneOk.activationToken, password, passwordConfirm: password }), 'activation/complete');
}

export interface TestMember {
  name: string;
  phone: string;
  idNumber: string;
  /** Filled in by addActivatedMembers. */
  memberId: number;
  token: string;
}

/**
 * The demo secretary's branch (as the tenant admin) with `members` added to it as full members,
 * each activated over the API the way the app does it; fills in their memberId and access token.
 */
export async function branchWithMembers(server: RunningServer, members: TestMember[], password: string): Promise<{ branchId: number; adminToken: string }> {
  const { username, password: adminPassword } = server.logins.tenantAdmin;
  const adminToken = (await answered(api<TokenPair>(server, 'POST', '/auth/login/password', { account: username, password: adminPassword }), 'admin login')).accessToken;
  const tree = await answered(api<OrgNode[]>(server, 'GET', '/orgs/tree', undefined, adminToken), 'orgs/tree');
  const branch = findOrg(tree, server.logins.branchAdmin.orgName);
  if (!branch) throw new Error(`branch ${server.logins.branchAdmin.orgName} not in the org tree`);
  for (const m of members) {
    const created = await answered(api<{ id: number }>(server, 'POST', '/members', { orgId: branch.id, name: m.name, idNumber: m.idNumber, memberType: 'full', joinDate: '2006-07-01' }, adminToken), `create ${m.name}`);
    m.memberId = created.id;
    m.token = (await activateByApi(server, adminToken, m.idNumber, m.phone, password)).accessToken;
  }
  return { branchId: branch.id, adminToken };
}

/** Logs in on the app's login page with an account (phone or username) and password; waits for home. */
export async function loginInApp(server: RunningServer, page: Page, account: string, password: string): Promise<void> {
  await page.goto(`${server.baseUrl}/h5/#/pages/login/index`);
  await page.locator('.login-form--password').waitFor();
  await fill(page, '.dj-field--account', account);
  await fill(page, '.dj-field--password', password);
  const loggedIn = page.waitForResponse(isApi('POST', '/auth/login/password'));
  await page.locator('.login-form--password .dj-action', { hasText: '登录' }).click();
  const res = await loggedIn;
  if (res.status() !== 200) throw new Error(`login as ${account} answered ${res.status()}`);
  await page.locator('.home__hello').waitFor();
}
