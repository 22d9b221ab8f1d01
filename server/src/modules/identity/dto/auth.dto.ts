import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type {
  ActivationCompleteRequest,
  ActivationStartRequest,
  ActivationVerifyPhoneRequest,
  CaptchaVerifyRequest,
  ChangePasswordRequest,
  ChangePhoneRequest,
  PasswordLoginRequest,
  PlatformLoginRequest,
  RefreshRequest,
  RegisterPublicRequest,
  SmsLoginRequest,
  SmsPurpose,
  SmsSendRequest,
} from '@dangjian/shared';
import { trim } from '../../../common/http/validation.js';

const PHONE = /^1[3-9]\d{9}$/;
const PHONE_MSG = { message: '请输入正确的11位手机号' };
const CODE_MSG = { message: '请输入4位短信验证码' };

export class PasswordLoginDto implements PasswordLoginRequest {
  @ApiProperty({ description: '手机号或用户名' }) @Transform(trim) @IsString() @Length(1, 50, { message: '请输入账号' }) account: string;
  @ApiProperty() @IsString() @Length(1, 64, { message: '请输入密码' }) password: string;
}

export class SmsLoginDto implements SmsLoginRequest {
  @ApiProperty() @Transform(trim) @Matches(PHONE, PHONE_MSG) phone: string;
  @ApiProperty() @Matches(/^\d{4}$/, CODE_MSG) code: string;
}

export class PlatformLoginDto implements PlatformLoginRequest {
  @ApiProperty({ enum: ['weapp', 'alipay', 'dd'] }) @IsIn(['weapp', 'alipay', 'dd'], { message: '不支持的平台' }) platform: 'weapp' | 'alipay' | 'dd';
  @ApiProperty({ description: 'Taro.login / my.getAuthCode / dd.getAuthCode 得到的 code' }) @IsString() @Length(1, 128) code: string;
  @ApiPropertyOptional({ description: '扫码进入时的单位（钉钉必填）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) tenantId?: number;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty() @IsString() @Length(10, 200) refreshToken: string;
}

export class BindDto {
  @ApiProperty() @IsString() @Length(10, 200) bindTicket: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @Length(1, 64, { message: '请输入原密码' }) oldPassword: string;
  @ApiProperty() @IsString() @MaxLength(64) newPassword: string;
  @ApiProperty() @IsString() @MaxLength(64) newPasswordConfirm: string;
}

export class CaptchaVerifyDto implements CaptchaVerifyRequest {
  @ApiProperty() @IsString() @Length(10, 64) captchaId: string;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(1000) offsetX: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) @Max(600000) durationMs: number;
}

export class SmsSendDto implements SmsSendRequest {
  @ApiProperty() @Transform(trim) @Matches(PHONE, PHONE_MSG) phone: string;
  @ApiProperty() @IsString() @Length(1, 64, { message: '请先完成拼图验证' }) captchaToken: string;
  @ApiProperty({ enum: ['activate', 'login', 'register', 'change_phone'] }) @IsIn(['activate', 'login', 'register', 'change_phone']) purpose: SmsPurpose;
}

export class ActivationStartDto implements ActivationStartRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 30, { message: '请输入18位身份证号' }) idNumber: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) tenantId?: number;
}

export class ActivationPhoneDto implements ActivationVerifyPhoneRequest {
  @ApiProperty() @IsString() @Length(10, 100) activationToken: string;
  @ApiProperty() @Transform(trim) @Matches(PHONE, PHONE_MSG) phone: string;
  @ApiProperty() @Matches(/^\d{4}$/, CODE_MSG) code: string;
}

export class ActivationCompleteDto implements ActivationCompleteRequest {
  @ApiProperty() @IsString() @Length(10, 100) activationToken: string;
  @ApiProperty() @IsString() @MaxLength(64) password: string;
  @ApiProperty() @IsString() @MaxLength(64) passwordConfirm: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 200) bindTicket?: string;
}

export class RegisterPublicDto implements RegisterPublicRequest {
  @ApiProperty() @Transform(trim) @Matches(PHONE, PHONE_MSG) phone: string;
  @ApiProperty() @Matches(/^\d{4}$/, CODE_MSG) code: string;
  @ApiProperty() @Transform(trim) @IsString() @Length(2, 30, { message: '请输入真实姓名' }) realName: string;
  @ApiProperty() @IsString() @MaxLength(64) password: string;
  @ApiProperty() @IsString() @MaxLength(64) passwordConfirm: string;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) tenantId: number;
}

export class ChangePhoneDto implements ChangePhoneRequest {
  @ApiProperty() @Transform(trim) @Matches(PHONE, PHONE_MSG) phone: string;
  @ApiProperty() @Matches(/^\d{4}$/, CODE_MSG) code: string;
}
