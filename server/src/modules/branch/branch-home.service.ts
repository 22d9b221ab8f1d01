import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BRANCH_KINDS, type BranchHome, type BranchKind, type BranchMember, type Page } from '@dangjian/shared';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { pageArgs, type PageQuery } from '../../common/http/pagination.js';
import { RolesService } from '../identity/roles.service.js';
import { MembersService } from '../members/members.service.js';
import { OrgPostsService } from '../organizations/org-posts.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { BranchAccess } from './branch-access.service.js';
import { BranchRead } from './entities/branch-interaction.entity.js';
import { BranchPost } from './entities/branch-post.entity.js';

/** The branch's front page (spaces with unread counts) and its members (BR-8). */
@Injectable()
export class BranchHomeService {
  constructor(
    @InjectRepository(BranchPost) private readonly posts: Repository<BranchPost>,
    private readonly access: BranchAccess,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly orgPosts: OrgPostsService,
    private readonly roles: RolesService,
  ) {}

  async home(user: AuthUser, orgId?: number): Promise<BranchHome> {
    const ctx = await this.access.resolve(user, orgId);
    const v = this.access.visible(ctx);
    const rows: Array<{ kind: BranchKind; total: string | number; unread: string | number }> = await this.posts
      .createQueryBuilder('p')
      .leftJoin(BranchRead, 'r', 'r.postId = p.id AND r.userId = :me', { me: user.userId })
      .select('p.kind', 'kind')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN r.id IS NULL AND p.authorUserId <> :me THEN 1 ELSE 0 END)', 'unread')
      .where(v.sql, v.params)
      .groupBy('p.kind')
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.kind, { total: Number(r.total), unread: Number(r.unread) }]));
    const [secretary] = ctx.secretaryMemberId ? await this.members.findByIds([ctx.secretaryMemberId]) : [];
    const subtree = await this.scope.subtreeIds(ctx.branch.id);
    const [, memberCount] = await this.members.activeInOrgs(ctx.branch.tenantId, subtree, { skip: 0, take: 1 });
    const groups = await this.scope.orgNames(subtree.filter((id) => id !== ctx.branch.id));
    return {
      orgId: ctx.branch.id,
      orgName: ctx.branch.name,
      isMember: ctx.member != null,
      isAdmin: ctx.isAdmin,
      isBranchAdmin: ctx.isBranchAdmin,
      secretaryName: secretary?.name ?? null,
      memberCount,
      groups: [...groups].map(([id, name]) => ({ id, name })).sort((x, y) => x.id - y.id),
      spaces: BRANCH_KINDS.map((kind) => ({ kind, total: counts.get(kind)?.total ?? 0, unread: counts.get(kind)?.unread ?? 0 })),
    };
  }

  /** BR-8: the branch's members with their posts; phones only of those who activated an account. */
  async memberList(user: AuthUser, orgId: number | undefined, q: PageQuery): Promise<Page<BranchMember>> {
    const ctx = await this.access.resolve(user, orgId);
    const orgIds = await this.scope.subtreeIds(ctx.branch.id);
    const [rows, total] = await this.members.activeInOrgs(ctx.branch.tenantId, orgIds, pageArgs(q));
    const [posts, admins, groups] = await Promise.all([this.orgPosts.currentIn(orgIds), this.roles.branchAdminMemberIds(ctx.branch.id), this.scope.orgNames(orgIds.filter((id) => id !== ctx.branch.id))]);
    return {
      items: rows.map((m) => ({
        memberId: m.id,
        name: m.name,
        gender: m.gender,
        memberType: m.memberType,
        groupName: groups.get(m.orgId) ?? null,
        posts: posts.filter((p) => p.memberId === m.id).map((p) => p.post),
        activated: m.activatedAt != null,
        phone: m.activatedAt != null ? m.phone : null,
        isBranchAdmin: admins.has(m.id),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
