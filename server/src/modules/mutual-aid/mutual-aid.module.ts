import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { Member } from '../members/entities/member.entity.js';
import { MembersModule } from '../members/members.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PointsModule } from '../points/points.module.js';
import { AidAccess } from './aid-access.service.js';
import { AidBlacklistService, AidSocialService } from './aid-social.service.js';
import { AidItem } from './entities/aid-item.entity.js';
import { AidBlacklist, AidComment, AidLike } from './entities/aid-social.entity.js';
import { MutualAidController } from './mutual-aid.controller.js';
import { MutualAidService } from './mutual-aid.service.js';

/** 党员e家 mutual aid (SPEC §8 AID-1…AID-4). */
@Module({
  imports: [TypeOrmModule.forFeature([AidItem, AidComment, AidLike, AidBlacklist, Member]), FilesModule, MembersModule, OrganizationsModule, PointsModule],
  controllers: [MutualAidController],
  providers: [AidAccess, MutualAidService, AidSocialService, AidBlacklistService],
})
export class MutualAidModule {}
