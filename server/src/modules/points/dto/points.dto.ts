import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import {
  CAP_PERIODS,
  POINTS_CATEGORIES,
  POINTS_DECLARATION_STATE_LABELS,
  type CapPeriod,
  type PointsCategory,
  type PointsDeclarationOverturnRequest,
  type PointsDeclarationQuery,
  type PointsDeclarationRequest,
  type PointsDeclarationReviewRequest,
  type PointsDeclarationState,
  type PointsRankingQuery,
  type PointsRankingScope,
  type PointsRuleCreateRequest,
  type PointsRuleUpdateRequest,
  type PointsSettings,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { trim } from '../../../common/http/validation.js';
import { IMAGE_KEY } from '../../files/files.service.js';

const POINTS_DECLARATION_STATES = Object.keys(POINTS_DECLARATION_STATE_LABELS) as PointsDeclarationState[];

const MAX_POINTS = 1000;
const POINTS_MSG = { message: `分值应为1到${MAX_POINTS}之间的整数` };
const CAP_MSG = { message: '上限应为不小于1的整数，不设上限请留空' };

export class PointsRuleUpdateDto implements PointsRuleUpdateRequest {
  @ApiProperty() @IsString() @Length(1, 40, { message: '请选择积分规则' }) code: string;
  @ApiPropertyOptional() @IsOptional() @IsInt(POINTS_MSG) @Min(1, POINTS_MSG) @Max(MAX_POINTS, POINTS_MSG) points?: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsInt(CAP_MSG) @Min(1, CAP_MSG) @Max(100000, CAP_MSG) cap?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: '启用状态应为是或否' }) enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 60, { message: '规则名称为1到60个字' }) name?: string;
  @ApiPropertyOptional({ enum: CAP_PERIODS }) @IsOptional() @IsIn(CAP_PERIODS, { message: '上限周期应为每天、每月、每季度或每年' }) capPeriod?: CapPeriod;
}

export class PointsRuleCreateDto implements PointsRuleCreateRequest {
  @ApiProperty({ enum: POINTS_CATEGORIES }) @IsIn(POINTS_CATEGORIES, { message: '请选择积分类别' }) category: PointsCategory;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 60, { message: '规则名称为1到60个字' }) name: string;
  @ApiProperty() @IsInt(POINTS_MSG) @Min(1, POINTS_MSG) @Max(MAX_POINTS, POINTS_MSG) points: number;
  @ApiProperty({ nullable: true, type: Number }) @ValidateIf((_, v) => v !== null) @IsInt(CAP_MSG) @Min(1, CAP_MSG) @Max(100000, CAP_MSG) cap: number | null;
  @ApiProperty({ enum: CAP_PERIODS }) @IsIn(CAP_PERIODS, { message: '上限周期应为每天、每月、每季度或每年' }) capPeriod: CapPeriod;
}

export class PointsRankingQueryDto implements PointsRankingQuery {
  @ApiPropertyOptional({ enum: ['branch', 'org', 'tenant'] }) @IsOptional() @IsIn(['branch', 'org', 'tenant'], { message: '排行范围应为支部、组织或全单位' }) scope?: PointsRankingScope;
  @ApiPropertyOptional({ description: 'YYYY, YYYY-MM or all' }) @IsOptional() @Matches(/^(all|20\d{2}(-(0[1-9]|1[0-2]))?)$/, { message: '排行周期应为年份（YYYY）或月份（YYYY-MM）' }) period?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '组织编号必须是整数' }) orgId?: number;
  @ApiPropertyOptional({ enum: POINTS_CATEGORIES }) @IsOptional() @IsIn(POINTS_CATEGORIES, { message: '请选择积分类别' }) category?: PointsCategory;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt({ message: '条数必须是整数' }) @Min(1) @Max(100, { message: '最多显示100名' }) limit?: number;
}

const PERIOD = /^20\d{2}(-(0[1-9]|1[0-2]))?$/;
const PERIOD_MSG = { message: '周期应为年份（YYYY）或月份（YYYY-MM）' };

/** PTS-3: a member's declaration under a declared rule, with evidence. */
export class PointsDeclarationDto implements PointsDeclarationRequest {
  @ApiProperty() @IsString({ message: '请选择申报规则' }) @Length(1, 40, { message: '请选择申报规则' }) ruleCode: string;
  @ApiProperty() @Transform(trim) @IsString({ message: '请填写申报内容' }) @Length(1, 1000, { message: '申报内容为1到1000个字' }) content: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray({ message: '图片无效，请重新上传' }) @ArrayMaxSize(9, { message: '最多9张图片' }) @Matches(IMAGE_KEY, { each: true, message: '图片无效，请重新上传' }) images?: string[];
}

export class PointsDeclarationQueryDto extends PageQuery implements PointsDeclarationQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '组织编号必须是整数' }) orgId?: number;
  @ApiPropertyOptional({ enum: POINTS_DECLARATION_STATES }) @IsOptional() @IsIn(POINTS_DECLARATION_STATES, { message: '申报状态应为待审核、已通过或已驳回' }) state?: PointsDeclarationState;
}

export class PointsDeclarationReviewDto implements PointsDeclarationReviewRequest {
  @ApiProperty() @IsBoolean({ message: '请选择通过或驳回' }) approve: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 500, { message: '驳回原因最多500字' }) reason?: string;
}

export class PointsDeclarationOverturnDto implements PointsDeclarationOverturnRequest {
  @ApiProperty() @Transform(trim) @IsString({ message: '请填写改判原因' }) @Length(1, 500, { message: '请填写改判原因（1-500个字）' }) reason: string;
}

export class PointsSettingsDto implements PointsSettings {
  @ApiProperty() @IsBoolean({ message: '排行开关应为是或否' }) rankingsEnabled: boolean;
}

export class PointsAveragesQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '组织编号必须是整数' }) orgId?: number;
  @ApiPropertyOptional({ description: 'YYYY or YYYY-MM' }) @IsOptional() @Matches(PERIOD, PERIOD_MSG) period?: string;
}

/** GET /points/rankings/export.xlsx: the ranking's filters without the top-N limit. */
export class PointsRankingExportQueryDto {
  @ApiPropertyOptional({ enum: ['branch', 'org', 'tenant'] }) @IsOptional() @IsIn(['branch', 'org', 'tenant'], { message: '排行范围应为支部、组织或全单位' }) scope?: PointsRankingScope;
  @ApiPropertyOptional({ description: 'YYYY, YYYY-MM or all' }) @IsOptional() @Matches(/^(all|20\d{2}(-(0[1-9]|1[0-2]))?)$/, { message: '排行周期应为年份（YYYY）或月份（YYYY-MM）' }) period?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '组织编号必须是整数' }) orgId?: number;
  @ApiPropertyOptional({ enum: POINTS_CATEGORIES }) @IsOptional() @IsIn(POINTS_CATEGORIES, { message: '请选择积分类别' }) category?: PointsCategory;
}
