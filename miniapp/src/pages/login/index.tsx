/**
 * 登录 (ID-7): 密码登录 (phone or username + password) and 短信登录 (phone + slider puzzle + code).
 * Errors show beside their field; a locked account (ID-9) shows a banner. After a login: a pending
 * platform identity is bound (bindTicket from the silent login, ID-8), and a password that must be
 * changed (ID-9 reset) is changed before going home.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TokenPair } from '@dangjian/shared';
import { codeError, loginRules, MESSAGES, phoneError, routeError, type Banner as BannerValue, type LoginField } from '../../activation';
import { fetchMe, getBindTicket, getCachedMe, isLoggedIn, setBindTicket, setTokens } from '../../services/session';
import ActionButton from '../activate/parts/ActionButton';
import { ACTIVATE_PAGE, HOME_PAGE, publicAuth, userAuth } from '../activate/parts/auth';
import Banner from '../activate/parts/Banner';
import ChangePasswordForm from '../activate/parts/ChangePasswordForm';
import Field from '../activate/parts/Field';
import { switchTabWithToast } from '../activate/parts/navigate';
import SmsVerify from '../activate/parts/SmsVerify';
import { useSmsFlow } from '../activate/parts/useSmsFlow';
import './index.css';

type Tab = 'password' | 'sms';
type Errors = Partial<Record<LoginField, string>>;

/** Binds the platform identity left by the silent login, if any; never blocks the login. */
async function bindPendingIdentity(): Promise<void> {
  const ticket = getBindTicket();
  if (!ticket) return;
  try {
    await userAuth.bind(ticket);
  } catch (e) {
    const msg = routeError(e, loginRules('account'));
    void Taro.showToast({ title: msg.banner?.message ?? Object.values(msg.fields)[0] ?? '绑定小程序身份未成功', icon: 'none', duration: 2500 });
  } finally {
    setBindTicket(null);
  }
}

export default function LoginPage() {
  const [tab, setTab] = useState<Tab>('password');
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [banner, setBanner] = useState<BannerValue | null>(null);
  const [busy, setBusy] = useState(false);
  // Signed in with a password that must still be changed (e.g. the app was closed mid-change).
  const [mustChange, setMustChange] = useState(() => isLoggedIn() && getCachedMe()?.mustChangePassword === true);
  const { sms, dispatch: smsDispatch } = useSmsFlow();

  const clear = (...fields: LoginField[]) =>
    setErrors((e) => {
      const next = { ...e };
      fields.forEach((f) => delete next[f]);
      return next;
    });
  const fail = (e: unknown, fallback: LoginField) => {
    const routed = routeError(e, loginRules(fallback));
    setErrors((prev) => ({ ...prev, ...routed.fields }));
    setBanner(routed.banner);
  };

  const goHome = async (title: string) => {
    await fetchMe({ toast: false }).catch(() => undefined);
    await switchTabWithToast(HOME_PAGE, title);
  };

  const afterLogin = async (tokens: TokenPair) => {
    setTokens(tokens);
    if (tokens.mustChangePassword) {
      // Binding waits: the server accepts nothing else until the password is changed. The cached
      // profile remembers the pending change, should the app be closed before it is done.
      await fetchMe({ toast: false }).catch(() => undefined);
      setMustChange(true);
      return;
    }
    await bindPendingIdentity();
    await goHome('登录成功');
  };

  const loginWithPassword = async () => {
    const local: Errors = {};
    if (!account.trim()) local.account = MESSAGES.account;
    if (!password) local.password = MESSAGES.password;
    if (local.account || local.password) return setErrors(local);
    setBusy(true);
    setBanner(null);
    try {
      await afterLogin(await publicAuth.loginPassword({ account: account.trim(), password }));
    } catch (e) {
      fail(e, 'password');
    } finally {
      setBusy(false);
    }
  };

  const requestCode = () => {
    const problem = phoneError(phone);
    if (problem) return setErrors((e) => ({ ...e, phone: problem }));
    clear('phone', 'captcha', 'code');
    smsDispatch({ type: 'SMS_OPEN_CAPTCHA' });
  };

  const sendCode = async (captchaToken: string) => {
    smsDispatch({ type: 'SMS_SEND_REQUEST' });
    try {
      const res = await publicAuth.sendSms({ phone, captchaToken, purpose: 'login' });
      smsDispatch({ type: 'SMS_SEND_OK', phone, cooldownSeconds: res.cooldownSeconds, now: Date.now() });
    } catch (e) {
      smsDispatch({ type: 'SMS_SEND_FAILED' });
      fail(e, 'code');
    }
  };

  const loginWithSms = async () => {
    const local: Errors = { phone: phoneError(phone) ?? undefined, code: codeError(code) ?? undefined };
    if (local.phone || local.code) return setErrors(local);
    setBusy(true);
    setBanner(null);
    try {
      await afterLogin(await publicAuth.loginSms({ phone, code }));
    } catch (e) {
      fail(e, 'code');
    } finally {
      setBusy(false);
    }
  };

  if (mustChange) {
    return (
      <View className='dj-page login-page'>
        <View className='dj-hero'>
          <Text className='dj-hero__title'>请修改密码</Text>
          <Text className='dj-hero__sub'>您的密码由管理员重置，请先设置新密码</Text>
          <View className='dj-hero__line' />
        </View>
        <View className='dj-card login-page__change'>
          <ChangePasswordForm
            intro='原密码为管理员告知您的临时密码。'
            submitText='修改并进入'
            onDone={() => {
              void bindPendingIdentity().then(() => goHome('密码已修改'));
            }}
          />
        </View>
      </View>
    );
  }

  const switchTab = (t: Tab) => {
    if (busy) return;
    setTab(t);
    setErrors({});
    setBanner(null);
  };

  return (
    <View className='dj-page login-page'>
      <View className='dj-hero'>
        <Text className='dj-hero__title'>党建云</Text>
        <Text className='dj-hero__sub'>党员登录</Text>
        <View className='dj-hero__line' />
      </View>

      <View className='login-tabs'>
        <View className={`login-tabs__tab${tab === 'password' ? ' login-tabs__tab--active' : ''}`} onClick={() => switchTab('password')}>
          <Text>密码登录</Text>
        </View>
        <View className={`login-tabs__tab${tab === 'sms' ? ' login-tabs__tab--active' : ''}`} onClick={() => switchTab('sms')}>
          <Text>短信登录</Text>
        </View>
      </View>

      <Banner banner={banner} />

      {tab === 'password' ? (
        <View className='dj-card login-form login-form--password'>
          <Field
            name='account'
            label='账号'
            placeholder='手机号或用户名'
            maxlength={50}
            value={account}
            onInput={(v) => {
              setAccount(v);
              clear('account');
            }}
            error={errors.account}
            disabled={busy}
          />
          <Field
            name='password'
            label='密码'
            password
            maxlength={64}
            placeholder='请输入密码'
            value={password}
            onInput={(v) => {
              setPassword(v);
              clear('password');
            }}
            error={errors.password}
            disabled={busy}
            onConfirm={() => void loginWithPassword()}
          />
          <ActionButton text='登录' loading={busy} loadingText='正在登录…' onClick={() => void loginWithPassword()} />
        </View>
      ) : (
        <View className='dj-card login-form login-form--sms'>
          <SmsVerify
            phone={phone}
            onPhone={(v) => {
              const digits = v.replace(/\D+/g, '').slice(0, 11);
              setPhone(digits);
              clear('phone', 'code');
              smsDispatch({ type: 'SMS_PHONE_CHANGED', phone: digits });
            }}
            code={code}
            onCode={(v) => {
              setCode(v.replace(/\D+/g, '').slice(0, 4));
              clear('code');
            }}
            sms={sms}
            errors={errors}
            onRequestCode={requestCode}
            onCaptchaPass={(token) => void sendCode(token)}
            onCaptchaClose={() => smsDispatch({ type: 'SMS_CLOSE_CAPTCHA' })}
            fetchChallenge={publicAuth.captcha}
            verifyCaptcha={publicAuth.verifyCaptcha}
            disabled={busy}
          />
          <ActionButton text='登录' loading={busy} loadingText='正在登录…' onClick={() => void loginWithSms()} />
        </View>
      )}

      <View className='dj-center'>
        <Text className='dj-link login-page__activate' onClick={() => void Taro.redirectTo({ url: ACTIVATE_PAGE })}>
          首次使用？激活账号
        </Text>
      </View>
    </View>
  );
}
