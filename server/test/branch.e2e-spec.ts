import { EventEmitter2 } from '@nestjs/event-emitter';
import sharp from 'sharp';
import type { BranchHome, BranchMember, BranchPostDetail, BranchPostSummary, MemberView, OrgNode, Page } from '@dangjian/shared';
import { Transactions } from '../src/database/write-gate.js';
import { AccountsService } from '../src/modules/identity/accounts.service.js';
import { RolesService } from '../src/modules/identity/roles.service.js';
import { BRANCH_EVENTS, type BranchActivityEvent } from '../src/modules/branch/branch.events.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it } from './support.js';

/**
 * The online branch 网上支部 (BR-1…BR-10) through the API, as the mini-program and the admin page
 * call it: who may write and read each space (the visibility matrix), the rules of each space,
 * images, likes and comments under parallel taps, read receipts and reminders, the learning events.
 */
describe('online branch (BR-1…BR-10)', () => {
  let t: TestApp;
  const orgs = new Map<string, OrgNode>();
  const B1 = '综合办公室党支部';
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

  /** Tokens: the tenant admin; B1's secretary (its branch admin); members A (in B1's first group) and B (in B1 itself); C in 财务审计党支部 and its branch admin D; org admins of 第一党总支 (above B1) and 第二党总支 (not); D5, a member of 机关直属党支部 (no secretary); the admin of a second tenant. */
  const tok: Record<'admin' | 'sec' | 'a' | 'b' | 'c' | 'd' | 'g1' | 'g2' | 'd5' | 'other', string> = {} as never;
  let memberA: MemberView & { phone: string };
  let unactivated: MemberView;

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const list = async (token: string, kind: string, orgId?: number): Promise<Page<BranchPostSummary>> =>
    (await get(token, `/branch/posts?kind=${kind}${orgId ? `&orgId=${orgId}` : ''}`).expect(200)).body;
  const png = (w = 64, h = 48) => sharp({ create: { width: w, height: h, channels: 3, background: '#c8161d' } }).png().toBuffer();
  const upload = (token: string, buf: Buffer, filename = 'photo.png', contentType = 'image/png') =>
    t.http.post('/api/v1/files/images').set(bearer(token)).attach('file', buf, { filename, contentType });
  const image = async (token: string): Promise<string> => (await upload(token, await png()).expect(201)).body.key;
  const publish = async (token: string, body: object): Promise<BranchPostDetail> => (await post(token, '/branch/posts', body).expect(201)).body;

  const addMember = async (orgName: string, name: string, activate = true) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId: idOf(orgName), name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    const acc = activate ? await activateMember(t, idNumber) : null;
    return { member: res.body as MemberView, token: acc?.token ?? '', phone: acc?.phone ?? '' };
  };

  /** An organisation admin account (org_admin of `orgName`), as the tenant's operator would set one up. */
  const orgAdmin = async (orgName: string, username: string): Promise<string> => {
    const password = 'OrgAdmin#2026';
    const { tenantId } = (await get(tok.admin, '/auth/me').expect(200)).body;
    await t.get(Transactions).run(async (em) => {
      const acc = await t.get(AccountsService).create(em, { tenantId, memberId: null, username, phone: null, displayName: `${orgName}管理员`, password });
      await t.get(RolesService).add(em, acc.id, acc.tenantId, 'org_admin', idOf(orgName));
    });
    return login(t, username, password);
  };

  beforeAll(async () => {
    t = await startTestApp();
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tok.sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    const a = await addMember('综合办第一党小组', '支部党员甲');
    memberA = { ...a.member, phone: a.phone };
    tok.a = a.token;
    tok.b = (await addMember(B1, '支部党员乙')).token;
    unactivated = (await addMember(B1, '未激活党员', false)).member;
    const c = await addMember('财务审计党支部', '外支部党员丙');
    tok.c = c.token;
    const d = await addMember('财务审计党支部', '外支部管理员丁');
    await post(tok.admin, `/orgs/${idOf('财务审计党支部')}/branch-admins`, { memberId: d.member.id }).expect(201);
    tok.d = d.token;
    tok.d5 = (await addMember('机关直属党支部', '直属支部党员')).token;
    tok.g1 = await orgAdmin('第一党总支', 'g1admin');
    tok.g2 = await orgAdmin('第二党总支', 'g2admin');
    const platform = await login(t, t.demo.platformAdmin.username, t.demo.platformAdmin.password);
    const codes = await post(platform, '/platform/activation-codes', { count: 1 }).expect(201);
    await t.http.post('/api/v1/tenants').send({ activationCode: codes.body.codes[0], name: '另一单位党委', adminUsername: 'otheradmin', adminPhone: '13700008888', adminPassword: 'Other#Admin1' }).expect(201);
    tok.other = await login(t, 'otheradmin', 'Other#Admin1');
  });
  afterAll(() => t.close());

  describe('images', () => {
    it('accepts a real image, serves it with long-lived caching, and answers 304 to a revalidation', async () => {
      const res = await upload(tok.a, await png(80, 60)).expect(201);
      expect(res.body).toMatchObject({ width: 80, height: 60 });
      expect(res.body.url).toBe(`/api/v1/files/${res.body.key}`);
      const served = await t.http.get(res.body.url).expect(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(served.body as Buffer).metadata()).width).toBe(80);
      await t.http.get(res.body.url).set('if-none-match', served.headers.etag).expect(304);
    });

    it('turns a JPEG upright and drops its EXIF data (no GPS position reaches other members)', async () => {
      const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#fff' } }).jpeg().withMetadata({ orientation: 6 }).withExif({ IFD0: { Artist: '某党员' } }).toBuffer();
      const res = await upload(tok.a, jpeg, 'a.jpg', 'image/jpeg').expect(201);
      expect([res.body.width, res.body.height]).toEqual([20, 40]);
      const meta = await sharp((await t.http.get(res.body.url).expect(200)).body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
    });

    it('refuses a text file named .jpg, an oversized file and a missing file, with clear messages', async () => {
      const fake = await upload(tok.a, Buffer.from('这不是图片，只是一个文本文件'), 'evil.jpg', 'image/jpeg').expect(415);
      expect(fake.body).toEqual({ code: 'FILE_NOT_IMAGE', message: '只能上传 JPG、PNG 或 WebP 格式的图片' });
      const big = Buffer.concat([await png(), Buffer.alloc(5 * 1024 * 1024)]);
      expect((await upload(tok.a, big, 'big.png').expect(413)).body.code).toBe('FILE_TOO_LARGE');
      expect((await t.http.post('/api/v1/files/images').set(bearer(tok.a)).expect(400)).body.code).toBe('FILE_MISSING');
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
      expect((await upload(tok.a, gif, 'x.gif', 'image/gif').expect(415)).body.code).toBe('FILE_NOT_IMAGE');
      await t.http.post('/api/v1/files/images').attach('file', await png(), 'x.png').expect(401);
      await t.http.get('/api/v1/files/0123456789abcdef0123456789abcdef.png').expect(404);
      await t.http.get('/api/v1/files/..%2f..%2fdangjian.sqlite').expect(404);
    });
  });

  describe('who reaches the branch (000 §4, ORG-2)', () => {
    let noticeId: number;
    beforeAll(async () => {
      noticeId = (await publish(tok.sec, { kind: 'notice', title: '关于开展主题党日活动的通知', content: '本周五下午三点在三楼会议室开展主题党日活动。' })).id;
    });

    const matrix: Array<[string, keyof typeof tok, number]> = [
      ['a member of the branch', 'a', 200],
      ['the branch admin', 'sec', 200],
      ['an org admin above the branch', 'g1', 200],
      ['the tenant admin', 'admin', 200],
      ['a member of another branch', 'c', 404],
      ['the admin of another branch', 'd', 404],
      ['an org admin of another subtree', 'g2', 404],
      ['the admin of another tenant', 'other', 404],
    ];
    for (const [who, key, status] of matrix) {
      it(`${who}: ${status === 200 ? 'reads' : 'gets 404 for'} the branch, its notices and a notice`, async () => {
        await get(tok[key], `/branch?orgId=${idOf(B1)}`).expect(status);
        await get(tok[key], `/branch/posts?kind=notice&orgId=${idOf(B1)}`).expect(status);
        await get(tok[key], `/branch/posts/${noticeId}`).expect(status);
        await get(tok[key], `/branch/members?orgId=${idOf(B1)}`).expect(status);
      });
    }

    it('lets an upper-level admin read but not post, like or comment as a member', async () => {
      expect((await post(tok.g1, '/branch/posts', { kind: 'news', orgId: idOf(B1), content: '上级来看看' }).expect(403)).body.code).toBe('BRANCH_NOT_MEMBER');
      const news = await publish(tok.a, { kind: 'news', content: '今天支部开展了志愿服务。' });
      expect((await t.http.put(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.g1)).expect(403)).body.code).toBe('BRANCH_NOT_MEMBER');
      expect((await post(tok.g1, `/branch/posts/${news.id}/comments`, { content: '好' }).expect(403)).body.code).toBe('BRANCH_NOT_MEMBER');
      const detail = (await get(tok.g1, `/branch/posts/${news.id}`).expect(200)).body as BranchPostDetail;
      expect([detail.canLike, detail.canComment, detail.canEdit]).toEqual([false, false, false]);
    });

    it('gives a member their own branch by default and tells admins which branch they administer', async () => {
      const home = (await get(tok.a, '/branch').expect(200)).body as BranchHome;
      expect([home.orgName, home.isMember, home.isAdmin, home.secretaryName]).toEqual([B1, true, false, '王建国']);
      expect(home.groups.map((g) => g.name)).toEqual(['综合办第一党小组', '综合办第二党小组']);
      expect(home.spaces.find((s) => s.kind === 'notice')!.unread).toBeGreaterThanOrEqual(1);
      const sec = (await get(tok.sec, '/branch').expect(200)).body as BranchHome;
      expect([sec.isMember, sec.isAdmin, sec.isBranchAdmin]).toEqual([true, true, true]);
      const upper = (await get(tok.g1, `/branch?orgId=${idOf(B1)}`).expect(200)).body as BranchHome;
      expect([upper.isMember, upper.isAdmin, upper.isBranchAdmin]).toEqual([false, true, false]);
      // An admin without a member record has no branch of their own; a non-branch is refused.
      expect((await get(tok.admin, '/branch').expect(404)).body.code).toBe('ORG_NOT_FOUND');
      expect((await get(tok.admin, `/branch?orgId=${idOf('第一党总支')}`).expect(400)).body.code).toBe('ORG_NOT_A_BRANCH');
    });
  });

  describe('notices and read receipts (BR-1)', () => {
    it('are published by branch admins only, with images', async () => {
      const res = await post(tok.a, '/branch/posts', { kind: 'notice', title: '通知', content: '党员不能发通知' }).expect(403);
      expect(res.body.code).toBe('BRANCH_ADMIN_ONLY');
      const img = await image(tok.sec);
      const notice = await publish(tok.sec, { kind: 'notice', title: '缴纳党费提醒', content: '请于本月20日前缴纳党费。', images: [img] });
      expect(notice.images.map((i) => i.key)).toEqual([img]);
      expect(notice.authorName).toBe('王建国');
    });

    it('show the admin who has read a notice and who has not, and remind the rest once an hour', async () => {
      const notice = await publish(tok.sec, { kind: 'notice', title: '学习安排', content: '请各位党员学习党章第一章。' });
      expect((await list(tok.a, 'notice')).items.find((p) => p.id === notice.id)!.read).toBe(false);
      await post(tok.a, `/branch/posts/${notice.id}/read`, {}).expect(204);
      await post(tok.a, `/branch/posts/${notice.id}/read`, { seconds: 42 }).expect(204);
      expect((await list(tok.a, 'notice')).items.find((p) => p.id === notice.id)!.read).toBe(true);

      const stats = (await get(tok.sec, `/branch/posts/${notice.id}/reads`).expect(200)).body;
      expect(stats.readCount).toBe(1);
      expect(stats.read.map((r: { name: string }) => r.name)).toEqual(['支部党员甲']);
      expect(stats.audienceCount).toBe(stats.read.length + stats.unread.length);
      expect(stats.unread).toEqual(expect.arrayContaining([{ memberId: unactivated.id, name: '未激活党员', activated: false }]));
      const detail = (await get(tok.sec, `/branch/posts/${notice.id}`).expect(200)).body as BranchPostDetail;
      expect([detail.readCount, detail.audienceCount]).toEqual([1, stats.audienceCount]);
      // Members do not see the statistics.
      expect((await get(tok.b, `/branch/posts/${notice.id}/reads`).expect(403)).body.code).toBe('BRANCH_ADMIN_ONLY');
      expect((await get(tok.b, `/branch/posts/${notice.id}`).expect(200)).body.readCount).toBeNull();

      const before = (await get(tok.b, '/me/messages/unread-count').expect(200)).body.count;
      const [first, second] = await Promise.all([post(tok.sec, `/branch/posts/${notice.id}/remind`), post(tok.sec, `/branch/posts/${notice.id}/remind`)]);
      const ok = [first, second].find((r) => r.status === 200)!;
      expect([first.status, second.status].sort()).toEqual([200, 429]);
      expect(ok.body.reminded).toBeGreaterThanOrEqual(1);
      expect(ok.body.reminded + ok.body.unreachable).toBe(stats.unread.length);
      const inbox = (await get(tok.b, '/me/messages').expect(200)).body;
      expect((await get(tok.b, '/me/messages/unread-count').expect(200)).body.count).toBe(before + 1);
      expect(inbox.items[0]).toMatchObject({ title: '请阅读通知公告', body: '学习安排', link: `/subpackages/branch/post?id=${notice.id}` });
      await post(tok.b, `/me/messages/${inbox.items[0].id}/read`).expect(204);
      expect((await get(tok.b, '/me/messages/unread-count').expect(200)).body.count).toBe(before);
      // A already read it and got nothing; another account's message is not ours to mark.
      expect((await get(tok.a, '/me/messages').expect(200)).body.items.some((m: { link: string }) => m.link?.endsWith(`id=${notice.id}`))).toBe(false);
      await post(tok.a, `/me/messages/${inbox.items[0].id}/read`).expect(404);
    });
  });

  describe('branch news, likes and comments (BR-2)', () => {
    it('any member posts with up to 9 of their own images', async () => {
      const keys = await Promise.all(Array.from({ length: 10 }, () => image(tok.a)));
      expect((await post(tok.a, '/branch/posts', { kind: 'news', content: '十张图', images: keys }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const news = await publish(tok.a, { kind: 'news', content: '九张图', images: keys.slice(0, 9) });
      expect(news.images).toHaveLength(9);
      // Someone else's upload cannot be attached.
      const res = await post(tok.b, '/branch/posts', { kind: 'news', content: '借用别人的图', images: [keys[9]] }).expect(400);
      expect(res.body.code).toBe('BRANCH_IMAGE_INVALID');
      // News has no title.
      expect((await post(tok.b, '/branch/posts', { kind: 'news', title: '标题', content: '内容' }).expect(400)).body).toEqual({ code: 'BRANCH_POST_INVALID', message: '“支部动态”不填写标题' });
    });

    it('counts a like once per member, even for ten parallel taps, and lets them take it back', async () => {
      const news = await publish(tok.a, { kind: 'news', content: '支部开展读书分享会。' });
      const taps = await Promise.all(Array.from({ length: 10 }, () => t.http.put(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.b))));
      expect(taps.map((r) => r.status)).toEqual(Array(10).fill(200));
      await t.http.put(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.a)).expect(200);
      let seen = (await list(tok.b, 'news')).items.find((p) => p.id === news.id)!;
      expect([seen.likeCount, seen.likedByMe]).toEqual([2, true]);
      expect((await t.http.delete(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.b)).expect(200)).body).toEqual({ liked: false, likeCount: 1 });
      expect((await t.http.delete(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.b)).expect(200)).body).toEqual({ liked: false, likeCount: 1 });
      seen = (await list(tok.b, 'news')).items.find((p) => p.id === news.id)!;
      expect([seen.likeCount, seen.likedByMe]).toEqual([1, false]);
    });

    it('takes comments from members; the author of a comment or an admin removes it, others may not', async () => {
      const news = await publish(tok.a, { kind: 'news', content: '今天学习了新党章。' });
      const c1 = (await post(tok.b, `/branch/posts/${news.id}/comments`, { content: '  学习了！  ' }).expect(201)).body;
      expect(c1).toMatchObject({ authorName: '支部党员乙', content: '学习了！', canDelete: true });
      await post(tok.a, `/branch/posts/${news.id}/comments`, { content: '谢谢支持' }).expect(201);
      const seen = (await get(tok.a, `/branch/posts/${news.id}/comments`).expect(200)).body;
      expect(seen.items.map((c: { content: string }) => c.content)).toEqual(['学习了！', '谢谢支持']);
      expect(seen.items[0].canDelete).toBe(false);
      expect((await t.http.delete(`/api/v1/branch/comments/${c1.id}`).set(bearer(tok.a)).expect(403)).body.code).toBe('BRANCH_NOT_AUTHOR');
      await t.http.delete(`/api/v1/branch/comments/${c1.id}`).set(bearer(tok.c)).expect(404);
      await t.http.delete(`/api/v1/branch/comments/${c1.id}`).set(bearer(tok.sec)).expect(204);
      const after = (await get(tok.a, `/branch/posts/${news.id}`).expect(200)).body as BranchPostDetail;
      // Comments change the counts, not the post: it still shows as never edited.
      expect([after.commentCount, after.editedAt]).toEqual([1, null]);
      expect((await post(tok.b, `/branch/posts/${news.id}/comments`, { content: '' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      // Notices take no comments.
      const notice = await publish(tok.sec, { kind: 'notice', title: '无评论', content: '通知不开放评论' });
      expect((await post(tok.b, `/branch/posts/${notice.id}/comments`, { content: '评论' }).expect(400)).body.code).toBe('BRANCH_NO_COMMENTS');
    });

    it('lets the author and admins delete a post, not other members', async () => {
      const news = await publish(tok.a, { kind: 'news', content: '待删除的动态' });
      expect((await t.http.delete(`/api/v1/branch/posts/${news.id}`).set(bearer(tok.b)).expect(403)).body.code).toBe('BRANCH_NOT_AUTHOR');
      await t.http.delete(`/api/v1/branch/posts/${news.id}`).set(bearer(tok.sec)).expect(204);
      await get(tok.a, `/branch/posts/${news.id}`).expect(404);
      const own = await publish(tok.a, { kind: 'news', content: '自己删' });
      // Only PATCH can be reached through the method override.
      await post(tok.a, `/branch/posts/${own.id}`).set('x-http-method-override', 'DELETE').expect(404);
      await get(tok.a, `/branch/posts/${own.id}`).expect(200);
      await t.http.delete(`/api/v1/branch/posts/${own.id}`).set(bearer(tok.a)).expect(204);
    });
  });

  describe('publicity (BR-3)', () => {
    const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

    it('refuses a period longer than one month or ending before it starts', async () => {
      const long = await post(tok.sec, '/branch/posts', { kind: 'publicity', title: '公示', content: '内容', startsAt: hours(0), endsAt: hours(24 * 32) }).expect(400);
      expect(long.body.code).toBe('BRANCH_PUBLICITY_PERIOD_INVALID');
      await post(tok.sec, '/branch/posts', { kind: 'publicity', title: '公示', content: '内容', startsAt: hours(5), endsAt: hours(4) }).expect(400);
      await post(tok.sec, '/branch/posts', { kind: 'publicity', title: '公示', content: '内容' }).expect(400);
      await post(tok.sec, '/branch/posts', { kind: 'publicity', title: '公示', content: '内容', startsAt: hours(0), endsAt: hours(24), scopeOrgId: idOf('财务审计党支部') }).expect(400);
    });

    it('shows members of the chosen scope only, and only from the start; admins see 待公示 before', async () => {
      const later = await publish(tok.sec, { kind: 'publicity', title: '发展对象公示', content: '拟确定张三为发展对象。', startsAt: hours(48), endsAt: hours(24 * 20) });
      expect(later.publicityStatus).toBe('upcoming');
      const group = await publish(tok.sec, { kind: 'publicity', title: '第一党小组评议结果', content: '评议结果如下。', startsAt: hours(-1), endsAt: hours(24 * 7), scopeOrgId: idOf('综合办第一党小组') });
      expect([group.publicityStatus, group.scopeOrgName]).toEqual(['active', '综合办第一党小组']);
      const whole = await publish(tok.sec, { kind: 'publicity', title: '党费收缴情况公示', content: '上月党费已全部收缴。', startsAt: hours(-1), endsAt: hours(24 * 7) });

      const forA = (await list(tok.a, 'publicity')).items.map((p) => p.id);
      expect(forA).toEqual(expect.arrayContaining([group.id, whole.id]));
      expect(forA).not.toContain(later.id);
      const forB = (await list(tok.b, 'publicity')).items.map((p) => p.id);
      expect(forB).toContain(whole.id);
      expect(forB).not.toContain(group.id);
      await get(tok.b, `/branch/posts/${group.id}`).expect(404);
      await get(tok.a, `/branch/posts/${later.id}`).expect(404);
      const forAdmin = (await list(tok.sec, 'publicity')).items.map((p) => [p.id, p.publicityStatus]);
      expect(forAdmin).toEqual(expect.arrayContaining([[later.id, 'upcoming'], [group.id, 'active']]));
      // The group publicity's audience is the group's members.
      const stats = (await get(tok.sec, `/branch/posts/${group.id}/reads`).expect(200)).body;
      expect(stats.unread.map((m: { name: string }) => m.name)).toContain('支部党员甲');
      expect(stats.unread.map((m: { name: string }) => m.name)).not.toContain('支部党员乙');
    });
  });

  describe('organisational-life posts (BR-4)', () => {
    it('need at least one photo and the time held, not in the future', async () => {
      const held = new Date(Date.now() - 86400_000).toISOString();
      expect((await post(tok.sec, '/branch/posts', { kind: 'org_life', title: '主题党日', content: '开展主题党日', heldAt: held }).expect(400)).body.code).toBe('BRANCH_PHOTO_REQUIRED');
      const img = await image(tok.sec);
      expect((await post(tok.sec, '/branch/posts', { kind: 'org_life', title: '主题党日', content: '开展主题党日', images: [img] }).expect(400)).body.code).toBe('BRANCH_HELD_AT_REQUIRED');
      const future = new Date(Date.now() + 86400_000).toISOString();
      expect((await post(tok.sec, '/branch/posts', { kind: 'org_life', title: '主题党日', content: '开展主题党日', images: [img], heldAt: future }).expect(400)).body.code).toBe('BRANCH_HELD_AT_REQUIRED');
      const ok = await publish(tok.sec, { kind: 'org_life', title: '主题党日', content: '开展主题党日', images: [img], heldAt: held });
      expect(ok.heldAt).toBe(held);
      // Removing the last photo on edit is refused too.
      expect((await t.http.patch(`/api/v1/branch/posts/${ok.id}`).set(bearer(tok.sec)).send({ images: [] }).expect(400)).body.code).toBe('BRANCH_PHOTO_REQUIRED');
      expect((await post(tok.a, '/branch/posts', { kind: 'org_life', title: '主题党日', content: '党员发', images: [await image(tok.a)], heldAt: held }).expect(403)).body.code).toBe('BRANCH_ADMIN_ONLY');
    });
  });

  describe('deliberation hall (BR-5)', () => {
    it('takes opinions from members until the topic closes', async () => {
      const topic = await publish(tok.sec, { kind: 'topic', title: '关于支部活动经费使用的议题', content: '请大家发表意见。', closesAt: new Date(Date.now() + 86400_000).toISOString() });
      expect(topic.open).toBe(true);
      await post(tok.a, `/branch/posts/${topic.id}/comments`, { content: '建议用于购买学习资料。' }).expect(201);
      const closed = (await t.http.patch(`/api/v1/branch/posts/${topic.id}`).set(bearer(tok.sec)).send({ closesAt: new Date().toISOString() }).expect(200)).body as BranchPostDetail;
      expect([closed.open, closed.canComment, closed.editedAt]).toEqual([false, false, null]);
      expect((await post(tok.b, `/branch/posts/${topic.id}/comments`, { content: '晚了' }).expect(409)).body).toEqual({ code: 'BRANCH_TOPIC_CLOSED', message: '该议题已截止，不能再发表意见' });
      expect((await get(tok.b, `/branch/posts/${topic.id}/comments`).expect(200)).body.total).toBe(1);
      expect((await post(tok.sec, '/branch/posts', { kind: 'topic', title: '已过期', content: '截止时间已过', closesAt: new Date(Date.now() - 1000).toISOString() }).expect(400)).body.code).toBe('BRANCH_POST_INVALID');
      // The mini-program cannot send PATCH (wx.request): POST with X-HTTP-Method-Override does the same.
      const reopened = (await post(tok.sec, `/branch/posts/${topic.id}`, { closesAt: null }).set('x-http-method-override', 'PATCH').expect(200)).body;
      expect(reopened.open).toBe(true);
    });
  });

  describe('thought reports (BR-6)', () => {
    it('are visible only to the author, the branch admins and the admins above', async () => {
      const report = await publish(tok.a, { kind: 'thought_report', title: '2026年第四季度思想汇报', content: '本季度我认真学习了党的理论。' });
      for (const key of ['a', 'sec', 'g1', 'admin'] as const) {
        await get(tok[key], `/branch/posts/${report.id}`).expect(200);
        expect((await list(tok[key], 'thought_report', idOf(B1))).items.map((p) => p.id)).toContain(report.id);
      }
      expect((await list(tok.b, 'thought_report')).items.map((p) => p.id)).not.toContain(report.id);
      for (const key of ['b', 'c', 'd', 'g2', 'other'] as const) await get(tok[key], `/branch/posts/${report.id}`).expect(404);
      await post(tok.b, `/branch/posts/${report.id}/read`, {}).expect(404);
      // The author edits it; the branch admin may not rewrite it.
      expect(report.editedAt).toBeNull();
      const edited = (await t.http.patch(`/api/v1/branch/posts/${report.id}`).set(bearer(tok.a)).send({ content: '补充：本季度参加了两次志愿服务。' }).expect(200)).body as BranchPostDetail;
      expect([edited.content, edited.editedAt === null]).toEqual(['补充：本季度参加了两次志愿服务。', false]);
      expect((await t.http.patch(`/api/v1/branch/posts/${report.id}`).set(bearer(tok.sec)).send({ content: '改写' }).expect(403)).body.code).toBe('BRANCH_NOT_AUTHOR');
    });
  });

  describe('suggestions (BR-7)', () => {
    it('are written by members and read by the whole branch', async () => {
      const s = await publish(tok.b, { kind: 'suggestion', title: '建议增加线上学习', content: '建议每月组织一次线上学习。' });
      expect((await list(tok.a, 'suggestion')).items.map((p) => p.id)).toContain(s.id);
      await get(tok.c, `/branch/posts/${s.id}`).expect(404);
      expect((await get(tok.b, '/branch/posts?kind=suggestion&mine=true').expect(200)).body.items.map((p: BranchPostSummary) => p.id)).toEqual([s.id]);
      expect((await get(tok.a, '/branch/posts?kind=suggestion&mine=true').expect(200)).body.total).toBe(0);
    });
  });

  describe('secretary mailbox (BR-10)', () => {
    it('carries a letter to the secretary only, whose reply the writer sees and is told about', async () => {
      const letter = await publish(tok.a, { kind: 'letter', title: '关于组织关系转接的咨询', content: '书记您好，我想咨询组织关系转接的流程。' });
      expect(letter.replied).toBe(false);
      for (const key of ['b', 'g1', 'admin', 'c'] as const) await get(tok[key], `/branch/posts/${letter.id}`).expect(404);
      expect((await list(tok.sec, 'letter')).items.map((p) => p.id)).toContain(letter.id);
      expect((await post(tok.b, `/branch/posts/${letter.id}/reply`, { content: '冒充回复' }).expect(404)).body.code).toBe('BRANCH_POST_NOT_FOUND');
      expect((await post(tok.a, `/branch/posts/${letter.id}/reply`, { content: '自己回复' }).expect(403)).body.code).toBe('BRANCH_NOT_SECRETARY');
      expect((await get(tok.a, `/branch/posts/${letter.id}`).expect(200)).body.canReply).toBe(false);
      expect((await get(tok.sec, `/branch/posts/${letter.id}`).expect(200)).body.canReply).toBe(true);
      const replied = (await post(tok.sec, `/branch/posts/${letter.id}/reply`, { content: '请到党建办领取介绍信。' }).expect(200)).body as BranchPostDetail;
      expect([replied.replied, replied.replierName]).toEqual([true, '王建国']);
      const seen = (await get(tok.a, `/branch/posts/${letter.id}`).expect(200)).body as BranchPostDetail;
      expect([seen.reply, seen.canEdit]).toEqual(['请到党建办领取介绍信。', false]);
      expect((await get(tok.a, '/me/messages').expect(200)).body.items[0]).toMatchObject({ title: '书记回复了你的来信', link: `/subpackages/branch/post?id=${letter.id}` });
    });

    it('is closed where the branch has no secretary', async () => {
      const home = (await get(tok.d5, '/branch').expect(200)).body as BranchHome;
      expect(home.secretaryName).toBeNull();
      const res = await post(tok.d5, '/branch/posts', { kind: 'letter', title: '来信', content: '书记您好' }).expect(409);
      expect(res.body).toEqual({ code: 'BRANCH_NO_SECRETARY', message: '本支部尚未设置书记，暂不能使用书记信箱' });
    });
  });

  describe('branch members (BR-8)', () => {
    it('lists the branch with posts, admins and groups; phones only of activated members', async () => {
      const page = (await get(tok.b, '/branch/members?pageSize=100').expect(200)).body as Page<BranchMember>;
      expect(page.total).toBe(orgs.get(B1)!.memberCount! + 3);
      const sec = page.items.find((m) => m.name === '王建国')!;
      expect(sec.posts).toContain('secretary');
      expect(sec.isBranchAdmin).toBe(true);
      const a = page.items.find((m) => m.memberId === memberA.id)!;
      expect([a.activated, a.phone, a.groupName]).toEqual([true, memberA.phone, '综合办第一党小组']);
      const u = page.items.find((m) => m.memberId === unactivated.id)!;
      expect([u.activated, u.phone]).toEqual([false, null]);
      expect(page.items.every((m) => m.activated || m.phone === null)).toBe(true);
      await get(tok.c, `/branch/members?orgId=${idOf(B1)}`).expect(404);
    });
  });

  describe('learning events for points (SPEC §7)', () => {
    it('emits read, like, comment and share with the member, post and kind', async () => {
      const seen: Array<[string, Omit<BranchActivityEvent, 'em'>]> = [];
      const events = t.get(EventEmitter2);
      const listeners = Object.values(BRANCH_EVENTS).map((name) => {
        const fn = ({ em: _em, ...e }: BranchActivityEvent) => void seen.push([name, e]);
        events.on(name, fn);
        return () => events.off(name, fn);
      });
      try {
        const news = await publish(tok.a, { kind: 'news', content: '事件测试' });
        await post(tok.b, `/branch/posts/${news.id}/read`, { seconds: 35 }).expect(204);
        await t.http.put(`/api/v1/branch/posts/${news.id}/like`).set(bearer(tok.b)).expect(200);
        const c = (await post(tok.b, `/branch/posts/${news.id}/comments`, { content: '点赞' }).expect(201)).body;
        await post(tok.b, `/branch/posts/${news.id}/share`).expect(204);
        const me = (await get(tok.b, '/auth/me').expect(200)).body;
        const base = { tenantId: me.tenantId, userId: me.userId, memberId: me.memberId, postId: news.id, kind: 'news' };
        expect(seen).toEqual([
          ['branch.read', { ...base, seconds: 35 }],
          ['branch.liked', base],
          ['branch.commented', { ...base, commentId: c.id }],
          ['branch.shared', base],
        ]);
      } finally {
        listeners.forEach((off) => off());
      }
    });
  });

  describe('bad input', () => {
    it('answers clear 400s, never a 500', async () => {
      expect((await post(tok.a, '/branch/posts', { kind: 'blog', content: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(tok.a, '/branch/posts', { kind: 'news', content: 'x', pinned: true }).expect(400)).body.message).toBe('不支持的字段：pinned');
      expect((await post(tok.a, '/branch/posts', { kind: 'news', content: 'x', images: ['../../etc/passwd'] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(tok.a, '/branch/posts', { kind: 'suggestion', content: '没有标题' }).expect(400)).body.message).toBe('请填写标题');
      await get(tok.a, '/branch/posts?kind=news&pageSize=500').expect(400);
      await get(tok.a, '/branch/posts/abc').expect(400);
      await get(tok.a, '/branch/posts/999999').expect(404);
    });
  });
});
