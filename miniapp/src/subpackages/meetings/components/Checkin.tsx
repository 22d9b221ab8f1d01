/**
 * MEET-8 check-in for an invited member while the admins keep it open: 扫码签到 (the big screen's
 * rotating QR code; on H5, which has no scanner, the code under it is typed in) or 定位签到 within
 * the venue's radius. Checked in: the time.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingCheckinRequest, MeetingDetail } from '@dangjian/shared'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import Field from '../../../pages/activate/parts/Field'
import { useAction } from '../../../hooks/useAction'
import { formatDateTime } from '../../../lib/time'
import { currentPosition, deviceMessage, isCancel, SCAN_BY_TYPING, scanCode } from '../lib/device'
import { meetingsApi } from '../lib/endpoints'
import { checkinWays } from '../lib/rules'
import '../../../styles/common.css'
import './panels.css'

export interface CheckinProps {
  detail: MeetingDetail
  onCheckedIn: (detail: MeetingDetail) => void
}

export default function Checkin({ detail, onCheckedIn }: CheckinProps) {
  const act = useAction<'scan' | 'location'>()
  const [code, setCode] = useState('')
  const busy = act.busy
  const ways = checkinWays(detail)

  if (detail.invited && detail.myCheckedInAt) {
    return (
      <View className='dj-card mt-panel mt-checkin'>
        <View className='dj-section-title'>签到</View>
        <Text className='mt-checkin__done'>{`已签到 · ${formatDateTime(detail.myCheckedInAt)}`}</Text>
      </View>
    )
  }
  if (!ways) return null

  /** Gets the request from the device (scan / location), then checks in; `what` names the device step. */
  const run = async (kind: 'scan' | 'location', get: () => Promise<MeetingCheckinRequest>, what: string) => {
    let body: MeetingCheckinRequest
    try {
      body = await get()
    } catch (e) {
      return act.setError(isCancel(e) ? null : deviceMessage(e, what))
    }
    await act.run(kind, async () => {
      onCheckedIn(await meetingsApi.checkin(detail.id, body))
      void Taro.showToast({ title: '签到成功', icon: 'success', duration: 1500 })
    })
  }

  const byCode = () => {
    const typed = code.trim()
    if (!typed) return act.setError('请输入签到码')
    void run('scan', () => Promise.resolve({ code: typed }), '签到')
  }
  const byScan = () => void run('scan', () => scanCode().then((c) => ({ code: c })), '扫码')
  const byLocation = () => void run('location', currentPosition, '定位')

  return (
    <View className='dj-card mt-panel mt-checkin'>
      <View className='dj-section-title'>签到</View>
      <Text className='mt-panel__hint'>{SCAN_BY_TYPING ? '浏览器中无法扫码：请输入会议管理员提供的签到码（约每 30 秒更新）' : '请扫描会场大屏上的签到二维码'}</Text>
      {SCAN_BY_TYPING ? (
        <View className='mt-checkin__code'>
          <Field name='checkin-code' label='签到码' value={code} placeholder='输入签到码' maxlength={100} onInput={(v) => { setCode(v); act.setError(null) }} onConfirm={byCode} />
          <ActionButton className='mt-checkin__scan' text='提交签到码' loading={busy === 'scan'} loadingText='签到中…' disabled={busy === 'location'} onClick={byCode} />
        </View>
      ) : (
        <ActionButton className='mt-checkin__scan' text='扫码签到' loading={busy === 'scan'} loadingText='签到中…' disabled={busy === 'location'} onClick={byScan} />
      )}
      {ways.location ? (
        <ActionButton className='mt-checkin__locate' kind='ghost' text='定位签到' loading={busy === 'location'} loadingText='正在定位…' disabled={busy === 'scan'} onClick={byLocation} />
      ) : null}
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}
