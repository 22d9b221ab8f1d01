import Taro from '@tarojs/taro'

/** Asks before a step that cannot be undone (a ballot, closing a vote, a flow step); resolves whether confirmed. */
export function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  return Taro.showModal({ title, content, confirmText, confirmColor: '#c8161d' }).then((r) => !!r.confirm)
}
