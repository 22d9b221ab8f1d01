/**
 * 新建会议 for branch admins (?orgId=): type (those the tenant enables, MEET-10), name, start,
 * duration (MEET-2), feedback deadline before the start (MEET-4), host from the branch committee
 * (MEET-3), venue or online (MEET-8) with an optional check-in position, the required ratio for the
 * types with one (MEET-5), the group for a 党小组会, agenda. Checked before sending (lib/form.ts);
 * the server's refusals show beside their fields. Created, it opens the meeting, where 发送会议通知
 * picks the invitees.
 */
import { useState } from 'react'
import { Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { COMMITTEE_POST_LABELS, MEETING_DURATIONS, MEETING_TYPE_RULES, MEETING_TYPES, type BranchHome, type BranchMember, type MeetingType } from '@dangjian/shared'
import DateTimeField from '../../components/DateTimeField'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import { beijingDay } from '../../lib/time'
import ActionButton from '../../pages/activate/parts/ActionButton'
import Field from '../../pages/activate/parts/Field'
import { fetchBranchHome } from '../../services/branch'
import SelectField from './components/SelectField'
import { currentPosition, deviceMessage, isCancel } from './lib/device'
import { meetingsApi, notifyMeetingsChanged } from './lib/endpoints'
import { AGENDA_MAX, DEFAULT_RADIUS, emptyMeetingDraft, hostChoices, meetingServerErrors, toCreateRequest, TITLE_MAX, validateMeeting, VENUE_MAX, type MeetingDraft, type MeetingErrors } from './lib/form'
import { detailUrl } from './lib/pages'
import { durationLabel } from './lib/rules'
import '../../styles/common.css'
import './create.css'

interface Loaded {
  home: BranchHome
  hosts: BranchMember[]
  types: MeetingType[]
}

async function load(orgId: number | undefined): Promise<Loaded> {
  const home = await fetchBranchHome({ toast: false }, orgId)
  const [members, settings] = await Promise.all([
    meetingsApi.branchMembers(home.orgId),
    // Without the settings every type is offered; the server refuses a disabled one.
    meetingsApi.types().catch(() => null),
  ])
  const types = settings ? settings.filter((s) => s.enabled).map((s) => s.type) : [...MEETING_TYPES]
  return { home, hosts: hostChoices(members), types }
}

function hostName(m: BranchMember): string {
  const posts = m.posts.filter((p) => p !== 'group_leader').map((p) => COMMITTEE_POST_LABELS[p])
  return `${m.name}（${posts.join('、')}）`
}

function CreateForm({ home, hosts, types }: Loaded) {
  const [draft, setDraft] = useState<MeetingDraft>(emptyMeetingDraft)
  const [errors, setErrors] = useState<MeetingErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [locating, setLocating] = useState(false)
  const today = beijingDay(new Date())

  const set = <K extends keyof MeetingDraft>(key: K, field: keyof MeetingErrors) => (value: MeetingDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }
  const chooseType = (i: number) => {
    const type = types[i]
    setDraft((d) => ({ ...d, type, title: d.title.trim() ? d.title : MEETING_TYPE_RULES[type].label }))
    setErrors((e) => ({ ...e, type: undefined, title: undefined }))
  }
  const locate = () => {
    setLocating(true)
    currentPosition()
      .then((p) => set('location', 'location')({ ...p, radiusMeters: DEFAULT_RADIUS }))
      .catch((e: unknown) => {
        if (!isCancel(e)) setErrors((x) => ({ ...x, location: deviceMessage(e, '定位') }))
      })
      .finally(() => setLocating(false))
  }

  const submit = async () => {
    const local = validateMeeting(draft)
    setErrors(local)
    setFormError(null)
    if (Object.keys(local).length) return void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    setBusy(true)
    try {
      const created = await meetingsApi.create(toCreateRequest(home.orgId, draft))
      notifyMeetingsChanged()
      void Taro.showToast({ title: '会议已创建', icon: 'success', duration: 1200 })
      void Taro.redirectTo({ url: detailUrl(created.id) })
    } catch (e) {
      const res = meetingServerErrors(e)
      setErrors(res.fields)
      setFormError(res.message)
    } finally {
      setBusy(false)
    }
  }

  const rule = draft.type ? MEETING_TYPE_RULES[draft.type] : null
  return (
    <View className='dj-card mt-create__form'>
      <Text className='mt-create__org'>{home.orgName}</Text>
      <SelectField name='type' label='会议类型' options={types.map((t) => MEETING_TYPE_RULES[t].label)} index={draft.type ? types.indexOf(draft.type) : -1} placeholder='请选择会议类型' onChange={chooseType} error={errors.type} />
      {draft.type === 'group' ? (
        <SelectField
          name='group'
          label='党小组'
          options={home.groups.map((g) => g.name)}
          index={home.groups.findIndex((g) => g.id === draft.groupId)}
          placeholder={home.groups.length ? '请选择党小组' : '本支部没有党小组'}
          onChange={(i) => set('groupId', 'group')(home.groups[i]?.id ?? null)}
          error={errors.group}
        />
      ) : null}
      <Field name='title' label='会议名称' value={draft.title} maxlength={TITLE_MAX} placeholder='如：2025年第一季度支部党员大会' onInput={set('title', 'title')} error={errors.title} />
      <DateTimeField name='starts-at' label='开始时间' date={draft.startDate} time={draft.startTime} start={today} onDate={set('startDate', 'startsAt')} onTime={set('startTime', 'startsAt')} error={errors.startsAt} />
      <SelectField
        name='duration'
        label='会议时长'
        options={MEETING_DURATIONS.map(durationLabel)}
        index={MEETING_DURATIONS.indexOf(draft.durationDays as (typeof MEETING_DURATIONS)[number])}
        placeholder='请选择会议时长'
        onChange={(i) => set('durationDays', 'durationDays')(MEETING_DURATIONS[i])}
        error={errors.durationDays}
      />
      <DateTimeField
        name='deadline'
        label='反馈截止时间'
        date={draft.deadlineDate}
        time={draft.deadlineTime}
        start={today}
        end={draft.startDate || undefined}
        onDate={set('deadlineDate', 'deadline')}
        onTime={set('deadlineTime', 'deadline')}
        error={errors.deadline}
        hint='党员须在截止前反馈参加或请假'
      />
      <SelectField name='host' label='主持人' options={hosts.map(hostName)} index={hosts.findIndex((h) => h.memberId === draft.hostMemberId)} placeholder='请选择支部委员' onChange={(i) => set('hostMemberId', 'host')(hosts[i]?.memberId ?? null)} error={errors.host} />
      <View className='dj-field dj-field--online mt-create__switch'>
        <Text className='dj-field__label mt-create__switch-label'>线上会议</Text>
        <Switch checked={draft.online} color='#c8161d' onChange={(e) => set('online', 'venue')(!!e.detail.value)} />
      </View>
      <Field name='venue' label={draft.online ? '会议号或会议链接' : '会议地点'} value={draft.venue} maxlength={VENUE_MAX} placeholder={draft.online ? '如：腾讯会议 123 456 789' : '如：机关三楼党员活动室'} onInput={set('venue', 'venue')} error={errors.venue} />
      {draft.online ? null : (
        <View className={`dj-field dj-field--location${errors.location ? ' dj-field--error' : ''}`}>
          <Text className='dj-field__label'>定位签到（可选）</Text>
          {draft.location ? (
            <View className='mt-create__located'>
              <Text className='mt-create__located-text'>{`已设为当前位置，半径 ${draft.location.radiusMeters} 米内可定位签到`}</Text>
              <Text className='bp-link bp-link--muted' onClick={() => set('location', 'location')(null)}>
                清除
              </Text>
            </View>
          ) : (
            <ActionButton kind='ghost' text='在会场？使用当前位置' loading={locating} loadingText='正在定位…' onClick={locate} />
          )}
          {errors.location ? <Text className='dj-field__error'>{errors.location}</Text> : <Text className='dj-field__hint'>不设置则只能扫码签到</Text>}
        </View>
      )}
      {rule?.ratio ? (
        <Field name='ratio' label='参会比例（%）' type='number' value={draft.ratio} maxlength={3} onInput={set('ratio', 'ratio')} error={errors.ratio} hint='反馈参加的人数达到该比例，会议才能召开' />
      ) : null}
      <View className={`dj-field dj-field--agenda${errors.agenda ? ' dj-field--error' : ''}`}>
        <Text className='dj-field__label'>会议议程（可选）</Text>
        <Textarea className='bp-textarea mt-create__agenda' value={draft.agenda} maxlength={AGENDA_MAX} placeholder='一、…  二、…' placeholderClass='dj-field__placeholder' onInput={(e) => set('agenda', 'agenda')(String(e.detail.value ?? ''))} />
        {errors.agenda ? <Text className='dj-field__error'>{errors.agenda}</Text> : null}
      </View>
      {formError ? <Text className='bp-form-error'>{formError}</Text> : null}
      <ActionButton className='mt-create__submit' text='创建会议' loading={busy} loadingText='正在创建…' onClick={() => void submit()} />
    </View>
  )
}

export default function MeetingCreatePage() {
  const orgId = Number(useRouter().params.orgId) || undefined
  const data = useRemote(() => load(orgId), [orgId])
  const d = data.data
  return (
    <View className='dj-page mt-create'>
      <PageShell
        loading={data.loading && !d}
        error={d ? null : data.error}
        onRetry={data.reload}
        empty={!!d && !d.hosts.length}
        emptyTitle='本支部尚未设置支部委员会'
        emptyText='会议主持人须为支部委员。请先在管理后台的“班子成员”中为本支部设置书记或委员，再来新建会议。'
      >
        {d ? <CreateForm {...d} /> : null}
      </PageShell>
    </View>
  )
}
