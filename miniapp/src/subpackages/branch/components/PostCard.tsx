/** One post in a space's list: title (or the text itself), tags, unread dot, images, author, counts. */
import { Text, View } from '@tarojs/components'
import { BRANCH_SPACES, type BranchPostSummary } from '@dangjian/shared'
import { commentNoun, postSchedule } from '../lib/spaces'
import { formatShort } from '../../../lib/time'
import ImageGrid from './ImageGrid'
import PostTags from './PostTags'
import '../../../styles/common.css'
import './PostCard.css'

export default function PostCard({ post, onOpen }: { post: BranchPostSummary; onOpen: () => void }) {
  const rule = BRANCH_SPACES[post.kind]
  const schedule = postSchedule(post)
  return (
    <View className={`dj-card bp-card${post.read ? '' : ' bp-card--unread'}`} hoverClass='bp-card--hover' onClick={onOpen}>
      <View className='bp-card__head'>
        {post.read ? null : <View className='bp-dot' aria-label='未读' />}
        {post.title ? <Text className='bp-card__title'>{post.title}</Text> : <Text className='bp-card__author'>{post.authorName}</Text>}
        <PostTags post={post} />
      </View>
      {post.excerpt ? <Text className={`bp-card__excerpt${post.title ? '' : ' bp-card__excerpt--main'}`}>{post.excerpt}</Text> : null}
      {schedule ? <Text className='bp-schedule'>{schedule}</Text> : null}
      <ImageGrid images={post.images} compact />
      <View className='bp-meta'>
        {post.title ? <Text className='bp-meta__item'>{post.authorName}</Text> : null}
        <Text className='bp-meta__item'>{formatShort(post.createdAt)}</Text>
        {rule.likes ? <Text className={`bp-meta__item bp-meta__item--push${post.likedByMe ? ' bp-card__liked' : ''}`}>{`赞 ${post.likeCount}`}</Text> : null}
        {rule.comments ? <Text className={`bp-meta__item${rule.likes ? '' : ' bp-meta__item--push'}`}>{`${commentNoun(post.kind)} ${post.commentCount}`}</Text> : null}
      </View>
    </View>
  )
}
