/** A notice above a form: an expired step (with 重新开始), a locked account, or other information. */
import { Text, View } from '@tarojs/components';
import './forms.css';
import type { Banner as BannerValue } from '../../../activation';

export interface BannerProps {
  banner: BannerValue | null;
  onAction?: () => void;
  actionText?: string;
}

export default function Banner({ banner, onAction, actionText }: BannerProps) {
  if (!banner) return null;
  return (
    <View className={`dj-banner dj-banner--${banner.kind}`}>
      <Text className='dj-banner__text'>{banner.message}</Text>
      {onAction && actionText ? (
        <View className='dj-banner__action' hoverClass='dj-btn--hover' onClick={onAction}>
          {actionText}
        </View>
      ) : null}
    </View>
  );
}
