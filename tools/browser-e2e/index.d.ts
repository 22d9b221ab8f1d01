import type { BrowserContext, Page } from 'playwright-core';

export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
export declare function freePort(): Promise<number>;

export interface RunningServer<L> {
  baseUrl: string;
  dataDir: string;
  /** The seeded demo tenant's logins (`<DATA_DIR>/demo-logins.json`). */
  logins: L;
  /** The child's recent output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}
export declare function startServer<L>(opts: {
  serverDir: string;
  required?: Array<{ path: string; hint: string }>;
  env?: Record<string, string>;
  onStop?: () => Promise<void>;
}): Promise<RunningServer<L>>;

export interface RunningBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}
export declare function launchBrowser(opts: { viewport: { width: number; height: number }; deviceScaleFactor?: number; acceptDownloads?: boolean }): Promise<RunningBrowser>;

export declare function screenshots(dir: string): {
  screenshot: (page: Page, name: string, opts?: { settle?: boolean }) => Promise<string>;
  withFailureShot: (page: Page, name: string, body: () => Promise<void>) => Promise<void>;
};
export declare function collectPageErrors(page: Page): string[];
