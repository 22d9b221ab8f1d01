import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { TenantCreateRequest } from '@dangjian/shared';
import { OptionalNotNull, trim } from '../../../common/http/validation.js';


export class TenantCreateDto implements TenantCreateRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(4, 64, { message: '激活码不正确' }) activationCode: string;
  @ApiProperty({ description: '单位（党委）名称' }) @Transform(trim) @IsString() @Length(2, 100, { message: '单位名称为2-100个字' }) name: string;
  @ApiProperty() @Transform(trim) @Matches(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { message: '用户名为4-32位字母、数字或下划线，以字母开头' }) adminUsername: string;
  @ApiProperty() @Transform(trim) @Matches(/^1[3-9]\d{9}$/, { message: '手机号格式不正确' }) adminPhone: string;
  @ApiProperty() @IsString() @MaxLength(64) adminPassword: string;
}

export class TenantUpdateDto {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(2, 100, { message: '单位名称为2-100个字' }) name?: string;
  @ApiPropertyOptional({ description: '钉钉企业 corpId (TEN-3)' }) @IsOptional() @Transform(trim) @Matches(/^ding[0-9a-zA-Z]{4,60}$/, { message: '钉钉corpId格式不正确' }) dingtalkCorpId?: string;
}

export class IssueCodesDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(100) count: number;
}
