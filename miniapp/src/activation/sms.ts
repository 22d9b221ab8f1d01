/**
 * The "get an SMS code" part shared by activation, SMS login and phone change (ID-2, ID-3):
 * tapping 获取验证码 opens the slider puzzle; once it is passed the code is sent; a resend waits for
 * the cooldown the server answered. The countdown keeps an end time, so a tick after the app slept
 * shows the right number of seconds.
 */

export interface SmsState {
  /** The slider puzzle is shown (the user asked for a code). */
  captchaOpen: boolean;
  sending: boolean;
  /** The phone the last code went to; null before the first one. */
  sentTo: string | null;
  cooldownEndsAt: number | null;
  /** Whole seconds until a resend is allowed. */
  cooldownLeft: number;
}

export const initialSmsState: SmsState = { captchaOpen: false, sending: false, sentTo: null, cooldownEndsAt: null, cooldownLeft: 0 };

export type SmsAction =
  | { type: 'SMS_OPEN_CAPTCHA' }
  | { type: 'SMS_CLOSE_CAPTCHA' }
  | { type: 'SMS_SEND_REQUEST' }
  | { type: 'SMS_SEND_OK'; phone: string; cooldownSeconds: number; now: number }
  | { type: 'SMS_SEND_FAILED' }
  | { type: 'SMS_PHONE_CHANGED'; phone: string }
  | { type: 'TICK'; now: number };

export const DEFAULT_COOLDOWN_SECONDS = 60;

export function secondsLeft(endsAt: number | null, now: number): number {
  return endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - now) / 1000));
}

export function smsReducer(state: SmsState, action: SmsAction): SmsState {
  switch (action.type) {
    case 'SMS_OPEN_CAPTCHA':
      if (state.cooldownLeft > 0 || state.sending) return state;
      return { ...state, captchaOpen: true };
    case 'SMS_CLOSE_CAPTCHA':
      return { ...state, captchaOpen: false };
    case 'SMS_SEND_REQUEST':
      return { ...state, captchaOpen: false, sending: true };
    case 'SMS_SEND_OK': {
      const seconds = action.cooldownSeconds > 0 ? action.cooldownSeconds : DEFAULT_COOLDOWN_SECONDS;
      const cooldownEndsAt = action.now + seconds * 1000;
      return { captchaOpen: false, sending: false, sentTo: action.phone, cooldownEndsAt, cooldownLeft: seconds };
    }
    case 'SMS_SEND_FAILED':
      // The captcha token is used up by the attempt: the next try needs a new puzzle.
      return { ...state, sending: false, captchaOpen: false };
    case 'SMS_PHONE_CHANGED':
      // A corrected phone number may get its code at once (the server's cooldown is per phone).
      if (state.sentTo !== null && action.phone !== state.sentTo) return { ...state, sentTo: null, cooldownEndsAt: null, cooldownLeft: 0 };
      return state;
    case 'TICK': {
      const left = secondsLeft(state.cooldownEndsAt, action.now);
      if (left === state.cooldownLeft && (left > 0 || state.cooldownEndsAt === null)) return state;
      return { ...state, cooldownLeft: left, cooldownEndsAt: left > 0 ? state.cooldownEndsAt : null };
    }
    default:
      return state;
  }
}

/** The label of the send button. */
export function smsButtonLabel(state: SmsState): string {
  if (state.sending) return '发送中…';
  if (state.cooldownLeft > 0) return `${state.cooldownLeft}秒后重发`;
  return state.sentTo ? '重新获取' : '获取验证码';
}
