/**
 * One meeting (?id=): its flow (timeline, current step highlighted), the plan (time, place, host,
 * agenda, feedback deadline), and what the caller may do now — 参加 / 请假 before the deadline,
 * 扫码签到 / 定位签到 while check-in is open, votes, my notes, the speech outline (组织生活会 while
 * pre-noticed), the democratic evaluation — and for admins the next steps, check-in and invitees.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { MeetingDetail } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import { formatDateTime } from '../../lib/time'
import AdminPanel from './components/AdminPanel'
import Checkin from './components/Checkin'
import Evaluation from './components/Evaluation'
import Feedback from './components/Feedback'
import RecordView from './components/RecordView'
import Tag, { TypeTag } from './components/Tag'
import TextCard from './components/TextCard'
import Timeline from './components/Timeline'
import Votes from './components/Votes'
import { meetingsApi, notifyMeetingsChanged, onMeetingsChanged } from './lib/endpoints'
import { durationLabel, evaluationAvailable, outlineOpen, placeText, stateTag, votesVisible } from './lib/rules'
import '../../styles/common.css'
import './detail.css'

function Info({ detail: d }: { detail: MeetingDetail }) {
  const rows: Array<[string, string]> = [
    ['会议时间', `${formatDateTime(d.startsAt)} 起，${durationLabel(d.durationDays)}`],
    [d.online ? '线上会议' : '会议地点', placeText(d)],
    ['主持人', d.hostName],
    ['反馈截止', formatDateTime(d.feedbackDeadline)],
    ['参会人数', `应到 ${d.invitedCount} 人，已反馈参加 ${d.attendingCount} 人`],
  ]
  return (
    <View className='dj-card mt-info'>
      <View className='mt-info__tags'>
        <TypeTag type={d.type} />
        <Tag tag={stateTag(d.state)} />
      </View>
      <Text className='mt-info__title'>{d.title}</Text>
      <Text className='mt-info__org'>{d.orgName}</Text>
      {rows.map(([k, v]) => (
        <View key={k} className='mt-info__row'>
          <Text className='mt-info__key'>{k}</Text>
          <Text className='mt-info__value'>{v}</Text>
        </View>
      ))}
      {d.agenda ? (
        <View className='mt-info__row'>
          <Text className='mt-info__key'>会议议程</Text>
          <Text className='mt-info__value mt-info__agenda' userSelect>
            {d.agenda}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

/** The member's own notes on the meeting (only they see them). */
function Notes({ meetingId }: { meetingId: number }) {
  const note = useRemote(() => meetingsApi.note(meetingId).then((n) => n?.content ?? null), [meetingId])
  return (
    <TextCard
      name='note'
      title='我的笔记'
      saved={note.data === undefined && !note.error ? undefined : note.data ?? null}
      placeholder='记录会议要点和学习体会，仅自己可见'
      onSave={(c) => meetingsApi.saveNote(meetingId, c)}
    />
  )
}

export default function MeetingDetailPage() {
  const id = Number(useRouter().params.id) || 0
  const remote = useRemote(() => meetingsApi.detail(id), [id])
  const [detail, setDetail] = useState<MeetingDetail | null>(null)
  /** Bumped on pull-down, so the cards that load their own data (votes…) load again. */
  const [round, setRound] = useState(0)
  useEffect(() => setDetail(remote.data ?? null), [remote.data])
  useEffect(() => onMeetingsChanged(() => void remote.reload()), [remote.reload])

  usePullDownRefresh(() => {
    setRound((r) => r + 1)
    void remote.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  /** A saved answer or step: the page shows the new state, and open lists reload. */
  const changed = (next?: MeetingDetail) => {
    if (next) setDetail(next)
    else void remote.reload()
    notifyMeetingsChanged()
  }

  const d = detail
  return (
    <View className='dj-page mt-detail'>
      <PageShell loading={remote.loading && !d} error={d ? null : remote.error} onRetry={remote.reload}>
        {d ? (
          <View key={round}>
            <Info detail={d} />
            {d.isAdmin || d.isReviewer ? <AdminPanel detail={d} onChanged={changed} /> : null}
            <Checkin detail={d} onCheckedIn={changed} />
            <Feedback detail={d} onSaved={() => changed()} />
            {votesVisible(d) ? <Votes detail={d} /> : null}
            {outlineOpen(d) ? (
              <TextCard
                name='outline'
                title='发言提纲'
                hint='组织生活会前，请上传本人的发言提纲（对照检查、批评与自我批评）'
                saved={d.myOutline}
                placeholder='请填写发言提纲'
                buttonText='上传发言提纲'
                onSave={(c) => meetingsApi.outline(d.id, c).then(() => changed())}
              />
            ) : null}
            {evaluationAvailable(d) ? <Evaluation detail={d} /> : null}
            <RecordView detail={d} />
            {d.invited ? <Notes meetingId={d.id} /> : null}
            <Timeline detail={d} />
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
