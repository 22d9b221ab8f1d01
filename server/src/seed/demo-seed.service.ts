import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { idNumberCheckChar } from '@dangjian/shared';
import type { EntityManager } from 'typeorm';
import { CryptoService } from '../common/crypto/crypto.service.js';
import { AppConfig } from '../config/config.js';
import { fromRoot } from '../config/paths.js';
import { Transactions } from '../database/write-gate.js';
import { BranchPostsService } from '../modules/branch/branch-posts.service.js';
import { FilesService } from '../modules/files/files.service.js';
import { MeetingEvaluationService } from '../modules/meetings/meeting-evaluation.service.js';
import { AccountsService } from '../modules/identity/accounts.service.js';
import { RolesService } from '../modules/identity/roles.service.js';
import type { Member } from '../modules/members/entities/member.entity.js';
import { MembersService } from '../modules/members/members.service.js';
import type { Organization } from '../modules/organizations/entities/organization.entity.js';
import { OrgPostsService } from '../modules/organizations/org-posts.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { TenantsService } from '../modules/tenancy/tenants.service.js';
import { DemoAidSeeder } from './demo-aid.js';
import { DemoDuesSeeder } from './demo-dues.js';
import { DemoMeetingsSeeder } from './demo-meetings.js';
import { DEMO_BRANCH_POSTS, DEMO_BRANCH_WIDE_NOTICE, demoPhoto } from './demo-branch.js';
import { DEMO_DISTRIBUTION, DEMO_EDUCATIONS, DEMO_ETHNICITIES, DEMO_NAMES, DEMO_ORGS, DEMO_POSTS, DEMO_TENANT, demoMemberType } from './demo-data.js';

export interface DemoLogins {
  platformAdmin: { username: string; password: string };
  tenantAdmin: { username: string; password: string };
  branchAdmin: { username: string; password: string; orgName: string };
  inactiveMember: { name: string; idNumber: string; orgName: string };
  tenantActivationCode: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A valid ID number (Changsha area codes) for demo person number `index` (< 100). The index is the
 * serial, so numbers never collide whatever the random birth dates.
 */
export function demoIdNumber(index: number, birth: Date, female: boolean): string {
  const area = ['430102', '430103', '430104', '430105', '430111'][randomInt(5)];
  const seq = pad(index, 2) + String(randomInt(0, 5) * 2 + (female ? 0 : 1));
  const first17 = `${area}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCDate())}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * Seeds the demo tenant once, on an empty database, and writes its logins (random passwords, no
 * shared defaults) to <DATA_DIR>/demo-logins.json, which start-up prints.
 */
@Injectable()
export class DemoSeedService {
  private readonly log = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    private readonly tenants: TenantsService,
    private readonly orgs: OrganizationsService,
    private readonly posts: OrgPostsService,
    private readonly members: MembersService,
    private readonly accounts: AccountsService,
    private readonly roles: RolesService,
    private readonly crypto: CryptoService,
    private readonly branchPosts: BranchPostsService,
    private readonly files: FilesService,
    private readonly demoMeetings: DemoMeetingsSeeder,
    private readonly demoDues: DemoDuesSeeder,
    private readonly demoAid: DemoAidSeeder,
    private readonly supervision: MeetingEvaluationService,
    private readonly tx: Transactions,
  ) {}

  get loginsFile(): string {
    return join(fromRoot(this.config.DATA_DIR), 'demo-logins.json');
  }

  /** Seeds when the database has no tenant yet; returns the logins (from this run or the file). */
  async ensure(): Promise<DemoLogins | null> {
    if ((await this.tenants.count()) === 0) {
      const logins = await this.tx.run((em) => this.seed(em));
      writeFileSync(this.loginsFile, JSON.stringify(logins, null, 2), { mode: 0o600 });
      // The supervision table (MEET-11) is recomputed nightly; the demo shows it from the start.
      await this.supervision.recomputeAll();
      await this.seedDues();
      await this.seedPointsRules();
      this.log.log(`demo tenant seeded; logins in ${this.loginsFile}`);
      return logins;
    }
    return existsSync(this.loginsFile) ? (JSON.parse(readFileSync(this.loginsFile, 'utf8')) as DemoLogins) : null;
  }

  /** Dues go through their services (each in its own transaction), after the people exist. */
  private async seedDues(): Promise<void> {
    const [admin] = await this.accounts.findByAccount('admin');
    const [platform] = await this.accounts.findByAccount('platform');
    if (admin?.tenantId && platform) await this.demoDues.seed(admin.tenantId, { userId: admin.id, name: admin.displayName }, { userId: platform.id });
  }

  /** The points rules go through their service (its own transactions), after the tenant exists. */
  private async seedPointsRules(): Promise<void> {
    const [admin] = await this.accounts.findByAccount('admin');
    if (admin?.tenantId) await this.demoAid.seedRules(admin.tenantId);
  }

  async seed(em: EntityManager): Promise<DemoLogins> {
    const tenant = await this.tenants.createDirect(DEMO_TENANT, em);
    const orgs = new Map<string, Organization>([['root', await this.orgs.createRoot(tenant.id, DEMO_TENANT, em)]]);
    for (const o of DEMO_ORGS) orgs.set(o.key, await this.orgs.insertChild(orgs.get(o.parent ?? 'root')!, { name: o.name, type: o.type }, em));

    const people: Array<{ member: Member; idNumber: string }> = [];
    let i = 0;
    for (const [key, count] of DEMO_DISTRIBUTION) {
      for (let k = 0; k < count && i < DEMO_NAMES.length; k++, i++) {
        const female = i % 3 === 1;
        const birth = new Date(Date.UTC(1965 + randomInt(0, 36), randomInt(0, 12), randomInt(1, 29)));
        const idNumber = demoIdNumber(i, birth, female);
        const joinYear = Math.min(birth.getUTCFullYear() + 20 + randomInt(0, 15), 2025);
        const type = demoMemberType(i);
        const member = this.members.build(tenant.id, {
          orgId: orgs.get(key)!.id,
          name: DEMO_NAMES[i],
          idNumber,
          phone: `139${pad(tenant.id % 100)}${pad(i, 6)}`,
          ethnicity: DEMO_ETHNICITIES[i % DEMO_ETHNICITIES.length],
          education: DEMO_EDUCATIONS[i % DEMO_EDUCATIONS.length],
          memberType: type,
          joinDate: type === 'probationary' ? '2026-03-01' : `${joinYear}-07-01`,
          regularDate: type === 'probationary' ? undefined : `${joinYear + 1}-07-01`,
        });
        people.push({ member, idNumber });
      }
    }
    await this.members.saveMany(people.map((p) => p.member), em);

    // The first branch's secretary has activated the account: a branch admin by BR-9.
    const secretary = people[0].member;
    const branchAdminPassword = this.crypto.oneTimePassword();
    const secAccount = await this.accounts.create(em, { tenantId: tenant.id, memberId: secretary.id, username: null, phone: secretary.phone, displayName: secretary.name, password: branchAdminPassword });
    await this.members.markActivated(secretary.id, secretary.phone!, em);
    await this.roles.onActivated(em, secAccount);

    for (const [key, index, post] of DEMO_POSTS) {
      await this.posts.seedPost(em, { tenantId: tenant.id, orgId: orgs.get(key)!.id, memberId: people[index].member.id, post, termStart: '2024-06-01' });
    }

    await this.seedBranch(em, orgs.get('b1')!, { userId: secAccount.id, memberId: secretary.id, name: secretary.name });
    const b1 = orgs.get('b1')!;
    const b1People = people.map((p) => p.member).filter((m) => m.orgId === b1.id || orgs.get('p1')!.id === m.orgId || orgs.get('p2')!.id === m.orgId);
    const b1Committee = DEMO_POSTS.filter(([key]) => key === 'b1').map(([, index]) => people[index].member.id);
    await this.demoMeetings.seed(em, b1, orgs.get('p1')!, b1People, b1Committee, secretary, secAccount.id);
    // Points for the branch's members (after the meetings they attended), 党员e家 and the mall.
    await this.demoAid.seed(em, { tenantId: tenant.id, branch: b1, people: b1People, secretaryUserId: secAccount.id });

    const adminPassword = this.crypto.oneTimePassword();
    const admin = await this.accounts.create(em, { tenantId: tenant.id, memberId: null, username: 'admin', phone: '13800000000', displayName: '单位管理员', password: adminPassword });
    await this.roles.add(em, admin.id, tenant.id, 'tenant_admin', orgs.get('root')!.id);
    // The 党委 sends every branch the same notice, so each online branch opens with something in it.
    for (const o of DEMO_ORGS.filter((x) => x.type === 'branch' && x.key !== 'b1')) {
      await this.branchPosts.seed(em, { tenantId: tenant.id, orgId: orgs.get(o.key)!.id, kind: 'notice', authorUserId: admin.id, authorName: DEMO_TENANT, ...DEMO_BRANCH_WIDE_NOTICE });
    }

    const platformPassword = this.crypto.oneTimePassword();
    const platform = await this.accounts.create(em, { tenantId: null, memberId: null, username: 'platform', phone: null, displayName: '平台管理员', password: platformPassword });
    await this.roles.add(em, platform.id, null, 'platform_admin', null);

    const inactive = people[1];
    const [code] = await this.tenants.issueCodes(platform.id, 1);
    return {
      platformAdmin: { username: 'platform', password: platformPassword },
      tenantAdmin: { username: 'admin', password: adminPassword },
      branchAdmin: { username: secretary.phone!, password: branchAdminPassword, orgName: orgs.get('b1')!.name },
      inactiveMember: { name: inactive.member.name, idNumber: inactive.idNumber, orgName: [...orgs.values()].find((o) => o.id === inactive.member.orgId)!.name },
      tenantActivationCode: code,
    };
  }

  /** The first branch's online spaces (BR-1…BR-7), written by its secretary over the last two weeks. */
  private async seedBranch(em: EntityManager, branch: Organization, author: { userId: number; memberId: number; name: string }): Promise<void> {
    const day = 86400_000;
    const now = Date.now();
    let photo = 0;
    // Oldest first, so ids follow the time written (lists are newest first by id).
    for (const p of [...DEMO_BRANCH_POSTS].sort((x, y) => y.daysAgo - x.daysAgo)) {
      const images = [];
      for (let k = 0; k < (p.photos ?? 0); k++) {
        const { key, width, height } = await this.files.uploadImage({ userId: author.userId, tenantId: branch.tenantId }, await demoPhoto(photo++));
        images.push({ key, width, height });
      }
      const at = new Date(now - p.daysAgo * day);
      await this.branchPosts.seed(
        em,
        {
          tenantId: branch.tenantId,
          orgId: branch.id,
          kind: p.kind,
          authorUserId: author.userId,
          authorMemberId: author.memberId,
          authorName: author.name,
          title: p.title ?? null,
          content: p.content,
          images,
          createdAt: at,
          heldAt: p.kind === 'org_life' ? at : null,
          startsAt: p.period ? new Date(now + p.period[0] * day) : null,
          endsAt: p.period ? new Date(now + p.period[1] * day) : null,
          scopeOrgId: p.period ? branch.id : null,
          closesAt: p.closesInDays ? new Date(now + p.closesInDays * day) : null,
        },
        p.comments,
      );
    }
  }
}
