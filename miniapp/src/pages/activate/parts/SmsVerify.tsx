/**
 * Phone + slider puzzle + SMS code, as activation, SMS login and phone change all ask for it
 * (ID-2, ID-3, ID-6). Presentational: the page owns the state (activation/sms.ts) and the calls.
 * 获取验证码 checks the phone, then opens the puzzle; passing it hands the captcha token to
 * `onCaptchaPass`, which sends the code.
 */
import { View } from '@tarojs/components';
import type { CaptchaChallenge, CaptchaVerifyRequest, CaptchaVerifyResult } from '@dangjian/shared';
import type { SmsState } from '../../../activation';
import SliderCaptcha from '../../../components/SliderCaptcha';
import SmsCodeInput from '../../../components/SmsCodeInput';
import Field from './Field';

export interface SmsVerifyProps {
  phone: string;
  onPhone: (v: string) => void;
  code: string;
  onCode: (v: string) => void;
  sms: SmsState;
  errors: { phone?: string; captcha?: string; code?: string };
  onRequestCode: () => void;
  onCaptchaPass: (captchaToken: string) => void;
  onCaptchaClose: () => void;
  fetchChallenge: () => Promise<CaptchaChallenge>;
  verifyCaptcha: (req: CaptchaVerifyRequest) => Promise<CaptchaVerifyResult>;
  phoneLabel?: string;
  disabled?: boolean;
}

export default function SmsVerify(p: SmsVerifyProps) {
  return (
    <View className='dj-sms-verify'>
      <Field
        name='phone'
        label={p.phoneLabel ?? '手机号'}
        type='number'
        maxlength={11}
        placeholder='请输入11位手机号'
        value={p.phone}
        onInput={p.onPhone}
        error={p.errors.phone}
        disabled={p.disabled}
      />
      {p.sms.captchaOpen ? (
        <SliderCaptcha fetchChallenge={p.fetchChallenge} verify={p.verifyCaptcha} onPass={p.onCaptchaPass} onClose={p.onCaptchaClose} error={p.errors.captcha} />
      ) : p.errors.captcha ? (
        <View className='dj-field__error dj-sms-verify__captcha-error'>{p.errors.captcha}</View>
      ) : null}
      <SmsCodeInput value={p.code} onInput={p.onCode} onSend={p.onRequestCode} sms={p.sms} error={p.errors.code} disabled={p.disabled} />
    </View>
  );
}
