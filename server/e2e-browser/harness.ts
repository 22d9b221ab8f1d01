/**
 * Browser e2e harness (tier 3): the BUILT server as a child process on a free port with a fresh
 * data directory, and Debian's Chromium driven by playwright-core. Build first:
 * `npm run build -w shared && npm run build -w server`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SERVER_DIR } from '../src/config/paths.js';
import type { DemoLogins } from '../src/seed/demo-seed.service.js';
import { WechatSimulator } from '../test/simulators/wechat.simulator.js';

export { SERVER_DIR };
export const SCREENSHOT_DIR = join(SERVER_DIR, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const START_TIMEOUT_MS = 60_000;

/** What the server writes to `<DATA_DIR>/demo-logins.json` when it seeds the demo tenant. */
export type { DemoLogins };

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  logins: DemoLogins;
  /** The child's recent output, for failure messages. */
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

/** Starts `node dist/src/main.js` and waits until /api/health answers 200 and the demo logins exist. */
export async function startServer(): Promise<RunningServer> {
  const main = join(SERVER_DIR, 'dist/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build -w server\` before the browser tests`);
  if (!existsSync(join(SERVER_DIR, 'dist/admin/index.html'))) {
    throw new Error('dist/admin/index.html is missing: run `npm run build:admin -w server` before the browser tests');
  }

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'dj-browser-'));
  // WeChat (entry codes) is the local simulator: tests never reach a real platform.
  const wechat = new WechatSimulator();
  await wechat.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Explicit, so neither the shell nor a developer's .env (which never overrides a set variable)
    // points the test at another database.
    DATABASE_URL: `sqlite:${join(dataDir, 'dangjian.sqlite')}`,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: wechat.appId,
    WECHAT_SECRET: wechat.appSecret,
  };
  // The fresh data directory holds the generated secrets and the demo logins.
  for (const k of ['REDIS_URL', 'JWT_SECRET', 'DATA_KEY', 'SEED_DEMO']) delete env[k];

  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    await wechat.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  // Ready = healthy AND the demo tenant seeded: the server seeds after it starts listening.
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
      await new Promise((r) => setTimeout(r, 100)); // poll interval, not a wait for timing
    }
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- server output ---\n${out}`);
  }
}

export interface RunningBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile, 1280×800, as a person at a laptop would see the admin page. */
export async function launchBrowser(): Promise<RunningBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'dj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
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

/**
 * Saves `test-results/<name>.png` (gitignored): the 1280×800 viewport as the admin sees it, once
 * dialogs and tables have finished animating in (infinite animations such as spinners excepted).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const settled = () =>
    document.getAnimations().every((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      // Spinners loop forever; antd's click "wave" fades slowly and hides nothing.
      return a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity || !!target?.closest('.ant-wave');
    });
  await page.bringToFront(); // a background tab gets no animation frames
  await page.waitForFunction(settled, null, { timeout: 3_000 }).catch(() => undefined); // a picture mid-animation is still worth keeping
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

/** Uncaught errors in the page: a test ends by asserting there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
