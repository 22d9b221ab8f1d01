import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { MembersModule } from '../members/members.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { BranchAccess } from './branch-access.service.js';
import { BranchController } from './branch.controller.js';
import { BranchHomeService } from './branch-home.service.js';
import { BranchInteractionsService } from './branch-interactions.service.js';
import { BranchPostsService } from './branch-posts.service.js';
import { BranchComment, BranchLike, BranchRead } from './entities/branch-interaction.entity.js';
import { BranchPost } from './entities/branch-post.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([BranchPost, BranchComment, BranchLike, BranchRead]), FilesModule, IdentityModule, MembersModule, NotificationsModule, OrganizationsModule],
  controllers: [BranchController],
  providers: [BranchAccess, BranchHomeService, BranchPostsService, BranchInteractionsService],
  exports: [BranchPostsService],
})
export class BranchModule {}
