import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import {
  BRANCH_COMMENT_MAX,
  BRANCH_CONTENT_MAX,
  BRANCH_KINDS,
  BRANCH_TITLE_MAX,
  type BranchCommentCreateRequest,
  type BranchKind,
  type BranchPostCreateRequest,
  type BranchPostQuery,
  type BranchPostUpdateRequest,
  type BranchReadRequest,
  type BranchReplyRequest,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { OptionalNotNull, trim } from '../../../common/http/validation.js';
import { IMAGE_KEY } from '../../files/files.service.js';

const KIND_MESSAGE = { message: `栏目应为 ${BRANCH_KINDS.join(' / ')} 之一` };
const TIME = { strict: true };
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class BranchQueryDto {
  @ApiPropertyOptional({ description: '支部；默认为本人所在支部' }) @IsOptional() @Type(() => Number) @IsInt({ message: '请选择支部' }) @Min(1)
  orgId?: number;
}

export class BranchMembersQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: '支部；默认为本人所在支部' }) @IsOptional() @Type(() => Number) @IsInt({ message: '请选择支部' }) @Min(1)
  orgId?: number;
}

export class BranchPostQueryDto extends PageQuery implements BranchPostQuery {
  @ApiProperty({ enum: BRANCH_KINDS }) @IsIn(BRANCH_KINDS, KIND_MESSAGE)
  kind: BranchKind;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '请选择支部' }) @Min(1)
  orgId?: number;

  @ApiPropertyOptional({ description: '只看我发布的' }) @IsOptional() @Transform(toBool) @IsBoolean({ message: 'mine 应为 true 或 false' })
  mine?: boolean;
}

class BranchPostFields {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, BRANCH_TITLE_MAX, { message: `标题为1-${BRANCH_TITLE_MAX}个字` })
  title?: string;

  @ApiPropertyOptional({ type: [String], description: '先上传图片（POST /files/images），再填返回的 key' })
  @OptionalNotNull() @IsArray({ message: '图片应为列表' }) @ArrayMaxSize(9, { message: '最多上传9张图片' }) @Matches(IMAGE_KEY, { each: true, message: '图片标识不正确，请重新上传' })
  images?: string[];

  @ApiPropertyOptional({ description: '组织生活召开时间' }) @OptionalNotNull() @IsISO8601(TIME, { message: '召开时间格式不正确' })
  heldAt?: string;

  @ApiPropertyOptional({ description: '公示开始时间' }) @OptionalNotNull() @IsISO8601(TIME, { message: '公示开始时间格式不正确' })
  startsAt?: string;

  @ApiPropertyOptional({ description: '公示结束时间（最长一个月）' }) @OptionalNotNull() @IsISO8601(TIME, { message: '公示结束时间格式不正确' })
  endsAt?: string;

  @ApiPropertyOptional({ description: '公示范围：本支部或其下的党小组' }) @OptionalNotNull() @Type(() => Number) @IsInt({ message: '请选择公示范围' }) @Min(1)
  scopeOrgId?: number;
}

export class BranchPostCreateDto extends BranchPostFields implements BranchPostCreateRequest {
  @ApiProperty({ enum: BRANCH_KINDS }) @IsIn(BRANCH_KINDS, KIND_MESSAGE)
  kind: BranchKind;

  @ApiPropertyOptional({ description: '支部；默认为本人所在支部' }) @IsOptional() @Type(() => Number) @IsInt({ message: '请选择支部' }) @Min(1)
  orgId?: number;

  @ApiProperty() @Transform(trim) @IsString({ message: '请填写内容' }) @Length(1, BRANCH_CONTENT_MAX, { message: `内容为1-${BRANCH_CONTENT_MAX}个字` })
  content: string;

  @ApiPropertyOptional({ description: '议题截止时间' }) @OptionalNotNull() @IsISO8601(TIME, { message: '截止时间格式不正确' })
  closesAt?: string;
}

export class BranchPostUpdateDto extends BranchPostFields implements BranchPostUpdateRequest {
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString({ message: '请填写内容' }) @Length(1, BRANCH_CONTENT_MAX, { message: `内容为1-${BRANCH_CONTENT_MAX}个字` })
  content?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null：不设截止时间' }) @ValidateIf((_o, v) => v !== undefined && v !== null) @IsISO8601(TIME, { message: '截止时间格式不正确' })
  closesAt?: string | null;
}

export class BranchCommentDto implements BranchCommentCreateRequest {
  @ApiProperty() @Transform(trim) @IsString({ message: '请填写评论内容' }) @Length(1, BRANCH_COMMENT_MAX, { message: `评论为1-${BRANCH_COMMENT_MAX}个字` })
  content: string;
}

export class BranchReplyDto implements BranchReplyRequest {
  @ApiProperty() @Transform(trim) @IsString({ message: '请填写回复内容' }) @Length(1, 2000, { message: '回复为1-2000个字' })
  content: string;
}

export class BranchReadDto implements BranchReadRequest {
  @ApiPropertyOptional({ description: '阅读时长（秒）' }) @IsOptional() @IsInt({ message: '阅读时长应为整数秒' }) @Min(0) @Max(86400)
  seconds?: number;
}
