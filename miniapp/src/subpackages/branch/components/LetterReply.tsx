/**
 * BR-10: the secretary's reply under a letter; for the secretary (post.canReply) the form to
 * reply, or, once answered, to answer again (the new reply replaces the old one).
 */
import { Text, View } from '@tarojs/components'
import { BRANCH_CONTENT_MAX, type BranchPostDetail } from '@dangjian/shared'
import { branchApi } from '../lib/endpoints'
import { formatDateTime } from '../../../lib/time'
import TextComposer from './TextComposer'
import '../../../styles/common.css'
import './LetterReply.css'

export interface LetterReplyProps {
  post: BranchPostDetail
  /** The post with its reply. */
  onReplied: (post: BranchPostDetail) => void
}

export default function LetterReply({ post, onReplied }: LetterReplyProps) {
  const replied = post.reply !== null
  if (!replied && !post.canReply) {
    return (
      <View className='dj-card bp-reply'>
        <Text className='bp-reply__waiting'>书记尚未回复，回复后会显示在这里。</Text>
      </View>
    )
  }
  return (
    <View className='dj-card bp-reply'>
      <View className='dj-section-title'>{replied ? '书记回复' : '回复来信'}</View>
      {replied ? (
        <View>
          <Text className='bp-text bp-reply__text'>{post.reply}</Text>
          <Text className='bp-reply__by'>{`${post.replierName ?? '书记'} · ${post.repliedAt ? formatDateTime(post.repliedAt) : ''}`}</Text>
        </View>
      ) : null}
      {post.canReply ? (
        <TextComposer
          className={replied ? 'bp-reply__again' : undefined}
          placeholder={replied ? '重新回复将替换上面的回复' : '写下给这位党员的回复'}
          maxlength={BRANCH_CONTENT_MAX}
          buttonText={replied ? '更新回复' : '发送回复'}
          busyText='正在发送…'
          emptyError='请填写回复内容'
          onSubmit={async (content) => {
            onReplied(await branchApi.reply(post.id, content, { toast: false }))
          }}
        />
      ) : null}
    </View>
  )
}
