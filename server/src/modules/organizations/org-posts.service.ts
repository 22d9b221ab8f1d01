import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { beijingDate, SINGLE_HOLDER_POSTS, type OrgPostView, type OrgTermView } from '@dangjian/shared';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError, OrgError } from '../../common/errors/error-codes.js';
import { Listen } from '../../common/events/listener.js';
import { Transactions } from '../../database/write-gate.js';
import { MEMBER_EVENTS, MembersService } from '../members/members.service.js';
import type { OrgPostCreateDto, OrgTermChangeDto } from './dto/org.dto.js';
import { OrgPost } from './entities/org-post.entity.js';
import { OrgTerm } from './entities/org-term.entity.js';
import { ORG_EVENTS } from './organizations.service.js';
import { OrgScope } from './org-scope.service.js';

export interface PostEvent {
  tenantId: number;
  orgId: number;
  memberId: number;
  post: OrgPost['post'];
  em?: EntityManager;
}

/** ORG-5: leadership posts and term changes (班子与换届). Committee members are who meetings are hosted by. */
@Injectable()
export class OrgPostsService {
  constructor(
    @InjectRepository(OrgPost) private readonly posts: Repository<OrgPost>,
    @InjectRepository(OrgTerm) private readonly terms: Repository<OrgTerm>,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly tx: Transactions,
    private readonly events: EventEmitter2,
  ) {}

  private async views(rows: OrgPost[]): Promise<OrgPostView[]> {
    const names = new Map((await this.members.findByIds([...new Set(rows.map((r) => r.memberId))])).map((m) => [m.id, m.name]));
    return rows.map((r) => ({ id: r.id, orgId: r.orgId, memberId: r.memberId, memberName: names.get(r.memberId) ?? '', post: r.post, termStart: r.termStart, termEnd: r.termEnd }));
  }

  async current(user: AuthUser, orgId: number): Promise<OrgPostView[]> {
    await this.scope.assertOrg(user, orgId);
    return this.views(await this.posts.find({ where: { orgId, endedAt: IsNull() }, order: { id: 'ASC' } }));
  }

  async assign(user: AuthUser, orgId: number, dto: OrgPostCreateDto): Promise<OrgPostView> {
    const org = await this.scope.assertOrg(user, orgId);
    const member = await this.members.findActive(org.tenantId, dto.memberId);
    if (!member || !(await this.scope.subtreeIds(org.id)).includes(member.orgId)) throw new AppError(OrgError.PostHolderNotInOrg);
    if (dto.termEnd && dto.termEnd <= dto.termStart) throw new AppError(CommonError.ValidationFailed, '任期结束日期应晚于任职日期', [{ field: 'termEnd', message: '任期结束日期应晚于任职日期' }]);
    const saved = await this.tx.run(async (em) => {
      // Two parallel appointments to one post: the organisation's row lock lets one through.
      await this.scope.lockOrg(orgId, em);
      const repo = em.getRepository(OrgPost);
      const current = await repo.find({ where: { orgId, endedAt: IsNull(), post: dto.post } });
      if (current.some((p) => p.memberId === member.id) || (SINGLE_HOLDER_POSTS.includes(dto.post) && current.length > 0)) throw new AppError(OrgError.PostTaken);
      const row = await repo.save(repo.create({ tenantId: org.tenantId, orgId, memberId: member.id, post: dto.post, termStart: dto.termStart, termEnd: dto.termEnd ?? null, endedAt: null, termId: null }));
      await this.events.emitAsync(ORG_EVENTS.postAssigned, { tenantId: org.tenantId, orgId, memberId: member.id, post: dto.post, em } satisfies PostEvent);
      return row;
    });
    return (await this.views([saved]))[0];
  }

  async end(user: AuthUser, orgId: number, postId: number): Promise<void> {
    await this.scope.assertOrg(user, orgId);
    const post = await this.posts.findOne({ where: { id: postId, orgId, endedAt: IsNull() } });
    if (!post) throw new AppError(OrgError.PostNotFound);
    await this.tx.run((em) => this.endPosts([post], em));
  }

  private async endPosts(posts: OrgPost[], em: EntityManager, termId?: number): Promise<void> {
    const today = beijingDate();
    for (const p of posts) {
      await em.getRepository(OrgPost).update({ id: p.id }, { endedAt: new Date(), termEnd: p.termEnd && p.termEnd < today ? p.termEnd : today, ...(termId ? { termId } : {}) });
      await this.events.emitAsync(ORG_EVENTS.postEnded, { tenantId: p.tenantId, orgId: p.orgId, memberId: p.memberId, post: p.post, em } satisfies PostEvent);
    }
  }

  /** 换届: records the new term and ends every current post, which the new committee then fills. */
  static termView(t: OrgTerm): OrgTermView {
    return { id: t.id, orgId: t.orgId, termNo: t.termNo, electedAt: t.electedAt, termYears: t.termYears, note: t.note, createdAt: new Date(t.createdAt).toISOString() };
  }

  async termChange(user: AuthUser, orgId: number, dto: OrgTermChangeDto): Promise<OrgTermView> {
    const org = await this.scope.assertOrg(user, orgId);
    return this.tx.run(async (em) => {
      const last = await em.getRepository(OrgTerm).findOne({ where: { orgId }, order: { termNo: 'DESC' } });
      const term = await em.getRepository(OrgTerm).save(em.getRepository(OrgTerm).create({ tenantId: org.tenantId, orgId, termNo: (last?.termNo ?? 0) + 1, electedAt: dto.electedAt, termYears: dto.termYears, note: dto.note ?? null }));
      await this.endPosts(await em.getRepository(OrgPost).find({ where: { orgId, endedAt: IsNull() } }), em, term.id);
      return OrgPostsService.termView(term);
    });
  }

  async termList(user: AuthUser, orgId: number): Promise<OrgTermView[]> {
    await this.scope.assertOrg(user, orgId);
    return (await this.terms.find({ where: { orgId }, order: { termNo: 'DESC' } })).map(OrgPostsService.termView);
  }

  /** A member moved to the history store (MEM-2) leaves every post it held. */
  @Listen(MEMBER_EVENTS.deleted)
  async onMemberDeleted(e: { memberId: number; em: EntityManager }): Promise<void> {
    await this.endPosts(await e.em.getRepository(OrgPost).find({ where: { memberId: e.memberId, endedAt: IsNull() } }), e.em);
  }

  /** BR-9, BR-10: the branch's current secretary, if the post is filled. */
  async currentSecretary(orgId: number): Promise<number | null> {
    const p = await this.posts.findOne({ where: { orgId, post: 'secretary', endedAt: IsNull() } });
    return p?.memberId ?? null;
  }

  /** Branches where this member currently holds the secretary post. */
  async secretaryOf(memberId: number): Promise<number[]> {
    return (await this.posts.find({ where: { memberId, post: 'secretary', endedAt: IsNull() } })).map((p) => p.orgId);
  }

  /** Current posts held in these organisations (BR-8 shows them beside each member). */
  currentIn(orgIds: number[]): Promise<OrgPost[]> {
    return orgIds.length ? this.posts.find({ where: { orgId: In(orgIds), endedAt: IsNull() }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  /** Used by the demo seed, inside its transaction. */
  async seedPost(em: EntityManager, row: Pick<OrgPost, 'tenantId' | 'orgId' | 'memberId' | 'post' | 'termStart'>): Promise<void> {
    await em.getRepository(OrgPost).insert({ ...row, termEnd: null, endedAt: null, termId: null });
    await this.events.emitAsync(ORG_EVENTS.postAssigned, { ...row, em } satisfies PostEvent);
  }
}
