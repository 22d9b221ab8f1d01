/**
 * 组织生活 in the mini-program's H5 build, against the real built server, in Chromium at a phone's
 * size: the demo branch's secretary creates and notifies a 支部党员大会 over the API (inviting two
 * members, created and activated here, and herself); then in the app
 *  1. member A opens it from the home grid's 组织生活 (未开始 tab, 待反馈) and answers 参加;
 *  2. member B opens it from the 支部 tab's 组织生活 and asks for leave (请假 needs a reason);
 *  3. the secretary opens check-in; the test reads the current code (GET /meetings/:id/checkin/code),
 *     and A types it into the H5 fallback of 扫码签到 (H5 has no camera) and is checked in;
 *  4. the meeting is brought forward and held, the secretary starts a vote; A votes once (a second
 *     ballot is refused with 409) and sees the results once it is closed;
 *  5. the secretary's own view: 支部会议 with 督办, the admin panel, 填写会议纪要 (PATCH as POST + override,
 *     then the step), 发送会议通知 through the invitee picker, the new-meeting form's checks.
 * Screenshots: miniapp/test-results/meetings-*.png.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import {
  api,
  branchWithMembers,
  clearScreenshots,
  idNumber,
  isApi,
  loginInApp,
  ok,
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

const PASSWORD = 'Zuzhi#2025member';
const MEMBER_A = { name: '孙立新', phone: '13800138011', idNumber: idNumber('19790412', 311), memberId: 0, token: '' };
const MEMBER_B = { name: '周雅琴', phone: '13800138012', idNumber: idNumber('19850923', 422), memberId: 0, token: '' };
const TITLE = '第二季度支部党员大会';
const LEAVE_REASON = '出差在外地，无法参会';


interface MeetingDetail {
  id: number;
  state: string;
  invited: boolean;
  checkinOpen: boolean;
}

describe('组织生活 in the H5 build (members and the secretary, Chromium, 375×812)', () => {
  let server: RunningServer;
  let a: Person;
  let b: Person;
  let sec: Person;
  let secretary = '';
  let branchId = 0;
  let meetingId = 0;
  let detailUrl = '';

  before(async () => {
    server = await startServer();
    clearScreenshots('meetings');
    ({ branchId } = await branchWithMembers(server, [MEMBER_A, MEMBER_B], PASSWORD));
    const sl = server.logins.branchAdmin;
    secretary = (await ok<TokenPair>(server, 'POST', '/auth/login/password', { account: sl.username, password: sl.password }, '')).accessToken;
    const me = await ok<{ memberId: number }>(server, 'GET', '/auth/me', undefined, secretary);

    // The secretary plans a general assembly for tomorrow and notifies the two members and herself.
    const start = new Date(Date.now() + 26 * 3600_000);
    const created = await ok<MeetingDetail>(server, 'POST', '/meetings', {
      orgId: branchId,
      type: 'general_assembly',
      title: TITLE,
      startsAt: start.toISOString(),
      durationDays: 0.5,
      feedbackDeadline: new Date(start.getTime() - 3 * 3600_000).toISOString(),
      hostMemberId: me.memberId,
      venue: '机关三楼党员活动室',
      requiredRatio: 50,
      agenda: '一、学习党章\n二、讨论支部年度工作计划\n三、表决事项',
    }, secretary);
    meetingId = created.id;
    detailUrl = `${server.baseUrl}/h5/#/subpackages/meetings/detail?id=${meetingId}`;
    const notified = await ok<MeetingDetail>(server, 'POST', `/meetings/${meetingId}/transitions`, { action: 'notify', invitees: [me.memberId, MEMBER_A.memberId, MEMBER_B.memberId] }, secretary);
    expect(notified.state).toBe('notified');
    [a, b, sec] = await Promise.all([person(), person(), person()]);
  });

  after(async () => {
    await Promise.all([a, b, sec].map((p) => p?.browser.close()));
    await server?.stop();
  });

  it('A opens the meeting from the home grid (未开始, 待反馈) and answers 参加', async () => {
    await withFailureShot(a.page, 'meetings-a-attend', async () => {
      await loginInApp(server, a.page, MEMBER_A.phone, PASSWORD);
      await a.page.locator('.home__tile', { hasText: '组织生活' }).click();
      const card = a.page.locator('.mt-list .mt-card', { hasText: TITLE });
      await card.waitFor();
      expect(await textOf(a.page, '.mt-list .bp-segmented__item--on')).toBe('未开始');
      expect(await card.locator('.mt-type').textContent()).toBe('支部党员大会');
      expect(await card.locator('.mt-card__mine').textContent()).toBe('待反馈');
      await screenshot(a.page, 'meetings-01-list-a');

      await card.click();
      await a.page.locator('.mt-detail .mt-info__title', { hasText: TITLE }).waitFor();
      expect(await textOf(a.page, '.mt-detail .mt-step--current .mt-step__label')).toBe('已通知');
      expect(await textOf(a.page, '.mt-detail .mt-feedback__deadline')).toMatch(/^反馈截止时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      await screenshot(a.page, 'meetings-02-detail-a');
      const answered = a.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/feedback`));
      await a.page.locator('.mt-detail .mt-feedback__attend').click();
      expect((await answered).status()).toBe(200);
      await a.page.locator('.mt-detail .mt-feedback__mine--attend', { hasText: '您已反馈：参加' }).waitFor();
      await screenshot(a.page, 'meetings-03-attending-a');
      // The list shows the answer too (it reloads on the change).
      await a.page.goBack();
      await a.page.locator('.mt-list .mt-card', { hasText: TITLE }).locator('.mt-card__mine', { hasText: '参加' }).waitFor();
      expect(a.errors).toEqual([]);
    });
  });

  it('B opens it from the 支部 tab and asks for leave with a reason', async () => {
    await withFailureShot(b.page, 'meetings-b-leave', async () => {
      await loginInApp(server, b.page, MEMBER_B.phone, PASSWORD);
      await b.page.locator('.weui-tabbar__label', { hasText: '支部' }).click();
      await b.page.locator('.branch-link--meetings').click();
      await b.page.locator('.mt-list .mt-card', { hasText: TITLE }).click();
      await b.page.locator('.mt-detail .mt-feedback').waitFor();
      await b.page.locator('.mt-detail .mt-feedback__leave').click();
      // No reason: the form says so before sending.
      await b.page.locator('.mt-detail .mt-feedback__send-leave').click();
      await b.page.locator('.mt-detail .mt-feedback .bp-form-error', { hasText: '请填写请假事由' }).waitFor();
      await screenshot(b.page, 'meetings-04-leave-needs-reason-b');
      await b.page.locator('.mt-detail .mt-feedback__reason textarea').fill(LEAVE_REASON);
      const answered = b.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/feedback`));
      await b.page.locator('.mt-detail .mt-feedback__send-leave').click();
      const res = await answered;
      expect(res.status()).toBe(200);
      expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ attend: false, reason: LEAVE_REASON });
      await b.page.locator('.mt-detail .mt-feedback__mine--leave', { hasText: '您已反馈：请假' }).waitFor();
      await screenshot(b.page, 'meetings-05-leave-b');
      expect(b.errors).toEqual([]);
    });
    // The secretary's view of the answers (the API the admin panel reads).
    const detail = await ok<{ invitees: Array<{ memberId: number; feedback: string | null; leaveReason: string | null }> }>(server, 'GET', `/meetings/${meetingId}`, undefined, secretary);
    expect(detail.invitees.find((i) => i.memberId === MEMBER_A.memberId)?.feedback).toBe('attend');
    expect(detail.invitees.find((i) => i.memberId === MEMBER_B.memberId)).toMatchObject({ feedback: 'leave', leaveReason: LEAVE_REASON });
  });

  it('check-in: the secretary opens it, A types the current code into the H5 fallback of 扫码签到', async () => {
    await ok(server, 'POST', `/meetings/${meetingId}/checkin/open`, undefined, secretary);
    await withFailureShot(a.page, 'meetings-a-checkin', async () => {
      await openAlone(a.page, detailUrl);
      const panel = a.page.locator('.mt-detail .mt-checkin');
      await panel.waitFor();
      expect(await panel.locator('.mt-checkin__scan').textContent()).toBe('提交签到码'); // H5: typed, not scanned
      // A wrong code: the server's message shows.
      await panel.locator('.dj-field--checkin-code input').fill('not-a-code');
      const refused = a.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/checkin`));
      await panel.locator('.mt-checkin__scan').click();
      const bad = await refused;
      expect(bad.status()).toBeGreaterThanOrEqual(400);
      await panel.locator('.bp-form-error', { hasText: ((await bad.json()) as { message: string }).message }).waitFor();
      await screenshot(a.page, 'meetings-06-checkin-wrong-code-a');

      const { code } = await ok<{ code: string }>(server, 'GET', `/meetings/${meetingId}/checkin/code`, undefined, secretary);
      await panel.locator('.dj-field--checkin-code input').fill(code);
      const checked = a.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/checkin`));
      await panel.locator('.mt-checkin__scan').click();
      expect((await checked).status()).toBe(200);
      await a.page.locator('.mt-detail .mt-checkin__done', { hasText: '已签到' }).waitFor();
      await screenshot(a.page, 'meetings-07-checked-in-a');
    });
    const detail = await ok<{ presentCount: number }>(server, 'GET', `/meetings/${meetingId}`, undefined, secretary);
    expect(detail.presentCount).toBe(1);
  });

  it('the meeting is held; A votes once (a second ballot is refused) and sees the results when closed', async () => {
    // The secretary answers too (ratio 50 %: two of three), then the start is brought forward to now.
    await ok(server, 'POST', `/meetings/${meetingId}/feedback`, { attend: true }, secretary);
    const startsAt = Date.now() + 8_000;
    await ok(server, 'PATCH', `/meetings/${meetingId}`, { startsAt: new Date(startsAt).toISOString(), feedbackDeadline: new Date(startsAt - 4_000).toISOString() }, secretary);
    // The start arrives: the server's clock is moved past it (DEV_CLOCK), nothing waits.
    await ok(server, 'POST', '/dev/clock', { advanceMs: Math.max(1, startsAt - Date.now() + 1_000) }, secretary);
    const now = await ok<MeetingDetail>(server, 'GET', `/meetings/${meetingId}`, undefined, secretary);
    if (now.state === 'notified') await ok(server, 'POST', `/meetings/${meetingId}/transitions`, { action: 'hold' }, secretary);
    const vote = await ok<{ id: number }>(server, 'POST', `/meetings/${meetingId}/votes`, { title: '通过支部年度工作计划', options: ['同意', '不同意', '弃权'] }, secretary);

    await withFailureShot(a.page, 'meetings-a-vote', async () => {
      await openAlone(a.page, detailUrl);
      await a.page.locator('.mt-detail .mt-step--current .mt-step__label', { hasText: '进行中' }).waitFor();
      const votes = a.page.locator('.mt-detail .mt-votes');
      await votes.locator('.mt-vote__title', { hasText: '通过支部年度工作计划' }).waitFor();
      await votes.locator('.mt-vote__option', { hasText: '同意' }).first().click();
      await screenshot(a.page, 'meetings-08-vote-choose-a');
      await votes.locator('.mt-vote__cast').click();
      await a.page.locator('.taro__modal .taro-modal__text', { hasText: '投票后不能更改' }).waitFor();
      const cast = a.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/votes/${vote.id}/ballot`));
      await a.page.locator('.taro__modal .taro-model__confirm').click();
      expect((await cast).status()).toBe(200);
      await votes.locator('.mt-vote__meta', { hasText: '您已投“同意”' }).waitFor();
      expect(await votes.locator('.mt-vote__option').count()).toBe(0); // no second choice offered
      await votes.locator('.mt-panel__hint', { hasText: '投票结束后公布结果' }).waitFor();
      await screenshot(a.page, 'meetings-09-voted-a');
    });
    const again = await api<{ message: string }>(server, 'POST', `/meetings/${meetingId}/votes/${vote.id}/ballot`, { option: 1 }, MEMBER_A.token);
    expect(again.status).toBe(409);

    await ok(server, 'POST', `/meetings/${meetingId}/votes/${vote.id}/close`, undefined, secretary);
    await withFailureShot(a.page, 'meetings-a-results', async () => {
      await a.page.reload();
      const results = a.page.locator('.mt-detail .mt-vote__results');
      await results.waitFor();
      expect(await textOf(a.page, '.mt-detail .mt-vote__result--mine .mt-vote__result-count')).toBe('1 票 · 100%');
      await a.page.locator('.mt-detail .mt-notes, .mt-detail .mt-text--note').first().scrollIntoViewIfNeeded();
      await screenshot(a.page, 'meetings-10-results-a');
      // My notes: saved and read back.
      const note = a.page.locator('.mt-detail .mt-text--note');
      await note.locator('textarea').fill('会议要点：年度计划四项重点工作。');
      const saved = a.page.waitForResponse(isApi('PUT', `/meetings/${meetingId}/note`));
      await note.locator('.mt-text__save').click();
      expect((await saved).status()).toBe(200);
      await note.locator('.mt-text__save', { hasText: '已保存' }).waitFor();
      await a.page.reload();
      await a.page.locator('.mt-detail .mt-text--note textarea').waitFor();
      await a.page.waitForFunction(() => (document.querySelector('.mt-detail .mt-text--note textarea') as HTMLTextAreaElement | null)?.value === '会议要点：年度计划四项重点工作。');
      expect(a.errors).toEqual([]);
    });
  });

  it('the secretary: 支部会议 with 督办, the admin panel, the record form, the invitee picker, the new-meeting form’s checks', async () => {
    const sl = server.logins.branchAdmin;
    await withFailureShot(sec.page, 'meetings-secretary', async () => {
      await loginInApp(server, sec.page, sl.username, sl.password);
      await sec.page.locator('.home__tile', { hasText: '组织生活' }).click();
      await sec.page.locator('.mt-list .bp-segmented__item', { hasText: '支部会议' }).click();
      await sec.page.locator('.mt-list .mt-super').waitFor();
      await sec.page.locator('.mt-list .bp-segmented__item', { hasText: '进行中' }).click();
      const card = sec.page.locator('.mt-list .mt-card', { hasText: TITLE });
      await card.waitFor();
      await sec.page.locator('.mt-list .mt-super__row, .mt-list .mt-super .bp-more').first().waitFor();
      await screenshot(sec.page, 'meetings-11-branch-list-secretary');

      await card.click();
      const panel = sec.page.locator('.mt-detail .mt-admin');
      await panel.waitFor();
      await panel.locator('.mt-admin__action--record', { hasText: '填写会议纪要' }).waitFor();
      expect(await panel.locator('.mt-admin__person').count()).toBe(3);
      await screenshot(sec.page, 'meetings-12-admin-panel');

      // 填写会议纪要 → the record form; PATCH /record (POST + override) then the 'record' step.
      await panel.locator('.mt-admin__action--record').click();
      await sec.page.locator('.mt-record-page .dj-field--record-text textarea').fill('会议由书记主持，学习了党章，讨论并通过了支部年度工作计划。');
      const patched = sec.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/meetings/${meetingId}/record` && r.request().headers()['x-http-method-override'] === 'PATCH');
      const stepped = sec.page.waitForResponse(isApi('POST', `/meetings/${meetingId}/transitions`));
      await screenshot(sec.page, 'meetings-13-record-form');
      await sec.page.locator('.mt-record__submit').click();
      expect((await patched).status()).toBe(200);
      expect((await stepped).status()).toBe(200);
      await sec.page.locator('.mt-detail .mt-step--current .mt-step__label', { hasText: '已记录' }).waitFor();
      await sec.page.locator('.mt-detail .mt-record-view').waitFor();
      await screenshot(sec.page, 'meetings-14-recorded');

      // A committee meeting created over the API: 发送会议通知 opens the invitee picker with the committee chosen.
      const me = await ok<{ memberId: number }>(server, 'GET', '/auth/me', undefined, secretary);
      const start = new Date(Date.now() + 50 * 3600_000);
      const committee = await ok<MeetingDetail>(server, 'POST', '/meetings', {
        orgId: branchId,
        type: 'committee',
        title: '支部委员会（研究发展党员工作）',
        startsAt: start.toISOString(),
        durationDays: 0.5,
        feedbackDeadline: new Date(start.getTime() - 3600_000).toISOString(),
        hostMemberId: me.memberId,
        venue: '书记办公室',
      }, secretary);
      const candidates = await ok<Array<{ memberId: number; selected: boolean }>>(server, 'GET', `/meetings/${committee.id}/candidates`, undefined, secretary);
      const preselected = candidates.filter((c) => c.selected).length;
      expect(preselected).toBeGreaterThan(0);
      await openAlone(sec.page, `${server.baseUrl}/h5/#/subpackages/meetings/detail?id=${committee.id}`);
      await sec.page.locator('.mt-detail .mt-admin__action--notify', { hasText: '发送会议通知' }).click();
      await sec.page.locator('.mt-invite__count', { hasText: `已选 ${preselected}/${candidates.length} 人` }).waitFor();
      await screenshot(sec.page, 'meetings-15-invitee-picker');
      const sent = sec.page.waitForResponse(isApi('POST', `/meetings/${committee.id}/transitions`));
      await sec.page.locator('.mt-invite__send').click();
      const res = await sent;
      expect(res.status()).toBe(200);
      expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ action: 'notify' });
      await sec.page.locator('.mt-detail .mt-step--current .mt-step__label', { hasText: '已通知' }).waitFor();
      await screenshot(sec.page, 'meetings-16-notified');

      await openAlone(sec.page, `${server.baseUrl}/h5/#/subpackages/meetings/create?orgId=${branchId}`);
      await sec.page.locator('.mt-create .dj-field--type').waitFor();
      await sec.page.locator('.mt-create__submit').click();
      await sec.page.locator('.mt-create .dj-field--type .dj-field__error', { hasText: '请选择会议类型' }).waitFor();
      await sec.page.locator('.mt-create .dj-field--host .dj-field__error', { hasText: '请选择主持人' }).waitFor();
      await sec.page.waitForFunction(() => window.scrollY === 0); // back at the first error
      await screenshot(sec.page, 'meetings-17-create-form-checks');
      expect(sec.errors).toEqual([]);
    });
  });
});
