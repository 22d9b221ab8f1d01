import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module.js';
import { Organization } from './entities/organization.entity.js';
import { OrgPost } from './entities/org-post.entity.js';
import { OrgTerm } from './entities/org-term.entity.js';
import { OrgExcelService } from './org-excel.service.js';
import { OrgPostsService } from './org-posts.service.js';
import { OrgScopeModule } from './org-scope.module.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrgPost, OrgTerm]), OrgScopeModule, MembersModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsService, OrgPostsService, OrgExcelService],
  exports: [OrganizationsService, OrgPostsService, OrgScopeModule],
})
export class OrganizationsModule {}
