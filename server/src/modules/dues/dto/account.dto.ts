import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { DuesAccountApproveRequest, DuesAccountForm, DuesAccountRejectRequest, PayChannel } from '@dangjian/shared';
import { trim } from '../../../common/http/validation.js';

const TEL_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})$/;

export class RegionDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请选择省份' }) province: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请选择城市' }) city: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请选择区县' }) district: string;
}

export class BankRegionDto {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请选择开户行所在省份' }) province: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请选择开户行所在城市' }) city: string;
}

/** The merchant form of AI党建云 §4.2.1 (DUES-8). */
export class DuesAccountFormDto implements DuesAccountForm {
  @ApiProperty() @IsInt() @Min(1) orgId: number;
  @ApiProperty({ enum: ['wechat', 'alipay'] }) @IsIn(['wechat', 'alipay'], { message: '请选择支付方式（微信或支付宝）' }) channel: PayChannel;
  @ApiProperty() @IsIn(['enterprise', 'individual', 'institution', 'social_org', 'government'], { message: '请选择商家类型' }) merchantType: DuesAccountForm['merchantType'];
  @ApiProperty() @Matches(/^\d{4}$/, { message: '商户类别码（MCC）应为4位数字' }) mcc: string;
  @ApiProperty() @IsIn(['business_license', 'institution_certificate', 'social_org_certificate', 'other'], { message: '请选择商户证件类型' }) licenseType: DuesAccountForm['licenseType'];
  @ApiProperty() @Transform(trim) @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { message: '商户证件编号应为18位统一社会信用代码' }) licenseNo: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(2, 100, { message: '营业执照名称为2-100个字' }) licenseName?: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 50, { message: '请填写法人名称' }) legalPersonName: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(18, 18, { message: '法人身份证号应为18位' }) legalPersonIdNumber: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 50, { message: '请填写商户联系人姓名' }) contactName: string;
  @ApiProperty() @Transform(trim) @Matches(/^1[3-9]\d{9}$/, { message: '联系人手机号格式不正确' }) contactPhone: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsEmail({}, { message: '联系人邮箱格式不正确' }) contactEmail?: string;
  @ApiProperty() @IsIn(['legal', 'agent'], { message: '请选择商户联系人类型' }) contactType: DuesAccountForm['contactType'];
  @ApiProperty({ type: RegionDto }) @ValidateNested() @Type(() => RegionDto) region: RegionDto;
  @ApiProperty() @Transform(trim) @IsString() @Length(5, 200, { message: '请填写经营详细地址' }) address: string;
  @ApiProperty() @Transform(trim) @Matches(TEL_RE, { message: '客服电话格式不正确' }) servicePhone: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) branchCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) committeeCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000) memberCount?: number;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 50, { message: '请填写开户银行名称' }) bankName: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 20, { message: '请填写开户银行简称' }) bankShortName: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 100, { message: '请填写银行卡户名' }) bankAccountName: string;
  @ApiProperty() @Transform(trim) @Matches(/^\d{12,30}$/, { message: '银行卡号应为12-30位数字' }) bankAccountNo: string;
  @ApiProperty({ type: BankRegionDto }) @ValidateNested() @Type(() => BankRegionDto) bankRegion: BankRegionDto;
}

export class DuesAccountApproveDto implements DuesAccountApproveRequest {
  @ApiProperty() @Transform(trim) @Matches(/^[\w@.-]{4,64}$/, { message: '请填写收款商户号（4-64位）' }) merchantId: string;
}

export class DuesAccountRejectDto implements DuesAccountRejectRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 200, { message: '请填写驳回原因' }) reason: string;
}

export class AccountStatusQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsIn(['pending', 'approved', 'rejected']) status?: 'pending' | 'approved' | 'rejected';
}

export class ReconQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsIn(['wechat', 'alipay']) channel?: PayChannel;
  @ApiProperty() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' }) from: string;
  @ApiProperty() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' }) to: string;
}

export class ReconRunDto {
  @ApiProperty() @IsIn(['wechat', 'alipay']) channel: PayChannel;
  @ApiProperty() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' }) billDate: string;
}
