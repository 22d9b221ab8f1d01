/**
 * MEET-12 democratic evaluation of the life-and-review meeting: the member's self-evaluation
 * (个人自评) and grades for the other full members (互评; probationary members take part but are not
 * graded). Admins see who has taken part and the problems the server finds with the ratings.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EVALUATION_GRADE_LABELS, EVALUATION_GRADES, type EvaluationGrade, type MeetingDetail } from '@dangjian/shared'
import { useAction } from '../../../hooks/useAction'
import { useRemote } from '../../../hooks/useRemote'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { errorMessage } from '../../../services/errors'
import { getCachedMe } from '../../../services/session'
import { meetingsApi } from '../lib/endpoints'
import { mutualTargets, validateMutual } from '../lib/form'
import TextCard from './TextCard'
import '../../../styles/common.css'
import './panels.css'
import './Evaluation.css'

type Ratings = Record<number, EvaluationGrade | undefined>

export default function Evaluation({ detail }: { detail: MeetingDetail }) {
  const view = useRemote(() => meetingsApi.evaluation(detail.id), [detail.id])
  const [ratings, setRatings] = useState<Ratings>({})
  const act = useAction()
  const v = view.data
  useEffect(() => {
    if (v) setRatings(Object.fromEntries(v.myMutual.map((r) => [r.memberId, r.grade])))
  }, [v])

  if (!v) {
    return view.error ? (
      <View className='dj-card mt-panel'>
        <View className='dj-section-title'>民主评议</View>
        <Text className='mt-panel__hint'>{errorMessage(view.error)}</Text>
      </View>
    ) : null
  }
  const targets = mutualTargets(v, getCachedMe()?.memberId ?? null)

  const submit = () => {
    const problem = validateMutual(targets, ratings)
    if (problem) return act.setError(problem)
    void act.run('send', async () => {
      await meetingsApi.saveMutual(detail.id, targets.map((t) => ({ memberId: t.memberId, grade: ratings[t.memberId]! })))
      void Taro.showToast({ title: '互评已提交', icon: 'success', duration: 1200 })
      await view.reload()
    })
  }

  return (
    <View>
      {detail.invited ? (
        <TextCard name='self' title='个人自评' saved={v.mySelf} placeholder='对照党员标准，写下本人一年来的表现和不足' onSave={(c) => meetingsApi.saveSelf(detail.id, c)} />
      ) : null}
      {detail.invited && targets.length ? (
        <View className='dj-card mt-panel mt-eval'>
          <View className='dj-section-title'>党员互评</View>
          <Text className='mt-panel__hint'>为每位正式党员评定等次；预备党员参加评议，不评定等次。</Text>
          {targets.map((t) => (
            <View key={t.memberId} className='mt-eval__row'>
              <Text className='mt-eval__name'>{t.name}</Text>
              <View className='mt-eval__grades'>
                {EVALUATION_GRADES.map((g) => (
                  <Text
                    key={g}
                    className={`mt-eval__grade${ratings[t.memberId] === g ? ' mt-eval__grade--on' : ''}`}
                    onClick={() => {
                      setRatings((r) => ({ ...r, [t.memberId]: g }))
                      act.setError(null)
                    }}
                  >
                    {EVALUATION_GRADE_LABELS[g]}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          <ActionButton className='mt-eval__submit' text={v.myMutual.length ? '更新互评' : '提交互评'} loading={act.busy !== null} loadingText='提交中…' onClick={submit} />
          {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
        </View>
      ) : null}
      {detail.isAdmin ? (
        <View className='dj-card mt-panel mt-eval'>
          <View className='dj-section-title'>评议情况</View>
          {v.members.map((m) => (
            <View key={m.memberId} className='dj-row mt-eval__status'>
              <Text className='dj-row__text'>{`${m.name}${m.probationary ? '（预备）' : ''}`}</Text>
              <Text className={`bp-tag ${m.selfSubmitted ? 'bp-tag--green' : 'bp-tag--grey'}`}>{m.selfSubmitted ? '已自评' : '未自评'}</Text>
              <Text className='bp-tag bp-tag--gold'>{`互评 ${m.mutualGiven}`}</Text>
              {m.grade ? <Text className='bp-tag bp-tag--red'>{EVALUATION_GRADE_LABELS[m.grade]}</Text> : null}
            </View>
          ))}
          {v.problems.map((p) => (
            <Text key={p} className='bp-form-error mt-eval__problem'>{p}</Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
