/**
 * A full-width button built from a View (same look on every platform) that shows progress: while
 * `loading` it shows a spinner and its busy text and ignores taps; `disabled` greys it out.
 */
import { Text, View } from '@tarojs/components';
import './forms.css';

export interface ActionButtonProps {
  text: string;
  onClick: () => void;
  loading?: boolean;
  loadingText?: string;
  disabled?: boolean;
  kind?: 'primary' | 'ghost' | 'gold' | 'plain';
  className?: string;
}

export default function ActionButton({ text, onClick, loading, loadingText, disabled, kind = 'primary', className }: ActionButtonProps) {
  const off = !!(loading || disabled);
  return (
    <View
      className={`dj-btn dj-btn--${kind} dj-action${off ? ' dj-action--off' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={off ? 'none' : 'dj-btn--hover'}
      aria-disabled={off ? 'true' : 'false'}
      onClick={() => {
        if (!off) onClick();
      }}
    >
      {loading ? <View className='dj-action__spinner' /> : null}
      <Text className='dj-action__text'>{loading ? loadingText ?? `${text}…` : text}</Text>
    </View>
  );
}
