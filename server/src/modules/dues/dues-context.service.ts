import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { duesMonth, inPaymentWindow, type DuesAccountTarget, type DuesSettings } from '@dangjian/shared';
import { In, type DataSource, type Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AppError } from '../../common/errors/app-error.js';
import { DuesError } from '../../common/errors/error-codes.js';
import { Clock } from '../../common/time/clock.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersService } from '../members/members.service.js';
import { OrgScope } from '../organizations/org-scope.service.js';
import { DuesAccount } from './entities/dues-account.entity.js';
import { DuesSetting } from './entities/dues-setting.entity.js';

export const DEFAULT_DUES_SETTINGS: DuesSettings = { windowFirstDay: 1, windowLastDay: 20, transferFromDay: 22 };

/**
 * What every dues service asks: the tenant's calendar (DUES-7), the caller as a member, an admin's
 * reach over members and organisations, and which dues account a member's money goes to (DUES-8).
 */
@Injectable()
export class DuesContext {
  constructor(
    @InjectRepository(DuesSetting) private readonly settingsRepo: Repository<DuesSetting>,
    @InjectRepository(DuesAccount) private readonly accounts: Repository<DuesAccount>,
    @InjectDataSource() readonly ds: DataSource,
    readonly scope: OrgScope,
    readonly members: MembersService,
    readonly clock: Clock,
  ) {}

  async settings(tenantId: number): Promise<DuesSettings> {
    const row = await this.settingsRepo.findOne({ where: { tenantId } });
    return row ? { windowFirstDay: row.windowFirstDay, windowLastDay: row.windowLastDay, transferFromDay: row.transferFromDay } : { ...DEFAULT_DUES_SETTINGS };
  }

  async saveSettings(tenantId: number, s: DuesSettings): Promise<DuesSettings> {
    if (s.windowFirstDay > s.windowLastDay) throw new AppError(DuesError.SettingsInvalid);
    await this.settingsRepo.save({ tenantId, ...s });
    return this.settings(tenantId);
  }

  now(): Date {
    return this.clock.now();
  }

  currentMonth(): string {
    return duesMonth(this.clock.now());
  }

  async windowOpen(tenantId: number): Promise<{ firstDay: number; lastDay: number; open: boolean }> {
    const s = await this.settings(tenantId);
    return { firstDay: s.windowFirstDay, lastDay: s.windowLastDay, open: inPaymentWindow(this.clock.now(), s.windowFirstDay, s.windowLastDay) };
  }

  /** The caller as an active party member (404 for accounts without one). */
  async self(user: AuthUser): Promise<Member> {
    const m = user.tenantId && user.memberId ? await this.members.findActive(user.tenantId, user.memberId) : null;
    if (!m) throw new AppError(DuesError.NotFound, '您的账号没有关联党员信息');
    return m;
  }

  /** An active member within the admin's scope, else 404. */
  async memberInScope(user: AuthUser, memberId: number): Promise<Member> {
    const reach = await this.members.inScope(user, [memberId]);
    const m = reach.has(memberId) && user.tenantId ? await this.members.findActive(user.tenantId, memberId) : null;
    if (!m) throw new AppError(DuesError.NotFound, '党员不存在');
    return m;
  }

  /** The organisation to report on: the one asked for (within scope) or the admin's top one. */
  async orgOrTop(user: AuthUser, orgId?: number): Promise<number> {
    if (orgId) return (await this.scope.assertOrg(user, orgId)).id;
    const roots = this.scope.adminRoots(user);
    if (roots === null) {
      const top = (await this.scope.orgsInScope(user))[0];
      if (!top) throw new AppError(DuesError.NotFound, '组织不存在');
      return top.id;
    }
    if (!roots.length) throw new AppError(DuesError.NotAllowed);
    return roots[0];
  }

  async orgName(orgId: number): Promise<string> {
    return (await this.scope.orgNames([orgId])).get(orgId) ?? '';
  }

  /**
   * DUES-8: a member's money goes to the nearest organisation above (or the member's own) with an
   * approved dues account.
   */
  async accountFor(orgId: number): Promise<DuesAccountTarget | null> {
    const chain = [orgId, ...(await this.scope.ancestorIds(orgId))];
    const approved = await this.accounts.find({ where: { orgId: In(chain), status: 'approved' } });
    if (!approved.length) return null;
    // Deepest first: the one with the most ancestors.
    let best = approved[0];
    let bestDepth = -1;
    for (const a of approved) {
      const depth = (await this.scope.ancestorIds(a.orgId)).length;
      if (depth > bestDepth) [best, bestDepth] = [a, depth];
    }
    return { accountId: best.id, orgId: best.orgId, orgName: await this.orgName(best.orgId), channel: best.channel };
  }

  async account(id: number): Promise<DuesAccount | null> {
    return this.accounts.findOne({ where: { id } });
  }
}
