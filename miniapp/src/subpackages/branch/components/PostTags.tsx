/** A post's state tags (公示中, 已截止, 待回复…) from lib/spaces.ts postTags. */
import { Text } from '@tarojs/components'
import type { BranchPostSummary } from '@dangjian/shared'
import { postTags } from '../lib/spaces'
import '../../../styles/common.css'

export default function PostTags({ post }: { post: BranchPostSummary }) {
  return (
    <>
      {postTags(post).map((t) => (
        <Text key={t.text} className={`bp-tag bp-tag--${t.tone}`}>
          {t.text}
        </Text>
      ))}
    </>
  )
}
