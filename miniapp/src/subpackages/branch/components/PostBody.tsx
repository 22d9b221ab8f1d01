/** A post in full: title, author, time, tags (and 编辑 / 删除), the when-line, the text, 已编辑 and the images. */
import { Text, View } from '@tarojs/components'
import type { BranchPostDetail } from '@dangjian/shared'
import { postSchedule } from '../lib/spaces'
import { formatDateTime } from '../../../lib/time'
import ImageGrid from './ImageGrid'
import PostTags from './PostTags'
import '../../../styles/common.css'
import './PostBody.css'

export interface PostBodyProps {
  post: BranchPostDetail
  /** Shows 编辑 on the byline (where the caller may edit). */
  onEdit?: () => void
  /** Shows 删除 on the byline (where the caller may delete). */
  onDelete?: () => void
}

export default function PostBody({ post, onEdit, onDelete }: PostBodyProps) {
  const schedule = postSchedule(post)
  return (
    <View className='dj-card bp-body'>
      {post.title ? <Text className='bp-body__title'>{post.title}</Text> : null}
      <View className='bp-body__byline'>
        <Text className='bp-body__author'>{post.authorName}</Text>
        <Text className='bp-body__time'>{formatDateTime(post.createdAt)}</Text>
        <PostTags post={post} />
        {onEdit || onDelete ? (
          <View className='bp-body__actions'>
            {onEdit ? (
              <Text className='bp-link bp-body__action bp-body__edit' onClick={onEdit}>
                编辑
              </Text>
            ) : null}
            {onDelete ? (
              <Text className='bp-link bp-body__action bp-body__delete' onClick={onDelete}>
                删除
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>
      {schedule ? <Text className='bp-schedule'>{schedule}</Text> : null}
      <Text className='bp-text bp-body__content' userSelect>
        {post.content}
      </Text>
      <ImageGrid images={post.images} />
      {post.editedAt ? <Text className='bp-body__edited'>{`已编辑 · ${formatDateTime(post.editedAt)}`}</Text> : null}
    </View>
  )
}
