import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeetingCandidate, MeetingCheckinCode, MeetingDetail, MeetingSummary, MeetingType, MeetingTypeSetting, MeetingVoteView, Page, SupervisionView } from '@dangjian/shared';
import { Audited } from '../../common/audit/audited.interceptor.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser, Roles } from '../../common/auth/decorators.js';
import {
  MeetingBallotDto,
  MeetingCheckinDto,
  MeetingCreateDto,
  MeetingFeedbackDto,
  MeetingQueryDto,
  MeetingRecordDto,
  MeetingTextDto,
  MeetingTransitionDto,
  MeetingTypeSettingDto,
  MeetingUpdateDto,
  MeetingVoteDto,
} from './dto/meeting.dto.js';
import { MeetingEvaluationService } from './meeting-evaluation.service.js';
import { MeetingFlowService } from './meeting-flow.service.js';
import { MeetingLiveService } from './meeting-live.service.js';
import { MeetingsService } from './meetings.service.js';

/** Organisational life 组织生活 (SPEC §4): the plans, the flow, the record and review. */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly plans: MeetingsService,
    private readonly flow: MeetingFlowService,
  ) {}

  @Get('types')
  @ApiOperation({ summary: '会议类型开关（MEET-10）' })
  types(@CurrentUser() user: AuthUser): Promise<MeetingTypeSetting[]> {
    return this.plans.typeSettings(user);
  }

  @Put('types/:type')
  @Roles('tenant_admin')
  @Audited('meeting.type.set', 'meeting_type')
  setType(@CurrentUser() user: AuthUser, @Param('type') type: MeetingType, @Body() dto: MeetingTypeSettingDto): Promise<MeetingTypeSetting[]> {
    return this.plans.setType(user, type, dto.enabled);
  }

  @Get()
  @AdminOnly()
  @ApiOperation({ summary: '会议列表（管理范围内的支部）' })
  list(@CurrentUser() user: AuthUser, @Query() q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    return this.plans.list(user, q);
  }

  @Get('mine')
  @ApiOperation({ summary: '我的会议（受邀参加的）' })
  mine(@CurrentUser() user: AuthUser, @Query() q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    return this.plans.mine(user, q);
  }

  @Get('reviews')
  @AdminOnly()
  @ApiOperation({ summary: '待上级审核、审阅的会议（MEET-7）' })
  reviews(@CurrentUser() user: AuthUser, @Query() q: MeetingQueryDto): Promise<Page<MeetingSummary>> {
    return this.plans.reviews(user, q);
  }

  @Post()
  @AdminOnly()
  @Audited('meeting.create', 'meeting')
  async create(@CurrentUser() user: AuthUser, @Body() dto: MeetingCreateDto): Promise<MeetingDetail> {
    return this.flow.detail(user, (await this.plans.create(user, dto)).id);
  }

  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingDetail> {
    return this.flow.detail(user, id);
  }

  @Patch(':id')
  @Audited('meeting.update', 'meeting')
  async update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingUpdateDto): Promise<MeetingDetail> {
    await this.plans.update(user, id, dto);
    return this.flow.detail(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Audited('meeting.delete', 'meeting')
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.plans.remove(user, id);
  }

  @Get(':id/candidates')
  candidates(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingCandidate[]> {
    return this.plans.candidates(user, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: '办理流程环节（按共享流程表检查角色与条件）' })
  @Audited('meeting.transition', 'meeting')
  transition(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingTransitionDto): Promise<MeetingDetail> {
    return this.flow.transition(user, id, dto);
  }

  @Patch(':id/record')
  @Audited('meeting.record', 'meeting')
  record(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingRecordDto): Promise<MeetingDetail> {
    return this.flow.record(user, id, dto);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: '参会反馈：参加 / 请假（截止前）' })
  feedback(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingFeedbackDto): Promise<MeetingDetail> {
    return this.flow.feedback(user, id, dto);
  }

  @Put(':id/outline')
  outline(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingTextDto): Promise<MeetingDetail> {
    return this.flow.outline(user, id, dto.content);
  }

  @Get(':id/note')
  note(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<{ content: string }> {
    return this.flow.note(user, id);
  }

  @Put(':id/note')
  saveNote(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingTextDto): Promise<{ content: string }> {
    return this.flow.saveNote(user, id, dto.content);
  }
}

/** During the meeting (MEET-8, MEET-9). */
@ApiTags('meetings')
@Controller('meetings/:id')
export class MeetingLiveController {
  constructor(private readonly live: MeetingLiveService) {}

  @Post('checkin/open')
  @HttpCode(200)
  openCheckin(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingDetail> {
    return this.live.setCheckin(user, id, true);
  }

  @Post('checkin/close')
  @HttpCode(200)
  closeCheckin(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingDetail> {
    return this.live.setCheckin(user, id, false);
  }

  @Get('checkin/code')
  @ApiOperation({ summary: '签到大屏：轮换的签名签到码（约30秒）与到会人数' })
  code(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingCheckinCode> {
    return this.live.code(user, id);
  }

  @Post('checkin')
  @HttpCode(200)
  @ApiOperation({ summary: '签到：扫码或定位' })
  checkin(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingCheckinDto): Promise<MeetingDetail> {
    return this.live.checkin(user, id, dto);
  }

  @Get('votes')
  votes(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MeetingVoteView[]> {
    return this.live.listVotes(user, id);
  }

  @Post('votes')
  @Audited('meeting.vote.start', 'meeting')
  startVote(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingVoteDto): Promise<MeetingVoteView> {
    return this.live.startVote(user, id, dto);
  }

  @Post('votes/:voteId/ballot')
  @HttpCode(200)
  ballot(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('voteId', ParseIntPipe) voteId: number, @Body() dto: MeetingBallotDto): Promise<MeetingVoteView> {
    return this.live.ballot(user, id, voteId, dto.option);
  }

  @Post('votes/:voteId/close')
  @HttpCode(200)
  @Audited('meeting.vote.close', 'meeting')
  closeVote(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Param('voteId', ParseIntPipe) voteId: number): Promise<MeetingVoteView> {
    return this.live.closeVote(user, id, voteId);
  }
}
