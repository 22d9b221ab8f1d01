/**
 * Browser e2e plumbing (tier 3), shared by server/e2e-browser (admin page) and miniapp/e2e (H5):
 * the BUILT server as a child process on a free port with a fresh data folder, Debian's Chromium
 * driven by playwright-core, and screenshots taken once animations settle.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What this closed network needs: no background connections, no sandbox as root. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START_TIMEOUT_MS = 60_000;

export function freePort() {
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

function stopChild(child) {
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

/**
 * Starts `node dist/src/main.js` in `serverDir` with a fresh data folder; ready when /api/health
 * answers 200 and the seeded demo logins exist. `required` files must exist first (builds).
 */
export async function startServer({ serverDir, required = [], env: extraEnv = {}, onStop }) {
  for (const r of [{ path: join(serverDir, 'dist/src/main.js'), hint: 'npm run build -w shared && npm run build -w server' }, ...required]) {
    if (!existsSync(r.path)) throw new Error(`${r.path} is missing: run \`${r.hint}\` first`);
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'dj-browser-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Explicit, so neither the shell nor a developer's .env points the test at another database.
    DATABASE_URL: `sqlite:${join(dataDir, 'dangjian.sqlite')}`,
    NODE_ENV: 'development',
    // Time-bound steps (a meeting's start) are reached by moving the server's clock, not by waiting.
    DEV_CLOCK: 'true',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  // The fresh data folder holds the generated secrets and the demo logins.
  for (const k of ['REDIS_URL', 'JWT_SECRET', 'DATA_KEY', 'SEED_DEMO']) delete env[k];

  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  let stopping = false;
  child.once('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    // Dying under a running test shows up there only as refused connections: say why here.
    if (!stopping) console.error(`server at ${baseUrl} ${exited} while the tests ran\n--- server output ---\n${out}`);
  });
  const stop = async () => {
    stopping = true;
    await stopChild(child);
    await onStop?.();
    await rm(dataDir, { recursive: true, force: true });
  };
  const loginsFile = join(dataDir, 'demo-logins.json');
  const ready = async () => {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status !== 200) return null;
      return JSON.parse(await readFile(loginsFile, 'utf8'));
    } catch {
      return null; // not listening yet, or the file is being written
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
    throw new Error(`${e.message}\n--- server output ---\n${out}`);
  }
}

/** Chromium with a fresh profile, Chinese locale, Beijing time. */
export async function launchBrowser({ viewport, deviceScaleFactor, acceptDownloads = false }) {
  const profile = await mkdtemp(join(tmpdir(), 'dj-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads,
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

/** Screenshots into `dir` (`<name>.png`), and a wrapper that keeps one of a failing test. */
export function screenshots(dir) {
  const screenshot = async (page, name, opts = {}) => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    const settled = () =>
      document.getAnimations().every((a) => {
        const target = a.effect?.target;
        // Spinners loop forever; antd's click "wave" fades slowly and hides nothing.
        return a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity || !!target?.closest?.('.ant-wave');
      });
    await page.bringToFront(); // a background tab gets no animation frames
    if (opts.settle !== false) await page.waitForFunction(settled, null, { timeout: 3_000 }).catch(() => undefined);
    await page.screenshot({ path });
    return path;
  };
  const withFailureShot = async (page, name, body) => {
    try {
      await body();
    } catch (e) {
      await screenshot(page, `FAILED-${name}`).catch(() => undefined);
      throw e;
    }
  };
  return { screenshot, withFailureShot };
}

/** Uncaught errors in the page: a test ends by asserting there were none. */
export function collectPageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
