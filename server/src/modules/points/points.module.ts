import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { MembersModule } from '../members/members.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PointsCap } from './entities/points-cap.entity.js';
import { PointsDeclaration } from './entities/points-declaration.entity.js';
import { PointsEntry } from './entities/points-entry.entity.js';
import { PointsOrgAverage } from './entities/points-org-average.entity.js';
import { PointsRule } from './entities/points-rule.entity.js';
import { PointsSetting } from './entities/points-setting.entity.js';
import { PointsTotal } from './entities/points-total.entity.js';
import { PointsAveragesService } from './points-averages.service.js';
import { PointsDeclarationsService } from './points-declarations.service.js';
import { Leaderboard } from './leaderboard.js';
import { PointsQueryService } from './points-query.service.js';
import { PointsRulesService } from './points-rules.service.js';
import { PointsSettingsService } from './points-settings.service.js';
import { PointsController } from './points.controller.js';
import { PointsListeners } from './points.listeners.js';
import { PointsService } from './points.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PointsRule, PointsEntry, PointsCap, PointsTotal, PointsDeclaration, PointsSetting, PointsOrgAverage]), FilesModule, MembersModule, OrganizationsModule],
  controllers: [PointsController],
  providers: [Leaderboard, PointsRulesService, PointsService, PointsQueryService, PointsListeners, PointsSettingsService, PointsDeclarationsService, PointsAveragesService],
  exports: [PointsService, PointsRulesService],
})
export class PointsModule {}
