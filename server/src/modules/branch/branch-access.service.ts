import { Injectable } from '@nestjs/common';
import { BRANCH_KINDS, BRANCH_SPACES, type BranchKind } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { isAdmin } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { BranchError, OrgError } from '../../common/errors/error-codes.js';
import type { SqlFragment } from '../organizations/org-scope.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { OrgPostsService } from '../organizations/org-posts.service.js';
import type { Organization } from '../organizations/entities/organization.entity.js';
import type { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';

/** Who the caller is in one branch's online space. */
export interface BranchContext {
  user: AuthUser;
  branch: Organization;
  /** The caller's member record when they belong to this branch (directly or through a group). */
  member: Member | null;
  /** BR-9: holds branch_admin for this very branch. */
  isBranchAdmin: boolean;
  /** Administers the branch: its branch admin, or an admin of an organisation above (ORG-2). */
  isAdmin: boolean;
  secretaryMemberId: number | null;
  isSecretary: boolean;
}

/**
 * Access to the online branch (000 §4): members reach only their own branch; admins reach the
 * branches in their scope, read-only as far as member spaces go. Anything else is a 404.
 */
@Injectable()
export class BranchAccess {
  constructor(
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly posts: OrgPostsService,
  ) {}

  async resolve(user: AuthUser, orgId?: number): Promise<BranchContext> {
    const member = user.memberId && user.tenantId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    const ownBranchId = member ? await this.branchOf(member.orgId) : null;
    const targetId = orgId ?? ownBranchId;
    const branch = targetId != null ? await this.scope.findOrg(targetId) : null;
    if (!branch || branch.tenantId !== user.tenantId) throw new AppError(OrgError.NotFound);
    const isMember = ownBranchId === branch.id;
    const adminHere = isAdmin(user) && (await this.scope.assertOrg(user, branch.id).then(() => true, () => false));
    if (!isMember && !adminHere) throw new AppError(OrgError.NotFound);
    if (branch.type !== 'branch') throw new AppError(OrgError.NotABranch);
    const secretaryMemberId = await this.posts.currentSecretary(branch.id);
    return {
      user,
      branch,
      member: isMember ? member : null,
      isBranchAdmin: user.roles.some((r) => r.role === 'branch_admin' && r.orgId === branch.id),
      isAdmin: adminHere,
      secretaryMemberId,
      isSecretary: isMember && secretaryMemberId === member!.id,
    };
  }

  /** The branch a member belongs to: their own organisation, or the branch above their group. */
  private async branchOf(orgId: number): Promise<number | null> {
    const org = await this.scope.findOrg(orgId);
    if (!org) return null;
    return org.type === 'group' ? org.parentId : org.id;
  }

  requireMember(ctx: BranchContext): Member {
    if (!ctx.member) throw new AppError(BranchError.NotMember);
    return ctx.member;
  }

  /** Whether the caller reads every post of this kind in the branch, not only their own. */
  readsAll(ctx: BranchContext, kind: BranchKind): boolean {
    const rule = BRANCH_SPACES[kind];
    const admin = rule.upperAdminsRead ? ctx.isAdmin : ctx.isBranchAdmin;
    switch (rule.audience) {
      case 'branch':
        return true;
      case 'scope':
      case 'admins':
        return admin;
      case 'secretary':
        return ctx.isSecretary;
    }
  }

  /**
   * WHERE fragment over `branch_post p`: the posts of the branch the caller may see, of one kind or
   * of all. Publicity (BR-3) shows to members within its scope once its period has started.
   */
  visible(ctx: BranchContext, kind?: BranchKind, now = new Date()): SqlFragment {
    const params: Record<string, unknown> = { vBranch: ctx.branch.id, vMe: ctx.user.userId, vNow: now, vChain: ctx.member ? [...new Set([ctx.member.orgId, ctx.branch.id])] : [-1] };
    const cond = (k: BranchKind): string => {
      if (this.readsAll(ctx, k)) return '1=1';
      const own = 'p.authorUserId = :vMe';
      return BRANCH_SPACES[k].audience === 'scope' ? `(${own} OR (p.startsAt <= :vNow AND p.scopeOrgId IN (:...vChain)))` : own;
    };
    if (kind) return { sql: `p.orgId = :vBranch AND p.kind = '${kind}' AND ${cond(kind)}`, params };
    const perKind = BRANCH_KINDS.map((k) => `(p.kind = '${k}' AND ${cond(k)})`).join(' OR ');
    return { sql: `p.orgId = :vBranch AND (${perKind})`, params };
  }
}
