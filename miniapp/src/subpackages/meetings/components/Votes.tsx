/**
 * Votes (表决) during the meeting: an invited member chooses one option once (a second ballot is
 * refused); results show to members once a vote is closed, to admins live. Admins start a vote
 * (事项 and its options) while the meeting is held, and close it.
 */
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingDetail, MeetingVoteView } from '@dangjian/shared'
import { useAction } from '../../../hooks/useAction'
import { useRemote } from '../../../hooks/useRemote'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { errorMessage } from '../../../services/errors'
import { confirm } from '../lib/confirm'
import { meetingsApi } from '../lib/endpoints'
import { validateVote, VOTE_TITLE_MAX, voteOptions, type VoteDraft } from '../lib/form'
import { voteShares } from '../lib/rules'
import '../../../styles/common.css'
import './panels.css'
import './Votes.css'

function Results({ vote }: { vote: MeetingVoteView }) {
  if (!vote.results) return null
  const shares = voteShares(vote.results)
  return (
    <View className='mt-vote__results'>
      {vote.options.map((o, i) => (
        <View key={o} className={`mt-vote__result${vote.myOption === i ? ' mt-vote__result--mine' : ''}`}>
          <View className='mt-vote__result-line'>
            <Text className='mt-vote__result-name'>{`${o}${vote.myOption === i ? '（我的选择）' : ''}`}</Text>
            <Text className='mt-vote__result-count'>{`${vote.results![i]} 票 · ${shares[i]}%`}</Text>
          </View>
          <View className='mt-vote__bar'>
            <View className='mt-vote__bar-fill' style={{ width: `${shares[i]}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}

function VoteItem({ meetingId, vote, canVote, admin, onChanged }: { meetingId: number; vote: MeetingVoteView; canVote: boolean; admin: boolean; onChanged: () => void }) {
  const [choice, setChoice] = useState<number | null>(null)
  const act = useAction<'cast' | 'close'>()
  const voted = vote.myOption !== null
  const choosing = canVote && vote.open && !voted

  const cast = async () => {
    if (choice === null) return act.setError('请选择一个选项')
    if (!(await confirm('确认投票', `您选择“${vote.options[choice]}”，投票后不能更改。`, '投票'))) return
    await act.run('cast', async () => {
      await meetingsApi.ballot(meetingId, vote.id, choice)
      void Taro.showToast({ title: '投票成功', icon: 'success', duration: 1200 })
      onChanged()
    })
  }
  const close = async () => {
    if (!(await confirm('结束投票', '结束后不能再投票，结果将向参会党员公布。', '结束'))) return
    if (await act.run('close', () => meetingsApi.closeVote(meetingId, vote.id))) onChanged()
  }

  return (
    <View className='mt-vote'>
      <View className='mt-vote__head'>
        <Text className='mt-vote__title'>{vote.title}</Text>
        <Text className={`bp-tag ${vote.open ? 'bp-tag--red' : 'bp-tag--grey'}`}>{vote.open ? '投票中' : '已结束'}</Text>
      </View>
      <Text className='mt-vote__meta'>{`已投 ${vote.ballots} 票${voted ? ` · 您已投“${vote.options[vote.myOption!]}”` : ''}`}</Text>
      {choosing ? (
        <View className='mt-vote__options'>
          {vote.options.map((o, i) => (
            <View key={o} className={`mt-vote__option${choice === i ? ' mt-vote__option--on' : ''}`} aria-checked={choice === i ? 'true' : 'false'} onClick={() => { setChoice(i); act.setError(null) }}>
              <View className='mt-vote__radio' />
              <Text>{o}</Text>
            </View>
          ))}
          <ActionButton className='mt-vote__cast' text='投票' loading={act.busy === 'cast'} loadingText='提交中…' onClick={() => void cast()} />
        </View>
      ) : vote.results ? (
        <Results vote={vote} />
      ) : vote.open ? (
        <Text className='mt-panel__hint'>投票结束后公布结果</Text>
      ) : null}
      {admin && vote.open ? <ActionButton className='mt-vote__close' kind='ghost' text='结束投票' loading={act.busy === 'close'} onClick={() => void close()} /> : null}
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}

function NewVote({ meetingId, onCreated }: { meetingId: number; onCreated: () => void }) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<VoteDraft>({ title: '', options: '同意\n不同意\n弃权' })
  const act = useAction()
  if (!open) return <ActionButton className='mt-vote__new' kind='ghost' text='发起表决' onClick={() => setOpen(true)} />
  const submit = () => {
    const problem = validateVote(draft)
    if (problem) return act.setError(problem)
    void act.run('send', async () => {
      await meetingsApi.createVote(meetingId, draft.title.trim(), voteOptions(draft))
      setOpen(false)
      setDraft({ title: '', options: '同意\n不同意\n弃权' })
      onCreated()
    })
  }
  return (
    <View className='mt-vote__form'>
      <View className='dj-field dj-field--vote-title'>
        <Text className='dj-field__label'>表决事项</Text>
        <Input className='dj-field__input' value={draft.title} maxlength={VOTE_TITLE_MAX} placeholder='如：通过某同志转为正式党员' placeholderClass='dj-field__placeholder' onInput={(e) => setDraft((d) => ({ ...d, title: String(e.detail.value ?? '') }))} />
      </View>
      <View className='dj-field dj-field--vote-options'>
        <Text className='dj-field__label'>选项（每行一个）</Text>
        <Textarea className='bp-textarea' value={draft.options} maxlength={600} onInput={(e) => setDraft((d) => ({ ...d, options: String(e.detail.value ?? '') }))} />
      </View>
      <View className='dj-button-row'>
        <ActionButton kind='plain' text='取消' onClick={() => setOpen(false)} />
        <ActionButton text='开始投票' loading={act.busy !== null} loadingText='提交中…' onClick={submit} />
      </View>
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}

export default function Votes({ detail }: { detail: MeetingDetail }) {
  const votes = useRemote(() => meetingsApi.votes(detail.id), [detail.id])
  const list = votes.data ?? []
  const canStart = detail.isAdmin && detail.state === 'held'
  if (!list.length && !canStart) return null
  return (
    <View className='dj-card mt-panel mt-votes'>
      <View className='dj-section-title'>会议表决</View>
      {votes.error && !votes.data ? <Text className='bp-more'>{errorMessage(votes.error)}</Text> : null}
      {list.map((v) => (
        <VoteItem key={v.id} meetingId={detail.id} vote={v} canVote={detail.invited} admin={detail.isAdmin} onChanged={() => void votes.reload()} />
      ))}
      {!list.length && votes.data ? <Text className='mt-panel__hint'>还没有表决事项</Text> : null}
      {canStart ? <NewVote meetingId={detail.id} onCreated={() => void votes.reload()} /> : null}
    </View>
  )
}
