/**
 * A snapshot's comments, 20 at a time with 查看更多: approved ones, the caller's own pending ones
 * (待审核), and for the publisher and admins the others' pending ones with 通过. The input below.
 */
import { Text, View } from '@tarojs/components'
import type { AidCommentView } from '@dangjian/shared'
import { usePaged } from '../../hooks/usePaged'
import { useAction } from '../../hooks/useAction'
import { canApproveComment, commentTag } from '../../lib/aid'
import { formatShort } from '../../lib/time'
import { aidApi } from '../../services/aid'
import { useRemote } from '../../hooks/useRemote'
import { fetchMe, getCachedMe } from '../../services/session'
import TextComposer from '../../subpackages/branch/components/TextComposer'
import '../../styles/common.css'
import './aid.css'

export default function AidComments({ itemId }: { itemId: number }) {
  const list = usePaged<AidCommentView>((page, size) => aidApi.comments(itemId, page, size), [itemId])
  const approve = useAction<string>()
  const cached = getCachedMe()
  const me = useRemote(() => (cached ? Promise.resolve(cached) : fetchMe({ toast: false })), []).data

  const send = async (content: string) => {
    const created = await aidApi.comment(itemId, content)
    if (!list.hasMore) list.setItems((items) => items.concat(created))
  }
  const pass = (c: AidCommentView) =>
    void approve.run(String(c.id), async () => {
      const updated = await aidApi.approveComment(itemId, c.id)
      list.setItems((items) => items.map((x) => (x.id === c.id ? updated : x)))
    })

  return (
    <View className='dj-card'>
      <View className='dj-section-title'>{`评论（${list.total}）`}</View>
      {list.loading ? <Text className='bp-meta'>加载中…</Text> : null}
      {list.error ? <Text className='bp-form-error' onClick={() => void list.reload()}>评论加载失败，点击重试</Text> : null}
      {!list.loading && !list.error && !list.items.length ? <Text className='bp-meta'>还没有评论</Text> : null}
      {list.items.map((c) => (
        <View key={c.id} className='aid-comment'>
          <View className='aid-comment__head'>
            <Text>{c.authorName}</Text>
            {commentTag(c) ? <Text className='bp-tag bp-tag--gold'>{commentTag(c)}</Text> : null}
            <Text className='bp-meta__item--push'>{formatShort(c.createdAt)}</Text>
            {canApproveComment(c, me) ? (
              <Text className='bp-link' onClick={() => pass(c)}>
                {approve.busy === String(c.id) ? '…' : '通过'}
              </Text>
            ) : null}
          </View>
          <Text className='aid-comment__text'>{c.content}</Text>
        </View>
      ))}
      {approve.error ? <Text className='bp-form-error'>{approve.error}</Text> : null}
      {list.hasMore ? (
        <Text className='bp-link' onClick={() => void list.more()}>
          {list.loadingMore ? '加载中…' : '查看更多'}
        </Text>
      ) : null}
      <TextComposer placeholder='写评论，发布人审核后显示' maxlength={500} buttonText='发表' busyText='发表中' emptyError='请填写评论' onSubmit={send} />
    </View>
  )
}
