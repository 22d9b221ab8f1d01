import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Listen } from '../../common/events/listener.js';
import { InjectRepository } from '@nestjs/typeorm';
import { canHoldChild, type OrgNode } from '@dangjian/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { OrgError } from '../../common/errors/error-codes.js';
import { Transactions } from '../../database/write-gate.js';
import { MEMBER_EVENTS, MembersService } from '../members/members.service.js';
import type { OrgCreateDto, OrgUpdateDto } from './dto/org.dto.js';
import { Organization, orgClosure } from './entities/organization.entity.js';
import { OrgPost } from './entities/org-post.entity.js';
import { OrgScope } from './org-scope.service.js';

export const ORG_EVENTS = { merged: 'org.merged', deleted: 'org.deleted', postAssigned: 'org.post.assigned', postEnded: 'org.post.ended' } as const;

/** ORG-4: the organisation tree — create child, edit, move, merge, delete when empty. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly repo: Repository<Organization>,
    private readonly scope: OrgScope,
    private readonly members: MembersService,
    private readonly tx: Transactions,
    private readonly events: EventEmitter2,
  ) {}

  static toNode(o: Organization, memberCount?: number): OrgNode {
    return { id: o.id, parentId: o.parentId, name: o.name, type: o.type, sortOrder: o.sortOrder, ...(memberCount !== undefined ? { memberCount } : {}) };
  }

  /** The caller's part of the tree, nested; memberCount counts the whole subtree. */
  async tree(user: AuthUser): Promise<OrgNode[]> {
    const f = this.scope.orgFilter('o.id', user);
    const orgs = await this.repo.createQueryBuilder('o').where('o.tenantId = :t', { t: user.tenantId }).andWhere(f.sql, f.params).orderBy('o.sortOrder').addOrderBy('o.id').getMany();
    const counts = await this.members.countByOrg(user.tenantId!);
    const nodes = new Map(orgs.map((o) => [o.id, { ...OrganizationsService.toNode(o, counts.get(o.id) ?? 0), children: [] as OrgNode[] }]));
    const roots: OrgNode[] = [];
    for (const o of orgs) {
      const parent = o.parentId != null ? nodes.get(o.parentId) : undefined;
      (parent ? parent.children : roots).push(nodes.get(o.id)!);
    }
    const total = (n: OrgNode): number => (n.memberCount = (n.memberCount ?? 0) + (n.children ?? []).reduce((s, c) => s + total(c), 0));
    roots.forEach(total);
    return roots;
  }

  async get(user: AuthUser, id: number): Promise<OrgNode> {
    return OrganizationsService.toNode(await this.scope.assertOrg(user, id));
  }

  /** TEN-1: the root committee of a new tenant. */
  async createRoot(tenantId: number, name: string, em: EntityManager): Promise<Organization> {
    return em.getRepository(Organization).save(em.getRepository(Organization).create({ tenantId, name, type: 'committee', parentId: null, parent: null }));
  }

  async create(user: AuthUser, dto: OrgCreateDto): Promise<OrgNode> {
    const parent = await this.scope.assertOrg(user, dto.parentId);
    if (!canHoldChild(parent.type, dto.type)) throw new AppError(OrgError.ChildTypeNotAllowed);
    const saved = await this.tx.run((em) => this.insertChild(parent, dto, em));
    return OrganizationsService.toNode(saved, 0);
  }

  /** Inserts a child; TypeORM writes its closure rows. Also used by the demo seed. */
  insertChild(parent: Organization, dto: Pick<OrgCreateDto, 'name' | 'type' | 'sortOrder'>, em: EntityManager): Promise<Organization> {
    const repo = em.getRepository(Organization);
    return repo.save(repo.create({ tenantId: parent.tenantId, name: dto.name, type: dto.type, sortOrder: dto.sortOrder ?? 0, parentId: parent.id, parent }));
  }

  async update(user: AuthUser, id: number, dto: OrgUpdateDto): Promise<OrgNode> {
    const org = await this.scope.assertOrg(user, id);
    await this.repo.update({ id }, { ...(dto.name !== undefined ? { name: dto.name } : {}), ...(dto.sortOrder !== undefined ? { sortOrder: dto.sortOrder } : {}) });
    return OrganizationsService.toNode({ ...org, ...dto } as Organization);
  }

  /** Org to move/merge/delete: in scope and not the tenant's root. */
  private async movable(user: AuthUser, id: number): Promise<Organization> {
    const org = await this.scope.assertOrg(user, id);
    if (org.parentId == null) throw new AppError(OrgError.RootImmutable);
    return org;
  }

  private async reparent(org: Organization, parent: Organization, em: EntityManager): Promise<void> {
    org.parent = parent;
    org.parentId = parent.id;
    await em.getTreeRepository(Organization).save(org);
  }

  async move(user: AuthUser, id: number, newParentId: number): Promise<OrgNode> {
    const org = await this.movable(user, id);
    const parent = await this.scope.assertOrg(user, newParentId);
    if ((await this.scope.subtreeIds(org.id)).includes(parent.id)) throw new AppError(OrgError.MoveIntoOwnSubtree);
    if (!canHoldChild(parent.type, org.type)) throw new AppError(OrgError.ChildTypeNotAllowed);
    await this.tx.run((em) => this.reparent(org, parent, em));
    return OrganizationsService.toNode(org);
  }

  /** Merges `id` into `targetId`: children and members move to the target, current posts end, `id` goes. */
  async merge(user: AuthUser, id: number, targetId: number): Promise<OrgNode> {
    const source = await this.movable(user, id);
    const target = await this.scope.assertOrg(user, targetId);
    if (source.type !== target.type) throw new AppError(OrgError.MergeTypeMismatch);
    if ((await this.scope.subtreeIds(source.id)).includes(target.id)) throw new AppError(OrgError.MoveIntoOwnSubtree);
    await this.tx.run(async (em) => {
      const children = await em.getRepository(Organization).find({ where: { parentId: source.id } });
      for (const child of children) await this.reparent(child, target, em);
      await this.members.moveAll(source.id, target.id, em);
      await this.deleteOrg(source, em);
      await this.events.emitAsync(ORG_EVENTS.merged, { tenantId: source.tenantId, fromOrgId: source.id, toOrgId: target.id, em });
    });
    return OrganizationsService.toNode(target);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const org = await this.movable(user, id);
    const hasChildren = (await this.repo.count({ where: { parentId: org.id } })) > 0;
    if (hasChildren || (await this.members.anyInOrgs([org.id]))) throw new AppError(OrgError.NotEmpty);
    await this.tx.run((em) => this.deleteOrg(org, em));
  }

  /** Removes an organisation (after its members and children are gone); roles bound to it go too. */
  private async deleteOrg(org: Organization, em: EntityManager): Promise<void> {
    await em.getRepository(OrgPost).delete({ orgId: org.id });
    await this.events.emitAsync(ORG_EVENTS.deleted, { tenantId: org.tenantId, orgId: org.id, em });
    const { table, ancestor, descendant } = orgClosure(em.connection);
    await em.query(`DELETE FROM ${table} WHERE ${ancestor} = ? OR ${descendant} = ?`, [org.id, org.id]);
    await em.getRepository(Organization).delete({ id: org.id });
  }

  /** MEM-2 purge: a purged member's posts go with it. */
  @Listen(MEMBER_EVENTS.purged)
  async onMemberPurged(e: { memberId: number; em: EntityManager }): Promise<void> {
    await e.em.getRepository(OrgPost).delete({ memberId: e.memberId });
  }
}
