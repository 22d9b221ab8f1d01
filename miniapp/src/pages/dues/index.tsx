/**
 * 党费 (tab): this month's amount and status at a glance, the payment window (DUES-7) and whether
 * it is open, the member's standard (category and rule, DUES-1), 去交纳, 交费记录 and 代缴, and for
 * admins 党费收缴. Everything else lives in the `subpackages/dues` subpackage.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { beijingParts, DUES_CATEGORY_LABELS, duesMonth, type Me, type MemberDues } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useTabState } from '../../hooks/useTabState'
import { formatFen } from '../../lib/money'
import {
  DUES_PAGES,
  duesAdminOrgs,
  fetchMyDues,
  MONTH_STATUS_TEXT,
  monthText,
  NO_STANDARD_MESSAGE,
  PAID_VIA_TEXT,
  payBlocker,
  type AdminOrg,
} from '../../services/dues'
import { fetchMe, getCachedMe, isLoggedIn } from '../../services/session'
import './index.css'

type Ready =
  | { kind: 'guest' }
  | { kind: 'not-member'; admin: AdminOrg[] }
  | { kind: 'ready'; dues: MemberDues; admin: AdminOrg[] }

const open = (url: string) => void Taro.navigateTo({ url })

async function loadDues(): Promise<Ready> {
  if (!isLoggedIn()) return { kind: 'guest' }
  const me: Me = getCachedMe() ?? (await fetchMe({ toast: false }))
  const admin = duesAdminOrgs(me)
  if (me.memberId === null) return { kind: 'not-member', admin }
  const dues = await fetchMyDues(beijingParts().year, { toast: false })
  return { kind: 'ready', dues, admin }
}

function Links({ admin, member }: { admin: AdminOrg[]; member: boolean }) {
  return (
    <View className='dj-card dj-list dues-links'>
      {member ? (
        <View className='dj-row dues-link dues-link--receipts' hoverClass='dj-row--hover' onClick={() => open(DUES_PAGES.receipts)}>
          <Text className='dj-row__text'>交费记录</Text>
          <Text className='dues-link__extra'>收据查询</Text>
          <Text className='dj-row__arrow'>›</Text>
        </View>
      ) : null}
      <View className='dj-row dues-link dues-link--proxy' hoverClass='dj-row--hover' onClick={() => open(DUES_PAGES.proxy)}>
        <Text className='dj-row__text'>代缴党费</Text>
        <Text className='dues-link__extra'>为家人交纳</Text>
        <Text className='dj-row__arrow'>›</Text>
      </View>
      {admin.length ? (
        <View className='dj-row dues-link dues-link--admin' hoverClass='dj-row--hover' onClick={() => open(`${DUES_PAGES.admin}?orgId=${admin[0].orgId}`)}>
          <Text className='dj-row__text'>党费收缴</Text>
          <Text className='dues-link__extra'>支部管理</Text>
          <Text className='dj-row__arrow'>›</Text>
        </View>
      ) : null}
    </View>
  )
}

function Ready({ dues, admin }: { dues: MemberDues; admin: AdminOrg[] }) {
  const month = duesMonth(new Date())
  const view = dues.months.find((m) => m.month === month) ?? null
  const s = dues.standard
  const amount = view?.amountFen ?? s?.amountFen ?? null
  const status = view?.status ?? null
  const blocker = payBlocker(dues.account)
  const owed = dues.payableMonths.length
  return (
    <View>
      <View className='dj-masthead dues-hero'>
        <Text className='dues-hero__label'>{`${monthText(month)}党费`}</Text>
        {s || view?.amountFen != null ? (
          <View className='dues-hero__row'>
            <Text className='dues-hero__amount'>{formatFen(amount)}</Text>
            {status ? <Text className={`dues-hero__status dues-hero__status--${status}`}>{MONTH_STATUS_TEXT[status]}</Text> : null}
          </View>
        ) : (
          <Text className='dues-hero__empty'>{NO_STANDARD_MESSAGE}</Text>
        )}
        {s && !view ? <Text className='dj-masthead__sub'>本月账单尚未生成</Text> : null}
        {view?.paidAt && view.paidVia ? (
          <Text className='dj-masthead__sub'>{`${PAID_VIA_TEXT[view.paidVia]}交纳${view.payerName ? ` · 代缴人 ${view.payerName}` : ''}`}</Text>
        ) : null}
      </View>

      <View className='dj-card dues-info'>
        <View className='dues-info__line'>
          <Text className='dues-info__key'>交纳时间</Text>
          <Text className='dues-info__value'>{`每月${dues.window.firstDay}日–${dues.window.lastDay}日`}</Text>
          <Text className={`dues-window dues-window--${dues.window.open ? 'open' : 'closed'}`}>{dues.window.open ? '交纳中' : '未开放'}</Text>
        </View>
        {s ? (
          <View>
            <View className='dues-info__line'>
              <Text className='dues-info__key'>我的标准</Text>
              <Text className='dues-info__value'>{`${DUES_CATEGORY_LABELS[s.category]} · 每月${formatFen(s.amountFen)}`}</Text>
            </View>
            <Text className='dues-info__rule'>{s.rule}</Text>
          </View>
        ) : (
          <View className='dues-info__line'>
            <Text className='dues-info__key'>我的标准</Text>
            <Text className='dues-info__value dues-info__value--muted'>{`${NO_STANDARD_MESSAGE}，设置后即可在线交纳`}</Text>
          </View>
        )}
        {owed > 0 ? <Text className='dues-info__owed'>{`有 ${owed} 个月党费可以交纳`}</Text> : null}
        {dues.flagged ? <Text className='dues-info__warn'>您已连续6个月以上未交纳党费，请尽快交纳或联系支部</Text> : null}
        {blocker ? <Text className='dues-info__warn'>{blocker}</Text> : null}
        <View className='dj-btn dj-btn--primary dues-pay' hoverClass='dj-btn--hover' onClick={() => open(DUES_PAGES.index)}>
          去交纳
        </View>
      </View>

      <Links admin={admin} member />
    </View>
  )
}

export default function DuesTab() {
  // Loaded on every visit: a payment may have been made meanwhile.
  const { state, retry } = useTabState(loadDues)

  return (
    <View className='dj-page dues-tab'>
      <PageShell
        loading={state.kind === 'loading'}
        error={state.kind === 'error' ? state.error : null}
        onRetry={retry}
        empty={state.kind === 'guest'}
        emptyTitle='登录后交纳党费'
        emptyText='党员激活账号或登录后，可以在这里查看每月应交党费、在线交纳并查询交费记录。'
        emptyAction={{ text: '去登录', onClick: () => open('/pages/login/index') }}
      >
        {state.kind === 'ready' ? <Ready dues={state.dues} admin={state.admin} /> : null}
        {state.kind === 'not-member' ? (
          <View className='dues-tab__guest'>
            <Text className='dues-notice'>您的账号没有关联党员信息，无法查看本人党费。可以为家人代缴党费。</Text>
            <Links admin={state.admin} member={false} />
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
