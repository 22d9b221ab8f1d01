import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AidActor, AidState } from '@dangjian/shared';
import type { Repository } from 'typeorm';
import { hasRole, type AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { AidError } from '../../common/errors/error-codes.js';
import type { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { AidItem } from './entities/aid-item.entity.js';

/** States only the publisher and the admins see: not yet reviewed, rejected, withdrawn. */
export const AID_UNLISTED: AidState[] = ['submitted', 'rejected', 'withdrawn'];

/** Who the caller is for one aid item. */
export interface AidContext {
  user: AuthUser;
  item: AidItem;
  /** The caller's active member record, and the branch it belongs to (a group's branch for group members). */
  member: Member | null;
  memberBranchId: number | null;
  /** Holds branch_admin for the item's branch: reviews and completes. */
  isBranchAdmin: boolean;
  /** Administers the branch: its admin or an admin above (or the tenant admin); sees everything of it. */
  isAdmin: boolean;
  /** The tenant's admin: reviews micro-wishes (AID-5). */
  isTenantAdmin: boolean;
}

/**
 * Scope of mutual aid (000 §4): members see their branch's listed items and their own; admins of the
 * branch or above see all of it. Another branch, another tenant: 404. Micro-wishes (AID-5) once
 * listed are seen and claimed by every member of the tenant, whatever the branch.
 */
@Injectable()
export class AidAccess {
  constructor(
    @InjectRepository(AidItem) private readonly items: Repository<AidItem>,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
  ) {}

  /** The caller's member record and branch (null when the account has no active member). */
  async me(user: AuthUser): Promise<{ member: Member | null; branchId: number | null }> {
    const member = user.memberId && user.tenantId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    if (!member) return { member: null, branchId: null };
    const org = await this.scope.findOrg(member.orgId);
    return { member, branchId: org ? (org.type === 'group' ? org.parentId : org.id) : null };
  }

  async resolve(user: AuthUser, id: number): Promise<AidContext> {
    const item = await this.items.findOne({ where: { id, tenantId: user.tenantId ?? -1 } });
    if (!item) throw new AppError(AidError.NotFound);
    const { member, branchId } = await this.me(user);
    const ctx: AidContext = {
      user,
      item,
      member,
      memberBranchId: branchId,
      isBranchAdmin: this.isBranchAdmin(user, item.orgId),
      isAdmin: await this.isAdmin(user, item.orgId),
      isTenantAdmin: hasRole(user, 'tenant_admin'),
    };
    if (!this.visible(ctx, item)) throw new AppError(AidError.NotFound);
    return ctx;
  }

  visible(ctx: AidContext, item: AidItem): boolean {
    const me = ctx.member?.id;
    const listed = !AID_UNLISTED.includes(item.state);
    return ctx.isAdmin || (me != null && (item.publisherMemberId === me || item.claimerMemberId === me)) || (listed && (item.kind === 'micro_wish' || ctx.memberBranchId === item.orgId));
  }

  isBranchAdmin(user: AuthUser, branchId: number): boolean {
    return user.roles.some((r) => r.role === 'branch_admin' && r.orgId === branchId);
  }

  /** A tenant admin, or an org/branch admin bound to the branch or an organisation above it. */
  async isAdmin(user: AuthUser, orgId: number): Promise<boolean> {
    const roots = this.scope.adminRoots(user);
    if (roots === null) return true;
    if (!roots.length) return false;
    if (roots.includes(orgId)) return true;
    const ancestors = await this.scope.ancestorIds(orgId);
    return roots.some((r) => ancestors.includes(r));
  }

  /** The caller's roles on the item (as it stands now, e.g. on the locked row). */
  actors(ctx: AidContext, item: AidItem): AidActor[] {
    const me = ctx.member?.id;
    const out: AidActor[] = [];
    if (me != null && item.publisherMemberId === me) out.push('publisher');
    if (me != null && item.claimerMemberId === me) out.push('claimer');
    if (ctx.isBranchAdmin) out.push('branch_admin');
    if (ctx.isTenantAdmin) out.push('tenant_admin');
    // A micro-wish is for every member of the tenant; the other kinds for the branch's members.
    const mine = item.kind === 'micro_wish' || ctx.memberBranchId === item.orgId;
    if (me != null && mine && !out.includes('publisher') && !out.includes('claimer')) out.push('member');
    return out;
  }

  /** AID-5: the wisher's contact is for the claimer, the admin who submitted it and the tenant's admins. */
  seesContact(ctx: AidContext, item: AidItem): boolean {
    const me = ctx.member?.id;
    return ctx.isTenantAdmin || (me != null && (item.publisherMemberId === me || item.claimerMemberId === me));
  }

  /** The publisher or an admin of the branch: approves and removes comments. */
  moderates(ctx: AidContext): boolean {
    return ctx.isAdmin || (ctx.member != null && ctx.member.id === ctx.item.publisherMemberId);
  }
}
