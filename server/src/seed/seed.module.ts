import { Module } from '@nestjs/common';
import { DuesModule } from '../modules/dues/dues.module.js';
import { BranchModule } from '../modules/branch/branch.module.js';
import { FilesModule } from '../modules/files/files.module.js';
import { MeetingsModule } from '../modules/meetings/meetings.module.js';
import { IdentityModule } from '../modules/identity/identity.module.js';
import { MembersModule } from '../modules/members/members.module.js';
import { OrganizationsModule } from '../modules/organizations/organizations.module.js';
import { PointsModule } from '../modules/points/points.module.js';
import { TenancyModule } from '../modules/tenancy/tenancy.module.js';
import { DemoAidSeeder } from './demo-aid.js';
import { DemoDuesSeeder } from './demo-dues.js';
import { DemoMeetingsSeeder } from './demo-meetings.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [TenancyModule, OrganizationsModule, MembersModule, IdentityModule, BranchModule, FilesModule, MeetingsModule, DuesModule, PointsModule],
  providers: [DemoSeedService, DemoMeetingsSeeder, DemoDuesSeeder, DemoAidSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
