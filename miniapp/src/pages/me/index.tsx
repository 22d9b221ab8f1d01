/**
 * 我的 (tab): name, branch, masked ID number (ID-13) and masked phone; 更换手机号 with an SMS code
 * to the new phone (ID-6), 修改密码 (ID-10), 退出登录. Not logged in: 激活账号 / 登录.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '@dangjian/shared';
import { changePhoneRules, codeError, phoneError, routeError, type ChangePhoneField } from '../../activation';
import { PageShell } from '../../components/PageShell';
import { clearSession, fetchMe, getCachedMe, isLoggedIn, onSessionChange } from '../../services/session';
import ActionButton from '../activate/parts/ActionButton';
import { ACTIVATE_PAGE, LOGIN_PAGE, publicAuth, userAuth } from '../activate/parts/auth';
import ChangePasswordForm from '../activate/parts/ChangePasswordForm';
import SmsVerify from '../activate/parts/SmsVerify';
import { useSmsFlow } from '../activate/parts/useSmsFlow';
import './index.css';

type Panel = 'none' | 'phone' | 'password';

function ChangePhonePanel({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ChangePhoneField, string>>>({});
  const [busy, setBusy] = useState(false);
  const { sms, dispatch } = useSmsFlow();
  const fail = (e: unknown, fallback: ChangePhoneField) => setErrors((prev) => ({ ...prev, ...routeError(e, changePhoneRules(fallback)).fields }));

  const requestCode = () => {
    const problem = phoneError(phone);
    if (problem) return setErrors((e) => ({ ...e, phone: problem }));
    setErrors({});
    dispatch({ type: 'SMS_OPEN_CAPTCHA' });
  };
  const sendCode = async (captchaToken: string) => {
    dispatch({ type: 'SMS_SEND_REQUEST' });
    try {
      const res = await userAuth.sendChangePhoneSms({ phone, captchaToken, purpose: 'change_phone' });
      dispatch({ type: 'SMS_SEND_OK', phone, cooldownSeconds: res.cooldownSeconds, now: Date.now() });
    } catch (e) {
      dispatch({ type: 'SMS_SEND_FAILED' });
      fail(e, 'code');
    }
  };
  const submit = async () => {
    const local = { phone: phoneError(phone) ?? undefined, code: codeError(code) ?? undefined };
    if (local.phone || local.code) return setErrors(local);
    setBusy(true);
    try {
      await userAuth.changePhone({ phone, code });
      void Taro.showToast({ title: '手机号已更换', icon: 'success', duration: 1500 });
      onDone();
    } catch (e) {
      fail(e, 'code');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='dj-card me-panel me-panel--phone'>
      <Text className='dj-section-title'>更换手机号</Text>
      <Text className='dj-form-intro'>验证码将发送到新手机号，验证后用新手机号登录。</Text>
      <SmsVerify
        phoneLabel='新手机号'
        phone={phone}
        onPhone={(v) => {
          const digits = v.replace(/\D+/g, '').slice(0, 11);
          setPhone(digits);
          setErrors((e) => ({ ...e, phone: undefined, code: undefined }));
          dispatch({ type: 'SMS_PHONE_CHANGED', phone: digits });
        }}
        code={code}
        onCode={(v) => {
          setCode(v.replace(/\D+/g, '').slice(0, 4));
          setErrors((e) => ({ ...e, code: undefined }));
        }}
        sms={sms}
        errors={errors}
        onRequestCode={requestCode}
        onCaptchaPass={(token) => void sendCode(token)}
        onCaptchaClose={() => dispatch({ type: 'SMS_CLOSE_CAPTCHA' })}
        fetchChallenge={publicAuth.captcha}
        verifyCaptcha={publicAuth.verifyCaptcha}
        disabled={busy}
      />
      <View className='dj-button-row'>
        <ActionButton kind='ghost' text='取消' disabled={busy} onClick={onCancel} />
        <ActionButton text='确认更换' loading={busy} loadingText='正在提交…' onClick={() => void submit()} />
      </View>
    </View>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='dj-row me-row'>
      <Text className='me-row__label'>{label}</Text>
      <Text className='me-row__value'>{value}</Text>
    </View>
  );
}

export default function MePage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const [me, setMe] = useState<Me | null>(getCachedMe());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [panel, setPanel] = useState<Panel>('none');
  const [leaving, setLeaving] = useState(false);

  const load = useCallback(async () => {
    const logged = isLoggedIn();
    setLoggedIn(logged);
    if (!logged) {
      setMe(null);
      return;
    }
    const cached = getCachedMe();
    setMe(cached);
    setLoading(!cached);
    setError(null);
    try {
      setMe(await fetchMe({ toast: false }));
    } catch (e) {
      if (!cached && isLoggedIn()) setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  useEffect(
    () =>
      onSessionChange(() => {
        setLoggedIn(isLoggedIn());
        setMe(getCachedMe());
      }),
    [],
  );

  const signOut = async () => {
    const res = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？', confirmText: '退出', cancelText: '取消', confirmColor: '#c8161d' });
    if (!res.confirm) return;
    setLeaving(true);
    try {
      // Ends every session of the account on the server; offline or expired, the local one ends anyway.
      await userAuth.logout().catch(() => undefined);
      clearSession();
      setPanel('none');
      await Taro.reLaunch({ url: LOGIN_PAGE });
    } finally {
      setLeaving(false);
    }
  };

  if (!loggedIn) {
    return (
      <View className='dj-page me-page'>
        <View className='dj-masthead me-hero'>
          <View className='me-hero__avatar'>
            <Text>党</Text>
          </View>
          <Text className='dj-masthead__name me-hero__name'>未登录</Text>
          <Text className='dj-masthead__sub me-hero__org'>党员激活账号后即可查看个人信息</Text>
        </View>
        <View className='dj-card me-guest'>
          <ActionButton text='激活账号' kind='gold' onClick={() => void Taro.navigateTo({ url: ACTIVATE_PAGE })} />
          <ActionButton className='dj-action--second' kind='ghost' text='登录' onClick={() => void Taro.navigateTo({ url: LOGIN_PAGE })} />
        </View>
      </View>
    );
  }

  return (
    <View className='dj-page me-page'>
      <PageShell loading={loading && !me} error={me ? null : error} onRetry={() => void load()}>
        {me ? (
          <View>
            <View className='dj-masthead me-hero'>
              <View className='me-hero__avatar'>
                <Text>{Array.from(me.displayName || '党')[0]}</Text>
              </View>
              <Text className='dj-masthead__name me-hero__name'>{me.displayName}</Text>
              <Text className='dj-masthead__sub me-hero__org'>{me.orgName ?? me.tenantName ?? ''}</Text>
            </View>

            <View className='dj-card me-info'>
              <Text className='dj-section-title'>个人信息</Text>
              <Row label='姓名' value={me.displayName} />
              <Row label='所在支部' value={me.orgName ?? '—'} />
              {me.tenantName ? <Row label='所在单位' value={me.tenantName} /> : null}
              <Row label='身份证号' value={me.idNumberMasked ?? '—'} />
              <Row label='手机号' value={me.phoneMasked ?? '未绑定'} />
            </View>

            {panel === 'phone' ? (
              <ChangePhonePanel
                onCancel={() => setPanel('none')}
                onDone={() => {
                  setPanel('none');
                  void load();
                }}
              />
            ) : null}

            {panel === 'password' ? (
              <View className='dj-card me-panel me-panel--password'>
                <Text className='dj-section-title'>修改密码</Text>
                <ChangePasswordForm
                  intro='修改后，其他设备上的登录会失效。'
                  onCancel={() => setPanel('none')}
                  onDone={() => {
                    setPanel('none');
                    void Taro.showToast({ title: '密码已修改', icon: 'success', duration: 1500 });
                  }}
                />
              </View>
            ) : null}

            {panel === 'none' ? (
              <View className='dj-card dj-list me-actions'>
                <View className='dj-row me-action' hoverClass='dj-row--hover' onClick={() => setPanel('phone')}>
                  <Text className='dj-row__text'>更换手机号</Text>
                  <Text className='dj-row__arrow'>›</Text>
                </View>
                <View className='dj-row me-action' hoverClass='dj-row--hover' onClick={() => setPanel('password')}>
                  <Text className='dj-row__text'>修改密码</Text>
                  <Text className='dj-row__arrow'>›</Text>
                </View>
              </View>
            ) : null}

            <View className='me-logout'>
              <ActionButton kind='ghost' text='退出登录' loading={leaving} loadingText='正在退出…' onClick={() => void signOut()} />
            </View>
          </View>
        ) : null}
      </PageShell>
    </View>
  );
}
