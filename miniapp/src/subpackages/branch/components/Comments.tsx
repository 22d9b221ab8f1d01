/**
 * Comments (opinions, 意见, in the deliberation hall), oldest first, 20 at a time with 查看更多;
 * the input when the caller may comment, else why not (议题已截止); 删除 on one's own.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BRANCH_COMMENT_MAX, type BranchComment } from '@dangjian/shared'
import { errorMessage } from '../../../services/errors'
import { branchApi } from '../lib/endpoints'
import { formatShort } from '../../../lib/time'
import { usePaged } from '../../../hooks/usePaged'
import TextComposer from './TextComposer'
import '../../../styles/common.css'
import './Comments.css'

export interface CommentsProps {
  postId: number
  noun: string
  /** The post's comment count (kept by the page as comments come and go). */
  count: number
  canComment: boolean
  /** Why the caller cannot comment (shown instead of the input). */
  closedText: string
  onCountChange: (delta: number) => void
}

export default function Comments({ postId, noun, count, canComment, closedText, onCountChange }: CommentsProps) {
  const list = usePaged<BranchComment>((page, size) => branchApi.comments(postId, page, size), [postId])
  const send = async (content: string) => {
    const created = await branchApi.comment(postId, content, { toast: false })
    onCountChange(1)
    // Oldest first: the new one joins the end when the end is shown (else 查看更多 reaches it).
    if (!list.hasMore) list.setItems((items) => items.concat(created))
  }

  const remove = async (c: BranchComment) => {
    const ok = await Taro.showModal({ title: `删除${noun}`, content: `确定删除这条${noun}吗？`, confirmText: '删除', confirmColor: '#c8161d' })
    if (!ok.confirm) return
    await branchApi.removeComment(c.id)
    list.setItems((items) => items.filter((x) => x.id !== c.id))
    onCountChange(-1)
  }

  return (
    <View className='dj-card bp-comments'>
      <View className='dj-section-title'>{`${noun}（${count}）`}</View>
      {list.loading ? <Text className='bp-more'>加载中…</Text> : null}
      {list.error ? <Text className='bp-more'>{errorMessage(list.error)}</Text> : null}
      {!list.loading && !list.error && !list.items.length ? <Text className='bp-more'>{`还没有${noun}`}</Text> : null}
      {list.items.map((c) => (
        <View key={c.id} className='bp-comment'>
          <View className='bp-comment__head'>
            <Text className='bp-comment__author'>{c.authorName}</Text>
            <Text className='bp-comment__time'>{formatShort(c.createdAt)}</Text>
            {c.canDelete ? (
              <Text className='bp-link bp-link--muted bp-comment__delete' onClick={() => void remove(c).catch(() => undefined)}>
                删除
              </Text>
            ) : null}
          </View>
          <Text className='bp-text bp-comment__text'>{c.content}</Text>
        </View>
      ))}
      {list.hasMore ? (
        <Text className='bp-more bp-link' onClick={() => void list.more()}>
          {list.loadingMore ? '加载中…' : `查看更多${noun}`}
        </Text>
      ) : null}

      {canComment ? (
        <TextComposer
          className='bp-comments__form'
          placeholder={`写下您的${noun}`}
          maxlength={BRANCH_COMMENT_MAX}
          buttonText={`发表${noun}`}
          busyText='正在发表…'
          emptyError={`请填写${noun}`}
          onSubmit={send}
        />
      ) : (
        <Text className='bp-comments__closed'>{closedText}</Text>
      )}
    </View>
  )
}
