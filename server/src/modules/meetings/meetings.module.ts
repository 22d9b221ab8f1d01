import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { MembersModule } from '../members/members.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { MeetingEvaluation, MeetingMutualRating, MeetingSupervision } from './entities/meeting-evaluation.entity.js';
import { MeetingInvitee } from './entities/meeting-invitee.entity.js';
import { MeetingTypeSettingRow } from './entities/meeting-setting.entity.js';
import { MeetingBallot, MeetingVote } from './entities/meeting-vote.entity.js';
import { Meeting } from './entities/meeting.entity.js';
import { MeetingAccess } from './meeting-access.service.js';
import { MeetingEvaluationController } from './meeting-evaluation.controller.js';
import { MeetingEvaluationService } from './meeting-evaluation.service.js';
import { MeetingFlowService } from './meeting-flow.service.js';
import { MeetingLiveService } from './meeting-live.service.js';
import { MeetingLiveController, MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Meeting, MeetingInvitee, MeetingVote, MeetingBallot, MeetingTypeSettingRow, MeetingEvaluation, MeetingMutualRating, MeetingSupervision]),
    FilesModule,
    IdentityModule,
    MembersModule,
    NotificationsModule,
    OrganizationsModule,
  ],
  controllers: [MeetingEvaluationController, MeetingsController, MeetingLiveController],
  providers: [MeetingAccess, MeetingsService, MeetingFlowService, MeetingLiveService, MeetingEvaluationService],
  exports: [MeetingsService, MeetingFlowService, MeetingEvaluationService],
})
export class MeetingsModule {}
