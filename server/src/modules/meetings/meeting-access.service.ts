import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeetingActor } from '@dangjian/shared';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MeetingError } from '../../common/errors/error-codes.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { Meeting } from './entities/meeting.entity.js';

/** Who the caller is for one meeting. */
export interface MeetingContext {
  user: AuthUser;
  meeting: Meeting;
  /** Holds branch_admin for the meeting's branch: runs it. */
  isBranchAdmin: boolean;
  /** Admin of an organisation above the branch (or the tenant): reviews it (MEET-7). */
  isParentAdmin: boolean;
  /** The caller's invitation, when invited. */
  invitee: MeetingInvitee | null;
}

/**
 * Scope of meetings: the branch's admins run them, admins above review them, invited members take
 * part, other members of the branch read them. Everyone else — another branch, a sibling branch's
 * admin, another tenant — gets 404.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingInvitee) private readonly invitees: Repository<MeetingInvitee>,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
  ) {}

  async resolve(user: AuthUser, id: number): Promise<MeetingContext> {
    const meeting = await this.meetings.findOne({ where: { id, tenantId: user.tenantId ?? -1 } });
    if (!meeting) throw new AppError(MeetingError.NotFound);
    const isBranchAdmin = this.isBranchAdmin(user, meeting.orgId);
    const isParentAdmin = await this.isParentAdmin(user, meeting.orgId);
    const invitee = user.memberId ? await this.invitees.findOne({ where: { meetingId: id, memberId: user.memberId } }) : null;
    const ctx = { user, meeting, isBranchAdmin, isParentAdmin, invitee };
    if (!isBranchAdmin && !isParentAdmin && !invitee && !(await this.inBranch(user, meeting.orgId))) throw new AppError(MeetingError.NotFound);
    return ctx;
  }

  isBranchAdmin(user: AuthUser, branchId: number): boolean {
    return user.roles.some((r) => r.role === 'branch_admin' && r.orgId === branchId);
  }

  /** A tenant admin, or an org/branch admin bound to an ancestor of the branch. */
  async isParentAdmin(user: AuthUser, branchId: number): Promise<boolean> {
    const roots = this.scope.adminRoots(user);
    if (roots === null) return user.roles.some((r) => r.role === 'tenant_admin');
    if (!roots.length) return false;
    const ancestors = await this.scope.ancestorIds(branchId);
    return roots.some((r) => ancestors.includes(r));
  }

  /** The caller is a member registered in the branch or one of its groups. */
  async inBranch(user: AuthUser, branchId: number): Promise<boolean> {
    if (!user.memberId || !user.tenantId) return false;
    const member = await this.members.findActive(user.tenantId, user.memberId);
    return member != null && (await this.scope.subtreeIds(branchId)).includes(member.orgId);
  }

  /** The role the caller acts in for a transition that allows `allowed`. */
  actor(ctx: MeetingContext, allowed: readonly MeetingActor[]): MeetingActor | null {
    const mine: MeetingActor[] = [...(ctx.isBranchAdmin ? (['branch_admin'] as const) : []), ...(ctx.isParentAdmin ? (['parent_admin'] as const) : [])];
    return mine.find((a) => allowed.includes(a)) ?? mine[0] ?? null;
  }

  requireBranchAdmin(ctx: MeetingContext): void {
    if (!ctx.isBranchAdmin) throw new AppError(MeetingError.NotAllowed);
  }

  requireInvitee(ctx: MeetingContext): MeetingInvitee {
    if (!ctx.invitee) throw new AppError(MeetingError.NotInvited);
    return ctx.invitee;
  }
}
