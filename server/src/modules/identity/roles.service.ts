import { Injectable } from '@nestjs/common';
import { Listen } from '../../common/events/listener.js';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role, RoleGrant } from '@dangjian/shared';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { MemberError, OrgError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { MembersService } from '../members/members.service.js';
import { OrgPostsService, type PostEvent } from '../organizations/org-posts.service.js';
import { ORG_EVENTS } from '../organizations/organizations.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { UserAccount } from './entities/user.entity.js';
import { UserRole } from './entities/user-role.entity.js';

export interface BranchAdminView {
  userId: number;
  memberId: number | null;
  name: string;
  source: UserRole['source'];
}

/**
 * Roles of accounts, and the branch-admin rule BR-9: the branch secretary is admin by default and may
 * grant admin to one more member; with the secretary post vacant, the first member to enter the
 * online branch becomes admin.
 */
@Injectable()
export class RolesService {
  constructor(
    @InjectRepository(UserRole) private readonly roles: Repository<UserRole>,
    @InjectRepository(UserAccount) private readonly users: Repository<UserAccount>,
    private readonly scope: OrgScope,
    private readonly posts: OrgPostsService,
    private readonly members: MembersService,
    private readonly tx: Transactions,
  ) {}

  /** Pass the EntityManager when called inside a transaction that may have just added roles. */
  async grantsOf(userId: number, em?: EntityManager): Promise<RoleGrant[]> {
    const rows = await (em?.getRepository(UserRole) ?? this.roles).find({ where: { userId }, order: { id: 'ASC' } });
    const names = await this.scope.orgNames(rows.map((r) => r.orgId).filter((x): x is number => x != null));
    return rows.map((r) => ({ role: r.role, orgId: r.orgId, orgName: r.orgId != null ? names.get(r.orgId) ?? null : null }));
  }

  async add(em: EntityManager, userId: number, tenantId: number | null, role: Role, orgId: number | null, source: UserRole['source'] = 'assigned'): Promise<void> {
    const repo = em.getRepository(UserRole);
    if (await repo.findOne({ where: { userId, role, orgId: orgId ?? IsNull() } })) return;
    await repo.insert({ userId, tenantId, role, orgId, source });
  }

  /** On activation: the member role, plus branch admin where the member is secretary. */
  async onActivated(em: EntityManager, account: UserAccount): Promise<void> {
    await this.add(em, account.id, account.tenantId, 'member', null);
    for (const orgId of await this.posts.secretaryOf(account.memberId!)) await this.add(em, account.id, account.tenantId, 'branch_admin', orgId, 'secretary');
  }

  @Listen(ORG_EVENTS.postAssigned)
  async onPostAssigned(e: PostEvent): Promise<void> {
    if (e.post !== 'secretary' || !e.em) return;
    const org = await this.scope.findOrg(e.orgId, e.em);
    const account = await e.em.getRepository(UserAccount).findOne({ where: { memberId: e.memberId } });
    if (org?.type === 'branch' && account) await this.add(e.em, account.id, account.tenantId, 'branch_admin', e.orgId, 'secretary');
  }

  @Listen(ORG_EVENTS.postEnded)
  async onPostEnded(e: PostEvent): Promise<void> {
    if (e.post !== 'secretary' || !e.em) return;
    const account = await e.em.getRepository(UserAccount).findOne({ where: { memberId: e.memberId } });
    if (account) await e.em.getRepository(UserRole).delete({ userId: account.id, orgId: e.orgId, source: 'secretary' });
  }

  /** An organisation that is deleted or merged away takes the admin roles bound to it along. */
  @Listen(ORG_EVENTS.deleted)
  async onOrgDeleted(e: { orgId: number; em: EntityManager }): Promise<void> {
    await e.em.getRepository(UserRole).delete({ orgId: e.orgId });
  }

  private async branch(user: AuthUser, orgId: number) {
    const org = await this.scope.findOrg(orgId);
    const ok = org && org.tenantId === user.tenantId && (this.scope.adminRoots(user) === null || (await this.isSecretary(user, orgId)) || (await this.inAdminScope(user, orgId)));
    if (!ok || !org) throw new AppError(OrgError.NotFound);
    if (org.type !== 'branch') throw new AppError(OrgError.NotABranch);
    return org;
  }

  private async inAdminScope(user: AuthUser, orgId: number): Promise<boolean> {
    return this.scope.assertOrg(user, orgId).then(
      () => true,
      () => false,
    );
  }

  private async isSecretary(user: AuthUser, orgId: number): Promise<boolean> {
    return user.memberId != null && (await this.posts.currentSecretary(orgId)) === user.memberId;
  }

  async listBranchAdmins(user: AuthUser, orgId: number): Promise<BranchAdminView[]> {
    await this.branch(user, orgId);
    const rows = await this.roles.find({ where: { orgId, role: 'branch_admin' }, order: { id: 'ASC' } });
    const accounts = rows.length ? await this.users.find({ where: { id: In(rows.map((r) => r.userId)) } }) : [];
    const byId = new Map(accounts.map((a) => [a.id, a]));
    return rows.map((r) => ({ userId: r.userId, memberId: byId.get(r.userId)?.memberId ?? null, name: byId.get(r.userId)?.displayName ?? '', source: r.source }));
  }

  /** Member ids of the branch's admins (BR-9), for showing them in the branch's member list. */
  async branchAdminMemberIds(orgId: number): Promise<Set<number>> {
    const rows = await this.roles.find({ where: { orgId, role: 'branch_admin' } });
    const accounts = rows.length ? await this.users.find({ select: { id: true, memberId: true }, where: { id: In(rows.map((r) => r.userId)) } }) : [];
    return new Set(accounts.map((a) => a.memberId).filter((m): m is number => m != null));
  }

  /** BR-9: the secretary (or an admin above) grants branch admin to one more member of the branch. */
  async grantBranchAdmin(user: AuthUser, orgId: number, memberId: number): Promise<BranchAdminView[]> {
    const org = await this.branch(user, orgId);
    const member = await this.members.findActive(org.tenantId, memberId);
    if (!member || !(await this.scope.subtreeIds(orgId)).includes(member.orgId)) throw new AppError(MemberError.NotFound);
    const account = await this.users.findOne({ where: { memberId } });
    if (!account) throw new AppError(MemberError.NoAccount);
    await this.tx.run(async (em) => {
      await this.scope.lockOrg(orgId, em);
      const admins = await em.getRepository(UserRole).find({ where: { orgId, role: 'branch_admin' } });
      if (admins.some((a) => a.userId === account.id)) throw new AppError(OrgError.AlreadyBranchAdmin);
      if (admins.some((a) => a.source === 'granted' || a.source === 'first_entry')) throw new AppError(OrgError.BranchAdminLimit);
      await this.add(em, account.id, account.tenantId, 'branch_admin', orgId, 'granted');
    });
    return this.listBranchAdmins(user, orgId);
  }

  async revokeBranchAdmin(user: AuthUser, orgId: number, userId: number): Promise<void> {
    await this.branch(user, orgId);
    const res = await this.roles.delete({ orgId, userId, role: 'branch_admin', source: In(['granted', 'first_entry']) });
    if (!res.affected) throw new AppError(OrgError.BranchAdminNotRevocable);
  }

  /** BR-9: a member enters the online branch; with no secretary and no admin, they become its admin. */
  async enterBranch(user: AuthUser): Promise<{ branchId: number; isAdmin: boolean }> {
    const member = user.memberId ? await this.members.findActive(user.tenantId!, user.memberId) : null;
    if (!member) throw new AppError(MemberError.NotFound);
    const own = await this.scope.findOrg(member.orgId);
    const branchId = own?.type === 'group' && own.parentId ? own.parentId : member.orgId;
    return this.tx.run(async (em) => {
      await this.scope.lockOrg(branchId, em);
      const admins = await em.getRepository(UserRole).find({ where: { orgId: branchId, role: 'branch_admin' } });
      if (admins.some((a) => a.userId === user.userId)) return { branchId, isAdmin: true };
      if (admins.length === 0 && (await this.posts.currentSecretary(branchId)) === null) {
        await this.add(em, user.userId, user.tenantId, 'branch_admin', branchId, 'first_entry');
        return { branchId, isAdmin: true };
      }
      return { branchId, isAdmin: false };
    });
  }
}
