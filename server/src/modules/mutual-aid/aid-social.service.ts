import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AidBlacklistEntry, AidCommentView, AidCounts, Page } from '@dangjian/shared';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { AidError, MemberError } from '../../common/errors/error-codes.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { Clock } from '../../common/time/clock.js';
import { Transactions } from '../../database/write-gate.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import type { AidBlacklistDto } from './dto/aid.dto.js';
import { AidItem } from './entities/aid-item.entity.js';
import { AidBlacklist, AidComment, AidLike } from './entities/aid-social.entity.js';
import { AidAccess, type AidContext } from './aid-access.service.js';

/** Snapshots once shown (AID-3): likes (one per account), shares (a count), comments (shown once approved). */
@Injectable()
export class AidSocialService {
  constructor(
    @InjectRepository(AidComment) private readonly comments: Repository<AidComment>,
    private readonly access: AidAccess,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  private async shown(user: AuthUser, id: number): Promise<AidContext> {
    const ctx = await this.access.resolve(user, id);
    if (ctx.item.kind !== 'snapshot') throw new AppError(AidError.NotSnapshot);
    if (ctx.item.state !== 'approved') throw new AppError(AidError.TransitionRefused, '随手拍通过审核后才能点赞、分享和评论');
    return ctx;
  }

  async like(user: AuthUser, id: number, on: boolean): Promise<AidCounts> {
    await this.shown(user, id);
    return this.tx.run(async (em) => {
      const items = em.getRepository(AidItem);
      const likes = em.getRepository(AidLike);
      const item = await items.findOneOrFail({ where: { id }, lock: this.tx.lock });
      const mine = await likes.findOne({ where: { itemId: id, userId: user.userId } });
      if (on && !mine) await likes.insert({ itemId: id, userId: user.userId });
      if (!on && mine) await likes.delete({ id: mine.id });
      item.likeCount = await likes.count({ where: { itemId: id } });
      await items.update({ id }, { likeCount: item.likeCount });
      return { likeCount: item.likeCount, shareCount: item.shareCount, liked: on };
    });
  }

  async share(user: AuthUser, id: number): Promise<AidCounts> {
    await this.shown(user, id);
    return this.tx.run(async (em) => {
      const items = em.getRepository(AidItem);
      const item = await items.findOneOrFail({ where: { id }, lock: this.tx.lock });
      await items.update({ id }, { shareCount: item.shareCount + 1 });
      const liked = await em.getRepository(AidLike).exists({ where: { itemId: id, userId: user.userId } });
      return { likeCount: item.likeCount, shareCount: item.shareCount + 1, liked };
    });
  }

  /** Approved comments, the caller's own pending ones; the publisher and the admins see all (to approve them). */
  async listComments(user: AuthUser, id: number, q: PageQuery): Promise<Page<AidCommentView>> {
    const ctx = await this.shown(user, id);
    const where = this.access.moderates(ctx) ? { itemId: id } : [{ itemId: id, approved: true }, { itemId: id, userId: user.userId }];
    const [rows, total] = await this.comments.findAndCount({ where, order: { id: 'ASC' }, ...pageArgs(q) });
    return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize };
  }

  /** A new comment waits for the publisher or an admin; theirs are shown at once. */
  async comment(user: AuthUser, id: number, content: string): Promise<AidCommentView> {
    const ctx = await this.shown(user, id);
    const approved = this.access.moderates(ctx);
    const now = this.clock.now();
    const saved = await this.tx.run((em) =>
      em.getRepository(AidComment).save(
        em.getRepository(AidComment).create({ tenantId: ctx.item.tenantId, itemId: id, userId: user.userId, memberId: ctx.member?.id ?? null, authorName: ctx.member?.name ?? user.displayName, content, approved, approvedAt: approved ? now : null }),
      ),
    );
    return view(saved);
  }

  async approveComment(user: AuthUser, id: number, commentId: number): Promise<AidCommentView> {
    const ctx = await this.shown(user, id);
    const c = await this.comments.findOne({ where: { id: commentId, itemId: id } });
    if (!c) throw new AppError(AidError.CommentNotFound);
    if (!this.access.moderates(ctx)) throw new AppError(AidError.NotAllowed, '评论须由发布人或支部管理员审核');
    if (!c.approved) {
      c.approved = true;
      c.approvedAt = this.clock.now();
      await this.tx.run((em) => em.getRepository(AidComment).update({ id: c.id }, { approved: true, approvedAt: c.approvedAt }));
    }
    return view(c);
  }

  /** The author, the publisher or an admin removes a comment. */
  async removeComment(user: AuthUser, id: number, commentId: number): Promise<void> {
    const ctx = await this.shown(user, id);
    const c = await this.comments.findOne({ where: { id: commentId, itemId: id } });
    if (!c || (!c.approved && c.userId !== user.userId && !this.access.moderates(ctx))) throw new AppError(AidError.CommentNotFound);
    if (c.userId !== user.userId && !this.access.moderates(ctx)) throw new AppError(AidError.NotAllowed, '只能删除自己的评论');
    await this.tx.run((em) => em.getRepository(AidComment).delete({ id: c.id }));
  }
}

function view(c: AidComment): AidCommentView {
  return { id: c.id, memberId: c.memberId, authorName: c.authorName, content: c.content, approved: c.approved, createdAt: c.createdAt.toISOString() };
}

/** AID-4: members an admin of their branch (or above) keeps from publishing. */
@Injectable()
export class AidBlacklistService {
  constructor(
    @InjectRepository(AidBlacklist) private readonly rows: Repository<AidBlacklist>,
    @InjectRepository(Member) private readonly memberRows: Repository<Member>,
    private readonly members: MembersService,
    private readonly scope: OrgScope,
    private readonly tx: Transactions,
  ) {}

  /** The blacklisted members within the caller's admin scope. */
  async list(user: AuthUser, q: PageQuery): Promise<Page<AidBlacklistEntry>> {
    const f = this.scope.orgFilter('m.orgId', user);
    const [rows, total] = await this.rows
      .createQueryBuilder('b')
      .innerJoin(Member, 'm', 'm.id = b.memberId')
      .where('b.tenantId = :t', { t: user.tenantId ?? -1 })
      .andWhere(f.sql, f.params)
      .orderBy('b.id', 'DESC')
      .skip(pageArgs(q).skip)
      .take(q.pageSize)
      .getManyAndCount();
    const byId = new Map((rows.length ? await this.memberRows.find({ where: { id: In(rows.map((r) => r.memberId)) } }) : []).map((m) => [m.id, m]));
    return { items: rows.map((r) => entry(r, byId.get(r.memberId)!)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The member must be in the caller's scope (a foreign one is a 404). */
  private async member(user: AuthUser, memberId: number): Promise<Member> {
    const m = await this.members.findActive(user.tenantId ?? -1, memberId);
    if (!m) throw new AppError(MemberError.NotFound);
    await this.scope.assertOrg(user, m.orgId).catch(() => {
      throw new AppError(MemberError.NotFound);
    });
    return m;
  }

  async add(user: AuthUser, dto: AidBlacklistDto): Promise<AidBlacklistEntry> {
    const m = await this.member(user, dto.memberId);
    const row = await this.tx.run(async (em) => {
      const repo = em.getRepository(AidBlacklist);
      const old = await repo.findOne({ where: { tenantId: m.tenantId, memberId: m.id }, lock: this.tx.lock });
      if (old) {
        await repo.update({ id: old.id }, { reason: dto.reason, byUserId: user.userId, byName: user.displayName });
        return { ...old, reason: dto.reason, byUserId: user.userId, byName: user.displayName };
      }
      return repo.save(repo.create({ tenantId: m.tenantId, memberId: m.id, reason: dto.reason, byUserId: user.userId, byName: user.displayName }));
    });
    return entry(row, m);
  }

  async remove(user: AuthUser, memberId: number): Promise<void> {
    const m = await this.member(user, memberId);
    const res = await this.tx.run((em) => em.getRepository(AidBlacklist).delete({ tenantId: m.tenantId, memberId: m.id }));
    if (!res.affected) throw new AppError(AidError.BlacklistNotFound);
  }
}

function entry(r: AidBlacklist, m: Member): AidBlacklistEntry {
  return { memberId: m.id, memberName: m.name, orgId: m.orgId, reason: r.reason, byName: r.byName, createdAt: r.createdAt.toISOString() };
}
