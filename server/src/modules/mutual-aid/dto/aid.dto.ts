import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import {
  AID_ACTIONS,
  AID_KINDS,
  AID_STATES,
  SNAPSHOT_COLUMNS,
  WISH_CATEGORIES,
  type AidAction,
  type AidBlacklistRequest,
  type AidCommentCreateRequest,
  type AidItemCreateRequest,
  type AidItemQuery,
  type AidKind,
  type AidListView,
  type AidState,
  type AidTransitionRequest,
  type SnapshotColumn,
  type WishCategory,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { trim } from '../../../common/http/validation.js';
import { IMAGE_KEY } from '../../files/files.service.js';
import { PHONE_RE } from '../../members/dto/member.dto.js';

const VIEWS: AidListView[] = ['all', 'open', 'mine', 'claimed', 'review'];
const COLUMNS: readonly SnapshotColumn[] = SNAPSHOT_COLUMNS;
const KIND_MSG = { message: '请选择心愿树、微捐赠、随手拍或微心愿' };

export class AidItemQueryDto extends PageQuery implements AidItemQuery {
  @ApiProperty({ enum: AID_KINDS }) @IsIn(AID_KINDS, KIND_MSG) kind: AidKind;
  @ApiPropertyOptional({ enum: VIEWS }) @IsOptional() @IsIn(VIEWS, { message: '列表范围不正确' }) view?: AidListView;
  @ApiPropertyOptional({ enum: AID_STATES }) @IsOptional() @IsIn(AID_STATES, { message: '状态不正确' }) state?: AidState;
  @ApiPropertyOptional({ enum: COLUMNS, description: '随手拍栏目' }) @IsOptional() @IsIn(COLUMNS, { message: '栏目只能是正能量或曝光台' }) column?: SnapshotColumn;
}

export class AidItemCreateDto implements AidItemCreateRequest {
  @ApiProperty({ enum: AID_KINDS }) @IsIn(AID_KINDS, KIND_MSG) kind: AidKind;
  @ApiPropertyOptional({ description: '微心愿：心愿人姓名' }) @IsOptional() @Transform(trim) @IsString() @Length(1, 50, { message: '心愿人姓名为1-50个字' }) contactName?: string;
  @ApiPropertyOptional({ description: '微心愿：心愿人手机号' }) @IsOptional() @Transform(trim) @Matches(PHONE_RE, { message: '手机号格式不正确' }) contactPhone?: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 100, { message: '标题为1-100个字' }) title: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 2000, { message: '内容为1-2000个字' }) content: string;
  @ApiPropertyOptional({ enum: WISH_CATEGORIES }) @IsOptional() @IsIn(WISH_CATEGORIES, { message: '心愿类别不正确' }) category?: WishCategory;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(9, { message: '最多9张图片' }) @Matches(IMAGE_KEY, { each: true, message: '图片无效，请重新上传' }) images?: string[];
  @ApiPropertyOptional({ enum: COLUMNS }) @IsOptional() @IsIn(COLUMNS, { message: '栏目只能是正能量或曝光台' }) column?: SnapshotColumn;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }, { message: '拍摄时间格式不正确' }) takenAt?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 100, { message: '地点为1-100个字' }) place?: string;
}

export class AidTransitionDto implements AidTransitionRequest {
  @ApiProperty({ enum: AID_ACTIONS }) @IsIn(AID_ACTIONS, { message: '办理事项不正确' }) action: AidAction;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 500, { message: '驳回原因最多500字' }) reason?: string;
}

export class AidCommentCreateDto implements AidCommentCreateRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 500, { message: '评论为1-500个字' }) content: string;
}

export class AidBlacklistDto implements AidBlacklistRequest {
  @ApiProperty() @IsInt({ message: '请选择党员' }) @Min(1) memberId: number;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 200, { message: '请填写原因（1-200个字）' }) reason: string;
}
