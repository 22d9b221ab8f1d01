/**
 * Browser e2e harness for the mini-program's H5 build: the BUILT server (which serves
 * `miniapp/dist/h5` at `/h5/`) and Chromium at a phone's viewport, through the shared plumbing in
 * tools/browser-e2e. Build first: `npm run build -w shared && npm run build -w server && npm run build:h5 -w miniapp`.
 */
import { join, resolve } from 'node:path';
import * as e2e from '@dangjian/browser-e2e';

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
