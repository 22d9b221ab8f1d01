import { randomBytes } from 'node:crypto';
import { KvStore, RedisKvStore } from '../src/common/kv/kv-store.js';
import { newPhone, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * With REDIS_URL, short-lived state and rate limits live in Redis, so several API instances behind
 * a load balancer agree (ARCHITECTURE: growing past one machine). Two app instances share one Redis.
 */
describe('several instances on one Redis', () => {
  const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `djtest:${randomBytes(4).toString('hex')}:` };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ ...env, AUTH_RATE_LIMIT_PER_MINUTE: '6' });
    b = await startTestApp({ ...env, AUTH_RATE_LIMIT_PER_MINUTE: '6' });
  });
  afterAll(async () => {
    const redis = (a.get(KvStore) as RedisKvStore).redis;
    const keys = await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys.map((k) => k.slice(env.REDIS_KEY_PREFIX.length)));
    await a.close();
    await b.close();
  });

  it('uses the Redis store', () => {
    expect(a.get(KvStore)).toBeInstanceOf(RedisKvStore);
  });

  it('accepts on one instance a captcha solved on the other, once', async () => {
    const ch = await a.http.post('/api/v1/auth/captcha').expect(200);
    const { x } = JSON.parse((await a.get(KvStore).get(`captcha:${ch.body.captchaId}`))!);
    const solved = await b.http.post('/api/v1/auth/captcha/verify').send({ captchaId: ch.body.captchaId, offsetX: x, durationMs: 700 }).expect(200);
    const phone = newPhone();
    await a.http.post('/api/v1/auth/sms/send').send({ phone, purpose: 'activate', captchaToken: solved.body.captchaToken }).expect(200);
    const reuse = await b.http.post('/api/v1/auth/sms/send').send({ phone: newPhone(), purpose: 'activate', captchaToken: solved.body.captchaToken }).expect(400);
    expect(reuse.body.code).toBe('IDENTITY_CAPTCHA_REQUIRED');
  });

  it('counts the login rate limit across instances', async () => {
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a, b, a]) statuses.push((await app.http.post('/api/v1/auth/login/password').send({ account: 'nobody', password: 'x' })).status);
    // Six attempts pass (401), the seventh is refused wherever it lands.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });
});
