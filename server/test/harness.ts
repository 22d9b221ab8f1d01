/**
 * API e2e harness: the real Nest app (createApp) on a fresh database — a SQLite file by default, or
 * a new MariaDB/MySQL database on the server that TEST_DATABASE_URL (or DATABASE_URL) names — driven over
 * HTTP with supertest, as the clients call it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { idNumberCheckChar } from '@dangjian/shared';
import request from 'supertest';
import { createApp } from '../src/bootstrap.js';
import { KvStore } from '../src/common/kv/kv-store.js';
import { parseConfig, type AppConfig } from '../src/config/config.js';
import { resolveSecrets } from '../src/config/secrets.js';
import { Transactions } from '../src/database/write-gate.js';
import { OutboxSmsProvider } from '../src/modules/identity/sms/sms.provider.js';
import { DemoSeedService, type DemoLogins } from '../src/seed/demo-seed.service.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** The demo tenant (seeded into every test app) and its logins. */
  demo: DemoLogins;
  close(): Promise<void>;
  get<T>(type: abstract new (...args: never[]) => T): T;
}

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  // The named database itself is never touched: each suite creates and drops one of its own beside it.
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base || base.startsWith('sqlite:')) {
    const dir = mkdtempSync(join(tmpdir(), 'dj-test-'));
    return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const u = new URL(base);
  const name = `dj_test_${randomBytes(5).toString('hex')}`;
  const admin = () => createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Starts an app with test settings (generous rate limits unless overridden) and the demo tenant. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'dj-data-'));
  const config = resolveSecrets(
    parseConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      SMS_COOLDOWN_SECONDS: '1',
      SMS_PER_PHONE_DAY: '1000',
      SMS_PER_IP_DAY: '100000',
      ...env,
    }),
    dataDir,
  );
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const seeder = app.get(DemoSeedService);
  const demo = await app.get(Transactions).run((em) => seeder.seed(em));
  return {
    app,
    config,
    demo,
    http: request(app.getHttpServer()),
    get: (type) => app.get(type as never),
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function login(t: TestApp, account: string, password: string): Promise<string> {
  const res = await t.http.post('/api/v1/auth/login/password').send({ account, password });
  if (res.status !== 200) throw new Error(`login ${account} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Solves a slider captcha as a person would: the answer is read from the server's own store. */
export async function solveCaptcha(t: TestApp): Promise<string> {
  const ch = await t.http.post('/api/v1/auth/captcha').expect(200);
  const { x } = JSON.parse((await t.get(KvStore).get(`captcha:${ch.body.captchaId}`))!) as { x: number };
  const res = await t.http.post('/api/v1/auth/captcha/verify').send({ captchaId: ch.body.captchaId, offsetX: x + 2, durationMs: 900 }).expect(200);
  return res.body.captchaToken as string;
}

/** The latest SMS code the outbox provider recorded for a phone. */
export async function lastSmsCode(t: TestApp, phone: string): Promise<string> {
  const msg = (await t.get(OutboxSmsProvider).latest(200)).find((m) => m.phone === phone);
  if (!msg) throw new Error(`no SMS to ${phone}`);
  return msg.code;
}

/** Sends an SMS code (after a captcha) and returns it from the outbox. */
export async function smsCode(t: TestApp, phone: string, purpose: 'activate' | 'login' | 'register', headers: Record<string, string> = {}): Promise<string> {
  const captchaToken = await solveCaptcha(t);
  await t.http.post('/api/v1/auth/sms/send').set(headers).send({ phone, purpose, captchaToken }).expect(200);
  return lastSmsCode(t, phone);
}

let idSeq = 0;
/**
 * A valid, unique ID number (GB 11643 check digit) of someone born 1960–1984, so every join date
 * from 2003 on is after the 18th birthday (MEM-1). Unique within a test process.
 */
export function newIdNumber(gender: 'male' | 'female' = 'male'): string {
  const seq = idSeq++;
  const birth = new Date(Date.UTC(1960, 0, 1 + 41 * (seq % 220)));
  const date = `${birth.getUTCFullYear()}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  // The 17th digit's parity is the gender (odd: male).
  const serial = 2 * (50 + Math.floor(seq / 220) + (process.pid % 400)) + (gender === 'male' ? 1 : 0);
  const f17 = `110105${date}${String(serial).padStart(3, '0')}`;
  return f17 + idNumberCheckChar(f17);
}

let phoneSeq = 0;
/** A unique mobile number for one test process (the SMS cooldown is per phone). */
export function newPhone(): string {
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq++).padStart(4, '0')}`;
}

/** supertest parser that keeps a binary body (xlsx downloads) as a Buffer. */
export function binary(res: unknown, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

export const MEMBER_PASSWORD = 'Activ8#member';

/** Activates a member's account through the public flow (ID-1…ID-5) and logs it in. */
export async function activateMember(t: TestApp, idNumber: string, phone = newPhone(), password = MEMBER_PASSWORD): Promise<{ token: string; userId: number; phone: string; password: string }> {
  const start = await t.http.post('/api/v1/auth/activation/start').send({ idNumber }).expect(200);
  const code = await smsCode(t, phone, 'activate');
  const verified = await t.http.post('/api/v1/auth/activation/phone').send({ activationToken: start.body.activationToken, phone, code }).expect(200);
  const done = await t.http.post('/api/v1/auth/activation/complete').send({ activationToken: verified.body.activationToken, password, passwordConfirm: password }).expect(200);
  const me = await t.http.get('/api/v1/auth/me').set(bearer(done.body.accessToken)).expect(200);
  return { token: done.body.accessToken, userId: me.body.userId, phone, password };
}
