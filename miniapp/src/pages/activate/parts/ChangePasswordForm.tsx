/**
 * 修改密码 (ID-9 forced change after a reset, ID-10 change from 我的): old password, new one twice
 * with the policy shown live. On success the server ends every session and answers a new pair,
 * which is stored before `onDone` runs.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TokenPair } from '@dangjian/shared';
import { changePasswordRules, MESSAGES, newPasswordErrors, routeError, type Banner as BannerValue, type ChangePasswordField } from '../../../activation';
import PasswordRules from '../../../components/PasswordRules';
import { setTokens } from '../../../services/session';
import ActionButton from './ActionButton';
import { userAuth } from './auth';
import Banner from './Banner';
import Field from './Field';

export interface ChangePasswordFormProps {
  /** Shown above the form (e.g. why the change is required). */
  intro?: string;
  submitText?: string;
  onDone: (tokens: TokenPair) => void;
  onCancel?: () => void;
}

export default function ChangePasswordForm({ intro, submitText = '确认修改', onDone, onCancel }: ChangePasswordFormProps) {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [newPasswordConfirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Partial<Record<ChangePasswordField, string>>>({});
  const [banner, setBanner] = useState<BannerValue | null>(null);
  const [busy, setBusy] = useState(false);

  const clear = (f: ChangePasswordField) => setErrors((e) => ({ ...e, [f]: undefined }));

  const submit = async () => {
    const local = newPasswordErrors(newPassword, newPasswordConfirm);
    const next: Partial<Record<ChangePasswordField, string>> = {
      oldPassword: oldPassword ? undefined : MESSAGES.oldPassword,
      newPassword: local.password,
      newPasswordConfirm: local.passwordConfirm,
    };
    if (Object.values(next).some(Boolean)) {
      setErrors(next);
      return;
    }
    setBusy(true);
    setBanner(null);
    try {
      const tokens = await userAuth.changePassword({ oldPassword, newPassword, newPasswordConfirm });
      setTokens(tokens);
      setOld('');
      setNew('');
      setConfirm('');
      onDone(tokens);
    } catch (e) {
      const routed = routeError(e, changePasswordRules());
      setErrors(routed.fields);
      setBanner(routed.banner);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='dj-change-password'>
      {intro ? <Text className='dj-form-intro'>{intro}</Text> : null}
      <Banner banner={banner} />
      <Field name='old-password' label='原密码' password placeholder='请输入原密码' value={oldPassword} onInput={(v) => { setOld(v); clear('oldPassword'); }} error={errors.oldPassword} />
      <Field name='new-password' label='新密码' password placeholder='至少8位' value={newPassword} onInput={(v) => { setNew(v); clear('newPassword'); }} error={errors.newPassword} />
      <Field name='new-password-confirm' label='再次输入新密码' password placeholder='再输入一次新密码' value={newPasswordConfirm} onInput={(v) => { setConfirm(v); clear('newPasswordConfirm'); }} error={errors.newPasswordConfirm} />
      <PasswordRules password={newPassword} confirm={newPasswordConfirm} />
      <ActionButton text={submitText} loading={busy} loadingText='正在提交…' onClick={() => void submit()} />
      {onCancel ? <ActionButton className='dj-action--second' kind='plain' text='取消' disabled={busy} onClick={onCancel} /> : null}
    </View>
  );
}
