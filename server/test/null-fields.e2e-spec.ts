import { bearer, login, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/** PATCH bodies: null clears an optional field, and is refused (400, not 500) for a required one. */
describe('null in update bodies', () => {
  let t: TestApp;
  let admin: string;
  let memberId: number;
  let orgId: number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    const list = await t.http.get('/api/v1/members?keyword=13901000003').set(bearer(admin)).expect(200);
    memberId = list.body.items[0].id;
    orgId = list.body.items[0].orgId;
  });
  afterAll(() => t.close());

  it('refuses null for required member fields', async () => {
    for (const field of ['name', 'orgId', 'memberType', 'joinDate', 'gender', 'ethnicity', 'birthDate']) {
      const res = await t.http.patch(`/api/v1/members/${memberId}`).set(bearer(admin)).send({ [field]: null }).expect(400);
      expect(res.body.details[0].field).toBe(field);
    }
  });

  it('clears optional member fields with null', async () => {
    const res = await t.http.patch(`/api/v1/members/${memberId}`).set(bearer(admin)).send({ phone: null, education: null, regularDate: null }).expect(200);
    expect(res.body).toMatchObject({ phone: null, education: null, regularDate: null });
  });

  it('refuses null for an organisation name', async () => {
    const res = await t.http.patch(`/api/v1/orgs/${orgId}`).set(bearer(admin)).send({ name: null }).expect(400);
    expect(res.body.details[0].field).toBe('name');
  });
});
