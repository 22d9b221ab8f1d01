import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { BRANCH_SPACES, topicOpen, type BranchComment as BranchCommentView, type BranchLikeResult, type BranchReadStats, type BranchRemindResult, type Page } from '@dangjian/shared';
import { In, IsNull, LessThan, Or, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { BranchError } from '../../common/errors/error-codes.js';
import { isDuplicateKey } from '../../common/errors/all-exceptions.filter.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Transactions } from '../../database/write-gate.js';
import { AccountsService } from '../identity/accounts.service.js';
import { MembersService } from '../members/members.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { BranchContext } from './branch-access.service.js';
import { BRANCH_EVENTS, type BranchActivityEvent } from './branch.events.js';
import { BranchPostsService } from './branch-posts.service.js';
import { BranchComment, BranchLike, BranchRead } from './entities/branch-interaction.entity.js';
import { BranchPost } from './entities/branch-post.entity.js';

const REMIND_INTERVAL_MS = 3600_000;

/** Reading, liking, sharing and commenting (BR-1, BR-2, BR-5), and the admins' read statistics. */
@Injectable()
export class BranchInteractionsService {
  constructor(
    @InjectRepository(BranchComment) private readonly comments: Repository<BranchComment>,
    @InjectRepository(BranchRead) private readonly reads: Repository<BranchRead>,
    private readonly posts: BranchPostsService,
    private readonly members: MembersService,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly events: EventEmitter2,
    private readonly tx: Transactions,
  ) {}

  private emit(em: EntityManager, name: string, ctx: BranchContext, post: BranchPost, extra: Partial<BranchActivityEvent> = {}) {
    const e: BranchActivityEvent = { tenantId: post.tenantId, userId: ctx.user.userId, memberId: ctx.member?.id ?? null, postId: post.id, kind: post.kind, em, ...extra };
    return this.events.emitAsync(name, e);
  }

  /** The read receipt: the first call records it, later calls keep the longest time spent. */
  async read(user: AuthUser, id: number, seconds = 0): Promise<void> {
    const { ctx, post } = await this.posts.visiblePost(user, id);
    await this.tx.run(async (em) => {
      const repo = em.getRepository(BranchRead);
      const existing = await repo.findOne({ where: { postId: id, userId: user.userId } });
      if (!existing) await repo.insert({ postId: id, userId: user.userId, memberId: ctx.member?.id ?? null, seconds });
      else if (seconds > existing.seconds) await repo.update({ id: existing.id }, { seconds });
      await this.emit(em, BRANCH_EVENTS.read, ctx, post, { seconds });
    }).catch((e) => {
      // Two first reads racing: the other one recorded it.
      if (!isDuplicateKey(e)) throw e;
    });
  }

  async like(user: AuthUser, id: number, on: boolean): Promise<BranchLikeResult> {
    const { ctx, post } = await this.posts.visiblePost(user, id);
    if (!BRANCH_SPACES[post.kind].likes) throw new AppError(BranchError.NoLikes);
    if (!ctx.member) throw new AppError(BranchError.NotMember);
    await this.tx.run(async (em) => {
      const likes = em.getRepository(BranchLike);
      if (on) {
        // The unique key (postId, userId) makes a double tap — even two parallel ones — count once.
        await likes.insert({ postId: id, userId: user.userId });
        await em.getRepository(BranchPost).increment({ id }, 'likeCount', 1);
      } else {
        const res = await likes.delete({ postId: id, userId: user.userId });
        if (!res.affected) return;
        await em.getRepository(BranchPost).decrement({ id }, 'likeCount', 1);
      }
      await this.emit(em, on ? BRANCH_EVENTS.liked : BRANCH_EVENTS.unliked, ctx, post);
    }).catch((e) => {
      if (!isDuplicateKey(e)) throw e;
    });
    const fresh = await this.posts.visiblePost(user, id);
    return { liked: fresh.liked, likeCount: fresh.post.likeCount };
  }

  async share(user: AuthUser, id: number): Promise<void> {
    const { ctx, post } = await this.posts.visiblePost(user, id);
    await this.tx.run((em) => this.emit(em, BRANCH_EVENTS.shared, ctx, post));
  }

  async listComments(user: AuthUser, id: number, q: PageQuery): Promise<Page<BranchCommentView>> {
    const { ctx, post } = await this.posts.visiblePost(user, id);
    if (!BRANCH_SPACES[post.kind].comments) throw new AppError(BranchError.NoComments);
    const [rows, total] = await this.comments.findAndCount({ where: { postId: id }, order: { id: 'ASC' }, ...pageArgs(q) });
    return { items: rows.map((c) => this.commentView(ctx, c)), total, page: q.page, pageSize: q.pageSize };
  }

  private commentView(ctx: BranchContext, c: BranchComment): BranchCommentView {
    return { id: c.id, postId: c.postId, authorName: c.authorName, content: c.content, createdAt: c.createdAt.toISOString(), canDelete: c.authorUserId === ctx.user.userId || ctx.isAdmin };
  }

  async comment(user: AuthUser, id: number, content: string): Promise<BranchCommentView> {
    const { ctx, post } = await this.posts.visiblePost(user, id);
    if (!BRANCH_SPACES[post.kind].comments) throw new AppError(BranchError.NoComments);
    if (!ctx.member) throw new AppError(BranchError.NotMember);
    if (post.kind === 'topic' && !topicOpen(post.closesAt)) throw new AppError(BranchError.TopicClosed);
    const saved = await this.tx.run(async (em) => {
      const c = await em.getRepository(BranchComment).save(em.getRepository(BranchComment).create({ postId: id, authorUserId: user.userId, authorName: ctx.member!.name, content }));
      await em.getRepository(BranchPost).increment({ id }, 'commentCount', 1);
      await this.emit(em, BRANCH_EVENTS.commented, ctx, post, { commentId: c.id });
      return c;
    });
    return this.commentView(ctx, saved);
  }

  async deleteComment(user: AuthUser, commentId: number): Promise<void> {
    const c = await this.comments.findOne({ where: { id: commentId } });
    if (!c) throw new AppError(BranchError.CommentNotFound);
    const { ctx } = await this.posts.visiblePost(user, c.postId).catch(() => {
      throw new AppError(BranchError.CommentNotFound);
    });
    if (c.authorUserId !== user.userId && !ctx.isAdmin) throw new AppError(BranchError.NotAuthor);
    await this.tx.run(async (em) => {
      const res = await em.getRepository(BranchComment).delete({ id: commentId });
      if (res.affected) await em.getRepository(BranchPost).decrement({ id: c.postId }, 'commentCount', 1);
    });
  }

  private async statsPost(user: AuthUser, id: number) {
    const found = await this.posts.visiblePost(user, id);
    if (!found.ctx.isAdmin) throw new AppError(BranchError.AdminOnly);
    if (!BRANCH_SPACES[found.post.kind].readStats) throw new AppError(BranchError.NoReadStats);
    return found;
  }

  /** BR-1: who of the post's audience has read it, and who has not. */
  async readStats(user: AuthUser, id: number): Promise<BranchReadStats> {
    const { post } = await this.statsPost(user, id);
    const [audience] = await this.members.activeInOrgs(post.tenantId, await this.posts.audienceOrgs(post));
    const reads = audience.length ? await this.reads.find({ where: { postId: id, memberId: In(audience.map((m) => m.id)) }, order: { readAt: 'ASC' } }) : [];
    const readAt = new Map(reads.map((r) => [r.memberId!, r.readAt]));
    const byId = new Map(audience.map((m) => [m.id, m]));
    return {
      audienceCount: audience.length,
      readCount: reads.length,
      read: reads.map((r) => ({ memberId: r.memberId!, name: byId.get(r.memberId!)!.name, readAt: r.readAt.toISOString() })),
      unread: audience.filter((m) => !readAt.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, activated: m.activatedAt != null })),
      lastRemindedAt: post.lastRemindedAt?.toISOString() ?? null,
    };
  }

  /** BR-1: an in-app message to each member of the audience who has not read it; at most once an hour. */
  async remind(user: AuthUser, id: number): Promise<BranchRemindResult> {
    const { post } = await this.statsPost(user, id);
    const stats = await this.readStats(user, id);
    const unread = stats.unread.map((m) => m.memberId);
    const userIds = await this.accounts.userIdsOfMembers(unread);
    const label = BRANCH_SPACES[post.kind].label;
    await this.tx.run(async (em) => {
      // The conditional update is the lock: of two admins pressing at once, one reminds.
      const cutoff = new Date(Date.now() - REMIND_INTERVAL_MS);
      const res = await em.getRepository(BranchPost).update({ id, lastRemindedAt: Or(IsNull(), LessThan(cutoff)) }, { lastRemindedAt: new Date() });
      if (!res.affected) throw new AppError(BranchError.RemindTooSoon);
      await this.notifications.send(em, post.tenantId, [...userIds.values()], { title: `请阅读${label}`, body: post.title ?? post.content.slice(0, 60), link: `/subpackages/branch/post?id=${post.id}` });
    });
    return { reminded: userIds.size, unreachable: unread.length - userIds.size };
  }
}
