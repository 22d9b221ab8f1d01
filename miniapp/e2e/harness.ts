/**
 * Browser e2e harness for the mini-program's H5 build: the BUILT server (which serves
 * `miniapp/dist/h5` at `/h5/`) as a child process on a free port with a fresh data directory, and
 * Debian's Chromium driven by playwright-core at a phone's viewport. Build first:
 * `npm run build -w shared && npm run build -w server && npm run build:h5 -w miniapp`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** miniapp/ (this file compiles to miniapp/dist-e2e/). */
export const MINIAPP_DIR = resolve(__dirname, '..');
export const SERVER_DIR = resolve(MINIAPP_DIR, '..', 'server');
export const SCREENSHOT_DIR = join(MINIAPP_DIR, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const START_TIMEOUT_MS = 60_000;

/** What the server writes to `<DATA_DIR>/demo-logins.json` (the parts these tests use). */
export interface DemoLogins {
  tenantAdmin: { username: string; password: string };
  /** The branch secretary: an activated member whose username is the phone. */
  branchAdmin: { username: string; password: string; orgName: string };
  inactiveMember: { name: string; idNumber: string; orgName: string };
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  logins: DemoLogins;
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      res();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `node server/dist/src/main.js`; ready when /api/health answers 200 and the demo logins exist. */
export async function startServer(): Promise<RunningServer> {
  const main = join(SERVER_DIR, 'dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build -w shared && npm run build -w server\` first`);
  if (!existsSync(join(MINIAPP_DIR, 'dist/h5/index.html'))) throw new Error('miniapp/dist/h5/index.html is missing: run `npm run build:h5 -w miniapp` first');

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'dj-miniapp-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Explicit, so neither the shell nor a developer's .env points the test at another database.
    DATABASE_URL: `sqlite:${join(dataDir, 'dangjian.sqlite')}`,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  for (const k of ['REDIS_URL', 'JWT_SECRET', 'DATA_KEY', 'SEED_DEMO']) delete env[k];

  const child = spawn(process.execPath, [main], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  const loginsFile = join(dataDir, 'demo-logins.json');
  const ready = async (): Promise<DemoLogins | null> => {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status !== 200) return null;
      return JSON.parse(await readFile(loginsFile, 'utf8')) as DemoLogins;
    } catch {
      return null; // not listening yet, not seeded yet, or the file is being written
    }
  };
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exited) throw new Error(`server ${exited} before it was ready`);
      const logins = await ready();
      if (logins) return { baseUrl, dataDir, logins, output: () => out, stop };
      if (Date.now() > deadline) throw new Error(`server not ready (health 200 + ${loginsFile}) after ${START_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 100)); // poll interval
    }
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server output ---\n${out}`);
  }
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

export interface RunningBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile at a phone's viewport (375 × 812). */
export async function launchBrowser(): Promise<RunningBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'dj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves `test-results/<name>.png` once animations (toasts, transitions) have settled. */
export async function screenshot(page: Page, name: string, opts: { settle?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const settled = () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  await page.bringToFront();
  if (opts.settle !== false) await page.waitForFunction(settled, null, { timeout: 3_000 }).catch(() => undefined);
  await page.screenshot({ path });
  return path;
}

/** Runs a test body; on failure keeps a screenshot of what the page showed. */
export async function withFailureShot(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw e;
  }
}

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
