import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EvaluationView, SupervisionView } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AdminOnly, CurrentUser } from '../../common/auth/decorators.js';
import { Audited } from '../../common/audit/audited.interceptor.js';
import { EvaluationGradesDto, EvaluationMutualDto, MeetingQueryDto, MeetingTextDto } from './dto/meeting.dto.js';
import { MeetingEvaluationService } from './meeting-evaluation.service.js';

/** Democratic evaluation (MEET-12) and supervision (MEET-11). */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingEvaluationController {
  constructor(private readonly evaluation: MeetingEvaluationService) {}

  @Get('supervision')
  @AdminOnly()
  @ApiOperation({ summary: '督办：各支部本期应开会议是否已开（红色为落后）' })
  supervision(@CurrentUser() user: AuthUser, @Query() q: MeetingQueryDto): Promise<SupervisionView> {
    return this.evaluation.supervisionView(user, q.orgId);
  }

  @Post('supervision/recompute')
  @HttpCode(200)
  @AdminOnly()
  async recompute(@CurrentUser() user: AuthUser): Promise<SupervisionView> {
    await this.evaluation.recompute(user.tenantId!);
    return this.evaluation.supervisionView(user);
  }

  @Get(':id/evaluation')
  view(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<EvaluationView> {
    return this.evaluation.view(user, id);
  }

  @Put(':id/evaluation/self')
  self(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: MeetingTextDto): Promise<EvaluationView> {
    return this.evaluation.saveSelf(user, id, dto.content);
  }

  @Put(':id/evaluation/mutual')
  mutual(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: EvaluationMutualDto): Promise<EvaluationView> {
    return this.evaluation.saveMutual(user, id, dto);
  }

  @Put(':id/evaluation/grades')
  @Audited('meeting.evaluation.grades', 'meeting')
  grades(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() dto: EvaluationGradesDto): Promise<EvaluationView> {
    return this.evaluation.saveGrades(user, id, dto);
  }
}
