import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { duesMonth, idNumberCheckChar, shiftMonth, usccCheckChar, type DuesAccountForm, type DuesCategory } from '@dangjian/shared';
import { IsNull, type DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { DuesAccountsService } from '../modules/dues/dues-accounts.service.js';
import { DuesBillsService } from '../modules/dues/dues-bills.service.js';
import { DuesContext } from '../modules/dues/dues-context.service.js';
import { DuesPaymentsService } from '../modules/dues/dues-payments.service.js';
import { DuesStandardsService } from '../modules/dues/dues-standards.service.js';
import { Member } from '../modules/members/entities/member.entity.js';
import { Organization } from '../modules/organizations/entities/organization.entity.js';

const LEGAL_PERSON_ID = `43010419750512009${idNumberCheckChar('43010419750512009')}`;

/** The merchant form of a demo dues account (AI党建云 §4.2.1); tests apply with it too. */
export const DEMO_ACCOUNT_FORM: Omit<DuesAccountForm, 'orgId' | 'channel' | 'legalPersonIdNumber'> = {
  merchantType: 'institution',
  mcc: '8398',
  licenseType: 'institution_certificate',
  licenseNo: `12430100MB1234567${usccCheckChar('12430100MB1234567')}`,
  legalPersonName: '张建国',
  contactName: '李明',
  contactPhone: '13912345678',
  contactType: 'agent',
  region: { province: '湖南省', city: '长沙市', district: '岳麓区' },
  address: '湘江新区管委会大楼3楼',
  servicePhone: '0731-88888888',
  bankName: '中国工商银行长沙岳麓支行',
  bankShortName: '工商银行',
  bankAccountName: '湘江新区机关党委',
  bankAccountNo: '6222020200012345678',
  bankRegion: { province: '湖南省', city: '长沙市' },
};

/** Standards the demo members get, in turn: a spread over the brackets and categories (DUES-1). */
const DEMO_STANDARDS: Array<{ category: DuesCategory; incomeFen?: number }> = [
  { category: 'employed', incomeFen: 458_050 },
  { category: 'employed', incomeFen: 680_000 },
  { category: 'employed', incomeFen: 320_000 },
  { category: 'retired', incomeFen: 420_000 },
  { category: 'employed', incomeFen: 1_200_000 },
  { category: 'student' },
];

/**
 * The demo tenant's dues (issue 6): the 党委's WeChat dues account approved by the platform,
 * every member's standard for this year, the last four months' bills, cash for the oldest month
 * for half of them — and this month open, so a newcomer can pay it in the H5 mini-program against
 * the local payment simulator. The demo window is the whole month (real tenants: 1st–20th).
 */
@Injectable()
export class DemoDuesSeeder {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ctx: DuesContext,
    private readonly accounts: DuesAccountsService,
    private readonly standards: DuesStandardsService,
    private readonly bills: DuesBillsService,
    private readonly payments: DuesPaymentsService,
    private readonly clock: Clock,
  ) {}

  async seed(tenantId: number, admin: { userId: number; name: string }, platform: { userId: number }): Promise<void> {
    const asAdmin: AuthUser = { userId: admin.userId, sessionId: 0, tenantId, memberId: null, displayName: admin.name, roles: [{ role: 'tenant_admin', orgId: null }], ip: null };
    const asPlatform: AuthUser = { userId: platform.userId, sessionId: 0, tenantId: null, memberId: null, displayName: '平台管理员', roles: [{ role: 'platform_admin', orgId: null }], ip: null };
    await this.ctx.saveSettings(tenantId, { windowFirstDay: 1, windowLastDay: 31, transferFromDay: 1 });

    const root = await this.ds.getRepository(Organization).findOneOrFail({ where: { tenantId, parentId: IsNull() }, order: { id: 'ASC' } });
    const applied = await this.accounts.apply(asAdmin, { ...DEMO_ACCOUNT_FORM, orgId: root.id, channel: 'wechat', legalPersonIdNumber: LEGAL_PERSON_ID, bankAccountName: root.name });
    await this.accounts.approve(asPlatform, applied.id, '1900000109');

    const year = Number(duesMonth(this.clock.now()).slice(0, 4));
    const members = await this.ds.getRepository(Member).find({ where: { tenantId, status: 'active' }, order: { id: 'ASC' } });
    for (const [i, m] of members.entries()) await this.standards.set(asAdmin, { memberId: m.id, year, ...DEMO_STANDARDS[i % DEMO_STANDARDS.length] });

    const current = duesMonth(this.clock.now());
    const months = [3, 2, 1, 0].map((n) => shiftMonth(current, -n)).filter((m) => m.startsWith(`${year}-`));
    for (const month of months) await this.bills.generate(tenantId, month);
    if (months.length > 1) {
      for (const [i, m] of members.entries()) {
        if (i % 2) continue;
        await this.payments.cash(asAdmin, { memberId: m.id, months: [months[0]], receiverName: '王会计', receiptNo: `DEMO-${months[0]}-${String(i + 1).padStart(3, '0')}`, paidAt: `${months[0]}-05T02:00:00.000Z` });
      }
    }
  }
}
