import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Transform, Type } from 'class-transformer';
import {
  DUES_CATEGORIES,
  type DuesBillGenerateRequest,
  type DuesBillQuery,
  type DuesCashRequest,
  type DuesCategory,
  type DuesHardship,
  type DuesOrderRequest,
  type DuesPaidVia,
  type DuesPaymentQuery,
  type DuesPaymentStatus,
  type DuesProxyLookupRequest,
  type DuesRemindRequest,
  type DuesReverseRequest,
  type DuesSettings,
  type DuesStandardCorrectionRequest,
  type DuesStandardLockRequest,
  type DuesStandardQuery,
  type DuesStandardRequest,
  type DuesTransferRequest,
  type Platform,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { trim } from '../../../common/http/validation.js';

export const MONTH_RE = /^20\d{2}-(0[1-9]|1[0-2])$/;
const MONTH_MSG = { message: '月份格式应为YYYY-MM' };
/** Fen amounts: integers, at most 10 million yuan. */
const MAX_FEN = 1_000_000_000;
const bool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1');

export class DuesSettingsDto implements DuesSettings {
  @ApiProperty() @IsInt() @Min(1) @Max(28) windowFirstDay: number;
  /** 31: through the month's end. */
  @ApiProperty() @IsInt() @Min(1) @Max(31) windowLastDay: number;
  /** After the window: that day of the same month; on or before the window's end: of the next month. */
  @ApiProperty() @IsInt() @Min(1) @Max(31) transferFromDay: number;
}

export class DuesHardshipDto implements DuesHardship {
  @ApiProperty() @IsInt({ message: '减免后金额应为整数（分）' }) @Min(0) @Max(MAX_FEN) amountFen: number;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 100, { message: '请填写批准减免的党组织' }) approvedBy: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 200) note?: string;
}

export class DuesStandardFieldsDto {
  @ApiProperty({ enum: DUES_CATEGORIES }) @IsIn(DUES_CATEGORIES, { message: '党员类别不正确' }) category: DuesCategory;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '月收入应为整数（分）' }) @Min(0) @Max(MAX_FEN) incomeFen?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '交纳金额应为整数（分）' }) @Min(0) @Max(MAX_FEN) farmerFen?: number;
  @ApiPropertyOptional({ type: DuesHardshipDto, nullable: true }) @ValidateIf((_o, v) => v !== null && v !== undefined) @ValidateNested() @Type(() => DuesHardshipDto) hardship?: DuesHardshipDto | null;
}

export class DuesStandardDto extends DuesStandardFieldsDto implements DuesStandardRequest {
  @ApiProperty() @IsInt() @Min(1) memberId: number;
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
}

export class DuesStandardCorrectionDto extends DuesStandardFieldsDto implements DuesStandardCorrectionRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 200, { message: '请填写更正原因' }) reason: string;
}

export class DuesStandardLockDto implements DuesStandardLockRequest {
  @ApiProperty() @IsInt() @Min(1) orgId: number;
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
}

export class DuesStandardQueryDto extends PageQuery implements DuesStandardQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 50) keyword?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean() missing?: boolean;
}

export class YearQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class TemplateQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) orgId: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class ImportQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class DuesBillGenerateDto implements DuesBillGenerateRequest {
  @ApiPropertyOptional() @IsOptional() @Matches(MONTH_RE, MONTH_MSG) month?: string;
}

export class DuesBillQueryDto extends PageQuery implements DuesBillQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiProperty() @Matches(MONTH_RE, MONTH_MSG) month: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['paid', 'unpaid']) status?: 'paid' | 'unpaid';
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 50) keyword?: string;
}

export class DuesSummaryQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class OrgQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
}

export class DuesRemindDto implements DuesRemindRequest {
  @ApiProperty() @IsInt() @Min(1) orgId: number;
  @ApiProperty() @Matches(MONTH_RE, MONTH_MSG) month: string;
}

export class DuesPaymentQueryDto extends PageQuery implements DuesPaymentQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(MONTH_RE, MONTH_MSG) month?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsIn(['wechat', 'alipay', 'cash']) paidVia?: DuesPaidVia;
  @ApiPropertyOptional() @IsOptional() @IsIn(['pending', 'paid', 'closed', 'reversed']) status?: DuesPaymentStatus;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 50) keyword?: string;
}

export class DuesOrderDto implements DuesOrderRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(24, { message: '一次最多交纳24个月' }) @Matches(MONTH_RE, { each: true, ...MONTH_MSG }) months: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '自愿多交金额应为整数（分）' }) @Min(1) @Max(MAX_FEN) voluntaryFen?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) forMemberId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 200) proxyTicket?: string;
  @ApiProperty({ enum: ['weapp', 'alipay', 'dd', 'h5'] }) @IsIn(['weapp', 'alipay', 'dd', 'h5'], { message: '客户端平台不正确' }) platform: Platform;
  @ApiProperty() @IsString() @Matches(/^[\w-]{8,64}$/, { message: '请求编号应为8-64位字母、数字、-或_' }) idempotencyKey: string;
}

export class DuesProxyLookupDto implements DuesProxyLookupRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 50, { message: '请填写姓名' }) name: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(15, 18, { message: '身份证号应为18位' }) idNumber: string;
}

export class DuesCashDto implements DuesCashRequest {
  @ApiProperty() @IsInt() @Min(1) memberId: number;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(24, { message: '一次最多登记24个月' }) @Matches(MONTH_RE, { each: true, ...MONTH_MSG }) months: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '自愿多交金额应为整数（分）' }) @Min(1) @Max(MAX_FEN) voluntaryFen?: number;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 50, { message: '请填写收款人' }) receiverName: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 50, { message: '请填写收据号' }) receiptNo: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: '交纳时间格式不正确' }) paidAt?: string;
}

export class DuesReverseDto implements DuesReverseRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 200, { message: '请填写冲正原因' }) reason: string;
}

export class DuesTransferDto implements DuesTransferRequest {
  @ApiProperty() @IsInt() @Min(1) orgId: number;
  @ApiProperty() @Matches(MONTH_RE, MONTH_MSG) month: string;
}

export class DuesTransferPreviewQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) orgId: number;
  @ApiProperty() @Matches(MONTH_RE, MONTH_MSG) month: string;
}
