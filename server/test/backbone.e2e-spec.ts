import { afterAll, beforeAll, describe, expect, it } from './support.js';
import { parseConfig, ConfigError } from '../src/config/config.js';
import { bearer, login, startTestApp, type TestApp } from './harness.js';

describe('server backbone', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
  });
  afterAll(() => t.close());

  it('reports health with the database', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.ok).toBe(true);
    expect(['sqlite', 'mysql', 'mariadb']).toContain(res.body.database.driver);
  });

  it('publishes OpenAPI with one tag per module', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const tags = new Set<string>(Object.values(res.body.paths as Record<string, Record<string, { tags?: string[] }>>).flatMap((ops) => Object.values(ops).flatMap((o) => o.tags ?? [])));
    expect([...tags].sort()).toEqual(['audit', 'branch', 'dues', 'entry', 'files', 'health', 'identity', 'mall', 'meetings', 'members', 'mutual-aid', 'notifications', 'organizations', 'points', 'tenancy']);
    expect(Object.keys(res.body.paths).filter((p) => p !== '/api/health').every((p) => p.startsWith('/api/v1/'))).toBe(true);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('answers unknown routes and missing logins with the error-code JSON', async () => {
    const nf = await t.http.get('/api/v1/no-such-thing').set(bearer(admin)).expect(404);
    expect(nf.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    const anon = await t.http.get('/api/v1/members').expect(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
    const forged = await t.http.get('/api/v1/members').set(bearer(admin.slice(0, -3) + 'abc')).expect(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  describe('bad input gets a 4xx, never a 500', () => {
    it('rejects malformed JSON', async () => {
      const res = await t.http.post('/api/v1/auth/login/password').set('content-type', 'application/json').send('{"account": ').expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    });

    it('rejects unknown fields by name', async () => {
      const res = await t.http.post('/api/v1/auth/login/password').send({ account: 'admin', password: 'x', isAdmin: true }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toContainEqual({ field: 'isAdmin', message: '不支持的字段：isAdmin' });
    });

    it('rejects wrong types and huge strings', async () => {
      const types = await t.http.post('/api/v1/members').set(bearer(admin)).send({ orgId: 'abc', name: 12, idNumber: [], memberType: 'boss', joinDate: '2020-13-45' }).expect(400);
      expect(types.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['idNumber', 'joinDate', 'memberType', 'name', 'orgId']);
      const huge = await t.http.post('/api/v1/auth/login/password').send({ account: 'a'.repeat(100_000), password: 'x' }).expect(400);
      expect(huge.body.code).toBe('VALIDATION_FAILED');
    });

    it('rejects bodies over 1 MB with 413', async () => {
      const res = await t.http.post('/api/v1/auth/login/password').send({ account: 'a', password: 'b'.repeat(1_200_000) }).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('rejects non-numeric ids in the path', async () => {
      const res = await t.http.get('/api/v1/members/abc').set(bearer(admin)).expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
    });

    it('rejects page sizes over 100', async () => {
      const res = await t.http.get('/api/v1/members?pageSize=1000').set(bearer(admin)).expect(400);
      expect(res.body.message).toBe('每页最多100条');
    });
  });

  it('refuses to start on a bad setting, naming it', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL must start with sqlite:, mysql:\/\/ or mariadb:\/\//);
    expect(() => parseConfig({ ACCESS_TOKEN_TTL: '7200' })).toThrow(/ACCESS_TOKEN_TTL/);
  });

  it('rate-limits per IP and answers 429 with the error JSON', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.http.get('/api/v1/auth/me')).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const res = await limited.http.get('/api/v1/auth/me').expect(429);
      expect(res.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.any(String) });
    } finally {
      await limited.close();
    }
  });
});
