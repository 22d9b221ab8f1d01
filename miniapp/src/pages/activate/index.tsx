/**
 * 激活账号 (ID-1…ID-5): one page, three steps — 核验身份 (ID number → masked name to confirm),
 * 验证手机 (phone + slider puzzle + SMS code), 设置密码 (twice, policy shown live) — then logged in
 * and bound, home. The state lives in the pure reducer of src/activation/state.ts; this file
 * draws it and makes the calls.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useReducer, useRef } from 'react';
import { parseScene } from '@dangjian/shared';
import {
  activationReducer,
  codeError,
  idNumberError,
  initialActivationState,
  newPasswordErrors,
  phoneError,
  phoneStepPlan,
  STEP_TITLES,
  type ActivationAction,
  type ActivationField,
  type ActivationState,
} from '../../activation';
import PasswordRules from '../../components/PasswordRules';
import { useSmsTick } from '../../components/SmsCodeInput';
import { getBindTicket, getEntryInfo, getEntryScene, setBindTicket, setTokens, fetchMe } from '../../services/session';
import ActionButton from './parts/ActionButton';
import { HOME_PAGE, LOGIN_PAGE, publicAuth } from './parts/auth';
import Banner from './parts/Banner';
import Field from './parts/Field';
import { switchTabWithToast } from './parts/navigate';
import SmsVerify from './parts/SmsVerify';
import StepIndicator from './parts/StepIndicator';
import './index.css';

const STEP_FIELDS: Record<1 | 2 | 3, ActivationField[]> = {
  1: ['idNumber'],
  2: ['phone', 'captcha', 'code'],
  3: ['password', 'passwordConfirm'],
};

/** The tenant of the QR code the member scanned (resolved entry, else the raw scene). */
function entryTenantId(): number | undefined {
  const entry = getEntryInfo();
  if (entry?.tenantId) return entry.tenantId;
  return parseScene(getEntryScene())?.tenantId ?? undefined;
}

export default function ActivatePage() {
  const [state, dispatch] = useReducer(activationReducer, initialActivationState);
  useSmsTick(state.sms, dispatch);
  // The latest state for async handlers (the answer of a request may arrive after more typing).
  const ref = useRef<ActivationState>(state);
  ref.current = state;
  const busy = state.pending !== null;

  const fail = useCallback((error: unknown, field: ActivationField) => dispatch({ type: 'FAILED', error, field }), []);

  // ---- step 1 ----
  const start = async () => {
    const s = ref.current;
    const problem = idNumberError(s.idNumber);
    if (problem) return dispatch({ type: 'LOCAL_ERRORS', errors: { idNumber: problem } });
    dispatch({ type: 'START_REQUEST' });
    try {
      const res = await publicAuth.activationStart({ idNumber: s.idNumber, tenantId: entryTenantId() });
      dispatch({ type: 'START_OK', idNumber: s.idNumber, ...res });
    } catch (e) {
      fail(e, 'idNumber');
    }
  };

  // ---- step 2 ----
  const requestCode = () => {
    const problem = phoneError(ref.current.phone);
    if (problem) return dispatch({ type: 'LOCAL_ERRORS', errors: { phone: problem } });
    dispatch({ type: 'SMS_OPEN_CAPTCHA' });
  };

  const sendCode = async (captchaToken: string) => {
    const phone = ref.current.phone;
    dispatch({ type: 'SMS_SEND_REQUEST' });
    try {
      const res = await publicAuth.sendSms({ phone, captchaToken, purpose: 'activate' });
      dispatch({ type: 'SMS_SEND_OK', phone, cooldownSeconds: res.cooldownSeconds, now: Date.now() });
    } catch (e) {
      fail(e, 'code');
    }
  };

  const verifyPhone = async () => {
    const s = ref.current;
    const errors = { phone: phoneError(s.phone) ?? undefined, code: undefined as string | undefined };
    const plan = phoneStepPlan(s);
    if (plan !== 'reuse') errors.code = codeError(s.code) ?? undefined;
    if (errors.phone || errors.code) return dispatch({ type: 'LOCAL_ERRORS', errors });
    if (plan === 'reuse') return dispatch({ type: 'REUSE_VERIFIED_PHONE' });
    dispatch({ type: 'PHONE_REQUEST' });
    try {
      let token = s.startToken;
      if (plan === 'refresh-start' || !token) {
        // Back from step 3 with another phone: the first step's token was used up; same ID number.
        const again = await publicAuth.activationStart({ idNumber: s.idNumber, tenantId: entryTenantId() });
        token = again.activationToken;
        dispatch({ type: 'START_TOKEN_REFRESHED', activationToken: token });
      }
      const res = await publicAuth.activationPhone({ activationToken: token, phone: s.phone, code: s.code });
      dispatch({ type: 'PHONE_OK', phone: s.phone, activationToken: res.activationToken });
    } catch (e) {
      fail(e, 'code');
    }
  };

  // ---- step 3 ----
  const complete = async () => {
    const s = ref.current;
    const local = newPasswordErrors(s.password, s.passwordConfirm);
    if (local.password || local.passwordConfirm) return dispatch({ type: 'LOCAL_ERRORS', errors: local });
    if (!s.verified) return dispatch({ type: 'BACK' });
    const bindTicket = getBindTicket() ?? undefined;
    dispatch({ type: 'COMPLETE_REQUEST' });
    try {
      const tokens = await publicAuth.activationComplete({ activationToken: s.verified.token, password: s.password, passwordConfirm: s.passwordConfirm, ...(bindTicket ? { bindTicket } : {}) });
      if (bindTicket) setBindTicket(null);
      setTokens(tokens);
      dispatch({ type: 'COMPLETE_OK' });
      await fetchMe({ toast: false }).catch(() => undefined);
      await switchTabWithToast(HOME_PAGE, '激活成功');
    } catch (e) {
      // A stale platform ticket must not block the next attempt (the server refuses the whole step).
      if (bindTicket) setBindTicket(null);
      fail(e, 'password');
    }
  };

  const send = (a: ActivationAction) => dispatch(a);
  const step = state.step;
  // Errors about fields of another step (rare: e.g. the ID was activated meanwhile) show above the buttons.
  const elsewhere = (Object.keys(state.errors) as ActivationField[]).filter((f) => state.errors[f] && !STEP_FIELDS[step].includes(f)).map((f) => state.errors[f]!);

  return (
    <View className='dj-page activate-page'>
      <View className='dj-hero'>
        <Text className='dj-hero__title'>激活党员账号</Text>
        <Text className='dj-hero__sub'>首次使用请核验身份、验证手机并设置密码</Text>
        <View className='dj-hero__line' />
      </View>

      <StepIndicator steps={[STEP_TITLES[1], STEP_TITLES[2], STEP_TITLES[3]]} current={step} />

      <Banner banner={state.banner} actionText={state.banner?.kind === 'restart' ? '重新开始' : undefined} onAction={() => send({ type: 'RESTART' })} />

      {step === 1 ? (
        <View className='dj-card activate-step activate-step--1'>
          <Text className='dj-section-title'>核验身份</Text>
          <Field
            name='id-number'
            label='身份证号'
            type='idcard'
            maxlength={18}
            placeholder='请输入18位身份证号'
            value={state.idNumber}
            onInput={(value) => send({ type: 'INPUT', field: 'idNumber', value })}
            error={state.errors.idNumber}
            hint='最后一位是X的，请输入X'
            disabled={busy}
            onConfirm={() => void start()}
          />
          {state.identity ? (
            <View className='activate-confirm'>
              <Text className='activate-confirm__text'>
                请确认是否为本人：{state.identity.maskedName}
                {state.identity.orgName ? `（${state.identity.orgName}）` : ''}
              </Text>
              <View className='dj-button-row'>
                <ActionButton kind='ghost' text='不是，重新输入' onClick={() => send({ type: 'REJECT_IDENTITY' })} />
                <ActionButton text='是本人，继续' onClick={() => send({ type: 'CONFIRM_IDENTITY' })} />
              </View>
            </View>
          ) : (
            <ActionButton text='下一步' loading={state.pending === 'start'} loadingText='正在查询…' onClick={() => void start()} />
          )}
          {elsewhere.map((m) => (
            <Text key={m} className='dj-field__error'>{m}</Text>
          ))}
        </View>
      ) : null}

      {step === 2 ? (
        <View className='dj-card activate-step activate-step--2'>
          <Text className='dj-section-title'>验证手机</Text>
          {state.identity ? <Text className='dj-form-intro'>{state.identity.maskedName}，请填写本人常用的手机号，用于登录和接收通知。</Text> : null}
          <SmsVerify
            phone={state.phone}
            onPhone={(value) => send({ type: 'INPUT', field: 'phone', value })}
            code={state.code}
            onCode={(value) => send({ type: 'INPUT', field: 'code', value })}
            sms={state.sms}
            errors={state.errors}
            onRequestCode={requestCode}
            onCaptchaPass={(token) => void sendCode(token)}
            onCaptchaClose={() => send({ type: 'SMS_CLOSE_CAPTCHA' })}
            fetchChallenge={publicAuth.captcha}
            verifyCaptcha={publicAuth.verifyCaptcha}
            disabled={state.pending === 'phone'}
          />
          {elsewhere.map((m) => (
            <Text key={m} className='dj-field__error'>{m}</Text>
          ))}
          <View className='dj-button-row'>
            <ActionButton kind='ghost' text='上一步' disabled={busy} onClick={() => send({ type: 'BACK' })} />
            <ActionButton text='下一步' loading={state.pending === 'phone'} loadingText='正在验证…' onClick={() => void verifyPhone()} />
          </View>
        </View>
      ) : null}

      {step === 3 ? (
        <View className='dj-card activate-step activate-step--3'>
          <Text className='dj-section-title'>设置密码</Text>
          <Field
            name='password'
            label='登录密码'
            password
            maxlength={64}
            placeholder='至少8位'
            value={state.password}
            onInput={(value) => send({ type: 'INPUT', field: 'password', value })}
            error={state.errors.password}
            disabled={busy}
          />
          <Field
            name='password-confirm'
            label='再次输入密码'
            password
            maxlength={64}
            placeholder='再输入一次密码'
            value={state.passwordConfirm}
            onInput={(value) => send({ type: 'INPUT', field: 'passwordConfirm', value })}
            error={state.errors.passwordConfirm}
            disabled={busy}
            onConfirm={() => void complete()}
          />
          <PasswordRules password={state.password} confirm={state.passwordConfirm} />
          {elsewhere.map((m) => (
            <Text key={m} className='dj-field__error'>{m}</Text>
          ))}
          <View className='dj-button-row'>
            <ActionButton kind='ghost' text='上一步' disabled={busy} onClick={() => send({ type: 'BACK' })} />
            <ActionButton text='完成激活' loading={state.pending === 'complete'} loadingText='正在激活…' onClick={() => void complete()} />
          </View>
        </View>
      ) : null}

      <View className='dj-center'>
        <Text className='dj-link' onClick={() => void Taro.redirectTo({ url: LOGIN_PAGE })}>
          已激活？去登录
        </Text>
      </View>
    </View>
  );
}
