/**
 * One post (?id=): its text and images, 点赞 and 分享, comments or opinions (议题已截止 once a
 * topic closes), 编辑 (the compose page, ?id=) and 删除 where allowed, for a topic's admins
 * 截止议题 / 重新开放, a letter's reply (or the secretary's reply form, canReply), and for
 * admins the read statistics with 提醒未读 (BR-1). Opening it reports a read; leaving it reports the
 * seconds spent (reading ≥ 30 s earns points).
 */
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { BRANCH_SPACES, type BranchPostDetail } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { editUrl, postUrl } from '../../services/branch'
import Comments from './components/Comments'
import LetterReply from './components/LetterReply'
import PostBody from './components/PostBody'
import ReadStats from './components/ReadStats'
import { branchApi, notifyBranchChanged, notifyPostUpdated, onPostUpdated } from './lib/endpoints'
import { commentNoun } from './lib/spaces'
import '../../styles/common.css'
import './post.css'

/** Share buttons exist where the platform shares a page (not in a browser). */
const CAN_SHARE = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay' || process.env.TARO_ENV === 'dd'

/** Reports the read on opening, and the seconds spent on leaving (best effort). */
function useReadTracking(id: number) {
  useEffect(() => {
    if (!id) return
    const opened = Date.now()
    void branchApi.read(id).catch(() => undefined)
    return () => {
      void branchApi.read(id, Math.round((Date.now() - opened) / 1000)).catch(() => undefined)
    }
  }, [id])
}

function Actions({ post, onChange }: { post: BranchPostDetail; onChange: (p: Partial<BranchPostDetail>) => void }) {
  const [busy, setBusy] = useState(false)
  const rule = BRANCH_SPACES[post.kind]
  const toggleLike = async () => {
    if (busy) return
    setBusy(true)
    try {
      const res = await branchApi.like(post.id, !post.likedByMe)
      onChange({ likedByMe: res.liked, likeCount: res.likeCount })
      notifyBranchChanged()
    } catch {
      // the request layer showed the message
    } finally {
      setBusy(false)
    }
  }
  if (!rule.likes && !CAN_SHARE) return null
  return (
    <View className='dj-card bp-actions'>
      {rule.likes ? (
        <View
          className={`bp-actions__like${post.likedByMe ? ' bp-actions__like--on' : ''}`}
          hoverClass='dj-btn--hover'
          aria-disabled={post.canLike ? 'false' : 'true'}
          onClick={() => {
            if (post.canLike || post.likedByMe) void toggleLike()
          }}
        >
          <Text className='bp-actions__like-icon'>{post.likedByMe ? '♥' : '♡'}</Text>
          <Text className='bp-actions__like-text'>{`${post.likedByMe ? '已赞' : '点赞'} ${post.likeCount}`}</Text>
        </View>
      ) : null}
      {CAN_SHARE ? (
        <Button className='bp-actions__share' openType='share'>
          分享
        </Button>
      ) : null}
    </View>
  )
}

/**
 * A topic's admins (canEdit) close it now (closesAt: now; the server keeps the instant) or reopen
 * it with no end (closesAt: null).
 */
function TopicControl({ post }: { post: BranchPostDetail }) {
  const [busy, setBusy] = useState(false)
  const open = post.open !== false
  const toggle = async () => {
    if (open) {
      const ok = await Taro.showModal({ title: '截止议题', content: '截止后党员不能再发表意见，确定截止吗？', confirmText: '截止', confirmColor: '#c8161d' })
      if (!ok.confirm) return
    }
    setBusy(true)
    try {
      notifyPostUpdated(await branchApi.update(post.id, { closesAt: open ? new Date().toISOString() : null }))
      void Taro.showToast({ title: open ? '议题已截止' : '已重新开放', icon: 'none', duration: 1200 })
    } catch {
      // the request layer showed the message
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='dj-card bp-topic-control'>
      <ActionButton kind='ghost' text={open ? '截止议题' : '重新开放'} loading={busy} loadingText='正在保存…' onClick={() => void toggle()} />
    </View>
  )
}

async function removePost(id: number): Promise<void> {
  const ok = await Taro.showModal({ title: '删除', content: '删除后不可恢复，确定删除吗？', confirmText: '删除', confirmColor: '#c8161d' })
  if (!ok.confirm) return
  await branchApi.remove(id)
  notifyBranchChanged()
  void Taro.showToast({ title: '已删除', icon: 'success', duration: 1200 })
  setTimeout(() => void Taro.navigateBack(), 800)
}

export default function BranchPostPage() {
  const id = Number(useRouter().params.id) || 0
  const remote = useRemote(() => branchApi.detail(id), [id])
  const [post, setPost] = useState<BranchPostDetail | null>(null)
  useEffect(() => setPost(remote.data ?? null), [remote.data])
  // Saved on the compose page (编辑) or by 截止议题 / 重新开放.
  useEffect(() => onPostUpdated((saved) => {
    if (saved.id === id) setPost(saved)
  }), [id])
  useReadTracking(id)

  useShareAppMessage(() => {
    void branchApi.share(id).catch(() => undefined)
    return { title: post?.title ?? post?.excerpt ?? '网上支部', path: postUrl(id) }
  })

  useEffect(() => {
    if (post) void Taro.setNavigationBarTitle({ title: BRANCH_SPACES[post.kind].label })
  }, [post?.kind])

  const update = (patch: Partial<BranchPostDetail>) => setPost((p) => (p ? { ...p, ...patch } : p))
  const rule = post ? BRANCH_SPACES[post.kind] : null
  const closed = post?.kind === 'topic' && post.open === false

  return (
    <View className='dj-page bp-post'>
      <PageShell loading={remote.loading && !post} error={post ? null : remote.error} onRetry={remote.reload}>
        {post && rule ? (
          <View>
            <PostBody
              post={post}
              onEdit={post.canEdit ? () => void Taro.navigateTo({ url: editUrl(post.id) }) : undefined}
              onDelete={post.canDelete ? () => void removePost(post.id).catch(() => undefined) : undefined}
            />
            <Actions post={post} onChange={update} />
            {post.kind === 'topic' && post.canEdit ? <TopicControl post={post} /> : null}
            {post.kind === 'letter' ? <LetterReply post={post} onReplied={setPost} /> : null}
            {rule.readStats && post.readCount !== null ? <ReadStats postId={post.id} /> : null}
            {rule.comments ? (
              <Comments
                postId={post.id}
                noun={commentNoun(post.kind)}
                count={post.commentCount}
                canComment={post.canComment}
                closedText={closed ? '议题已截止，不再收集意见' : `暂不能发表${commentNoun(post.kind)}`}
                onCountChange={(d) => {
                  setPost((p) => (p ? { ...p, commentCount: p.commentCount + d } : p))
                  notifyBranchChanged()
                }}
              />
            ) : null}
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
