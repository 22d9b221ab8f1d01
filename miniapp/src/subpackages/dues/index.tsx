/**
 * 我的党费 (DUES-3, DUES-4, DUES-10; mobile 1.6 / 9.5): a year's months (?year=) — 已交 / 预交 / 未交 /
 * 未到期 with amount, date, channel and 代缴 payer — and paying: unpaid months the server lists as
 * payable, future months to prepay, an optional 自愿多交 amount, the total and 支付.
 */
import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { beijingParts, duesMonth, type MemberDues } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import { fetchMyDues, payBlocker } from '../../services/dues'
import DuesInfo, { windowText } from './components/DuesInfo'
import MonthList from './components/MonthList'
import PayBar from './components/PayBar'
import VoluntaryField, { voluntaryFen } from './components/VoluntaryField'
import { onDuesChanged } from './lib/endpoints'
import { allPayable, EMPTY_POOL, yearRange, keepSelectable, mergeDues, monthRows, selectionTotal, toggleMonth } from './lib/selection'
import { usePay } from './lib/usePay'
import '../../styles/common.css'
import './dues.css'

const quiet = { toast: false }

/** The year asked for, and the years of its payable back months (e.g. last December in January). */
async function loadYears(year: number): Promise<MemberDues[]> {
  const main = await fetchMyDues(year, quiet)
  const others = Array.from(new Set(main.payableMonths.map((m) => Number(m.slice(0, 4))))).filter((y) => y !== year)
  const extra = await Promise.all(others.map((y) => fetchMyDues(y, quiet).catch(() => null)))
  return [main, ...extra.filter((d): d is MemberDues => d !== null)]
}

export default function DuesMonthsPage() {
  const { params } = useRouter()
  const thisYear = beijingParts().year
  const range = yearRange(thisYear)
  const asked = Number(params.year)
  const [year, setYear] = useState(Number.isInteger(asked) && asked >= range.min && asked <= range.max ? asked : thisYear)
  const [answers, setAnswers] = useState<Record<number, MemberDues>>({})
  const [selected, setSelected] = useState<string[]>([])
  const [voluntary, setVoluntary] = useState('')
  const remote = useRemote(() => loadYears(year), [year])

  useEffect(() => {
    const got = remote.data
    if (!got) return
    setAnswers((prev) => {
      const next = { ...prev }
      got.forEach((d) => { next[d.year] = d })
      return next
    })
  }, [remote.data])

  const pool = useMemo(
    () => Object.values(answers).sort((a, b) => a.year - b.year).reduce(mergeDues, EMPTY_POOL),
    [answers],
  )
  useEffect(() => setSelected((s) => keepSelectable(pool, s)), [pool])

  const current: MemberDues | undefined = answers[year]
  const pay = usePay(current?.account)

  useEffect(() => onDuesChanged(() => void remote.reload()), [remote.reload])
  usePullDownRefresh(() => {
    void remote.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  const vFen = voluntaryFen(voluntary)
  const total = selectionTotal(pool, selected, vFen ?? 0)
  const payable = allPayable(pool)
  const reason = !current
    ? null
    : payBlocker(current.account) ??
      (current.window.open ? null : `现在不在交纳时间内，请于${windowText(current.window)}交纳`) ??
      (vFen === null ? '请填写正确的自愿多交金额' : null)

  const submit = async () => {
    if (vFen === null) return
    const res = await pay.pay({ months: selected, ...(vFen > 0 ? { voluntaryFen: vFen } : {}) })
    if (res.kind === 'result') {
      setSelected([])
      setVoluntary('')
    }
  }

  return (
    <View className='dj-page du-page du-index'>
      <View className='du-year'>
        <View className={`du-year__arrow${year <= range.min ? ' du-year__arrow--off' : ''}`} onClick={() => year > range.min && setYear(year - 1)}>
          <Text>‹</Text>
        </View>
        <Text className='du-year__text'>{`${year}年`}</Text>
        <View className={`du-year__arrow${year >= range.max ? ' du-year__arrow--off' : ''}`} onClick={() => year < range.max && setYear(year + 1)}>
          <Text>›</Text>
        </View>
      </View>
      <PageShell loading={remote.loading && !current} error={current ? null : remote.error} onRetry={remote.reload}>
        {current ? (
          <View>
            {current.flagged ? <Text className='du-notice du-notice--red'>您已连续6个月以上未交纳党费，请尽快交纳或联系支部</Text> : null}
            <DuesInfo dues={current} />
            {payable.length ? (
              <View className='du-quick'>
                <Text>{`未交 ${payable.length} 个月（含本月，最多补交6个月）`}</Text>
                <Text className='bp-link du-quick__all' onClick={() => setSelected((s) => Array.from(new Set(s.concat(payable))).sort())}>
                  全选未交月份
                </Text>
              </View>
            ) : null}
            <MonthList rows={monthRows(pool, year, duesMonth(new Date()))} selected={selected} onToggle={(m) => setSelected((s) => toggleMonth(pool, s, m))} />
            <VoluntaryField value={voluntary} onInput={setVoluntary} />
            <PayBar total={total} reason={reason} error={pay.error} busy={pay.busy} onPay={() => void submit()} />
          </View>
        ) : null}
      </PageShell>
    </View>
  )
}
