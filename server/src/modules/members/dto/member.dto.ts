import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { EDUCATIONS, GENDERS, MEMBER_TYPES, type Education, type Gender, type MemberCreateRequest, type MemberQuery, type MemberType, type MemberUpdateRequest } from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { OptionalNotNull, trim } from '../../../common/http/validation.js';

const DATE = { strict: true, strictSeparator: true };
export const PHONE_RE = /^1[3-9]\d{9}$/;

export class MemberCreateDto implements MemberCreateRequest {
  @ApiProperty() @Type(() => Number) @IsInt({ message: '请选择所在组织' }) @Min(1)
  orgId: number;

  @ApiProperty() @Transform(trim) @IsString() @Length(1, 50, { message: '姓名为1-50个字' })
  name: string;

  @ApiProperty({ description: '18位居民身份证号' }) @Transform(trim) @IsString() @MaxLength(30, { message: '身份证号应为18位' })
  idNumber: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @Matches(PHONE_RE, { message: '手机号格式不正确' })
  phone?: string;

  @ApiPropertyOptional({ enum: GENDERS }) @IsOptional() @IsIn(GENDERS, { message: '性别不正确' })
  gender?: Gender;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 20, { message: '民族不正确' })
  ethnicity?: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE, { message: '出生日期格式应为YYYY-MM-DD' })
  birthDate?: string;

  @ApiPropertyOptional({ enum: EDUCATIONS }) @IsOptional() @IsIn(EDUCATIONS, { message: '学历不正确' })
  education?: Education;

  @ApiProperty({ enum: MEMBER_TYPES }) @IsIn(MEMBER_TYPES, { message: '党员类型应为正式党员或预备党员' })
  memberType: MemberType;

  @ApiProperty() @IsISO8601(DATE, { message: '入党日期格式应为YYYY-MM-DD' })
  joinDate: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE, { message: '转正日期格式应为YYYY-MM-DD' })
  regularDate?: string;
}

export class MemberUpdateDto implements MemberUpdateRequest {
  @ApiPropertyOptional() @OptionalNotNull() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 50, { message: '姓名为1-50个字' }) name?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @Matches(PHONE_RE, { message: '手机号格式不正确' }) phone?: string | null;
  @ApiPropertyOptional({ enum: GENDERS }) @OptionalNotNull() @IsIn(GENDERS, { message: '性别不正确' }) gender?: Gender;
  @ApiPropertyOptional() @OptionalNotNull() @Transform(trim) @IsString() @Length(1, 20) ethnicity?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601(DATE, { message: '出生日期格式应为YYYY-MM-DD' }) birthDate?: string;
  @ApiPropertyOptional({ enum: EDUCATIONS }) @IsOptional() @IsIn(EDUCATIONS, { message: '学历不正确' }) education?: Education | null;
  @ApiPropertyOptional({ enum: MEMBER_TYPES }) @OptionalNotNull() @IsIn(MEMBER_TYPES) memberType?: MemberType;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601(DATE, { message: '入党日期格式应为YYYY-MM-DD' }) joinDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601(DATE, { message: '转正日期格式应为YYYY-MM-DD' }) regularDate?: string | null;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MemberQueryDto extends PageQuery implements MemberQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgId?: number;
  @ApiPropertyOptional({ description: '姓名或手机号' }) @IsOptional() @IsString() @MaxLength(50) keyword?: string;
  @ApiPropertyOptional({ enum: MEMBER_TYPES }) @IsOptional() @IsIn(MEMBER_TYPES) memberType?: MemberType;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() activated?: boolean;
}

export class MemberDeleteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) reason?: string;
}
