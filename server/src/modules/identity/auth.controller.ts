import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActivationStartResult, CaptchaChallenge, Me, PlatformLoginResult, SmsSendResult, TokenPair } from '@dangjian/shared';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AllowPendingPasswordChange, AuthRateLimit, ClientIp, CurrentUser, Public } from '../../common/auth/decorators.js';
import { AppError } from '../../common/errors/app-error.js';
import { CommonError } from '../../common/errors/error-codes.js';
import { ActivationService } from './activation.service.js';
import { AuthService } from './auth.service.js';
import { CaptchaService } from './captcha.service.js';
import {
  ActivationCompleteDto,
  ActivationPhoneDto,
  ActivationStartDto,
  BindDto,
  CaptchaVerifyDto,
  ChangePasswordDto,
  ChangePhoneDto,
  PasswordLoginDto,
  PlatformLoginDto,
  RefreshDto,
  RegisterPublicDto,
  SmsLoginDto,
  SmsSendDto,
} from './dto/auth.dto.js';
import { SmsService } from './sms/sms.service.js';

/** ID-1…ID-11: activation, login, sessions. */
@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly activation: ActivationService,
    private readonly captcha: CaptchaService,
    private readonly sms: SmsService,
  ) {}

  @Public() @AuthRateLimit() @Post('login/password') @HttpCode(200)
  @ApiOperation({ summary: '密码登录（手机号或用户名）' })
  loginPassword(@Body() dto: PasswordLoginDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.auth.loginPassword(dto.account, dto.password, ip);
  }

  @Public() @AuthRateLimit() @Post('login/sms') @HttpCode(200)
  @ApiOperation({ summary: '短信验证码登录' })
  loginSms(@Body() dto: SmsLoginDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.auth.loginSms(dto.phone, dto.code, ip);
  }

  @Public() @AuthRateLimit() @Post('login/platform') @HttpCode(200)
  @ApiOperation({ summary: '小程序静默登录（微信 / 支付宝 / 钉钉）' })
  loginPlatform(@Body() dto: PlatformLoginDto, @ClientIp() ip: string): Promise<PlatformLoginResult> {
    return this.auth.loginPlatform(dto.platform, dto.code, dto.tenantId, ip);
  }

  @Public() @AuthRateLimit() @Post('refresh') @HttpCode(200)
  @ApiOperation({ summary: '刷新令牌（刷新令牌每次使用后轮换）' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public() @AuthRateLimit() @Post('captcha') @HttpCode(200)
  @ApiOperation({ summary: '获取滑块拼图' })
  newCaptcha(): Promise<CaptchaChallenge> {
    return this.captcha.challenge();
  }

  @Public() @AuthRateLimit() @Post('captcha/verify') @HttpCode(200)
  verifyCaptcha(@Body() dto: CaptchaVerifyDto): Promise<{ captchaToken: string }> {
    return this.captcha.verify(dto.captchaId, dto.offsetX, dto.durationMs);
  }

  @Public() @AuthRateLimit() @Post('sms/send') @HttpCode(200)
  @ApiOperation({ summary: '发送短信验证码（需先通过拼图验证）' })
  async sendSms(@Body() dto: SmsSendDto, @ClientIp() ip: string): Promise<SmsSendResult> {
    if (dto.purpose === 'login') return this.auth.sendLoginSms(dto.phone, dto.captchaToken, ip);
    if (dto.purpose === 'change_phone') throw new AppError(CommonError.Unauthenticated, '更换手机号请先登录');
    return this.sms.send(dto.phone, dto.purpose, dto.captchaToken, ip);
  }

  @Public() @AuthRateLimit() @Post('activation/start') @HttpCode(200)
  @ApiOperation({ summary: '激活第1步：身份证号 → 脱敏姓名' })
  activationStart(@Body() dto: ActivationStartDto): Promise<ActivationStartResult> {
    return this.activation.start(dto.idNumber, dto.tenantId);
  }

  @Public() @AuthRateLimit() @Post('activation/phone') @HttpCode(200)
  @ApiOperation({ summary: '激活第2步：手机号 + 短信验证码' })
  activationPhone(@Body() dto: ActivationPhoneDto): Promise<{ activationToken: string }> {
    return this.activation.verifyPhone(dto);
  }

  @Public() @AuthRateLimit() @Post('activation/complete') @HttpCode(200)
  @ApiOperation({ summary: '激活第3步：设置密码，完成并登录' })
  activationComplete(@Body() dto: ActivationCompleteDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.activation.complete(dto, ip);
  }

  @Public() @AuthRateLimit() @Post('register') @HttpCode(200)
  @ApiOperation({ summary: '群众注册' })
  register(@Body() dto: RegisterPublicDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.activation.registerPublic(dto, ip);
  }

  @ApiBearerAuth() @AllowPendingPasswordChange() @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<Me> {
    return this.auth.me(user);
  }

  @ApiBearerAuth() @AllowPendingPasswordChange() @Post('logout') @HttpCode(204)
  @ApiOperation({ summary: '退出登录（结束该账号的全部会话）' })
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @ApiBearerAuth() @AllowPendingPasswordChange() @Post('password') @HttpCode(200)
  @ApiOperation({ summary: '修改密码（结束全部会话并返回新令牌）' })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @ClientIp() ip: string): Promise<TokenPair> {
    return this.auth.changePassword(user, dto.oldPassword, dto.newPassword, dto.newPasswordConfirm, ip);
  }

  @ApiBearerAuth() @Post('bind') @HttpCode(204)
  @ApiOperation({ summary: '账号登录后绑定小程序身份' })
  async bind(@CurrentUser() user: AuthUser, @Body() dto: BindDto): Promise<void> {
    await this.auth.bindTicket(user.userId, dto.bindTicket);
  }

  @ApiBearerAuth() @AuthRateLimit() @Post('phone/sms') @HttpCode(200)
  @ApiOperation({ summary: '更换手机号：向新手机号发送验证码' })
  sendChangePhoneSms(@Body() dto: SmsSendDto, @ClientIp() ip: string): Promise<SmsSendResult> {
    return this.sms.send(dto.phone, 'change_phone', dto.captchaToken, ip);
  }

  @ApiBearerAuth() @Post('phone') @HttpCode(204)
  @ApiOperation({ summary: '更换手机号' })
  async changePhone(@CurrentUser() user: AuthUser, @Body() dto: ChangePhoneDto): Promise<void> {
    await this.auth.changePhone(user, dto.phone, dto.code);
  }
}
