/**
 * The activation page's state (ID-1…ID-5) as a pure reducer, no Taro: the page dispatches what the
 * user did and what the API answered; this decides the step, what each field shows and what is kept.
 *
 * Steps: 1 身份核验 (ID number → masked name to confirm), 2 手机验证 (phone + slider puzzle + SMS code),
 * 3 设置密码 (twice). Steps advance only on success. Going back keeps every input. The server's step
 * tokens: `startToken` (after step 1, used up by a successful phone check) and `verified` (after step
 * 2, tied to the phone it proved). Going back from 3 to 2 and continuing with the same phone reuses
 * `verified`; with another phone the page first asks for a fresh `startToken` (same ID number).
 */
import { activationRules, routeError, type ActivationField, type Banner } from './errors';
import { initialSmsState, smsReducer, type SmsAction, type SmsState } from './sms';
import { cleanDigits, cleanIdInput } from './validate';

export type Step = 1 | 2 | 3;
export type Pending = 'start' | 'phone' | 'complete' | null;
export type InputField = 'idNumber' | 'phone' | 'code' | 'password' | 'passwordConfirm';

export interface Identity {
  maskedName: string;
  orgName: string;
  /** The ID number this answer belongs to. */
  idNumber: string;
}

export interface ActivationState {
  step: Step;
  done: boolean;
  idNumber: string;
  /** The member found for `idNumber`, shown for confirmation. */
  identity: Identity | null;
  identityConfirmed: boolean;
  startToken: string | null;
  verified: { token: string; phone: string } | null;
  phone: string;
  code: string;
  password: string;
  passwordConfirm: string;
  sms: SmsState;
  pending: Pending;
  errors: Partial<Record<ActivationField, string>>;
  banner: Banner | null;
}

export const initialActivationState: ActivationState = {
  step: 1,
  done: false,
  idNumber: '',
  identity: null,
  identityConfirmed: false,
  startToken: null,
  verified: null,
  phone: '',
  code: '',
  password: '',
  passwordConfirm: '',
  sms: initialSmsState,
  pending: null,
  errors: {},
  banner: null,
};

export type ActivationAction =
  | { type: 'INPUT'; field: InputField; value: string }
  | { type: 'LOCAL_ERRORS'; errors: Partial<Record<ActivationField, string>> }
  | { type: 'START_REQUEST' }
  | { type: 'START_OK'; idNumber: string; activationToken: string; maskedName: string; orgName: string }
  /** A fresh step-1 token for the same member (to verify another phone after going back). */
  | { type: 'START_TOKEN_REFRESHED'; activationToken: string }
  | { type: 'CONFIRM_IDENTITY' }
  | { type: 'REJECT_IDENTITY' }
  | { type: 'BACK' }
  | { type: 'PHONE_REQUEST' }
  | { type: 'PHONE_OK'; phone: string; activationToken: string }
  /** Step 2 → 3 without a request: the phone was verified already and is unchanged. */
  | { type: 'REUSE_VERIFIED_PHONE' }
  | { type: 'COMPLETE_REQUEST' }
  | { type: 'COMPLETE_OK' }
  | { type: 'FAILED'; error: unknown; field: ActivationField }
  | { type: 'DISMISS_BANNER' }
  | { type: 'RESTART' }
  | SmsAction;

/** What "下一步" on step 2 must do. */
export type PhoneStepPlan = 'reuse' | 'verify' | 'refresh-start';

export function phoneStepPlan(state: ActivationState): PhoneStepPlan {
  if (state.verified && state.verified.phone === state.phone) return 'reuse';
  return state.startToken ? 'verify' : 'refresh-start';
}

function withoutError(errors: ActivationState['errors'], ...fields: ActivationField[]): ActivationState['errors'] {
  const next = { ...errors };
  for (const f of fields) delete next[f];
  return next;
}

function input(state: ActivationState, field: InputField, raw: string): ActivationState {
  switch (field) {
    case 'idNumber': {
      const idNumber = cleanIdInput(raw);
      const errors = withoutError(state.errors, 'idNumber');
      if (state.identity && state.identity.idNumber !== idNumber) {
        // Another person: nothing proved for the previous one carries over.
        return { ...state, idNumber, errors, identity: null, identityConfirmed: false, startToken: null, verified: null };
      }
      return { ...state, idNumber, errors };
    }
    case 'phone': {
      const phone = cleanDigits(raw, 11);
      return { ...state, phone, errors: withoutError(state.errors, 'phone', 'code'), sms: smsReducer(state.sms, { type: 'SMS_PHONE_CHANGED', phone }) };
    }
    case 'code':
      return { ...state, code: cleanDigits(raw, 4), errors: withoutError(state.errors, 'code') };
    case 'password':
      return { ...state, password: raw, errors: withoutError(state.errors, 'password') };
    case 'passwordConfirm':
      return { ...state, passwordConfirm: raw, errors: withoutError(state.errors, 'passwordConfirm') };
    default:
      return state;
  }
}

export function activationReducer(state: ActivationState, action: ActivationAction): ActivationState {
  switch (action.type) {
    case 'INPUT':
      return input(state, action.field, action.value);
    case 'LOCAL_ERRORS':
      return { ...state, errors: { ...state.errors, ...action.errors } };

    case 'START_REQUEST':
      return { ...state, pending: 'start', errors: withoutError(state.errors, 'idNumber'), banner: null };
    case 'START_OK':
      if (action.idNumber !== state.idNumber) return { ...state, pending: null }; // answer for an ID no longer in the field
      return {
        ...state,
        pending: null,
        identity: { maskedName: action.maskedName, orgName: action.orgName, idNumber: action.idNumber },
        identityConfirmed: false,
        startToken: action.activationToken,
        verified: null,
      };
    case 'START_TOKEN_REFRESHED':
      return { ...state, startToken: action.activationToken };
    case 'CONFIRM_IDENTITY':
      if (!state.identity || !state.startToken || state.step !== 1) return state;
      return { ...state, identityConfirmed: true, step: 2, errors: {}, banner: null };
    case 'REJECT_IDENTITY':
      return { ...state, identity: null, identityConfirmed: false, startToken: null, verified: null, idNumber: '', errors: {} };
    case 'BACK':
      if (state.step === 1 || state.pending) return state;
      return { ...state, step: (state.step - 1) as Step, errors: {}, banner: null, sms: { ...state.sms, captchaOpen: false } };

    case 'PHONE_REQUEST':
      return { ...state, pending: 'phone', errors: withoutError(state.errors, 'phone', 'code'), banner: null };
    case 'PHONE_OK':
      if (state.step !== 2) return { ...state, pending: null };
      return {
        ...state,
        pending: null,
        step: 3,
        startToken: null, // used up by the server
        verified: { token: action.activationToken, phone: action.phone },
        code: '', // single use
        errors: {},
      };
    case 'REUSE_VERIFIED_PHONE':
      if (state.step !== 2 || phoneStepPlan(state) !== 'reuse') return state;
      return { ...state, step: 3, errors: {}, banner: null };

    case 'COMPLETE_REQUEST':
      return { ...state, pending: 'complete', errors: withoutError(state.errors, 'password', 'passwordConfirm'), banner: null };
    case 'COMPLETE_OK':
      return { ...state, pending: null, done: true, password: '', passwordConfirm: '', verified: null, startToken: null };

    case 'FAILED': {
      const routed = routeError(action.error, activationRules(action.field));
      const base: ActivationState = {
        ...state,
        pending: null,
        sms: state.sms.sending ? smsReducer(state.sms, { type: 'SMS_SEND_FAILED' }) : state.sms,
        errors: { ...state.errors, ...routed.fields },
        banner: routed.banner ?? state.banner,
      };
      if (routed.banner?.kind === 'restart') return { ...base, startToken: null, verified: null };
      return base;
    }
    case 'DISMISS_BANNER':
      return { ...state, banner: null };
    case 'RESTART':
      // Start over from step 1, keeping what the user typed that is still theirs (ID number, phone).
      return { ...initialActivationState, idNumber: state.idNumber, phone: state.phone, sms: { ...state.sms, captchaOpen: false, sending: false } };

    case 'SMS_OPEN_CAPTCHA':
      return { ...state, sms: smsReducer(state.sms, action), errors: withoutError(state.errors, 'captcha', 'code', 'phone') };
    case 'SMS_SEND_REQUEST':
      return { ...state, sms: smsReducer(state.sms, action), errors: withoutError(state.errors, 'captcha', 'code', 'phone') };
    case 'SMS_SEND_OK':
      return { ...state, sms: smsReducer(state.sms, action), errors: withoutError(state.errors, 'captcha', 'code') };
    case 'SMS_CLOSE_CAPTCHA':
    case 'SMS_SEND_FAILED':
    case 'SMS_PHONE_CHANGED':
    case 'TICK': {
      const sms = smsReducer(state.sms, action);
      return sms === state.sms ? state : { ...state, sms };
    }
    default:
      return state;
  }
}

export const STEP_TITLES: Record<Step, string> = { 1: '核验身份', 2: '验证手机', 3: '设置密码' };
