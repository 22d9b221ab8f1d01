/**
 * The online branch 网上支部 in the mini-program's H5 build, three people in three Chromium
 * windows at a phone's size against the real built server: two members (created by the tenant admin
 * and activated over the API) and the branch secretary (the demo login).
 *  1. Member A posts 支部动态 with a picture (the file chooser of Taro.chooseImage); member B sees the
 *     unread badge, likes and comments; A sees 点赞 1 and B's comment.
 *  2. The secretary publishes 通知公告 in the app; A opens it from the unread badge; the secretary
 *     sees A under 已读 in 阅读情况, reminds the unread, and B finds the reminder in 我的消息.
 *  3. 支部成员, and the publicity form's checks.
 *  4. Edits (PATCH sent as POST + X-HTTP-Method-Override): A edits the text of her 支部动态 and sees
 *     it; the secretary closes a topic (截止议题), B sees 议题已截止, the secretary reopens it.
 * Screenshots: miniapp/test-results/branch-*.png.
 */
import { deflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { Locator, Page, Response } from 'playwright-core';
import {
  api,
  branchWithMembers,
  clearScreenshots,
  idNumber,
  isApi,
  loginInApp,
  openAlone,
  person,
  screenshot,
  startServer,
  textOf,
  withFailureShot,
  type Person,
  type RunningServer,
  type TokenPair,
} from './harness';

const PASSWORD = 'Zhibu#2025member';
const MEMBER_A = { name: '赵一鸣', phone: '13800138001', idNumber: idNumber('19800315', 101), memberId: 0, token: '' };
const MEMBER_B = { name: '钱晓红', phone: '13800138002', idNumber: idNumber('19820708', 202), memberId: 0, token: '' };
const NEWS_TEXT = '今天支部组织参观了红色教育基地，大家收获很大。';
const COMMENT_TEXT = '学习了，下次我也参加！';
const NOTICE_TITLE = '关于开展主题党日活动的通知';
const EDITED_TEXT = '今天支部组织参观了红色教育基地，大家收获很大。（补充：共 12 人参加）';
const TOPIC_TITLE = '关于调整支部学习时间的议题';

/** A small PNG (red and gold stripes) for the upload, built here so the test needs no fixture. */
function stripesPng(width = 96, height = 64): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const [r, g, b] = Math.floor(y / 8) % 2 ? [212, 160, 23] : [200, 22, 29];
    for (let x = 0; x < width; x++) rows.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The PATCH of one post as the app sends it: POST /branch/posts/<id> with the method override. */
const isPostPatch = (r: Response) =>
  r.request().method() === 'POST' && /^\/api\/v1\/branch\/posts\/\d+$/.test(new URL(r.url()).pathname) && r.request().headers()['x-http-method-override'] === 'PATCH';

/** A response to a call on one post: /branch/posts/<id>/<action>. */
const isPostCall = (method: string, action: string) => (r: Response) =>
  r.request().method() === method && new RegExp(`^/api/v1/branch/posts/\\d+/${action}$`).test(new URL(r.url()).pathname);

interface BranchHome {
  spaces: Array<{ kind: string; unread: number }>;
}

/** What the tab should badge for a member (the demo tenant comes with seeded posts). */
async function unreadOf(server: RunningServer, token: string, kind: string): Promise<string> {
  const home = await api<BranchHome>(server, 'GET', '/branch', undefined, token);
  return String(home.body.spaces.find((s) => s.kind === kind)?.unread ?? 0);
}

/** Waits until an <img> has loaded (H5 keeps earlier pages of the stack in the DOM: scope the locator). */
async function imageLoaded(img: Locator): Promise<void> {
  const handle = await img.first().elementHandle();
  await img.page().waitForFunction((el) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, handle);
}

async function openBranchTab(page: Page): Promise<void> {
  await page.locator('.weui-tabbar__label', { hasText: '支部' }).click();
  await page.locator('.branch-hero__name').waitFor();
}

describe('网上支部 in the H5 build (three people, Chromium, 375×812)', () => {
  let server: RunningServer;
  let a: Person;
  let b: Person;
  let sec: Person;
  let branchName: string;

  before(async () => {
    server = await startServer();
    clearScreenshots('branch');
    // Two members of the secretary's branch, activated the way the app does it.
    branchName = server.logins.branchAdmin.orgName;
    await branchWithMembers(server, [MEMBER_A, MEMBER_B], PASSWORD);
    [a, b, sec] = await Promise.all([person(), person(), person()]);
  });

  after(async () => {
    await Promise.all([a, b, sec].map((p) => p?.browser.close()));
    await server?.stop();
  });

  it('A posts 支部动态 with a picture; B likes and comments it; A sees the like and the comment', async () => {
    await withFailureShot(a.page, 'branch-news-a', async () => {
      await loginInApp(server, a.page, MEMBER_A.phone, PASSWORD);
      const entered = a.page.waitForResponse(isApi('POST', '/me/branch/enter'));
      await openBranchTab(a.page);
      expect((await entered).status()).toBe(200); // BR-9, on first opening the tab
      expect(await textOf(a.page, '.branch-hero__name')).toBe(branchName);
      expect(await a.page.locator('.branch-space').count()).toBe(8); // the branch has a secretary: 书记信箱 shows
      await screenshot(a.page, 'branch-01-tab-member');

      await a.page.locator('.branch-space--news').click();
      await a.page.locator('.branch-list .bp-more').waitFor(); // the list has loaded (the demo branch has posts)
      await a.page.locator('.bp-bottom-bar .dj-action', { hasText: '发布支部动态' }).click();
      await a.page.locator('.bp-compose .dj-field--content textarea').fill(NEWS_TEXT);
      // Taro.chooseImage on H5 opens a file input: answer its chooser.
      const chooser = a.page.waitForEvent('filechooser');
      const uploaded = a.page.waitForResponse(isApi('POST', '/files/images'));
      await a.page.locator('.bp-picker__add').click();
      await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: stripesPng() });
      expect((await uploaded).status()).toBe(201);
      await a.page.locator('.bp-picker__img img').waitFor();
      await screenshot(a.page, 'branch-02-compose');

      const posted = a.page.waitForResponse(isApi('POST', '/branch/posts'));
      await a.page.locator('.bp-compose .dj-action', { hasText: '发布' }).click();
      const res = await posted;
      expect(res.status()).toBe(201);
      expect(((await res.json()) as { images: unknown[] }).images).toHaveLength(1);
      await a.page.locator('.bp-body__content', { hasText: NEWS_TEXT }).waitFor();
      await imageLoaded(a.page.locator('.bp-body .bp-images__img img'));
      await screenshot(a.page, 'branch-03-posted');
    });

    await withFailureShot(b.page, 'branch-news-b', async () => {
      await loginInApp(server, b.page, MEMBER_B.phone, PASSWORD);
      await openBranchTab(b.page);
      const newsUnread = await unreadOf(server, MEMBER_B.token, 'news');
      expect(Number(newsUnread)).toBeGreaterThanOrEqual(1); // A's post among them
      await b.page.locator('.branch-space--news .branch-space__badge', { hasText: new RegExp(`^${newsUnread}$`) }).waitFor();
      await b.page.locator('.branch-space--news').click();
      const card = b.page.locator('.bp-card', { hasText: NEWS_TEXT });
      await card.waitFor();
      expect(await card.locator('.bp-dot').count()).toBe(1); // unread
      await imageLoaded(card.locator('.bp-images__img img'));
      await screenshot(b.page, 'branch-04-list-b');

      await card.click();
      await b.page.locator('.bp-body__content', { hasText: NEWS_TEXT }).waitFor();
      const liked = b.page.waitForResponse(isPostCall('PUT', 'like'));
      await b.page.locator('.bp-actions__like').click();
      expect((await liked).status()).toBe(200);
      await b.page.locator('.bp-actions__like-text', { hasText: '已赞 1' }).waitFor();
      await b.page.locator('.bp-composer textarea').fill(COMMENT_TEXT);
      const commented = b.page.waitForResponse(isPostCall('POST', 'comments'));
      await b.page.locator('.bp-composer .dj-action', { hasText: '发表评论' }).click();
      expect((await commented).status()).toBe(201);
      await b.page.locator('.bp-comment', { hasText: COMMENT_TEXT }).waitFor();
      expect(await textOf(b.page, '.bp-comments .dj-section-title')).toBe('评论（1）');
      await screenshot(b.page, 'branch-05-liked-commented');
    });

    await withFailureShot(a.page, 'branch-news-a-again', async () => {
      await a.page.reload();
      await a.page.locator('.bp-actions__like-text', { hasText: '点赞 1' }).waitFor();
      const comment = a.page.locator('.bp-comment', { hasText: COMMENT_TEXT });
      await comment.waitFor();
      expect(await textOf(a.page, '.bp-comment__author')).toBe(MEMBER_B.name);
      await screenshot(a.page, 'branch-06-a-sees-like-comment');
      await a.page.goto(`${server.baseUrl}/h5/#/subpackages/branch/index?kind=news`);
      const mine = a.page.locator('.bp-card', { hasText: NEWS_TEXT });
      await mine.waitFor();
      expect(((await mine.locator('.bp-meta').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/赞 1\s*评论 1$/);
      await screenshot(a.page, 'branch-07-a-list');
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    });
  });

  it('the secretary publishes 通知公告; A reads it; the secretary sees 已读 and reminds; B gets the reminder', async () => {
    const secretary = server.logins.branchAdmin;
    let postId = 0;
    await withFailureShot(sec.page, 'branch-notice-secretary', async () => {
      await loginInApp(server, sec.page, secretary.username, secretary.password);
      await openBranchTab(sec.page);
      expect(await textOf(sec.page, '.branch-hero__role')).toBe('支部管理员');
      await screenshot(sec.page, 'branch-08-tab-secretary');
      await sec.page.locator('.branch-space--notice').click();
      await sec.page.locator('.bp-bottom-bar .dj-action', { hasText: '发布通知公告' }).click();
      // Client-side checks from the rule: a notice needs a title.
      await sec.page.locator('.bp-compose .dj-action', { hasText: '发布' }).click();
      await sec.page.locator('.dj-field--title .dj-field__error', { hasText: '请填写标题' }).waitFor();
      await screenshot(sec.page, 'branch-09-notice-form-errors');
      await sec.page.locator('.dj-field--title input').fill(NOTICE_TITLE);
      await sec.page.locator('.bp-compose .dj-field--content textarea').fill('本周五下午三点在三楼会议室开展主题党日活动，请全体党员准时参加。');
      const posted = sec.page.waitForResponse(isApi('POST', '/branch/posts'));
      const ownRead = sec.page.waitForResponse(isPostCall('POST', 'read'));
      await sec.page.locator('.bp-compose .dj-action', { hasText: '发布' }).click();
      postId = ((await (await posted).json()) as { id: number }).id;
      expect((await ownRead).status()).toBe(204);
      await sec.page.locator('.bp-reads').waitFor();
    });

    await withFailureShot(a.page, 'branch-notice-a', async () => {
      await a.page.goto(`${server.baseUrl}/h5/#/pages/branch/index`);
      const noticeUnread = await unreadOf(server, MEMBER_A.token, 'notice');
      expect(Number(noticeUnread)).toBeGreaterThanOrEqual(1);
      await a.page.locator('.branch-space--notice .branch-space__badge', { hasText: new RegExp(`^${noticeUnread}$`) }).waitFor();
      await screenshot(a.page, 'branch-10-a-notice-badge');
      await a.page.locator('.branch-space--notice').click();
      const card = a.page.locator('.bp-card', { hasText: NOTICE_TITLE });
      await card.waitFor();
      const read = a.page.waitForResponse(isPostCall('POST', 'read'));
      await card.click();
      expect((await read).status()).toBe(204);
      await a.page.locator('.bp-body__title', { hasText: NOTICE_TITLE }).waitFor();
      expect(await a.page.locator('.bp-reads').count()).toBe(0); // members see no statistics
      await screenshot(a.page, 'branch-11-a-reads-notice');
    });

    await withFailureShot(sec.page, 'branch-notice-stats', async () => {
      await sec.page.reload();
      await sec.page.locator('.bp-reads__summary').waitFor();
      // The secretary (who opened it on publishing) and A.
      expect(await textOf(sec.page, '.bp-reads__summary')).toMatch(/^已读 2\s*未读 \d+\s*应读 \d+ 人$/);
      await sec.page.locator('.bp-reads .bp-segmented__item', { hasText: '已读' }).click();
      const readNames = await textOf(sec.page, '.bp-reads__names');
      expect(readNames).toContain(MEMBER_A.name);
      await screenshot(sec.page, 'branch-12-secretary-read-stats');
      await sec.page.locator('.bp-reads .bp-segmented__item', { hasText: '未读' }).click();
      expect(await textOf(sec.page, '.bp-reads__names')).toContain(MEMBER_B.name);
      const reminded = sec.page.waitForResponse(isPostCall('POST', 'remind'));
      await sec.page.locator('.bp-reads .dj-action', { hasText: '提醒未读' }).click();
      expect((await reminded).status()).toBe(200);
      await sec.page.getByText('已发送提醒').waitFor();
      await screenshot(sec.page, 'branch-13-reminded');
      await sec.page.getByText('确定', { exact: true }).click();
      expect(sec.errors).toEqual([]);
    });

    await withFailureShot(b.page, 'branch-notice-b', async () => {
      await b.page.goto(`${server.baseUrl}/h5/#/pages/branch/index`);
      await b.page.locator('.branch-link--messages .branch-badge', { hasText: /^1$/ }).waitFor();
      await b.page.locator('.branch-link--messages').click();
      const message = b.page.locator('.bp-message', { hasText: '请阅读通知公告' });
      await message.waitFor();
      await screenshot(b.page, 'branch-14-b-messages');
      const read = b.page.waitForResponse(isPostCall('POST', 'read'));
      await message.click();
      expect((await read).url()).toContain(`/branch/posts/${postId}/read`);
      await b.page.locator('.bp-body__title', { hasText: NOTICE_TITLE }).waitFor();
      expect(b.errors).toEqual([]);
      expect(a.errors).toEqual([]);
    });
  });

  it('支部成员 (BR-8): posts, 未激活 tags, phones only of activated members; the secretary’s publicity form', async () => {
    await withFailureShot(a.page, 'branch-members', async () => {
      await a.page.goto(`${server.baseUrl}/h5/#/pages/branch/index`);
      await a.page.locator('.branch-link--members').click();
      const rowB = a.page.locator('.bp-member', { hasText: MEMBER_B.name });
      await rowB.waitFor();
      expect(await rowB.locator('.bp-member__phone').textContent()).toBe(MEMBER_B.phone);
      const inactive = a.page.locator('.bp-member', { hasText: '未激活' }).first();
      expect(await inactive.locator('.bp-member__phone').count()).toBe(0);
      expect(await a.page.locator('.bp-member .bp-tag', { hasText: '书记' }).count()).toBe(1);
      await screenshot(a.page, 'branch-15-members');
      expect(a.errors).toEqual([]);
    });
    await withFailureShot(sec.page, 'branch-publicity-form', async () => {
      await sec.page.goto(`${server.baseUrl}/h5/#/subpackages/branch/compose?kind=publicity`);
      await sec.page.locator('.dj-field--scope').waitFor();
      await sec.page.locator('.bp-compose .dj-action', { hasText: '发布' }).click();
      await sec.page.locator('.dj-field--ends-at .dj-field__error', { hasText: '请选择公示的开始和结束日期' }).waitFor();
      await screenshot(sec.page, 'branch-16-publicity-form');
      expect(sec.errors).toEqual([]);
    });
  });
  it('A edits her 支部动态 and sees the new text; the secretary closes a topic, B sees 议题已截止; reopened', async () => {
    await withFailureShot(a.page, 'branch-edit-a', async () => {
      await openAlone(a.page, `${server.baseUrl}/h5/#/subpackages/branch/index?kind=news`);
      await a.page.locator('.bp-card', { hasText: NEWS_TEXT }).click();
      await a.page.locator('.bp-body__content', { hasText: NEWS_TEXT }).waitFor();
      await a.page.locator('.bp-body__edit').click();
      // The form in edit mode, prefilled: the text and the kept picture.
      const content = a.page.locator('.bp-compose--edit .dj-field--content textarea');
      await content.waitFor();
      await a.page.waitForFunction((v) => document.querySelector<HTMLTextAreaElement>('.bp-compose--edit .dj-field--content textarea')?.value === v, NEWS_TEXT);
      await imageLoaded(a.page.locator('.bp-compose--edit .bp-picker__img img'));
      await content.fill(EDITED_TEXT);
      await screenshot(a.page, 'branch-17-edit-form');
      const saved = a.page.waitForResponse(isPostPatch);
      await a.page.locator('.bp-compose--edit .dj-action', { hasText: '保存' }).click();
      const res = await saved;
      expect(res.status()).toBe(200);
      expect(res.request().postDataJSON()).toEqual({ content: EDITED_TEXT }); // only what changed
      // Back on the post: the new text, marked 已编辑, the picture kept.
      await a.page.locator('.bp-body__content', { hasText: EDITED_TEXT }).waitFor();
      await a.page.locator('.bp-body__edited', { hasText: '已编辑' }).waitFor();
      await imageLoaded(a.page.locator('.bp-body .bp-images__img img'));
      await screenshot(a.page, 'branch-18-edited');
      await a.page.reload();
      await a.page.locator('.bp-body__content', { hasText: EDITED_TEXT }).waitFor();
      expect(a.errors).toEqual([]);
    });

    const secretary = server.logins.branchAdmin;
    const secToken = (await api<TokenPair>(server, 'POST', '/auth/login/password', { account: secretary.username, password: secretary.password })).body.accessToken;
    const topic = await api<{ id: number }>(server, 'POST', '/branch/posts', { kind: 'topic', title: TOPIC_TITLE, content: '拟将每月集中学习调整到第一个周五下午，请大家发表意见。' }, secToken);
    expect(topic.status).toBe(201);
    const topicUrl = `${server.baseUrl}/h5/#/subpackages/branch/post?id=${topic.body.id}`;

    await withFailureShot(sec.page, 'branch-topic-close', async () => {
      await openAlone(sec.page, topicUrl);
      await sec.page.locator('.bp-body__title', { hasText: TOPIC_TITLE }).waitFor();
      await sec.page.locator('.bp-topic-control .dj-action', { hasText: '截止议题' }).click();
      await sec.page.getByText('截止后党员不能再发表意见，确定截止吗？').waitFor();
      const closed = sec.page.waitForResponse(isPostPatch);
      await sec.page.getByText('截止', { exact: true }).click();
      const res = await closed;
      expect(res.status()).toBe(200);
      expect(Object.keys(res.request().postDataJSON() as object)).toEqual(['closesAt']);
      await sec.page.locator('.bp-body .bp-tag', { hasText: '已截止' }).waitFor();
      await sec.page.locator('.bp-topic-control .dj-action', { hasText: '重新开放' }).waitFor();
      await sec.page.locator('.bp-comments__closed', { hasText: '议题已截止' }).waitFor();
      await screenshot(sec.page, 'branch-19-topic-closed');
    });

    await withFailureShot(b.page, 'branch-topic-b', async () => {
      await openAlone(b.page, topicUrl);
      await b.page.locator('.bp-body__title', { hasText: TOPIC_TITLE }).waitFor();
      await b.page.locator('.bp-comments__closed', { hasText: '议题已截止，不再收集意见' }).waitFor();
      expect(await b.page.locator('.bp-composer').count()).toBe(0);
      expect(await b.page.locator('.bp-topic-control').count()).toBe(0); // members cannot close or reopen
      expect(await b.page.locator('.bp-body__edit').count()).toBe(0);
      await screenshot(b.page, 'branch-20-b-topic-closed');
    });

    await withFailureShot(sec.page, 'branch-topic-reopen', async () => {
      const reopened = sec.page.waitForResponse(isPostPatch);
      await sec.page.locator('.bp-topic-control .dj-action', { hasText: '重新开放' }).click();
      expect((await reopened).request().postDataJSON()).toEqual({ closesAt: null });
      await sec.page.locator('.bp-body .bp-tag', { hasText: '进行中' }).waitFor();
      await sec.page.locator('.bp-body .bp-schedule', { hasText: '长期开放' }).waitFor();
      await b.page.reload();
      await b.page.locator('.bp-composer .dj-action', { hasText: '发表意见' }).waitFor();
      expect(sec.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    });
  });
});
