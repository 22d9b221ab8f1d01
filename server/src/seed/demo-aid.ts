import { Injectable } from '@nestjs/common';
import {
  beijingDate,
  beijingMonthRange,
  checkAidTransition,
  periodKey,
  type AidAction,
  type AidActor,
  type AidKind,
  type MallGoodsKind,
  type SnapshotColumn,
  type WishCategory,
} from '@dangjian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { FilesService } from '../modules/files/files.service.js';
import { MallCategory, MallGoods } from '../modules/mall/entities/mall.entity.js';
import { Meeting } from '../modules/meetings/entities/meeting.entity.js';
import { MeetingInvitee } from '../modules/meetings/entities/meeting-invitee.entity.js';
import type { Member } from '../modules/members/entities/member.entity.js';
import { AidItem } from '../modules/mutual-aid/entities/aid-item.entity.js';
import { AidComment, AidLike } from '../modules/mutual-aid/entities/aid-social.entity.js';
import type { Organization } from '../modules/organizations/entities/organization.entity.js';
import { PointsRulesService } from '../modules/points/points-rules.service.js';
import { PointsService } from '../modules/points/points.service.js';
import { demoPhoto } from './demo-branch.js';

const DAY = 86400_000;

/** One demo item of 党员e家: who publishes it (an index into the branch's people) and the steps it has gone through. */
interface DemoAidItem {
  kind: AidKind;
  title: string;
  content: string;
  publisher: number;
  /** Days before the seed it was published; each step follows a few hours later. */
  daysAgo: number;
  /** The steps taken, each with the person (index) who took it; null: the branch admin (the secretary) or, for micro-wishes, the tenant admin. */
  steps: Array<[AidAction, number | null]>;
  category?: WishCategory;
  column?: SnapshotColumn;
  place?: string;
  contact?: { name: string; phone: string };
  comment?: string;
}

/** What the demo branch (综合办公室党支部) shows in 党员e家: every kind, in the states a visitor meets. */
const DEMO_AID_ITEMS: DemoAidItem[] = [
  { kind: 'wish', title: '想要一台收音机', content: '家里老人喜欢听戏曲，原来的收音机坏了，希望有一台能收听本地电台的收音机。', publisher: 3, daysAgo: 9, category: 'appliances', steps: [['approve', null], ['claim', 7], ['deliver', 7], ['confirm', 3], ['complete', null]] },
  { kind: 'wish', title: '想要一台电子血压计', content: '父亲患高血压，需要每天在家测量血压，希望有一台电子血压计。', publisher: 2, daysAgo: 6, category: 'health', steps: [['approve', null], ['claim', 6]] },
  { kind: 'wish', title: '想要一套少儿百科全书', content: '孩子上小学三年级，喜欢看科普读物，希望有一套少儿百科全书。', publisher: 5, daysAgo: 4, category: 'culture_education', steps: [['approve', null]] },
  { kind: 'wish', title: '希望有人帮忙修剪果树', content: '老家院子里有几棵橘子树，今年没人修剪，希望懂果树管理的同志指导一下。', publisher: 9, daysAgo: 2, category: 'farming', steps: [['approve', null]] },
  { kind: 'wish', title: '想要一件冬季棉衣', content: '社区困难党员张大爷缺少过冬的棉衣，希望有一件合身的冬季棉衣（身高170cm）。', publisher: 10, daysAgo: 0.2, category: 'clothing_food', steps: [] },
  { kind: 'donation', title: '闲置九成新电饭煲', content: '家里换了新电饭煲，旧的九成新、功能完好，送给有需要的同志。', publisher: 8, daysAgo: 8, steps: [['approve', null], ['claim', 11], ['send', 8], ['receive', 11], ['complete', null]] },
  { kind: 'donation', title: '闲置儿童自行车', content: '孩子长大了，16寸儿童自行车一辆，车况良好，免费送出。', publisher: 4, daysAgo: 3, steps: [['approve', null]] },
  { kind: 'snapshot', title: '志愿者清扫社区街道', content: '周末支部党员到社区开展清扫活动，街道焕然一新。', publisher: 1, daysAgo: 5, column: 'positive', place: '岳麓区桐梓坡社区', steps: [['approve', null]], comment: '为热心的志愿者们点赞！' },
  { kind: 'snapshot', title: '公交车上主动让座', content: '早高峰公交车上，一位年轻人主动给抱孩子的乘客让座。', publisher: 6, daysAgo: 3, column: 'positive', place: '12路公交车', steps: [['approve', null]] },
  { kind: 'snapshot', title: '小区消防通道被占用', content: '小区3栋旁的消防通道长期停放车辆，存在安全隐患，请物业尽快处理。', publisher: 11, daysAgo: 2, column: 'exposure', place: '桐梓坡路某小区', steps: [['approve', null]] },
  { kind: 'micro_wish', title: '想要一副老花镜', content: '社区独居老人王奶奶视力下降，看报纸很吃力，希望有一副合适的老花镜。', publisher: 0, daysAgo: 1, contact: { name: '王秀英', phone: '13974100001' }, steps: [['approve', null]] },
];

/** MALL-1: the demo tenant's mall. */
const DEMO_MALL: Array<{ category: string; goods: Array<{ name: string; kind: MallGoodsKind; pointsPrice: number; stock: number; description: string; enabled?: boolean }> }> = [
  {
    category: '文化用品',
    goods: [
      { name: '党员学习笔记本', kind: 'goods', pointsPrice: 10, stock: 50, description: 'A5皮面笔记本，封面烫印党徽，适合记录学习笔记。' },
      { name: '党史学习读本', kind: 'goods', pointsPrice: 30, stock: 20, description: '图文并茂的党史普及读物。' },
      { name: '红色书签套装', kind: 'goods', pointsPrice: 15, stock: 30, description: '金属书签一套6枚（已兑完，待补货）。', enabled: false },
    ],
  },
  {
    category: '生活用品',
    goods: [
      { name: '不锈钢保温杯', kind: 'goods', pointsPrice: 40, stock: 10, description: '500ml双层真空保温杯。' },
      { name: '环保购物袋', kind: 'goods', pointsPrice: 20, stock: 40, description: '可折叠帆布购物袋，践行绿色生活。' },
    ],
  },
  {
    category: '志愿服务',
    goods: [{ name: '家电上门清洗一次', kind: 'service', pointsPrice: 50, stock: 5, description: '由党员志愿服务队提供空调或油烟机上门清洗一次，兑换后凭取货码预约。' }],
  },
];

export interface DemoAidPeople {
  tenantId: number;
  branch: Organization;
  /** The branch's members (its groups' too); index 0 is the secretary, who has an account. */
  people: Member[];
  secretaryUserId: number;
}

/**
 * Points, 党员e家 and the mall of the demo tenant (SPEC §7–§9). Aid items walk the shared flow
 * table and earn what it awards; members' points come through PointsService (meeting attendance of
 * the seeded meetings, daily login, quizzes) so that rankings, "my points" and every member's mall
 * balance (≥ 60) are not empty. All points fall in the month of seeding where the days allow, so
 * earlier months' rankings stay empty. Micro-wishes earn nothing (the spec names no points for them).
 */
@Injectable()
export class DemoAidSeeder {
  constructor(
    private readonly points: PointsService,
    private readonly rules: PointsRulesService,
    private readonly files: FilesService,
    private readonly clock: Clock,
  ) {}

  async seed(em: EntityManager, p: DemoAidPeople): Promise<void> {
    const now = this.clock.now();
    const monthStart = beijingMonthRange(periodKey('month', now)).from.getTime();
    // Inside this month when possible (early in a month the times are squeezed into its first hours).
    const at = (daysAgo: number) => new Date(Math.max(now.getTime() - daysAgo * DAY, Math.min(monthStart + 3600_000, now.getTime())));
    await this.seedAid(em, p, at);
    await this.seedPoints(em, p, now, monthStart);
    await this.seedMall(em, p.tenantId);
  }

  /**
   * PTS-2 after the demo is committed (DemoSeedService.ensure): the tenant's rules (copied from the
   * built-in table by the rules service) and one custom declared rule. The rules service runs its own
   * transactions, which on MariaDB are other connections: inside the seed's transaction they would
   * not see the new tenant's rows, nor the seed see theirs. Until then awards use the built-in values.
   */
  async seedRules(tenantId: number): Promise<void> {
    const rules = await this.rules.list(tenantId);
    if (!rules.some((r) => r.declared && r.name === '志愿服务')) await this.rules.create(tenantId, { category: 'vanguard', name: '志愿服务', points: 5, cap: 20, capPeriod: 'month' });
  }

  private async seedAid(em: EntityManager, p: DemoAidPeople, at: (daysAgo: number) => Date): Promise<void> {
    const items = em.getRepository(AidItem);
    const secretary = p.people[0];
    // The snapshots' photos, drawn and stored side by side (a photo each).
    const snapshots = DEMO_AID_ITEMS.filter((d) => d.kind === 'snapshot');
    const photos = await Promise.all(snapshots.map(async (_, k) => this.files.uploadImage({ userId: p.secretaryUserId, tenantId: p.tenantId }, await demoPhoto(k + 1))));
    for (const d of DEMO_AID_ITEMS) {
      const publisher = p.people[d.publisher];
      const created = at(d.daysAgo);
      const photo = photos[snapshots.indexOf(d)];
      const images = photo ? [{ key: photo.key, width: photo.width, height: photo.height }] : [];
      const item = items.create({
        tenantId: p.tenantId,
        kind: d.kind,
        orgId: p.branch.id,
        publisherMemberId: publisher.id,
        publisherName: publisher.name,
        claimerMemberId: null,
        claimerName: null,
        state: 'submitted',
        title: d.title,
        content: d.content,
        category: d.category ?? null,
        images,
        snapshotColumn: d.column ?? null,
        takenAt: d.kind === 'snapshot' ? new Date(created.getTime() - 3600_000) : null,
        place: d.place ?? null,
        rejectReason: null,
        contactName: d.contact?.name ?? null,
        contactPhone: d.contact?.phone ?? null,
        stateTimes: { submitted: created.toISOString() },
        likeCount: 0,
        shareCount: 0,
        createdByUserId: p.secretaryUserId,
        createdAt: created,
      });
      await items.save(item);
      // Each step as the shared table allows it, with the points it awards (AID_FLOWS).
      for (const [k, [action, by]] of d.steps.entries()) {
        const actor: AidActor = by === null ? (d.kind === 'micro_wish' ? 'tenant_admin' : 'branch_admin') : action === 'claim' ? 'member' : p.people[by].id === item.publisherMemberId ? 'publisher' : 'claimer';
        const check = checkAidTransition(item.kind, item.state, action, [actor]);
        if (!check.ok) throw new Error(`demo aid item ${d.title}: ${check.message}`);
        const when = new Date(Math.min(created.getTime() + (k + 1) * 3 * 3600_000, this.clock.now().getTime()));
        if (action === 'claim') [item.claimerMemberId, item.claimerName] = [p.people[by!].id, p.people[by!].name];
        item.state = check.transition.to;
        item.stateTimes = { ...item.stateTimes, [item.state]: when.toISOString() };
        const award = check.transition.award;
        const to = award?.to === 'publisher' ? item.publisherMemberId : item.claimerMemberId;
        if (award && to != null) await this.points.award({ tenantId: p.tenantId, memberId: to, ruleCode: award.rule, sourceType: 'aid', sourceId: item.id, at: when }, em);
      }
      await items.save(item);
      if (d.comment) {
        const approvedAt = new Date(Math.min(created.getTime() + DAY / 2, this.clock.now().getTime()));
        await em.getRepository(AidComment).insert({ tenantId: p.tenantId, itemId: item.id, userId: p.secretaryUserId, memberId: secretary.id, authorName: secretary.name, content: d.comment, approved: true, approvedAt });
        await em.getRepository(AidLike).insert({ itemId: item.id, userId: p.secretaryUserId });
        await items.update({ id: item.id }, { likeCount: 1 });
      }
    }
  }

  /**
   * Points for every member of the branch: the seeded meetings they attended (once the record is up,
   * as MeetingFlow awards them), then daily logins and quizzes, day by day back from today, until the
   * member holds their target (at least 60, so each can exchange in the mall).
   */
  private async seedPoints(em: EntityManager, p: DemoAidPeople, now: Date, monthStart: number): Promise<void> {
    const totals = new Map<number, number>();
    const give = async (memberId: number, ruleCode: string, sourceType: string, sourceId: string | number, at: Date) => {
      const got = await this.points.award({ tenantId: p.tenantId, memberId, ruleCode, sourceType, sourceId, at }, em);
      totals.set(memberId, (totals.get(memberId) ?? 0) + got);
    };
    for (const m of p.people) totals.set(m.id, await this.points.allTimeTotal(em, p.tenantId, m.id));

    const meetings = await em.getRepository(Meeting).find({ select: { id: true, type: true, stateTimes: true }, where: { tenantId: p.tenantId, orgId: p.branch.id }, order: { id: 'ASC' } });
    for (const meeting of meetings) {
      const recorded = meeting.stateTimes.recorded ? new Date(meeting.stateTimes.recorded) : null;
      if (!recorded || recorded.getTime() < monthStart || recorded > now) continue;
      const present = await em.getRepository(MeetingInvitee).find({ select: { memberId: true }, where: { meetingId: meeting.id, present: true } });
      for (const x of present) await give(x.memberId, `meeting.${meeting.type}`, 'meeting', meeting.id, recorded);
    }

    // This month's days first (today backwards), then earlier ones only if a member still falls short:
    // two quizzes a day (the daily cap), and the first login of the last three days.
    const days = Array.from({ length: 40 }, (_, k) => new Date(now.getTime() - k * DAY - (k ? 0 : 60_000)));
    const ordered = [...days.filter((d) => d.getTime() >= monthStart), ...days.filter((d) => d.getTime() < monthStart)];
    for (const [i, m] of p.people.entries()) {
      const target = i === 0 ? 80 : 60 + ((i * 7) % 15);
      for (const [k, d] of ordered.entries()) {
        if (totals.get(m.id)! >= target) break;
        const day = beijingDate(d);
        if (k < 3) await give(m.id, 'login.daily', 'login', day, d);
        await give(m.id, 'learning.quiz', 'quiz', `${day}-1`, d);
        if (totals.get(m.id)! < target) await give(m.id, 'learning.quiz', 'quiz', `${day}-2`, d);
      }
    }
  }

  private async seedMall(em: EntityManager, tenantId: number): Promise<void> {
    for (const [i, c] of DEMO_MALL.entries()) {
      const category = await em.getRepository(MallCategory).save(em.getRepository(MallCategory).create({ tenantId, name: c.category, sortOrder: i + 1 }));
      await em.getRepository(MallGoods).insert(c.goods.map((g) => ({ tenantId, categoryId: category.id, kind: g.kind, name: g.name, description: g.description, pointsPrice: g.pointsPrice, stock: g.stock, images: [], enabled: g.enabled ?? true })));
    }
  }
}
