import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BRANCH_SPACES, publicityPeriodOk, topicOpen, type BranchPostDetail, type BranchPostSummary, type Page } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { BranchError } from '../../common/errors/error-codes.js';
import { pageArgs } from '../../common/http/pagination.js';
import { Transactions } from '../../database/write-gate.js';
import { FilesService } from '../files/files.service.js';
import { MembersService } from '../members/members.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { BranchAccess, type BranchContext } from './branch-access.service.js';
import { toSummary } from './branch-views.js';
import type { BranchPostCreateDto, BranchPostQueryDto, BranchPostUpdateDto } from './dto/branch.dto.js';
import { BranchComment, BranchLike, BranchRead } from './entities/branch-interaction.entity.js';
import { BranchPost } from './entities/branch-post.entity.js';

type PostFields = Omit<BranchPostUpdateDto, 'images'> & { images?: string[] };

/** Posts in the branch's spaces: list, read, write, edit, delete, and the secretary's reply (BR-1…BR-7, BR-10). */
@Injectable()
export class BranchPostsService {
  constructor(
    @InjectRepository(BranchPost) private readonly posts: Repository<BranchPost>,
    private readonly access: BranchAccess,
    private readonly scope: OrgScope,
    private readonly files: FilesService,
    private readonly members: MembersService,
    private readonly notifications: NotificationsService,
    private readonly tx: Transactions,
  ) {}

  private query(ctx: BranchContext, kind?: BranchPostQueryDto['kind']) {
    const v = this.access.visible(ctx, kind);
    return this.posts
      .createQueryBuilder('p')
      .leftJoin(BranchRead, 'r', 'r.postId = p.id AND r.userId = :me', { me: ctx.user.userId })
      .leftJoin(BranchLike, 'l', 'l.postId = p.id AND l.userId = :me')
      .addSelect('r.id', 'readId')
      .addSelect('l.id', 'likeId')
      .where(v.sql, v.params);
  }

  private async summaries(userId: number, rows: BranchPost[], raw: Array<Record<string, unknown>>): Promise<BranchPostSummary[]> {
    const names = await this.scope.orgNames([...new Set(rows.map((p) => p.scopeOrgId).filter((x): x is number => x != null))]);
    // What one wrote oneself counts as read.
    return rows.map((p, i) => toSummary(p, raw[i].readId != null || p.authorUserId === userId, raw[i].likeId != null, names));
  }

  async list(user: AuthUser, q: BranchPostQueryDto): Promise<Page<BranchPostSummary>> {
    const ctx = await this.access.resolve(user, q.orgId);
    const qb = this.query(ctx, q.kind).orderBy('p.id', 'DESC');
    if (q.mine) qb.andWhere('p.authorUserId = :me');
    const { skip, take } = pageArgs(q);
    const [total, { entities, raw }] = await Promise.all([qb.getCount(), qb.clone().offset(skip).limit(take).getRawAndEntities()]);
    return { items: await this.summaries(user.userId, entities, raw), total, page: q.page, pageSize: q.pageSize };
  }

  /** A post the caller may see, with their context in its branch; a post they may not see is a 404. */
  async visiblePost(user: AuthUser, id: number): Promise<{ ctx: BranchContext; post: BranchPost; read: boolean; liked: boolean }> {
    const found = await this.posts.findOne({ where: { id, tenantId: user.tenantId ?? -1 } });
    if (!found) throw new AppError(BranchError.PostNotFound);
    const ctx = await this.access.resolve(user, found.orgId).catch(() => {
      throw new AppError(BranchError.PostNotFound);
    });
    const { entities, raw } = await this.query(ctx, found.kind).andWhere('p.id = :id', { id }).getRawAndEntities();
    if (!entities.length) throw new AppError(BranchError.PostNotFound);
    return { ctx, post: entities[0], read: raw[0].readId != null, liked: raw[0].likeId != null };
  }

  async get(user: AuthUser, id: number): Promise<BranchPostDetail> {
    const { ctx, post, read, liked } = await this.visiblePost(user, id);
    return this.detail(ctx, post, read, liked);
  }

  private async detail(ctx: BranchContext, p: BranchPost, read: boolean, liked: boolean): Promise<BranchPostDetail> {
    const rule = BRANCH_SPACES[p.kind];
    const [summary] = await this.summaries(ctx.user.userId, [p], [{ readId: read ? 1 : null, likeId: liked ? 1 : null }]);
    const mine = p.authorUserId === ctx.user.userId;
    const stats = rule.readStats && ctx.isAdmin ? await this.readCounts(p) : null;
    return {
      ...summary,
      content: p.content,
      editedAt: p.editedAt?.toISOString() ?? null,
      canEdit: rule.publisher === 'admin' ? ctx.isAdmin : mine && !(p.kind === 'letter' && p.repliedAt),
      canDelete: this.mayDelete(ctx, p),
      canComment: rule.comments && ctx.member != null && (p.kind !== 'topic' || topicOpen(p.closesAt)),
      canLike: rule.likes && ctx.member != null,
      canReply: rule.reply && ctx.isSecretary,
      reply: p.reply,
      replierName: p.replierName,
      repliedAt: p.repliedAt?.toISOString() ?? null,
      readCount: stats?.read ?? null,
      audienceCount: stats?.audience ?? null,
    };
  }

  /** Where the post's audience is registered: the branch, or the publicity's scope (BR-3). */
  audienceOrgs(p: BranchPost): Promise<number[]> {
    return this.scope.subtreeIds(p.scopeOrgId ?? p.orgId);
  }

  /** How many active members the post is for, and how many of them have read it (BR-1). */
  private async readCounts(p: BranchPost): Promise<{ audience: number; read: number }> {
    const [audience] = await this.members.activeInOrgs(p.tenantId, await this.audienceOrgs(p));
    const ids = audience.map((m) => m.id);
    const read = ids.length ? await this.posts.manager.getRepository(BranchRead).createQueryBuilder('r').where('r.postId = :id AND r.memberId IN (:...ids)', { id: p.id, ids }).getCount() : 0;
    return { audience: ids.length, read };
  }

  private mayDelete(ctx: BranchContext, p: BranchPost): boolean {
    if (p.authorUserId === ctx.user.userId) return true;
    // Letters are between the writer and the secretary; everything else an admin may take down.
    return p.kind === 'letter' ? false : ctx.isAdmin;
  }

  async create(user: AuthUser, dto: BranchPostCreateDto): Promise<BranchPostDetail> {
    const ctx = await this.access.resolve(user, dto.orgId);
    const rule = BRANCH_SPACES[dto.kind];
    if (rule.publisher === 'admin' && !ctx.isAdmin) throw new AppError(BranchError.AdminOnly, `只有支部管理员可以发布“${rule.label}”`);
    const member = rule.publisher === 'member' ? this.access.requireMember(ctx) : ctx.member;
    if (dto.kind === 'letter' && ctx.secretaryMemberId == null) throw new AppError(BranchError.NoSecretary);
    const post = this.posts.create({
      tenantId: ctx.branch.tenantId,
      orgId: ctx.branch.id,
      kind: dto.kind,
      authorUserId: user.userId,
      authorMemberId: member?.id ?? null,
      authorName: member?.name ?? user.displayName,
      title: null,
      content: dto.content,
      images: [],
      heldAt: null,
      startsAt: null,
      endsAt: null,
      scopeOrgId: null,
      closesAt: null,
      reply: null,
      replierName: null,
      repliedAt: null,
      likeCount: 0,
      commentCount: 0,
      lastRemindedAt: null,
      editedAt: null,
    });
    await this.apply(ctx, post, dto);
    const saved = await this.tx.run((em) => em.getRepository(BranchPost).save(post));
    return this.detail(ctx, saved, false, false);
  }

  async update(user: AuthUser, id: number, dto: BranchPostUpdateDto): Promise<BranchPostDetail> {
    const { ctx, post, read, liked } = await this.visiblePost(user, id);
    const rule = BRANCH_SPACES[post.kind];
    if (rule.publisher === 'admin' ? !ctx.isAdmin : post.authorUserId !== user.userId) throw new AppError(rule.publisher === 'admin' ? BranchError.AdminOnly : BranchError.NotAuthor);
    if (post.kind === 'letter' && post.repliedAt) throw new AppError(BranchError.Invalid, '书记已回复的来信不能再修改');
    await this.apply(ctx, post, dto);
    // Closing or reopening a topic is not an edit of what it says.
    if (Object.keys(dto).some((k) => k !== 'closesAt')) post.editedAt = new Date();
    const saved = await this.tx.run((em) => em.getRepository(BranchPost).save(post));
    return this.detail(ctx, saved, read, liked);
  }

  /** Sets the fields the kind has from a create or update request, checking the space's rule. */
  private async apply(ctx: BranchContext, p: BranchPost, dto: PostFields): Promise<void> {
    const rule = BRANCH_SPACES[p.kind];
    const refuse = (field: string) => new AppError(BranchError.Invalid, `“${rule.label}”不填写${field}`);
    if (dto.title !== undefined) {
      if (rule.title === 'none') throw refuse('标题');
      p.title = dto.title;
    }
    if (rule.title === 'required' && !p.title) throw new AppError(BranchError.Invalid, '请填写标题');
    if (dto.content !== undefined) p.content = dto.content;
    if (dto.images !== undefined) {
      if (dto.images.length > rule.maxImages) throw new AppError(BranchError.Invalid, `“${rule.label}”最多上传${rule.maxImages}张图片`);
      p.images = await this.files.claim(ctx.user, [...new Set(dto.images)], BranchError.ImageInvalid, p.images.map((i) => i.key));
    }
    if (p.images.length < rule.minImages) throw new AppError(BranchError.PhotoRequired);
    const now = Date.now();
    if (dto.heldAt !== undefined) {
      if (!rule.heldAt) throw refuse('召开时间');
      p.heldAt = new Date(dto.heldAt);
    }
    if (rule.heldAt && (!p.heldAt || p.heldAt.getTime() > now + 60_000)) throw new AppError(BranchError.HeldAtRequired);
    if (dto.startsAt !== undefined || dto.endsAt !== undefined || dto.scopeOrgId !== undefined) {
      if (!rule.period) throw refuse('公示期');
      if (dto.startsAt !== undefined) p.startsAt = new Date(dto.startsAt);
      if (dto.endsAt !== undefined) p.endsAt = new Date(dto.endsAt);
      if (dto.scopeOrgId !== undefined) p.scopeOrgId = await this.publicityScope(ctx, dto.scopeOrgId);
    }
    if (rule.period) {
      if (!p.startsAt || !p.endsAt || !publicityPeriodOk(p.startsAt, p.endsAt) || p.endsAt.getTime() <= now) throw new AppError(BranchError.PeriodInvalid);
      p.scopeOrgId ??= ctx.branch.id;
    }
    if (dto.closesAt !== undefined) {
      if (!rule.closesAt) throw refuse('截止时间');
      p.closesAt = dto.closesAt === null ? null : new Date(dto.closesAt);
      // A new topic closes in the future; an open one is closed now by setting a time already past.
      if (p.closesAt && p.closesAt.getTime() <= now) {
        if (p.id == null) throw new AppError(BranchError.Invalid, '截止时间应晚于现在');
        p.closesAt = new Date(now);
      }
    }
  }

  /** BR-3: publicity is for the branch or one of its groups. */
  private async publicityScope(ctx: BranchContext, orgId: number): Promise<number> {
    const org = (await this.scope.subtreeIds(ctx.branch.id)).includes(orgId) ? await this.scope.findOrg(orgId) : null;
    if (!org || (org.type !== 'branch' && org.type !== 'group')) throw new AppError(BranchError.Invalid, '公示范围只能是本支部或其下的党小组');
    return orgId;
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const { ctx, post } = await this.visiblePost(user, id);
    if (!this.mayDelete(ctx, post)) throw new AppError(BranchError.NotAuthor);
    await this.tx.run(async (em) => {
      for (const entity of [BranchComment, BranchLike, BranchRead]) await em.getRepository(entity).delete({ postId: id });
      await em.getRepository(BranchPost).delete({ id });
    });
  }

  /** Used by the demo seed, inside its transaction: a post as its author wrote it, with comments by the same author. */
  async seed(em: EntityManager, post: Omit<Partial<BranchPost>, 'id'> & Pick<BranchPost, 'tenantId' | 'orgId' | 'kind' | 'authorUserId' | 'authorName' | 'content'>, comments: string[] = []): Promise<void> {
    const saved = await em.getRepository(BranchPost).save(em.getRepository(BranchPost).create({ images: [], likeCount: 0, commentCount: comments.length, ...post }));
    for (const content of comments) await em.getRepository(BranchComment).insert({ postId: saved.id, authorUserId: post.authorUserId, authorName: post.authorName, content });
  }

  /** BR-10: the secretary answers a letter; the writer is told in the app. */
  async reply(user: AuthUser, id: number, content: string): Promise<BranchPostDetail> {
    const { ctx, post, read, liked } = await this.visiblePost(user, id);
    if (post.kind !== 'letter') throw new AppError(BranchError.Invalid, '只有书记信箱的来信可以回复');
    if (!ctx.isSecretary) throw new AppError(BranchError.NotSecretary);
    Object.assign(post, { reply: content, replierName: ctx.member!.name, repliedAt: new Date() });
    const saved = await this.tx.run(async (em) => {
      const s = await em.getRepository(BranchPost).save(post);
      await this.notifications.send(em, post.tenantId, [post.authorUserId], { title: '书记回复了你的来信', body: post.title ?? '', link: `/subpackages/branch/post?id=${post.id}` });
      return s;
    });
    return this.detail(ctx, saved, read, liked);
  }
}
