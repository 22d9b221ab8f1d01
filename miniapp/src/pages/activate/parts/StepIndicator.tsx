/** 1 核验身份 — 2 验证手机 — 3 设置密码, the current step in red, done ones with ✓. */
import { Text, View } from '@tarojs/components';
import './forms.css';

export interface StepIndicatorProps {
  steps: string[];
  /** 1-based. */
  current: number;
}

export default function StepIndicator({ steps, current }: StepIndicatorProps) {
  return (
    <View className='dj-steps'>
      {steps.map((title, i) => {
        const n = i + 1;
        const state = n < current ? 'done' : n === current ? 'current' : 'todo';
        return (
          <View key={title} className={`dj-steps__item dj-steps__item--${state}`}>
            <View className='dj-steps__dot'>
              <Text>{state === 'done' ? '✓' : String(n)}</Text>
            </View>
            <Text className='dj-steps__title'>{title}</Text>
            {n < steps.length ? <View className='dj-steps__line' /> : null}
          </View>
        );
      })}
    </View>
  );
}
