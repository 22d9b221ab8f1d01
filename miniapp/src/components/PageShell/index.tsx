/**
 * Frame of every page: shows loading, error (with 重试) and empty states, else the content.
 *   <PageShell loading={r.loading && !r.data} error={r.error} onRetry={r.reload}
 *              empty={!list.length} emptyTitle="暂无通知">…</PageShell>
 * A NetworkError from the request layer shows 网络连接失败 + 重试; an ApiError shows its message.
 */
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { errorMessage, isNetworkError } from '../../services/errors'
import './index.css'

export interface PageShellAction {
  text: string
  onClick: () => void
}

export interface PageShellProps {
  loading?: boolean
  loadingText?: string
  /** Any thrown value; null/undefined = no error. */
  error?: unknown
  onRetry?: () => void
  empty?: boolean
  emptyTitle?: string
  emptyText?: string
  emptyAction?: PageShellAction
  className?: string
  children?: ReactNode
}

export function PageShell(props: PageShellProps) {
  const { loading, error, empty, className, children } = props
  let body: ReactNode
  if (loading) {
    body = (
      <View className='dj-shell__state' aria-busy='true'>
        <View className='dj-shell__spinner' />
        <Text className='dj-shell__text'>{props.loadingText ?? '加载中…'}</Text>
      </View>
    )
  } else if (error) {
    const network = isNetworkError(error)
    body = (
      <View className='dj-shell__state' role='alert'>
        <View className='dj-shell__icon dj-shell__icon--error'>
          <Text>!</Text>
        </View>
        <Text className='dj-shell__title'>{network ? '网络连接失败' : '加载失败'}</Text>
        <Text className='dj-shell__text'>{network ? '请检查网络连接后点击重试' : errorMessage(error)}</Text>
        {props.onRetry && (
          <View className='dj-btn dj-btn--primary dj-shell__button' hoverClass='dj-btn--hover' onClick={props.onRetry}>
            重试
          </View>
        )}
      </View>
    )
  } else if (empty) {
    body = (
      <View className='dj-shell__state'>
        <View className='dj-shell__icon dj-shell__icon--empty'>
          <View className='dj-shell__box' />
        </View>
        <Text className='dj-shell__title'>{props.emptyTitle ?? '暂无内容'}</Text>
        {props.emptyText && <Text className='dj-shell__text'>{props.emptyText}</Text>}
        {props.emptyAction && (
          <View className='dj-btn dj-btn--ghost dj-shell__button' hoverClass='dj-btn--hover' onClick={props.emptyAction.onClick}>
            {props.emptyAction.text}
          </View>
        )}
      </View>
    )
  } else {
    body = children
  }
  return <View className={`dj-shell${className ? ` ${className}` : ''}`}>{body}</View>
}

export default PageShell
