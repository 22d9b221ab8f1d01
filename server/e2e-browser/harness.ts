/**
 * Browser e2e harness for the admin page: the BUILT server and Chromium at 1280×800 through the
 * shared plumbing in tools/browser-e2e. WeChat (entry codes) is the local simulator, so the tests
 * never reach a real platform. Build first: `npm run build -w shared && npm run build -w server`.
 */
import { join } from 'node:path';
import * as e2e from '@dangjian/browser-e2e';
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
