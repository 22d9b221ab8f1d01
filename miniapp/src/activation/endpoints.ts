/**
 * The identity endpoints the pages call, typed by the shared interfaces. Pure: the caller passes
 * the request layer's `post`/`get` (so this file has no Taro import and stays testable).
 */
import type {
  ActivationCompleteRequest,
  ActivationStartRequest,
  ActivationStartResult,
  ActivationVerifyPhoneRequest,
  ActivationVerifyPhoneResult,
  CaptchaChallenge,
  CaptchaVerifyRequest,
  CaptchaVerifyResult,
  ChangePasswordRequest,
  ChangePhoneRequest,
  Me,
  PasswordLoginRequest,
  SmsLoginRequest,
  SmsSendRequest,
  SmsSendResult,
  TokenPair,
} from '@dangjian/shared';

export type PostFn = <T>(path: string, body?: unknown) => Promise<T>;
export type GetFn = <T>(path: string) => Promise<T>;

const P = '/api/v1/auth';

export function authEndpoints(post: PostFn, get?: GetFn) {
  return {
    captcha: () => post<CaptchaChallenge>(`${P}/captcha`, {}),
    verifyCaptcha: (body: CaptchaVerifyRequest) => post<CaptchaVerifyResult>(`${P}/captcha/verify`, body),
    sendSms: (body: SmsSendRequest) => post<SmsSendResult>(`${P}/sms/send`, body),
    activationStart: (body: ActivationStartRequest) => post<ActivationStartResult>(`${P}/activation/start`, body),
    activationPhone: (body: ActivationVerifyPhoneRequest) => post<ActivationVerifyPhoneResult>(`${P}/activation/phone`, body),
    activationComplete: (body: ActivationCompleteRequest) => post<TokenPair>(`${P}/activation/complete`, body),
    loginPassword: (body: PasswordLoginRequest) => post<TokenPair>(`${P}/login/password`, body),
    loginSms: (body: SmsLoginRequest) => post<TokenPair>(`${P}/login/sms`, body),
    // Signed-in calls:
    bind: (bindTicket: string) => post<void>(`${P}/bind`, { bindTicket }),
    changePassword: (body: ChangePasswordRequest) => post<TokenPair>(`${P}/password`, body),
    sendChangePhoneSms: (body: SmsSendRequest) => post<SmsSendResult>(`${P}/phone/sms`, body),
    changePhone: (body: ChangePhoneRequest) => post<void>(`${P}/phone`, body),
    logout: () => post<void>(`${P}/logout`),
    me: () => {
      if (!get) throw new Error('authEndpoints: no get function given');
      return get<Me>(`${P}/me`);
    },
  };
}

export type AuthEndpoints = ReturnType<typeof authEndpoints>;
