/** A labelled input with its error (or hint) right under it; large type for older members. */
import { Input, Text, View } from '@tarojs/components';
import './forms.css';
import type { ReactNode } from 'react';

export interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  password?: boolean;
  maxlength?: number;
  disabled?: boolean;
  error?: string;
  hint?: string;
  /** Extra content on the input's row (e.g. a link). */
  extra?: ReactNode;
  /** Class on the field, also used by the browser tests to find it. */
  name: string;
  onConfirm?: () => void;
}

export default function Field({ label, value, onInput, placeholder, type = 'text', password, maxlength, disabled, error, hint, extra, name, onConfirm }: FieldProps) {
  return (
    <View className={`dj-field dj-field--${name}${error ? ' dj-field--error' : ''}`}>
      <Text className='dj-field__label'>{label}</Text>
      <View className='dj-field__row'>
        <Input
          className='dj-field__input'
          type={type}
          password={password}
          maxlength={maxlength ?? 140}
          value={value}
          disabled={disabled}
          placeholder={placeholder}
          placeholderClass='dj-field__placeholder'
          onInput={(e) => onInput(String(e.detail.value ?? ''))}
          onConfirm={onConfirm}
        />
        {extra}
      </View>
      {error ? <Text className='dj-field__error'>{error}</Text> : hint ? <Text className='dj-field__hint'>{hint}</Text> : null}
    </View>
  );
}
