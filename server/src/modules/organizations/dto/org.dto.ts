import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { COMMITTEE_POSTS, ORG_TYPES, type CommitteePost, type OrgCreateRequest, type OrgMergeRequest, type OrgMoveRequest, type OrgPostCreateRequest, type OrgTermChangeRequest, type OrgType, type OrgUpdateRequest } from '@dangjian/shared';
import { OptionalNotNull, trim } from '../../../common/http/validation.js';

const DATE = { strict: true, strictSeparator: true };

export class OrgCreateDto implements OrgCreateRequest {
  @ApiProperty() @Type(() => Number) @IsInt({ message: '请选择上级组织' }) @Min(1) parentId: number;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 100, { message: '组织名称为1-100个字' }) name: string;
  @ApiProperty({ enum: ORG_TYPES }) @IsIn(ORG_TYPES, { message: '组织类型不正确' }) type: OrgType;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

export class OrgUpdateDto implements OrgUpdateRequest {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 100, { message: '组织名称为1-100个字' }) name?: string;
  @ApiPropertyOptional() @OptionalNotNull() @Type(() => Number) @IsInt() @Min(0) @Max(100000) sortOrder?: number;
}

export class OrgMoveDto implements OrgMoveRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) newParentId: number;
}

export class OrgMergeDto implements OrgMergeRequest {
  @ApiProperty({ description: '并入的目标组织' }) @Type(() => Number) @IsInt() @Min(1) targetId: number;
}

export class OrgPostCreateDto implements OrgPostCreateRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) memberId: number;
  @ApiProperty({ enum: COMMITTEE_POSTS }) @IsIn(COMMITTEE_POSTS, { message: '职务不正确' }) post: CommitteePost;
  @ApiProperty() @IsISO8601(DATE, { message: '任职日期格式应为YYYY-MM-DD' }) termStart: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE, { message: '任期结束日期格式应为YYYY-MM-DD' }) termEnd?: string;
}

export class OrgTermChangeDto implements OrgTermChangeRequest {
  @ApiProperty() @IsISO8601(DATE, { message: '换届日期格式应为YYYY-MM-DD' }) electedAt: string;
  @ApiProperty({ description: '任期（年）' }) @Type(() => Number) @IsInt() @Min(1) @Max(5, { message: '任期为1-5年' }) termYears: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class BranchAdminGrantDto {
  @ApiProperty() @Type(() => Number) @IsInt({ message: '请选择党员' }) @Min(1, { message: '请选择党员' }) memberId: number;
}
