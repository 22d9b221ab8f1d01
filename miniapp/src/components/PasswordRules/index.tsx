/**
 * The password policy (ID-4) shown live while the user types: each rule of `checkPassword` with
 * ✓ or ✗, and whether the second entry matches the first.
 */
import { Text, View } from '@tarojs/components';
import { checkPassword } from '@dangjian/shared';
import './index.css';

export interface PasswordRulesProps {
  password: string;
  /** When given, a third line says whether the two entries match. */
  confirm?: string;
}

export default function PasswordRules({ password, confirm }: PasswordRulesProps) {
  const rules: Array<{ key: string; label: string; ok: boolean }> = checkPassword(password).map((c) => ({ key: c.key, label: c.label, ok: c.ok }));
  if (confirm !== undefined) rules.push({ key: 'match', label: '两次输入的密码一致', ok: confirm.length > 0 && confirm === password });
  return (
    <View className='password-rules'>
      {rules.map((r) => (
        <View key={r.key} className={`password-rules__item ${r.ok ? 'password-rules__item--ok' : 'password-rules__item--bad'}`}>
          <Text className='password-rules__mark'>{r.ok ? '✓' : '✗'}</Text>
          <Text className='password-rules__label'>{r.label}</Text>
        </View>
      ))}
    </View>
  );
}
