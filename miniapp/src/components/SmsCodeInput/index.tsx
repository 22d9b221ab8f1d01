/**
 * The 4-digit SMS code field with its send button (ID-3). The button shows 获取验证码 → 发送中… →
 * "N秒后重发" (the server's cooldown) → 重新获取. `useSmsTick` drives the countdown of the
 * shared SMS state (activation/sms.ts) once a second while it runs.
 */
import { Input, Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { smsButtonLabel, type SmsState } from '../../activation';
import './index.css';

export interface SmsCodeInputProps {
  value: string;
  onInput: (value: string) => void;
  onSend: () => void;
  sms: SmsState;
  /** The send button is off (e.g. no valid phone yet). */
  sendDisabled?: boolean;
  disabled?: boolean;
  error?: string;
  label?: string;
}

export default function SmsCodeInput({ value, onInput, onSend, sms, sendDisabled, disabled, error, label = '短信验证码' }: SmsCodeInputProps) {
  const waiting = sms.sending || sms.cooldownLeft > 0;
  return (
    <View className={`sms-code${error ? ' sms-code--error' : ''}`}>
      <Text className='sms-code__label'>{label}</Text>
      <View className='sms-code__row'>
        <Input
          className='sms-code__input'
          type='number'
          maxlength={4}
          value={value}
          disabled={disabled}
          placeholder='4位验证码'
          placeholderClass='sms-code__placeholder'
          onInput={(e) => onInput(String(e.detail.value ?? ''))}
        />
        <View
          className={`sms-code__send${waiting || sendDisabled || disabled ? ' sms-code__send--off' : ''}`}
          hoverClass={waiting || sendDisabled || disabled ? 'none' : 'sms-code__send--hover'}
          onClick={() => {
            if (!waiting && !sendDisabled && !disabled) onSend();
          }}
        >
          <Text>{smsButtonLabel(sms)}</Text>
        </View>
      </View>
      {sms.sentTo && !error ? <Text className='sms-code__note'>验证码已发送至 {sms.sentTo.slice(0, 3)}****{sms.sentTo.slice(-4)}，5分钟内有效</Text> : null}
      {error ? <Text className='sms-code__error'>{error}</Text> : null}
    </View>
  );
}

/** Ticks the countdown once a second while it runs; `dispatch` receives `{ type: 'TICK', now }`. */
export function useSmsTick(sms: SmsState, dispatch: (a: { type: 'TICK'; now: number }) => void): void {
  const running = sms.cooldownEndsAt !== null;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => dispatch({ type: 'TICK', now: Date.now() }), 1000);
    return () => clearInterval(timer);
  }, [running, dispatch]);
}
