import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EVALUATION_GRADES,
  MEETING_ACTIONS,
  MEETING_PHASE_LABELS,
  MEETING_STATES,
  MEETING_TYPES,
  type EvaluationGrade,
  type EvaluationGradesRequest,
  type EvaluationMutualRequest,
  type EvaluationSelfRequest,
  type MeetingAction,
  type MeetingBallotRequest,
  type MeetingCheckinRequest,
  type MeetingCreateRequest,
  type MeetingFeedbackRequest,
  type MeetingLocation,
  type MeetingNoteRequest,
  type MeetingOutlineRequest,
  type MeetingPhase,
  type MeetingQuery,
  type MeetingRecordRequest,
  type MeetingState,
  type MeetingTransitionRequest,
  type MeetingType,
  type MeetingTypeSettingRequest,
  type MeetingUpdateRequest,
  type MeetingVoteCreateRequest,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { OptionalNotNull, trim } from '../../../common/http/validation.js';
import { IMAGE_KEY } from '../../files/files.service.js';

const TIME = { strict: true };
const PHASES = Object.keys(MEETING_PHASE_LABELS) as MeetingPhase[];

export class MeetingLocationDto implements MeetingLocation {
  @ApiProperty() @IsNumber({}, { message: '纬度不正确' }) @Min(-90) @Max(90) latitude: number;
  @ApiProperty() @IsNumber({}, { message: '经度不正确' }) @Min(-180) @Max(180) longitude: number;
  @ApiProperty() @IsInt({ message: '签到半径应为整数米' }) @Min(20, { message: '签到半径至少20米' }) @Max(5000, { message: '签到半径最多5000米' }) radiusMeters: number;
}

class MeetingPlanFields {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 100, { message: '会议名称为1-100个字' })
  title?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601(TIME, { message: '开始时间格式不正确' })
  startsAt?: string;

  @ApiPropertyOptional({ enum: [0.5, 1, 1.5, 2, 3] }) @OptionalNotNull() @IsIn([0.5, 1, 1.5, 2, 3], { message: '会议时长只能为0.5、1、1.5、2或3天' })
  durationDays?: number;

  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601(TIME, { message: '反馈截止时间格式不正确' })
  feedbackDeadline?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsInt({ message: '请选择主持人' }) @Min(1)
  hostMemberId?: number;

  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 200, { message: '会议地点为1-200个字' })
  venue?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean({ message: 'online 应为 true 或 false' })
  online?: boolean;

  @ApiPropertyOptional({ type: MeetingLocationDto, nullable: true, description: 'null：不用定位签到' }) @IsOptional() @ValidateNested() @Type(() => MeetingLocationDto)
  location?: MeetingLocationDto | null;

  @ApiPropertyOptional({ description: '参会比例（%）' }) @IsOptional() @IsInt({ message: '参会比例应为整数百分比' }) @Min(1) @Max(100)
  requiredRatio?: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 2000, { message: '会议议程最多2000字' })
  agenda?: string;
}

export class MeetingCreateDto extends MeetingPlanFields implements MeetingCreateRequest {
  @ApiProperty() @IsInt({ message: '请选择支部' }) @Min(1) orgId: number;
  @ApiProperty({ enum: MEETING_TYPES }) @IsIn(MEETING_TYPES, { message: '会议类型不正确' }) type: MeetingType;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '请选择党小组' }) @Min(1) groupId?: number;
  declare title: string;
  declare startsAt: string;
  declare durationDays: number;
  declare feedbackDeadline: string;
  declare hostMemberId: number;
  declare venue: string;
  declare location?: MeetingLocationDto;
}

/** The plan fields a new meeting must have (the shared field rules above skip absent values). */
export const REQUIRED_PLAN: Array<[keyof MeetingCreateDto, string]> = [
  ['title', '会议名称'],
  ['startsAt', '开始时间'],
  ['durationDays', '会议时长'],
  ['feedbackDeadline', '反馈截止时间'],
  ['hostMemberId', '主持人'],
  ['venue', '会议地点'],
];

export class MeetingUpdateDto extends MeetingPlanFields implements MeetingUpdateRequest {}

export class MeetingQueryDto extends PageQuery implements MeetingQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiPropertyOptional({ enum: MEETING_TYPES }) @IsOptional() @IsIn(MEETING_TYPES, { message: '会议类型不正确' }) type?: MeetingType;
  @ApiPropertyOptional({ enum: MEETING_STATES }) @IsOptional() @IsIn(MEETING_STATES, { message: '会议状态不正确' }) state?: MeetingState;
  @ApiPropertyOptional({ enum: PHASES }) @IsOptional() @IsIn(PHASES, { message: '应为 upcoming / ongoing / ended' }) phase?: MeetingPhase;
}

class ResolutionDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 500, { message: '决议内容为1-500个字' }) text: string;
  @ApiProperty() @IsInt() @Min(0) votesFor: number;
  @ApiProperty() @IsInt() @Min(0) votesAgainst: number;
  @ApiProperty() @IsInt() @Min(0) abstentions: number;
  @ApiProperty() @IsBoolean() passed: boolean;
}

export class MeetingRecordDto implements MeetingRecordRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 20000, { message: '会议纪要为1-20000个字' }) minutes?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 20000, { message: '党课总结为1-20000个字' }) summary?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 20000, { message: '整改记录为1-20000个字' }) followup?: string;
  @ApiPropertyOptional({ type: ResolutionDto, nullable: true }) @ValidateIf((_o, v) => v !== undefined && v !== null) @ValidateNested() @Type(() => ResolutionDto) resolution?: ResolutionDto | null;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(2000) @IsInt({ each: true }) presentMemberIds?: number[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30, { message: '最多30张照片' }) @Matches(IMAGE_KEY, { each: true, message: '图片标识不正确，请重新上传' }) images?: string[];
}

export class MeetingTransitionDto implements MeetingTransitionRequest {
  @ApiProperty({ enum: MEETING_ACTIONS }) @IsIn(MEETING_ACTIONS, { message: '办理事项不正确' }) action: MeetingAction;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsInt({ each: true }) invitees?: number[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 500, { message: '退回理由为1-500个字' }) reason?: string;
}

export class MeetingFeedbackDto implements MeetingFeedbackRequest {
  @ApiProperty() @IsBoolean({ message: 'attend 应为 true 或 false' }) attend: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 200, { message: '请假事由最多200字' }) reason?: string;
}

export class MeetingTextDto implements MeetingOutlineRequest, MeetingNoteRequest, EvaluationSelfRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 10000, { message: '内容为1-10000个字' }) content: string;
}

export class MeetingCheckinDto implements MeetingCheckinRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) code?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
}

export class MeetingVoteDto implements MeetingVoteCreateRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 100, { message: '投票事项为1-100个字' }) title: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(2, { message: '至少两个选项' }) @ArrayMaxSize(10, { message: '最多10个选项' }) @IsString({ each: true }) @Length(1, 50, { each: true, message: '选项为1-50个字' }) options: string[];
}

export class MeetingBallotDto implements MeetingBallotRequest {
  @ApiProperty() @IsInt({ message: '请选择一个选项' }) @Min(0) option: number;
}

export class MeetingTypeSettingDto implements MeetingTypeSettingRequest {
  @ApiProperty() @IsBoolean({ message: 'enabled 应为 true 或 false' }) enabled: boolean;
}

class GradeDto {
  @ApiProperty() @IsInt() @Min(1) memberId: number;
  @ApiProperty({ enum: EVALUATION_GRADES, nullable: true }) @ValidateIf((_o, v) => v !== null) @IsIn(EVALUATION_GRADES, { message: '等次不正确' }) grade: EvaluationGrade | null;
}
class MutualDto {
  @ApiProperty() @IsInt() @Min(1) memberId: number;
  @ApiProperty({ enum: EVALUATION_GRADES }) @IsIn(EVALUATION_GRADES, { message: '等次不正确' }) grade: EvaluationGrade;
}
export class EvaluationGradesDto implements EvaluationGradesRequest {
  @ApiProperty({ type: [GradeDto] }) @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => GradeDto) grades: GradeDto[];
}
export class EvaluationMutualDto implements EvaluationMutualRequest {
  @ApiProperty({ type: [MutualDto] }) @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => MutualDto) ratings: MutualDto[];
}
