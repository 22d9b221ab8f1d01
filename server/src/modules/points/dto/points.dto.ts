import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { CAP_PERIODS, POINTS_CATEGORIES, type CapPeriod, type PointsCategory, type PointsRankingQuery, type PointsRankingScope, type PointsRuleCreateRequest, type PointsRuleUpdateRequest } from '@dangjian/shared';
import { trim } from '../../../common/http/validation.js';

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
