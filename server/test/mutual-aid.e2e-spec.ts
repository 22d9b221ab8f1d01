import sharp from 'sharp';
import type { AidCommentView, AidItemDetail, AidItemSummary, OrgNode, Page, PointsEntryView } from '@dangjian/shared';
import { Clock } from '../src/common/time/clock.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it, mock } from './support.js';

/**
 * 党员e家 mutual aid (SPEC §8 AID-1…AID-5) through the API: the wish, donation, snapshot and
 * micro-wish flows with their points, roles and order checked against the shared table, parallel
 * claims, snapshot comments, likes and columns, the micro-wish contact, the blacklist, and the scope
 * of branches and tenants.
 */
describe('mutual aid (AID-1…AID-5)', () => {
  let t: TestApp;
  const now = new Date('2026-11-22T02:00:00Z');
  const orgs = new Map<string, OrgNode>();
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const B1 = '综合办公室党支部';
  const B2 = '财务审计党支部';
  const tok = {} as Record<'admin' | 'sec' | 'a' | 'b' | 'd' | 'g' | 'c' | 'c2admin' | 'other', string>;
  const ids = {} as Record<'a' | 'b' | 'd' | 'g' | 'c', number>;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string) => t.http.put(`/api/v1${url}`).set(bearer(token));
  const del = (token: string, url: string) => t.http.delete(`/api/v1${url}`).set(bearer(token));
  const act = (token: string, id: number, action: string, reason?: string) => post(token, `/aid/items/${id}/transitions`, { action, ...(reason !== undefined ? { reason } : {}) });
  const step = async (token: string, id: number, action: string): Promise<AidItemDetail> => (await act(token, id, action).expect(200)).body;
  const publish = async (token: string, body: object): Promise<AidItemDetail> => (await post(token, '/aid/items', body).expect(201)).body;
  const wish = (extra: object = {}) => ({ kind: 'wish', title: '想要一套课外读物', content: '孩子上三年级，想要一套课外读物', category: 'culture_education', ...extra });
  const donation = (extra: object = {}) => ({ kind: 'donation', title: '闲置电饭煲', content: '九成新，可送需要的同志', ...extra });
  const png = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c8161d' } }).png().toBuffer();
  const image = async (token: string): Promise<string> => (await t.http.post('/api/v1/files/images').set(bearer(token)).attach('file', await png(), { filename: 'p.png', contentType: 'image/png' }).expect(201)).body.key;
  const snapshot = async (token: string, extra: object = {}) => ({ kind: 'snapshot', title: '志愿者清扫街道', content: '周末社区清扫', images: [await image(token)], column: 'positive', takenAt: '2026-11-21T08:00:00+08:00', place: '解放西路', ...extra });
  const aidPoints = async (token: string): Promise<Array<[string, number]>> =>
    ((await get(token, '/points/me/entries?pageSize=100').expect(200)).body.items as PointsEntryView[]).filter((e) => e.ruleCode.startsWith('aid.')).map((e) => [e.ruleCode, e.points]);
  const list = async (token: string, query: string): Promise<AidItemSummary[]> => ((await get(token, `/aid/items?${query}`).expect(200)).body as Page<AidItemSummary>).items;
  const addMember = async (orgName: string, name: string) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId: idOf(orgName), name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { id: res.body.id as number, token: (await activateMember(t, idNumber)).token };
  };

  beforeAll(async () => {
    t = await startTestApp();
    mock.method(t.get(Clock), 'now', () => new Date(now));
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tok.sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    for (const [k, org, name] of [['a', B1, '互助党员甲'], ['b', B1, '互助党员乙'], ['d', B1, '互助党员丁'], ['g', '综合办第一党小组', '小组党员戊'], ['c', B2, '外支部党员丙']] as const) {
      const m = await addMember(org, name);
      [ids[k], tok[k]] = [m.id, m.token];
    }
    const c2 = await addMember(B2, '外支部管理员');
    await post(tok.admin, `/orgs/${idOf(B2)}/branch-admins`, { memberId: c2.id }).expect(201);
    tok.c2admin = c2.token;
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    const codes = await post(platform, '/platform/activation-codes', { count: 1 }).expect(201);
    await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '另一单位党委', adminUsername: 'aidother', adminPhone: '13700008888', adminPassword: 'Other#Admin1' }).expect(201);
    tok.other = await login(t, 'aidother', 'Other#Admin1');
  });
  afterAll(() => t.close());

  describe('wish tree (AID-1)', () => {
    it('refuses a wish for cash and one without a category', async () => {
      const cash = await post(tok.a, '/aid/items', wish({ title: '想要一个红包', content: '过年想要红包' })).expect(400);
      expect(cash.body).toEqual({ code: 'AID_CASH_REFUSED', message: '心愿不能是现金或钱款，请填写具体的物品或服务' });
      await post(tok.a, '/aid/items', wish({ content: '希望转账一些学费' })).expect(400);
      expect((await post(tok.a, '/aid/items', wish({ category: undefined })).expect(400)).body.code).toBe('AID_CATEGORY_REQUIRED');
      expect((await post(tok.a, '/aid/items', wish({ category: 'cash' })).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(tok.admin, '/aid/items', wish()).expect(403)).body.code).toBe('AID_NOT_MEMBER');
    });

    it('runs publish → approve → claim → deliver → confirm → complete and gives the claimer 10 points', async () => {
      let w = await publish(tok.a, wish());
      expect([w.state, w.availableActions, w.category]).toEqual(['submitted', ['withdraw'], 'culture_education']);
      // Not yet listed: other members do not see it; the branch admin and the tenant admin do, in their review queue.
      await get(tok.b, `/aid/items/${w.id}`).expect(404);
      expect((await list(tok.b, 'kind=wish')).map((x) => x.id)).not.toContain(w.id);
      expect((await list(tok.sec, 'kind=wish&view=review')).map((x) => x.id)).toContain(w.id);
      expect((await list(tok.admin, 'kind=wish&view=review')).map((x) => x.id)).toContain(w.id);
      expect((await get(tok.sec, `/aid/items/${w.id}`).expect(200)).body.availableActions).toEqual(['approve', 'reject']);
      // The publisher cannot approve their own wish.
      expect((await act(tok.a, w.id, 'approve').expect(403)).body).toEqual({ code: 'AID_NOT_ALLOWED', message: '审核通过须由支部管理员办理' });
      w = await step(tok.sec, w.id, 'approve');
      expect(w.state).toBe('open');
      // Listed now: members of the branch (and its groups) see it; the publisher cannot claim their own wish.
      expect((await list(tok.g, 'kind=wish&view=open')).map((x) => x.id)).toContain(w.id);
      expect((await get(tok.b, `/aid/items/${w.id}`).expect(200)).body.availableActions).toEqual(['claim']);
      expect((await act(tok.a, w.id, 'claim').expect(403)).body.message).toBe('认领须由其他党员办理');
      // Out of order: nothing to deliver before it is claimed.
      expect((await act(tok.b, w.id, 'deliver').expect(409)).body).toEqual({ code: 'AID_TRANSITION_REFUSED', message: '当前状态为“待认领”，不能确认已送达' });
      w = await step(tok.b, w.id, 'claim');
      expect([w.state, w.claimerMemberId, w.claimerName, w.availableActions]).toEqual(['claimed', ids.b, '互助党员乙', ['deliver']]);
      expect((await list(tok.b, 'kind=wish&view=claimed')).map((x) => x.id)).toEqual([w.id]);
      expect((await act(tok.d, w.id, 'deliver').expect(403)).body.message).toBe('确认已送达须由认领人办理');
      w = await step(tok.b, w.id, 'deliver');
      expect((await act(tok.sec, w.id, 'complete').expect(409)).body.message).toBe('当前状态为“已送达”，不能确认办结');
      w = await step(tok.a, w.id, 'confirm');
      expect((await act(tok.b, w.id, 'complete').expect(403)).body.message).toBe('确认办结须由支部管理员办理');
      w = await step(tok.sec, w.id, 'complete');
      expect(w.state).toBe('done');
      expect(w.timeline.map((x) => [x.state, x.at != null, x.current])).toEqual([
        ['submitted', true, false],
        ['open', true, false],
        ['claimed', true, false],
        ['delivered', true, false],
        ['confirmed', true, false],
        ['done', true, true],
      ]);
      expect(await aidPoints(tok.b)).toEqual([['aid.wish_done', 10]]);
      expect(await aidPoints(tok.a)).toEqual([]);
      await act(tok.sec, w.id, 'complete').expect(409);
      expect(await aidPoints(tok.b)).toEqual([['aid.wish_done', 10]]);
      const audit = (await get(tok.admin, '/audit-logs?action=aid.transition&pageSize=100').expect(200)).body.items as Array<{ targetId: string; detail: { body?: { action?: string } } }>;
      expect(audit.filter((x) => x.targetId === String(w.id)).map((x) => x.detail?.body?.action).sort()).toEqual(['approve', 'claim', 'complete', 'confirm', 'deliver']);
    });

    it('rejects only with a reason; the publisher withdraws their own', async () => {
      const w = await publish(tok.a, wish({ title: '想要一台收音机', category: 'appliances' }));
      expect((await act(tok.sec, w.id, 'reject').expect(400)).body).toEqual({ code: 'AID_REASON_REQUIRED', message: '请填写驳回原因' });
      const r: AidItemDetail = (await act(tok.sec, w.id, 'reject', '心愿描述不清楚').expect(200)).body;
      expect([r.state, r.rejectReason, r.availableActions]).toEqual(['rejected', '心愿描述不清楚', []]);
      await get(tok.b, `/aid/items/${w.id}`).expect(404);
      expect((await get(tok.a, `/aid/items/${w.id}`).expect(200)).body.state).toBe('rejected');
      const w2 = await publish(tok.a, wish({ title: '想要一副老花镜', category: 'health' }));
      expect((await act(tok.b, w2.id, 'withdraw').expect(404)).body.code).toBe('AID_NOT_FOUND');
      expect((await step(tok.a, w2.id, 'withdraw')).state).toBe('withdrawn');
    });
  });

  describe('micro-donation (AID-2)', () => {
    it('gives the publisher 2 points when listed and 10 when done', async () => {
      let d = await publish(tok.a, donation());
      d = await step(tok.sec, d.id, 'approve');
      expect(d.state).toBe('open');
      expect(await aidPoints(tok.a)).toEqual([['aid.donation_listed', 2]]);
      d = await step(tok.d, d.id, 'claim');
      expect((await act(tok.d, d.id, 'send').expect(403)).body.message).toBe('确认已寄出须由发布人办理');
      d = await step(tok.a, d.id, 'send');
      expect((await act(tok.a, d.id, 'receive').expect(403)).body.message).toBe('确认已收到须由认领人办理');
      d = await step(tok.d, d.id, 'receive');
      d = await step(tok.sec, d.id, 'complete');
      expect(d.state).toBe('done');
      expect((await aidPoints(tok.a)).sort()).toEqual([['aid.donation_done', 10], ['aid.donation_listed', 2]]);
      expect(await aidPoints(tok.d)).toEqual([]);
    });

    it('lets exactly one of parallel claims win; the others get 409', async () => {
      for (let round = 0; round < 3; round++) {
        const d = await publish(tok.a, donation({ title: `闲置书桌${round}` }));
        await step(tok.sec, d.id, 'approve');
        const claimers = [['b', ids.b], ['d', ids.d], ['g', ids.g]] as const;
        const res = await Promise.all(claimers.map(([k]) => act(tok[k], d.id, 'claim')));
        expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409]);
        const winner = claimers[res.findIndex((r) => r.status === 200)][1];
        const after: AidItemDetail = (await get(tok.a, `/aid/items/${d.id}`).expect(200)).body;
        expect([after.state, after.claimerMemberId]).toEqual(['claimed', winner]);
        expect(res.filter((r) => r.status === 409).map((r) => r.body.message)).toEqual(['当前状态为“已认领”，不能认领', '当前状态为“已认领”，不能认领']);
      }
    });
  });

  describe('snapshots (AID-3)', () => {
    let shown: AidItemDetail;

    it('needs photos, a column, the time and the place', async () => {
      expect((await post(tok.a, '/aid/items', await snapshot(tok.a, { images: [] })).expect(400)).body.code).toBe('AID_SNAPSHOT_FIELDS_REQUIRED');
      expect((await post(tok.a, '/aid/items', await snapshot(tok.a, { place: undefined })).expect(400)).body.code).toBe('AID_SNAPSHOT_FIELDS_REQUIRED');
      expect((await post(tok.a, '/aid/items', await snapshot(tok.a, { column: 'gossip' })).expect(400)).body.code).toBe('VALIDATION_FAILED');
      // Someone else's upload is not yours to publish.
      expect((await post(tok.a, '/aid/items', await snapshot(tok.b)).expect(400)).body.code).toBe('AID_IMAGE_INVALID');
    });

    it('gives 2 points per approval, at most 6 a day: four approvals give 6', async () => {
      const items: AidItemDetail[] = [];
      for (let i = 0; i < 4; i++) items.push(await publish(tok.g, await snapshot(tok.g, { title: `随手拍${i}` })));
      expect(items[0].images).toHaveLength(1);
      expect([items[0].column, items[0].place, items[0].takenAt]).toEqual(['positive', '解放西路', '2026-11-21T00:00:00.000Z']);
      for (const x of items) expect((await step(tok.sec, x.id, 'approve')).state).toBe('approved');
      expect(await aidPoints(tok.g)).toEqual([['aid.snapshot_approved', 2], ['aid.snapshot_approved', 2], ['aid.snapshot_approved', 2]]);
      shown = (await get(tok.g, `/aid/items/${items[0].id}`).expect(200)).body;
      // The demo branch shows its own snapshots too: only ours are counted here.
      expect((await list(tok.b, 'kind=snapshot&view=open&pageSize=100')).filter((x) => x.publisherMemberId === ids.g).map((x) => x.id).sort()).toEqual(items.map((x) => x.id).sort());
    });

    it('hides comments until the publisher or an admin approves them', async () => {
      const url = `/aid/items/${shown.id}/comments`;
      const c: AidCommentView = (await post(tok.b, url, { content: '点赞志愿者' }).expect(201)).body;
      expect([c.approved, c.authorName]).toEqual([false, '互助党员乙']);
      expect((await get(tok.d, url).expect(200)).body.items).toEqual([]);
      expect(((await get(tok.b, url).expect(200)).body.items as AidCommentView[]).map((x) => [x.id, x.approved])).toEqual([[c.id, false]]);
      expect(((await get(tok.g, url).expect(200)).body.items as AidCommentView[]).map((x) => x.id)).toEqual([c.id]);
      expect((await post(tok.d, `${url}/${c.id}/approve`).expect(403)).body.message).toBe('评论须由发布人或支部管理员审核');
      await post(tok.d, `${url}/${c.id}/approve`).expect(403);
      expect((await post(tok.g, `${url}/${c.id}/approve`).expect(200)).body.approved).toBe(true);
      expect(((await get(tok.d, url).expect(200)).body.items as AidCommentView[]).map((x) => [x.content, x.approved])).toEqual([['点赞志愿者', true]]);
      const c2: AidCommentView = (await post(tok.d, url, { content: '待审核的评论' }).expect(201)).body;
      expect((await post(tok.sec, `${url}/${c2.id}/approve`).expect(200)).body.approved).toBe(true);
      // Comments on a snapshot still under review are refused.
      const pending = await publish(tok.a, await snapshot(tok.a));
      expect((await post(tok.a, `/aid/items/${pending.id}/comments`, { content: '评论' }).expect(409)).body.code).toBe('AID_TRANSITION_REFUSED');
    });

    it('counts one like per account, and shares', async () => {
      const url = `/aid/items/${shown.id}`;
      expect((await put(tok.b, `${url}/like`).expect(200)).body).toEqual({ likeCount: 1, shareCount: 0, liked: true });
      await put(tok.b, `${url}/like`).expect(200);
      const both = await Promise.all([put(tok.d, `${url}/like`), put(tok.d, `${url}/like`)]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect((await get(tok.b, url).expect(200)).body).toMatchObject({ likeCount: 2, liked: true });
      expect((await del(tok.b, `${url}/like`).expect(200)).body).toEqual({ likeCount: 1, shareCount: 0, liked: false });
      await post(tok.b, `${url}/share`).expect(200);
      expect((await post(tok.d, `${url}/share`).expect(200)).body).toEqual({ likeCount: 1, shareCount: 2, liked: true });
      const w = (await list(tok.b, 'kind=wish&state=done'))[0];
      expect((await put(tok.b, `/aid/items/${w.id}/like`).expect(400)).body.code).toBe('AID_NOT_SNAPSHOT');
    });
  });

  describe('snapshot columns', () => {
    it('lists 正能量 and 曝光台 apart', async () => {
      const exposed = await publish(tok.d, await snapshot(tok.d, { title: '路边垃圾无人清理', column: 'exposure' }));
      await step(tok.sec, exposed.id, 'approve');
      const exposure = await list(tok.b, 'kind=snapshot&view=open&column=exposure&pageSize=100');
      expect(exposure.map((x) => x.id)).toContain(exposed.id);
      expect(exposure.every((x) => x.column === 'exposure')).toBe(true);
      const positive = await list(tok.b, 'kind=snapshot&column=positive&pageSize=100');
      expect(positive.length).toBeGreaterThan(0);
      expect(positive.every((x) => x.column === 'positive')).toBe(true);
      expect(positive.map((x) => x.id)).not.toContain(exposed.id);
      expect((await get(tok.b, '/aid/items?kind=snapshot&column=gossip').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('micro-wishes (AID-5)', () => {
    const micro = (extra: object = {}) => ({ kind: 'micro_wish', title: '想要一副助听器', content: '社区独居老人王奶奶听力不好，希望有一副助听器', contactName: '王秀英', contactPhone: '13912340001', ...extra });
    const contact = async (token: string, id: number) => ((await get(token, `/aid/items/${id}`).expect(200)).body as AidItemDetail).contact;

    it('is submitted by a branch admin only, with the wisher\'s name and a valid phone, never for cash', async () => {
      expect((await post(tok.a, '/aid/items', micro()).expect(403)).body).toEqual({ code: 'AID_MICRO_WISH_ADMIN_ONLY', message: '微心愿须由支部管理员提交' });
      expect((await post(tok.admin, '/aid/items', micro()).expect(403)).body.code).toBe('AID_NOT_MEMBER');
      expect((await post(tok.sec, '/aid/items', micro({ contactPhone: '1391234' })).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(tok.sec, '/aid/items', micro({ contactName: undefined })).expect(400)).body).toEqual({ code: 'AID_CONTACT_REQUIRED', message: '微心愿须填写心愿人姓名和手机号' });
      expect((await post(tok.sec, '/aid/items', micro({ contactPhone: undefined })).expect(400)).body.code).toBe('AID_CONTACT_REQUIRED');
      expect((await post(tok.sec, '/aid/items', micro({ content: '希望资助一些现金' })).expect(400)).body.code).toBe('AID_CASH_REFUSED');
    });

    it('runs submit → tenant admin approves → a member of another branch claims and alone of the members sees the contact → done', async () => {
      let w = await publish(tok.sec, micro());
      expect([w.kind, w.state, w.orgName, w.availableActions, w.contact]).toEqual(['micro_wish', 'submitted', B1, ['withdraw'], { name: '王秀英', phone: '13912340001' }]);
      expect(w.timeline.map((x) => x.state)).toEqual(['submitted', 'open', 'claimed', 'done']);
      // Under review: only the submitter and the admins see it; the tenant admin reviews it, not the branch admin.
      for (const token of [tok.a, tok.c, tok.c2admin, tok.other]) await get(token, `/aid/items/${w.id}`).expect(404);
      expect((await list(tok.admin, 'kind=micro_wish&view=review')).map((x) => x.id)).toContain(w.id);
      expect((await list(tok.sec, 'kind=micro_wish&view=review')).map((x) => x.id)).not.toContain(w.id);
      expect((await act(tok.sec, w.id, 'approve').expect(403)).body).toEqual({ code: 'AID_NOT_ALLOWED', message: '审核通过须由单位管理员办理' });
      expect((await act(tok.c, w.id, 'claim').expect(404)).body.code).toBe('AID_NOT_FOUND');
      const admin: AidItemDetail = (await get(tok.admin, `/aid/items/${w.id}`).expect(200)).body;
      expect([admin.availableActions, admin.contact]).toEqual([['approve', 'reject'], { name: '王秀英', phone: '13912340001' }]);
      expect((await act(tok.admin, w.id, 'claim').expect(409)).body.message).toBe('当前状态为“待审核”，不能认领');
      w = await step(tok.admin, w.id, 'approve');
      expect(w.state).toBe('open');
      // Open to the whole tenant: a member of another branch sees it and may claim; the contact stays hidden until then.
      expect((await list(tok.c, 'kind=micro_wish&view=open')).map((x) => x.id)).toContain(w.id);
      expect((await list(tok.c, 'kind=micro_wish')).map((x) => x.id)).toContain(w.id);
      const seen: AidItemDetail = (await get(tok.c, `/aid/items/${w.id}`).expect(200)).body;
      expect([seen.availableActions, seen.contact]).toEqual([['claim'], null]);
      expect((await list(tok.other, 'kind=micro_wish')).map((x) => x.id)).not.toContain(w.id);
      await get(tok.other, `/aid/items/${w.id}`).expect(404);
      await act(tok.other, w.id, 'claim').expect(404);
      expect((await act(tok.sec, w.id, 'claim').expect(403)).body.message).toBe('认领须由其他党员办理');
      expect((await act(tok.c, w.id, 'complete').expect(409)).body.message).toBe('当前状态为“待认领”，不能确认办结');
      w = await step(tok.c, w.id, 'claim');
      expect([w.state, w.claimerMemberId, w.contact, w.availableActions]).toEqual(['claimed', ids.c, { name: '王秀英', phone: '13912340001' }, ['complete']]);
      // The contact: the claimer, the submitting admin and the tenant admin; no other member, nor another branch's admin.
      expect(await contact(tok.sec, w.id)).toEqual({ name: '王秀英', phone: '13912340001' });
      expect(await contact(tok.admin, w.id)).toEqual({ name: '王秀英', phone: '13912340001' });
      expect(await contact(tok.b, w.id)).toBeNull();
      expect(await contact(tok.c2admin, w.id)).toBeNull();
      expect((await list(tok.b, 'kind=micro_wish&view=open')).map((x) => x.id)).not.toContain(w.id);
      await get(tok.other, `/aid/items/${w.id}`).expect(404);
      // Out of order and wrong roles.
      expect((await act(tok.c, w.id, 'deliver').expect(409)).body.code).toBe('AID_TRANSITION_REFUSED');
      expect((await act(tok.d, w.id, 'claim').expect(409)).body.message).toBe('当前状态为“已认领”，不能认领');
      expect((await act(tok.b, w.id, 'complete').expect(403)).body.message).toBe('确认办结须由认领人或发布人办理');
      expect((await act(tok.admin, w.id, 'complete').expect(403)).body.code).toBe('AID_NOT_ALLOWED');
      expect((await act(tok.sec, w.id, 'withdraw').expect(409)).body.code).toBe('AID_TRANSITION_REFUSED');
      w = await step(tok.c, w.id, 'complete');
      expect([w.state, w.timeline.map((x) => [x.state, x.at != null, x.current])]).toEqual([
        'done',
        [
          ['submitted', true, false],
          ['open', true, false],
          ['claimed', true, false],
          ['done', true, true],
        ],
      ]);
      await act(tok.c, w.id, 'complete').expect(409);
      // No points for micro-wishes (the spec names none).
      expect(await aidPoints(tok.c)).toEqual([]);
      expect((await list(tok.c, 'kind=micro_wish&view=claimed')).map((x) => x.id)).toEqual([w.id]);
    });

    it('lets the submitting admin close it too; rejects only with a reason; another branch\'s admin submits for their own branch', async () => {
      let w = await publish(tok.sec, micro({ title: '想要一台轮椅', contactName: '李大爷', contactPhone: '13912340002' }));
      await step(tok.admin, w.id, 'approve');
      w = await step(tok.g, w.id, 'claim');
      expect((await act(tok.a, w.id, 'complete').expect(403)).body.code).toBe('AID_NOT_ALLOWED');
      expect((await step(tok.sec, w.id, 'complete')).state).toBe('done');

      const r = await publish(tok.c2admin, micro({ title: '想要一些课外书', contactName: '赵同学', contactPhone: '13912340003' }));
      expect(r.orgName).toBe(B2);
      expect((await act(tok.admin, r.id, 'reject').expect(400)).body.code).toBe('AID_REASON_REQUIRED');
      const rejected: AidItemDetail = (await act(tok.admin, r.id, 'reject', '请补充心愿人的具体情况').expect(200)).body;
      expect([rejected.state, rejected.rejectReason]).toEqual(['rejected', '请补充心愿人的具体情况']);
      await get(tok.a, `/aid/items/${r.id}`).expect(404);
      expect((await get(tok.c2admin, `/aid/items/${r.id}`).expect(200)).body.availableActions).toEqual([]);
      const again = await publish(tok.c2admin, micro({ title: '想要一个书包', contactName: '赵同学', contactPhone: '13912340003' }));
      expect((await step(tok.c2admin, again.id, 'withdraw')).state).toBe('withdrawn');
    });
  });

  describe('blacklist (AID-4)', () => {
    it('keeps a blacklisted member from publishing, is audited, and is lifted again', async () => {
      expect((await post(tok.c2admin, '/aid/blacklist', { memberId: ids.b, reason: '多次发布虚假心愿' }).expect(404)).body.code).toBe('MEMBER_NOT_FOUND');
      await post(tok.b, '/aid/blacklist', { memberId: ids.d, reason: '无权' }).expect(403);
      await post(tok.sec, '/aid/blacklist', { memberId: ids.b }).expect(400);
      const e = (await post(tok.sec, '/aid/blacklist', { memberId: ids.b, reason: '多次发布虚假心愿' }).expect(201)).body;
      expect([e.memberId, e.memberName, e.reason]).toEqual([ids.b, '互助党员乙', '多次发布虚假心愿']);
      expect(((await get(tok.admin, '/aid/blacklist').expect(200)).body.items as Array<{ memberId: number }>).map((x) => x.memberId)).toEqual([ids.b]);
      expect((await get(tok.c2admin, '/aid/blacklist').expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      for (const body of [wish(), donation(), await snapshot(tok.b)]) {
        expect((await post(tok.b, '/aid/items', body).expect(403)).body).toEqual({ code: 'AID_BLACKLISTED', message: '您已被列入党员e家黑名单，暂不能发布心愿、捐赠或随手拍，请联系支部' });
      }
      // Still takes part otherwise: claims a listed wish.
      const w = await publish(tok.a, wish({ title: '想要一盏台灯', category: 'appliances' }));
      await step(tok.sec, w.id, 'approve');
      await step(tok.b, w.id, 'claim');
      const added = (await get(tok.admin, '/audit-logs?action=aid.blacklist.add').expect(200)).body.items;
      expect(added.some((x: { detail: { body?: { reason?: string } } }) => x.detail?.body?.reason === '多次发布虚假心愿')).toBe(true);
      await del(tok.c2admin, `/aid/blacklist/${ids.b}`).expect(404);
      await del(tok.sec, `/aid/blacklist/${ids.b}`).expect(204);
      expect((await del(tok.sec, `/aid/blacklist/${ids.b}`).expect(404)).body.code).toBe('AID_BLACKLIST_NOT_FOUND');
      expect((await get(tok.admin, '/audit-logs?action=aid.blacklist.remove').expect(200)).body.items.length).toBeGreaterThan(0);
      await publish(tok.b, wish({ title: '想要一本字典' }));
    });
  });

  describe('scope', () => {
    it('gives another branch, its admin and another tenant a 404', async () => {
      const w = await publish(tok.a, wish({ title: '想要一个书包' }));
      await step(tok.sec, w.id, 'approve');
      for (const token of [tok.c, tok.c2admin, tok.other]) {
        expect((await get(token, `/aid/items/${w.id}`).expect(404)).body.code).toBe('AID_NOT_FOUND');
        await act(token, w.id, 'claim').expect(404);
        expect((await list(token, 'kind=wish')).map((x) => x.id)).not.toContain(w.id);
      }
      expect((await list(tok.c, 'kind=wish&view=open')).map((x) => x.id)).not.toContain(w.id);
      // The tenant admin sees it but is not the branch's admin: no step to take.
      expect((await get(tok.admin, `/aid/items/${w.id}`).expect(200)).body.availableActions).toEqual([]);
      await get(tok.other, `/aid/items/${w.id}/comments`).expect(404);
    });
  });
});
