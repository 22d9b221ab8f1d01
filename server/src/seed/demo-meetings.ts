import { Injectable } from '@nestjs/common';
import { MEETING_TYPE_RULES, type MeetingState, type MeetingType } from '@dangjian/shared';
import type { EntityManager } from 'typeorm';
import type { Member } from '../modules/members/entities/member.entity.js';
import { MeetingsService } from '../modules/meetings/meetings.service.js';
import type { Organization } from '../modules/organizations/entities/organization.entity.js';

interface DemoMeeting {
  type: MeetingType;
  title: string;
  state: MeetingState;
  /** Start relative to the seed, in days (negative: in the past). */
  startDays: number;
  minutes?: string;
  rejectReason?: string;
  checkinOpen?: boolean;
}

/** One meeting in each state a branch's meetings pass through (SPEC §4), for 综合办公室党支部. */
const DEMO_MEETINGS: DemoMeeting[] = [
  { type: 'general_assembly', title: '2026年第三季度支部党员大会', state: 'done', startDays: -62, minutes: '会议传达学习上级会议精神，审议通过第三季度发展党员工作安排。' },
  { type: 'committee', title: '10月支部委员会会议', state: 'done', startDays: -33, minutes: '研究第四季度学习计划和党费收缴工作。' },
  { type: 'theme_day', title: '11月主题党日：参观红色教育基地', state: 'filed', startDays: -6, minutes: '全体党员参观红色教育基地，重温入党誓词。' },
  { type: 'committee', title: '11月支部委员会会议', state: 'rejected', startDays: -12, minutes: '研究年终总结工作。', rejectReason: '会议纪要缺少各支委发言情况，请补充后重新提交' },
  { type: 'lecture', title: '书记讲党课：学习新修订的党章', state: 'recorded', startDays: -2, minutes: '书记围绕新修订党章讲授专题党课。' },
  { type: 'general_assembly', title: '发展对象确定支部党员大会', state: 'submitted', startDays: -4, minutes: '会议讨论确定发展对象，表决通过。' },
  { type: 'group', title: '第一党小组11月学习会', state: 'held', startDays: -0.05, checkinOpen: true },
  { type: 'general_assembly', title: '2026年第四季度支部党员大会', state: 'notified', startDays: 3 },
  { type: 'theme_day', title: '12月主题党日：志愿服务进社区', state: 'created', startDays: 10 },
  { type: 'life_and_review', title: '2026年度组织生活会和民主评议党员', state: 'pre_noticed', startDays: 24 },
];

/** Seeds the demo branch's meetings, each with a history of timeline steps up to its state. */
@Injectable()
export class DemoMeetingsSeeder {
  constructor(private readonly meetings: MeetingsService) {}

  async seed(em: EntityManager, branch: Organization, group: Organization, people: Member[], committee: number[], host: Member, createdBy: number): Promise<void> {
    const day = 86400_000;
    const now = Date.now();
    for (const d of DEMO_MEETINGS) {
      const rule = MEETING_TYPE_RULES[d.type];
      const startsAt = new Date(Math.round((now + d.startDays * day) / 60_000) * 60_000);
      const invited = people.filter((p) => (rule.invitees === 'group' ? p.orgId === group.id : rule.invitees === 'committee' ? committee.includes(p.id) : true));
      // The timeline up to the state (a rejection stands where the submission was).
      const reached = rule.timeline.slice(0, rule.timeline.indexOf(d.state === 'rejected' ? 'submitted' : d.state) + 1);
      const stateTimes = Object.fromEntries(reached.map((s, i) => [s, new Date(Math.min(now, startsAt.getTime() + (i - rule.timeline.indexOf('held')) * day)).toISOString()]));
      if (d.state === 'rejected') stateTimes.rejected = new Date(Math.min(now, startsAt.getTime() + 3 * day)).toISOString();
      const held = reached.includes('held');
      await this.meetings.seed(
        em,
        {
          tenantId: branch.tenantId,
          orgId: branch.id,
          groupId: rule.invitees === 'group' ? group.id : null,
          type: d.type,
          title: d.title,
          state: d.state,
          stateTimes,
          startsAt,
          endsAt: new Date(startsAt.getTime() + day / 2),
          durationHalfDays: 1,
          feedbackDeadline: new Date(startsAt.getTime() - day),
          hostMemberId: host.id,
          hostName: host.name,
          venue: '机关三楼党员活动室',
          online: false,
          latitude: 28.2282,
          longitude: 112.9388,
          radiusMeters: 200,
          requiredRatio: rule.ratio ? 60 : null,
          agenda: `${rule.label}：${d.title}`,
          minutes: d.minutes ?? null,
          summary: null,
          followup: null,
          resolution: null,
          rejectReason: d.rejectReason ?? null,
          checkinOpen: d.checkinOpen ?? false,
          createdByUserId: createdBy,
        },
        invited.map((p, i) => {
          // Most say they will come; the fifth of each five is away on business.
          const away = i % 5 === 4;
          const answered = reached.includes('notified') && (d.state !== 'notified' || i % 2 === 0);
          return {
            memberId: p.id,
            name: p.name,
            probationary: p.memberType === 'probationary',
            feedback: answered ? (away ? 'leave' : 'attend') : null,
            leaveReason: answered && away ? '出差' : null,
            feedbackAt: answered ? new Date(startsAt.getTime() - 2 * day) : null,
            checkedInAt: held && !away && (d.state !== 'held' || i % 2 === 0) ? new Date(startsAt.getTime() + 5 * 60_000) : null,
            checkinMethod: held && !away ? 'code' : null,
            present: held && !away && (d.state !== 'held' || i % 2 === 0),
          };
        }),
      );
    }
  }
}
