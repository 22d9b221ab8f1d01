/**
 * 党费收缴 for branch admins (DUES-10, DUES-11; admin mobile 2.2): an organisation they administer
 * (from the session's role grants, ?orgId=), a month (?month=), its counts and collected total, the
 * paid / unpaid members, 提醒未交 (in-app reminders to the unpaid), and the members flagged for six or
 * more unpaid months.
 */
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { duesMonth, shiftMonth, type DuesBillView, type DuesRemindResult } from '@dangjian/shared'
import BottomBar from '../../components/BottomBar'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { useAction } from '../../hooks/useAction'
import { usePaged } from '../../hooks/usePaged'
import { useRemote } from '../../hooks/useRemote'
import ActionButton from '../../pages/activate/parts/ActionButton'
import { formatDateTime } from '../../lib/time'
import { formatFen } from '../../lib/money'
import { duesAdminOrgs, monthText, PAID_VIA_TEXT } from '../../services/dues'
import { fetchMe, getCachedMe } from '../../services/session'
import { duesApi } from './lib/endpoints'
import { remindText } from './lib/admin'
import '../../styles/common.css'
import '../../pages/activate/parts/forms.css'
import './dues.css'

type Status = 'unpaid' | 'paid'
const STATUS_TABS: Array<{ value: Status; text: string }> = [
  { value: 'unpaid', text: '未交' },
  { value: 'paid', text: '已交' },
]

const isMonth = (s: string | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s)

async function adminOrgs() {
  const me = getCachedMe() ?? (await fetchMe({ toast: false }))
  return duesAdminOrgs(me)
}

function BillRow({ bill, showOrg }: { bill: DuesBillView; showOrg: boolean }) {
  const meta: string[] = []
  if (showOrg) meta.push(bill.orgName)
  if (bill.status === 'paid') {
    if (bill.paidVia) meta.push(PAID_VIA_TEXT[bill.paidVia])
    if (bill.paidAt) meta.push(formatDateTime(bill.paidAt))
    if (bill.payerName) meta.push(`代缴人 ${bill.payerName}`)
  }
  return (
    <View className={`du-bill du-bill--${bill.status}`}>
      <View className='du-bill__head'>
        <Text className='du-bill__name'>{bill.memberName}</Text>
        {bill.prepaid ? <Text className='bp-tag bp-tag--green'>预交</Text> : null}
        <Text className='du-bill__amount'>{formatFen(bill.amountFen)}</Text>
      </View>
      {meta.length ? <Text className='du-month__meta'>{meta.join(' · ')}</Text> : null}
    </View>
  )
}

export default function DuesAdminPage() {
  const { params } = useRouter()
  const thisMonth = duesMonth(new Date())
  const orgsR = useRemote(adminOrgs, [])
  const orgs = orgsR.data ?? []
  const [orgId, setOrgId] = useState<number>(Number(params.orgId) || 0)
  const org = orgs.find((o) => o.orgId === orgId) ?? orgs[0] ?? null
  const [month, setMonth] = useState(isMonth(params.month) && params.month <= thisMonth ? params.month : thisMonth)
  const [status, setStatus] = useState<Status>('unpaid')
  const [reminded, setReminded] = useState<{ month: string; orgId: number; result: DuesRemindResult } | null>(null)
  const remind = useAction<'remind'>()
  const year = Number(month.slice(0, 4))

  const summary = useRemote(() => (org ? duesApi.summary(org.orgId, year) : Promise.resolve(null)), [org?.orgId, year])
  const flagged = useRemote(() => (org ? duesApi.flagged(org.orgId) : Promise.resolve([])), [org?.orgId])
  const bills = usePaged(
    (page, size) => (org ? duesApi.bills(org.orgId, month, status, page, size) : Promise.resolve({ items: [], total: 0, page, pageSize: size })),
    [org?.orgId, month, status],
  )

  usePullDownRefresh(() => {
    void Promise.all([summary.reload(), flagged.reload(), bills.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void bills.more()
  })

  const stats = summary.data?.months.find((m) => m.month === month) ?? null
  const shownReminder = reminded && org && reminded.orgId === org.orgId && reminded.month === month ? reminded.result : null

  const sendReminders = async () => {
    if (!org) return
    const ok = await Taro.showModal({ title: '提醒未交党员', content: `向${org.orgName}${monthText(month)}未交党费的党员发送提醒？`, confirmText: '提醒', confirmColor: '#c8161d' })
    if (!ok.confirm) return
    const done = await remind.run('remind', async () => {
      const result = await duesApi.remind(org.orgId, month)
      setReminded({ month, orgId: org.orgId, result })
    })
    if (done) void Taro.showToast({ title: '已发送提醒', icon: 'success' })
  }

  return (
    <View className='dj-page du-page du-admin'>
      <PageShell
        loading={orgsR.loading && !orgsR.data}
        error={orgsR.data ? null : orgsR.error}
        onRetry={orgsR.reload}
        empty={!!orgsR.data && !org}
        emptyTitle='暂无管理权限'
        emptyText='党费收缴情况仅向支部管理员开放。'
      >
        {org ? (
          <View>
            {orgs.length > 1 ? (
              <View className='du-toolbar'>
                <Picker mode='selector' range={orgs.map((o) => o.orgName)} value={Math.max(0, orgs.indexOf(org))} onChange={(e) => setOrgId(orgs[Number(e.detail.value)].orgId)}>
                  <View className='du-month-pick du-admin__org'>
                    <Text>{`${org.orgName} ▾`}</Text>
                  </View>
                </Picker>
              </View>
            ) : null}
            <View className='du-year'>
              <View className='du-year__arrow' onClick={() => setMonth(shiftMonth(month, -1))}>
                <Text>‹</Text>
              </View>
              <Picker mode='date' fields='month' value={month} end={thisMonth} onChange={(e) => isMonth(String(e.detail.value).slice(0, 7)) && setMonth(String(e.detail.value).slice(0, 7))}>
                <View className='du-month-pick du-admin__month'>
                  <Text>{`${monthText(month)} ▾`}</Text>
                </View>
              </Picker>
              <View className={`du-year__arrow${month >= thisMonth ? ' du-year__arrow--off' : ''}`} onClick={() => month < thisMonth && setMonth(shiftMonth(month, 1))}>
                <Text>›</Text>
              </View>
            </View>

            <View className='dj-card du-stats'>
              <View className='du-stat'>
                <Text className='du-stat__value'>{stats ? stats.billed : '—'}</Text>
                <Text className='du-stat__label'>应交人数</Text>
              </View>
              <View className='du-stat'>
                <Text className='du-stat__value'>{stats ? stats.paid : '—'}</Text>
                <Text className='du-stat__label'>已交</Text>
              </View>
              <View className='du-stat'>
                <Text className='du-stat__value du-stat__value--red'>{stats ? stats.unpaid : '—'}</Text>
                <Text className='du-stat__label'>未交</Text>
              </View>
              <View className='du-stat'>
                <Text className='du-stat__value'>{stats ? formatFen(stats.paidFen) : '—'}</Text>
                <Text className='du-stat__label'>{stats ? `已收 / 应收 ${formatFen(stats.expectedFen)}` : '已收'}</Text>
              </View>
            </View>

            {flagged.data && flagged.data.length ? (
              <View className='dj-card du-flagged'>
                <View className='dj-section-title'>{`连续6个月以上未交（${flagged.data.length}人）`}</View>
                {flagged.data.map((f) => (
                  <View key={f.memberId} className='du-flagged__row'>
                    <View className='du-bill__head'>
                      <Text className='du-bill__name'>{f.memberName}</Text>
                      <Text className='du-bill__amount du-stat__value--red'>{`${f.unpaidMonths.length}个月未交`}</Text>
                    </View>
                    <Text className='du-month__meta'>
                      {`${f.orgName} · ${f.lastPaidMonth ? `最近交纳 ${monthText(f.lastPaidMonth)}` : '暂无交纳记录'}`}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}

            <View className='du-toolbar'>
              <Segmented options={STATUS_TABS} value={status} onChange={setStatus} />
            </View>
            <PageShell
              loading={bills.loading}
              error={bills.error}
              onRetry={bills.reload}
              empty={!bills.items.length}
              emptyTitle={status === 'unpaid' ? '本月暂无未交党员' : '本月暂无已交党员'}
            >
              <View className='dj-card du-bills'>
                {bills.items.map((b) => (
                  <BillRow key={b.id} bill={b} showOrg={b.orgId !== org.orgId} />
                ))}
              </View>
              <View className='bp-more'>{bills.loadingMore ? '加载中…' : bills.hasMore ? '上拉加载更多' : `共 ${bills.total} 人`}</View>
            </PageShell>

            {status === 'unpaid' ? (
              <BottomBar>
                {shownReminder ? <Text className='du-remind__result'>{remindText(shownReminder)}</Text> : null}
                {remind.error ? <Text className='du-paybar__error'>{remind.error}</Text> : null}
                <ActionButton
                  text='提醒未交'
                  loadingText='发送中…'
                  loading={remind.busy === 'remind'}
                  disabled={!bills.loading && bills.total === 0}
                  onClick={() => void sendReminders()}
                />
              </BottomBar>
            ) : null}
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
