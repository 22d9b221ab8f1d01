import { EventEmitter2 } from '@nestjs/event-emitter';
import { meetingPeriodKey } from '@dangjian/shared';
import type { MeetingCheckinCode, MeetingDetail, MeetingType, MeetingVoteView, OrgNode, OrgPostView, SupervisionView } from '@dangjian/shared';
import { Clock } from '../src/common/time/clock.js';
import { Transactions } from '../src/database/write-gate.js';
import { AccountsService } from '../src/modules/identity/accounts.service.js';
import { RolesService } from '../src/modules/identity/roles.service.js';
import { OutboxSmsProvider } from '../src/modules/identity/sms/sms.provider.js';
import { MeetingFlowService, MEETING_EVENTS, type MeetingAttendedEvent } from '../src/modules/meetings/meeting-flow.service.js';
import { activateMember, bearer, login, newIdNumber, startTestApp, type TestApp } from './harness.js';
import { afterAll, beforeAll, describe, expect, it, mock } from './support.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Organisational life (MEET-1…MEET-12) through the API: the six flows from creation to done, the
 * rules that hang on time (start, deadline, rotating check-in codes: time is moved, never waited
 * for), ratio and quorum, votes, review by the parent, and who may see and act.
 */
describe('organisational life (MEET-1…MEET-12)', () => {
  let t: TestApp;
  /** Time as the server sees it: now + offset. */
  let offset = 0;
  const orgs = new Map<string, OrgNode>();
  const B1 = '综合办公室党支部';
  const idOf = (name: string) => orgs.get(name)!.id;
  const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
  const tok = {} as Record<'admin' | 'sec' | 'a' | 'b' | 'c' | 'd' | 'g1' | 'g2', string>;
  const ids = {} as Record<'sec' | 'a' | 'b' | 'groupMember', number>;
  let committee: number[] = [];

  const get = (token: string, url: string) => t.http.get(`/api/v1${url}`).set(bearer(token));
  const post = (token: string, url: string, body?: object) => t.http.post(`/api/v1${url}`).set(bearer(token)).send(body);
  const put = (token: string, url: string, body?: object) => t.http.put(`/api/v1${url}`).set(bearer(token)).send(body);
  const patch = (token: string, url: string, body?: object) => t.http.patch(`/api/v1${url}`).set(bearer(token)).send(body);
  const at = (ms: number) => new Date(Date.now() + offset + ms).toISOString();
  const act = (token: string, id: number, action: string, extra: object = {}) => post(token, `/meetings/${id}/transitions`, { action, ...extra });
  const done = async (token: string, id: number, action: string, extra: object = {}): Promise<MeetingDetail> => (await act(token, id, action, extra).expect(200)).body;

  const plan = (type: MeetingType, extra: object = {}) => ({
    orgId: idOf(B1),
    type,
    title: `测试${type}`,
    startsAt: at(2 * DAY),
    durationDays: 0.5,
    feedbackDeadline: at(DAY),
    hostMemberId: ids.sec,
    venue: '机关三楼会议室',
    location: { latitude: 28.2282, longitude: 112.9388, radiusMeters: 200 },
    ...(['general_assembly', 'theme_day'].includes(type) ? { requiredRatio: 60 } : {}),
    ...extra,
  });
  const create = async (type: MeetingType, extra: object = {}): Promise<MeetingDetail> => (await post(tok.sec, '/meetings', plan(type, extra)).expect(201)).body;
  /** Moves the server's time to just after the meeting's start. */
  const pastStart = (m: MeetingDetail) => {
    offset = new Date(m.startsAt).getTime() - Date.now() + 60_000;
  };

  const addMember = async (orgName: string, name: string) => {
    const idNumber = newIdNumber();
    const res = await post(tok.admin, '/members', { orgId: idOf(orgName), name, idNumber, memberType: 'full', joinDate: '2015-07-01' }).expect(201);
    return { id: res.body.id as number, token: (await activateMember(t, idNumber)).token };
  };
  const orgAdmin = async (orgName: string, username: string): Promise<string> => {
    const password = 'OrgAdmin#2026';
    const { tenantId } = (await get(tok.admin, '/auth/me').expect(200)).body;
    await t.get(Transactions).run(async (em) => {
      const acc = await t.get(AccountsService).create(em, { tenantId, memberId: null, username, phone: null, displayName: `${orgName}管理员`, password });
      await t.get(RolesService).add(em, acc.id, tenantId, 'org_admin', idOf(orgName));
    });
    return login(t, username, password);
  };

  beforeAll(async () => {
    t = await startTestApp();
    mock.method(t.get(Clock), 'now', () => new Date(Date.now() + offset));
    tok.admin = await login(t, t.demo.tenantAdmin.username, t.demo.tenantAdmin.password);
    tok.sec = await login(t, t.demo.branchAdmin.username, t.demo.branchAdmin.password);
    ids.sec = (await get(tok.sec, '/auth/me').expect(200)).body.memberId;
    for (const n of flatten((await get(tok.admin, '/orgs/tree').expect(200)).body)) orgs.set(n.name, n);
    committee = ((await get(tok.admin, `/orgs/${idOf(B1)}/posts`).expect(200)).body as OrgPostView[]).map((p) => p.memberId);
    const a = await addMember(B1, '会议党员甲');
    const b = await addMember(B1, '会议党员乙');
    const g = await addMember('综合办第一党小组', '小组党员丙');
    [ids.a, tok.a, ids.b, tok.b, ids.groupMember] = [a.id, a.token, b.id, b.token, g.id];
    tok.c = (await addMember('财务审计党支部', '外支部党员')).token;
    const d = await addMember('财务审计党支部', '外支部管理员');
    await post(tok.admin, `/orgs/${idOf('财务审计党支部')}/branch-admins`, { memberId: d.id }).expect(201);
    tok.d = d.token;
    tok.g1 = await orgAdmin('第一党总支', 'mg1admin');
    tok.g2 = await orgAdmin('第二党总支', 'mg2admin');
  });
  afterAll(() => t.close());

  describe('planning (MEET-1…MEET-3, MEET-10)', () => {
    it('refuses a start in the past, a deadline after the start, a duration off the list and a host outside the committee', async () => {
      expect((await post(tok.sec, '/meetings', plan('committee', { startsAt: at(-HOUR), feedbackDeadline: at(-2 * HOUR) })).expect(400)).body.code).toBe('MEETING_START_IN_PAST');
      expect((await post(tok.sec, '/meetings', plan('committee', { feedbackDeadline: at(3 * DAY) })).expect(400)).body.code).toBe('MEETING_FEEDBACK_DEADLINE_INVALID');
      expect((await post(tok.sec, '/meetings', plan('committee', { durationDays: 4 })).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await post(tok.sec, '/meetings', plan('committee', { hostMemberId: ids.a })).expect(400)).body.code).toBe('MEETING_HOST_NOT_COMMITTEE');
      expect((await post(tok.sec, '/meetings', plan('general_assembly', { requiredRatio: undefined })).expect(400)).body.code).toBe('MEETING_RATIO_INVALID');
      expect((await post(tok.sec, '/meetings', plan('group')).expect(400)).body.code).toBe('MEETING_GROUP_INVALID');
      const { title: _t, ...untitled } = plan('committee');
      expect((await post(tok.sec, '/meetings', untitled).expect(400)).body.message).toBe('请填写会议名称');
    });

    it('asks a branch without a committee to maintain it first', async () => {
      const member = await addMember('机关直属党支部', '直属支部党员');
      expect((await post(member.token, '/me/branch/enter').expect(200)).body.isAdmin).toBe(true);
      const res = await post(member.token, '/meetings', plan('committee', { orgId: idOf('机关直属党支部') })).expect(409);
      expect(res.body).toEqual({ code: 'MEETING_NO_COMMITTEE', message: '本支部尚未维护支部委员会，请先在“组织与党员”中维护支委会成员' });
    });

    it('lets only the branch admin plan, and the tenant switch types off (MEET-10)', async () => {
      expect((await post(tok.a, '/meetings', plan('committee')).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await post(tok.d, '/meetings', plan('committee')).expect(404)).body.code).toBe('ORG_NOT_FOUND');
      await put(tok.sec, '/meetings/types/theme_day', { enabled: false }).expect(403);
      const off = (await put(tok.admin, '/meetings/types/theme_day', { enabled: false }).expect(200)).body;
      expect(off.find((s: { type: string }) => s.type === 'theme_day').enabled).toBe(false);
      expect((await post(tok.sec, '/meetings', plan('theme_day')).expect(400)).body.code).toBe('MEETING_TYPE_DISABLED');
      await put(tok.admin, '/meetings/types/theme_day', { enabled: true }).expect(200);
      await post(tok.sec, '/meetings', plan('theme_day')).expect(201);
    });
  });

  /** The general meeting below; supervision counts it in its own period. */
  let assembly: MeetingDetail;

  describe('a branch general meeting, start to done (MEET-4…MEET-9, MEET-7)', () => {
    let m: MeetingDetail;
    const invited = () => [ids.sec, ids.a, ids.b];

    it('is notified to the selected members, who get an in-app message and an SMS', async () => {
      m = assembly = await create('general_assembly', { title: '2026年第四季度支部党员大会' });
      expect(m.state).toBe('created');
      expect((await act(tok.sec, m.id, 'notify', { invitees: [] }).expect(409)).body.message).toBe('当前环节为“已创建”，发送会议通知前还需：选择参会人员');
      const foreign = (await get(tok.d, '/auth/me').expect(200)).body.memberId;
      expect((await act(tok.sec, m.id, 'notify', { invitees: [ids.a, foreign] }).expect(400)).body.code).toBe('MEETING_INVITEES_INVALID');
      m = await done(tok.sec, m.id, 'notify', { invitees: invited() });
      expect([m.state, m.invitedCount]).toEqual(['notified', 3]);
      const inbox = (await get(tok.a, '/me/messages').expect(200)).body.items;
      expect(inbox[0]).toMatchObject({ title: '会议通知：2026年第四季度支部党员大会', link: `/subpackages/meetings/detail?id=${m.id}` });
      const sms = (await t.get(OutboxSmsProvider).latest(20)).filter((x) => x.purpose === 'meeting_notice');
      expect(sms.map((x) => x.text)).toEqual(expect.arrayContaining([expect.stringContaining('支部党员大会“2026年第四季度支部党员大会”')]));
      const mine = (await get(tok.a, '/meetings/mine?phase=upcoming').expect(200)).body;
      expect(mine.items.map((x: { id: number }) => x.id)).toContain(m.id);
    });

    it('takes feedback before the deadline; leave needs a reason; late feedback is refused', async () => {
      expect((await post(tok.b, `/meetings/${m.id}/feedback`, { attend: false }).expect(400)).body.code).toBe('MEETING_LEAVE_REASON_REQUIRED');
      await post(tok.b, `/meetings/${m.id}/feedback`, { attend: false, reason: '外出学习' }).expect(200);
      const mine = (await post(tok.a, `/meetings/${m.id}/feedback`, { attend: true }).expect(200)).body as MeetingDetail;
      expect(mine.myFeedback).toBe('attend');
      expect((await post(tok.c, `/meetings/${m.id}/feedback`, { attend: true }).expect(404)).body.code).toBe('MEETING_NOT_FOUND');
      offset = new Date(m.feedbackDeadline).getTime() - Date.now() + 1000;
      const late = await post(tok.sec, `/meetings/${m.id}/feedback`, { attend: true }).expect(409);
      expect(late.body.code).toBe('MEETING_FEEDBACK_CLOSED');
      expect(late.body.message).toContain('截止');
    });

    it('cannot be held while attending feedback is below the required ratio (MEET-5)', async () => {
      pastStart(m);
      // 1 of 3 attending is below 60%: neither the start-time job nor the admin moves it on.
      expect(await t.get(MeetingFlowService).holdDue()).toBe(0);
      const refused = await act(tok.sec, m.id, 'hold').expect(409);
      expect(refused.body.message).toBe('当前环节为“已通知”，开始会议前还需：反馈参会人数达到参会比例');
      // The branch reaches the secretary, who answers before the deadline.
      offset = new Date(m.feedbackDeadline).getTime() - Date.now() - HOUR;
      await post(tok.sec, `/meetings/${m.id}/feedback`, { attend: true }).expect(200);
      pastStart(m);
      expect(await t.get(MeetingFlowService).holdDue()).toBe(1);
      m = (await get(tok.sec, `/meetings/${m.id}`).expect(200)).body;
      expect([m.state, m.phase, m.attendingCount]).toEqual(['held', 'ongoing', 2]);
    });

    it('checks members in by the rotating signed code or by location; forged and expired codes are refused (MEET-8)', async () => {
      await post(tok.a, `/meetings/${m.id}/checkin/open`).expect(403);
      expect((await get(tok.sec, `/meetings/${m.id}/checkin/code`).expect(409)).body.code).toBe('MEETING_CHECKIN_CLOSED');
      await post(tok.sec, `/meetings/${m.id}/checkin/open`).expect(200);
      const screen = (await get(tok.sec, `/meetings/${m.id}/checkin/code`).expect(200)).body as MeetingCheckinCode;
      expect([screen.presentCount, screen.invitedCount]).toEqual([0, 3]);
      const [mid, win, sig] = screen.code.split('.');
      const forged = `${mid}.${win}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
      expect((await post(tok.a, `/meetings/${m.id}/checkin`, { code: forged }).expect(400)).body.code).toBe('MEETING_CHECKIN_CODE_INVALID');
      await post(tok.a, `/meetings/${m.id}/checkin`, { code: `${Number(mid) + 1}.${win}.${sig}` }).expect(400);
      // A code stays good for its own 30 s window and the next one, not after.
      offset += 65_000;
      expect((await post(tok.a, `/meetings/${m.id}/checkin`, { code: screen.code }).expect(400)).body.code).toBe('MEETING_CHECKIN_CODE_INVALID');
      const fresh = (await get(tok.sec, `/meetings/${m.id}/checkin/code`).expect(200)).body as MeetingCheckinCode;
      expect(fresh.code).not.toBe(screen.code);
      const checked = (await post(tok.a, `/meetings/${m.id}/checkin`, { code: fresh.code }).expect(200)).body as MeetingDetail;
      expect(checked.myCheckedInAt).not.toBeNull();
      // 2 km away is refused; at the venue is accepted.
      const far = await post(tok.sec, `/meetings/${m.id}/checkin`, { latitude: 28.2462, longitude: 112.9388 }).expect(400);
      expect(far.body.code).toBe('MEETING_CHECKIN_TOO_FAR');
      await post(tok.sec, `/meetings/${m.id}/checkin`, { latitude: 28.2283, longitude: 112.9389 }).expect(200);
      const live = (await get(tok.sec, `/meetings/${m.id}/checkin/code`).expect(200)).body as MeetingCheckinCode;
      expect([live.presentCount, live.recent.map((r) => r.name).sort()]).toEqual([2, ['会议党员甲', '王建国'].sort()]);
    });

    it('runs a vote: once per member, results when the admin ends it (MEET-9)', async () => {
      const v = (await post(tok.sec, `/meetings/${m.id}/votes`, { title: '是否同意支部年度工作计划', options: ['同意', '不同意', '弃权'] }).expect(201)).body as MeetingVoteView;
      const [first, second] = await Promise.all([post(tok.a, `/meetings/${m.id}/votes/${v.id}/ballot`, { option: 0 }), post(tok.a, `/meetings/${m.id}/votes/${v.id}/ballot`, { option: 1 })]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect((await post(tok.a, `/meetings/${m.id}/votes/${v.id}/ballot`, { option: 0 }).expect(409)).body).toEqual({ code: 'MEETING_ALREADY_VOTED', message: '您已投过票，不能重复投票' });
      expect(((await get(tok.a, `/meetings/${m.id}/votes`).expect(200)).body as MeetingVoteView[])[0].results).toBeNull();
      await post(tok.sec, `/meetings/${m.id}/votes/${v.id}/ballot`, { option: 0 }).expect(200);
      const closed = (await post(tok.sec, `/meetings/${m.id}/votes/${v.id}/close`).expect(200)).body as MeetingVoteView;
      // Whichever of A's two parallel ballots won counts, with the secretary's 同意.
      const aChose = first.status === 200 ? 0 : 1;
      expect([closed.open, closed.results, closed.ballots]).toEqual([false, [aChose === 0 ? 2 : 1, aChose === 1 ? 1 : 0, 0], 2]);
      expect((await post(tok.b, `/meetings/${m.id}/votes/${v.id}/ballot`, { option: 0 }).expect(409)).body.code).toBe('MEETING_VOTE_CLOSED');
      await get(tok.c, `/meetings/${m.id}/votes`).expect(404);
      // Members keep their own notes.
      await put(tok.a, `/meetings/${m.id}/note`, { content: '会议要点：年度计划通过。' }).expect(200);
      expect((await get(tok.a, `/meetings/${m.id}/note`).expect(200)).body.content).toBe('会议要点：年度计划通过。');
      await get(tok.c, `/meetings/${m.id}/note`).expect(404);
    });

    it('records quorum and refuses a "passed" resolution without the votes of more than half of the full members (MEET-6)', async () => {
      expect((await act(tok.sec, m.id, 'record').expect(409)).body.message).toContain('填写会议纪要');
      const bad = await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '会议审议了年度工作计划。', resolution: { text: '通过年度工作计划', votesFor: 1, votesAgainst: 0, abstentions: 1, passed: true } }).expect(400);
      expect(bad.body).toEqual({ code: 'MEETING_RESOLUTION_INVALID', message: '赞成1票，未超过应到会正式党员3人的半数，决议不能记为通过' });
      const rec = (await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '会议审议了年度工作计划。', resolution: { text: '通过年度工作计划', votesFor: 2, votesAgainst: 0, abstentions: 0, passed: true } }).expect(200)).body as MeetingDetail;
      expect(rec.quorum).toEqual({ fullMembers: 3, fullPresent: 2, reached: true });
      expect([rec.presentCount, rec.actualRatio]).toEqual([2, 67]);
      m = await done(tok.sec, m.id, 'record');
      expect([m.state, m.phase]).toEqual(['recorded', 'ended']);
    });

    it('goes up for review: a sibling branch admin cannot see it, a member cannot approve, the parent rejects with a reason and approves the resubmission (MEET-7)', async () => {
      const seen: Array<Omit<MeetingAttendedEvent, 'em'>> = [];
      const events = t.get(EventEmitter2);
      const fn = ({ em: _em, ...e }: MeetingAttendedEvent) => void seen.push(e);
      events.on(MEETING_EVENTS.attended, fn);
      try {
        m = await done(tok.sec, m.id, 'submit');
      } finally {
        events.off(MEETING_EVENTS.attended, fn);
      }
      // SPEC §7 hook: one event per member present.
      expect(seen.map((e) => e.memberId).sort()).toEqual([ids.sec, ids.a].sort());
      expect(seen.every((e) => e.type === 'general_assembly' && e.meetingId === m.id)).toBe(true);

      await get(tok.d, `/meetings/${m.id}`).expect(404);
      await act(tok.d, m.id, 'approve').expect(404);
      await act(tok.g2, m.id, 'approve').expect(404);
      expect((await act(tok.a, m.id, 'approve').expect(403)).body.code).toBe('MEETING_NOT_ALLOWED');
      expect((await act(tok.sec, m.id, 'approve').expect(403)).body.message).toBe('审核通过须由上级党组织办理');
      const queue = (await get(tok.g1, '/meetings/reviews').expect(200)).body;
      expect(queue.items.map((x: { id: number }) => x.id)).toContain(m.id);
      expect((await get(tok.sec, '/meetings/reviews').expect(200)).body.total).toBe(0);
      expect((await act(tok.g1, m.id, 'reject').expect(409)).body.message).toContain('填写退回理由');
      const rejected = await done(tok.g1, m.id, 'reject', { reason: '会议纪要缺少讨论发言情况' });
      expect([rejected.state, rejected.rejectReason]).toEqual(['rejected', '会议纪要缺少讨论发言情况']);
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '会议审议了年度工作计划，甲、乙等同志发言。' }).expect(200);
      expect((await done(tok.sec, m.id, 'resubmit')).state).toBe('submitted');
      const approved = await done(tok.g1, m.id, 'approve');
      expect(approved.state).toBe('done');
      expect(approved.timeline.map((s) => s.state)).toEqual(['created', 'notified', 'held', 'recorded', 'submitted', 'done']);
      expect(approved.timeline.every((s) => s.at !== null)).toBe(true);
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '改' }).expect(409);
    });
  });

  describe('the other flows, each to its end', () => {
    beforeAll(() => {
      offset = 0;
    });

    it('branch committee: only committee members are invited; held at the start time; reviewed', async () => {
      let m = await create('committee');
      const cands = (await get(tok.sec, `/meetings/${m.id}/candidates`).expect(200)).body as Array<{ memberId: number; committee: boolean }>;
      expect(cands.map((c) => c.memberId).sort()).toEqual([...committee].sort());
      await act(tok.sec, m.id, 'notify', { invitees: [ids.a] }).expect(400);
      m = await done(tok.sec, m.id, 'notify', { invitees: committee });
      await act(tok.sec, m.id, 'hold').expect(409);
      pastStart(m);
      expect((await done(tok.sec, m.id, 'hold')).state).toBe('held');
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '研究发展党员工作。' }).expect(200);
      for (const [who, action] of [['sec', 'record'], ['sec', 'submit']] as const) m = await done(tok[who], m.id, action);
      // Two reviewers at once: the state moves once; the other is told where the flow stands.
      const [x, y] = await Promise.all([act(tok.admin, m.id, 'approve'), act(tok.g1, m.id, 'reject', { reason: '同时退回' })]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const loser = x.status === 409 ? x : y;
      expect(loser.body.message).toMatch(/^当前环节为“(已完成|被上级退回)”/);
      offset = 0;
    });

    it('group meeting: the group’s members; the branch admin confirms', async () => {
      let m = await create('group', { groupId: idOf('综合办第一党小组') });
      const cands = (await get(tok.sec, `/meetings/${m.id}/candidates`).expect(200)).body as Array<{ memberId: number }>;
      expect(cands.map((c) => c.memberId)).toContain(ids.groupMember);
      expect(cands.map((c) => c.memberId)).not.toContain(ids.b);
      m = await done(tok.sec, m.id, 'notify', { invitees: cands.map((c) => c.memberId) });
      pastStart(m);
      expect(await t.get(MeetingFlowService).holdDue()).toBe(1);
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '小组学习。' }).expect(200);
      m = await done(tok.sec, m.id, 'record');
      await act(tok.g1, m.id, 'confirm').expect(403);
      expect((await done(tok.sec, m.id, 'confirm')).state).toBe('done');
      offset = 0;
    });

    it('party lecture: summary, filing to the parent, acknowledged without approval', async () => {
      let m = await create('lecture');
      m = await done(tok.sec, m.id, 'notify', { invitees: [ids.sec, ids.a] });
      pastStart(m);
      m = await done(tok.sec, m.id, 'hold');
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '书记讲党课。' }).expect(200);
      m = await done(tok.sec, m.id, 'record');
      expect((await act(tok.sec, m.id, 'summarize').expect(409)).body.message).toContain('填写党课总结');
      await patch(tok.sec, `/meetings/${m.id}/record`, { summary: '党课围绕党章展开。' }).expect(200);
      m = await done(tok.sec, m.id, 'summarize');
      m = await done(tok.sec, m.id, 'file');
      await act(tok.admin, m.id, 'reject', { reason: '不行' }).expect(409);
      expect((await done(tok.admin, m.id, 'acknowledge')).state).toBe('done');
      offset = 0;
    });

    it('theme party day: ratio, activity record, filing', async () => {
      let m = await create('theme_day');
      m = await done(tok.sec, m.id, 'notify', { invitees: [ids.sec, ids.a] });
      await post(tok.a, `/meetings/${m.id}/feedback`, { attend: true }).expect(200);
      await post(tok.sec, `/meetings/${m.id}/feedback`, { attend: true }).expect(200);
      pastStart(m);
      expect(await t.get(MeetingFlowService).holdDue()).toBe(1);
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '参观红色教育基地。' }).expect(200);
      for (const [who, action] of [['sec', 'record'], ['sec', 'file'], ['g1', 'acknowledge']] as const) m = await done(tok[who], m.id, action);
      expect(m.state).toBe('done');
      offset = 0;
    });

    it('life-and-review meeting: the whole flow with outlines, materials review, evaluation (MEET-12) and follow-up', async () => {
      let m = await create('life_and_review');
      m = await done(tok.sec, m.id, 'pre_notice', { invitees: [ids.sec, ids.a] });
      expect((await act(tok.sec, m.id, 'submit_materials').expect(409)).body.message).toContain('全体参会党员上传发言提纲');
      await put(tok.a, `/meetings/${m.id}/outline`, { content: '对照党章查摆问题……' }).expect(200);
      await put(tok.sec, `/meetings/${m.id}/outline`, { content: '带头查摆……' }).expect(200);
      m = await done(tok.sec, m.id, 'submit_materials');
      await put(tok.a, `/meetings/${m.id}/outline`, { content: '改' }).expect(409);
      m = await done(tok.g1, m.id, 'reject_materials', { reason: '查摆问题不够具体' });
      expect(m.state).toBe('materials_rejected');
      await put(tok.a, `/meetings/${m.id}/outline`, { content: '具体查摆三个方面问题……' }).expect(200);
      m = await done(tok.sec, m.id, 'resubmit_materials');
      m = await done(tok.g1, m.id, 'approve_materials');
      m = await done(tok.sec, m.id, 'notify');
      await post(tok.a, `/meetings/${m.id}/feedback`, { attend: true }).expect(200);
      pastStart(m);
      m = await done(tok.sec, m.id, 'hold');
      await patch(tok.sec, `/meetings/${m.id}/record`, { minutes: '开展批评与自我批评。', presentMemberIds: [ids.sec, ids.a] }).expect(200);
      m = await done(tok.sec, m.id, 'record');

      await put(tok.a, `/meetings/${m.id}/evaluation/self`, { content: '本年度认真履行党员义务。' }).expect(200);
      await put(tok.a, `/meetings/${m.id}/evaluation/mutual`, { ratings: [{ memberId: ids.sec, grade: 'excellent' }] }).expect(200);
      expect((await put(tok.a, `/meetings/${m.id}/evaluation/mutual`, { ratings: [{ memberId: ids.a, grade: 'excellent' }] }).expect(400)).body.code).toBe('MEETING_EVALUATION_INVALID');
      expect((await act(tok.sec, m.id, 'upload_evaluation').expect(409)).body.message).toContain('完成民主评议');
      let ev = (await put(tok.sec, `/meetings/${m.id}/evaluation/grades`, { grades: [{ memberId: ids.sec, grade: 'excellent' }, { memberId: ids.a, grade: 'qualified' }] }).expect(200)).body;
      expect(ev.problems).toEqual(['评为优秀的不能超过参评正式党员的三分之一（最多0人）']);
      await act(tok.sec, m.id, 'upload_evaluation').expect(409);
      ev = (await put(tok.sec, `/meetings/${m.id}/evaluation/grades`, { grades: [{ memberId: ids.sec, grade: 'qualified' }] }).expect(200)).body;
      expect(ev.problems).toEqual([]);
      expect(ev.members.find((x: { memberId: number }) => x.memberId === ids.a)).toMatchObject({ selfSubmitted: true, mutualGiven: 1 });
      for (const [who, action] of [['sec', 'upload_evaluation'], ['sec', 'submit'], ['admin', 'approve']] as const) m = await done(tok[who], m.id, action);
      expect(m.state).toBe('done');
      expect((await act(tok.sec, m.id, 'record_followup').expect(409)).body.message).toContain('会后整改');
      await patch(tok.sec, `/meetings/${m.id}/record`, { followup: '针对查摆问题制定整改清单。' }).expect(200);
      m = await done(tok.sec, m.id, 'record_followup');
      expect(m.state).toBe('closed');
      expect(m.timeline).toHaveLength(11);
      offset = 0;
    });
  });

  describe('supervision (MEET-11)', () => {
    it('shows per branch and period which required meetings were held, behind ones flagged', async () => {
      pastStart(assembly);
      const view = (await post(tok.admin, '/meetings/supervision/recompute').expect(200)).body as SupervisionView;
      expect(view.computedAt).not.toBeNull();
      const b1 = view.rows.find((r) => r.orgName === B1)!;
      const seeded = await t.http.get('/api/v1/meetings?type=general_assembly&pageSize=100').set(bearer(tok.sec));
      const heldThisQuarter = (seeded.body.items as Array<{ state: string; startsAt: string }>).filter((x) => !['created', 'notified'].includes(x.state) && meetingPeriodKey('quarter', new Date(x.startsAt)) === meetingPeriodKey('quarter', new Date(assembly.startsAt))).length;
      expect(b1.periods.find((p) => p.type === 'general_assembly')).toMatchObject({ held: heldThisQuarter, ok: true });
      expect(heldThisQuarter).toBeGreaterThanOrEqual(1);
      const b2 = view.rows.find((r) => r.orgName === '财务审计党支部')!;
      expect(b2.behind).toBe(true);
      // A branch admin sees its own branch only; a member none of it.
      const own = (await get(tok.sec, '/meetings/supervision').expect(200)).body as SupervisionView;
      expect(own.rows.map((r) => r.orgName)).toEqual([B1]);
      await get(tok.a, '/meetings/supervision').expect(403);
    });
  });

  describe('visibility', () => {
    it('keeps a meeting from members of other branches and other subtrees', async () => {
      const m = await create('committee');
      for (const key of ['c', 'd', 'g2'] as const) await get(tok[key], `/meetings/${m.id}`).expect(404);
      for (const key of ['sec', 'a', 'g1', 'admin'] as const) await get(tok[key], `/meetings/${m.id}`).expect(200);
      expect((await get(tok.d, '/meetings').expect(200)).body.items.map((x: { id: number }) => x.id)).not.toContain(m.id);
      await patch(tok.a, `/meetings/${m.id}`, { title: '改名' }).expect(403);
      // The plan changes before the meeting; location check-in can be turned off.
      const edited = (await patch(tok.sec, `/meetings/${m.id}`, { title: '改期后的支委会', location: null }).expect(200)).body as MeetingDetail;
      expect([edited.title, edited.location]).toEqual(['改期后的支委会', null]);
      await t.http.delete(`/api/v1/meetings/${m.id}`).set(bearer(tok.sec)).expect(204);
      // The browser tests' clock control exists only where DEV_CLOCK is on (not here, never in production).
      await post(tok.admin, '/dev/clock', { advanceMs: DAY }).expect(404);
      await get(tok.sec, `/meetings/${m.id}`).expect(404);
    });
  });
});
