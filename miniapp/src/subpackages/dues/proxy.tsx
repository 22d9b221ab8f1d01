/**
 * 代缴 (DUES-5): pay for a family member or another member. Their name and ID number →
 * POST /dues/proxy/lookup → their masked name, organisation and payable months → paid like one's
 * own dues, the order carrying forMemberId and the lookup's proxyTicket (valid 30 minutes).
 */
import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { duesMonth, normalizeIdNumber, type DuesProxyLookup } from '@dangjian/shared'
import ActionButton from '../../pages/activate/parts/ActionButton'
import Field from '../../pages/activate/parts/Field'
import { useAction } from '../../hooks/useAction'
import { monthText, PAID_VIA_TEXT, payBlocker } from '../../services/dues'
import MonthList from './components/MonthList'
import PayBar from './components/PayBar'
import { duesApi } from './lib/endpoints'
import { NAME_MAX, proxyFormErrors } from './lib/form'
import { EMPTY_POOL, mergeDues, monthRows, selectionTotal, toggleMonth } from './lib/selection'
import { usePay } from './lib/usePay'
import '../../styles/common.css'
import './dues.css'

export default function DuesProxyPage() {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [errors, setErrors] = useState<{ name?: string; idNumber?: string }>({})
  const [found, setFound] = useState<DuesProxyLookup | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const lookup = useAction<'lookup'>()
  const pay = usePay(found?.dues.account)

  const pool = useMemo(() => (found ? mergeDues(EMPTY_POOL, found.dues) : EMPTY_POOL), [found])

  const search = () => {
    const e = proxyFormErrors(name, idNumber)
    setErrors(e)
    if (e.name || e.idNumber) return
    void lookup.run('lookup', async () => {
      const res = await duesApi.proxyLookup({ name: name.trim(), idNumber: normalizeIdNumber(idNumber) })
      setSelected([])
      setFound(res)
    })
  }

  if (!found) {
    return (
      <View className='dj-page du-page du-proxy'>
        <Text className='du-notice'>可以为家人或其他党员代缴党费。请填写被代缴党员的姓名和身份证号，核对无误后交纳。</Text>
        <View className='dj-card'>
          <Field name='proxy-name' label='党员姓名' value={name} onInput={setName} placeholder='被代缴党员的姓名' maxlength={NAME_MAX} error={errors.name} />
          <Field name='proxy-id' label='身份证号' type='idcard' value={idNumber} onInput={setIdNumber} placeholder='18位身份证号' maxlength={18} error={errors.idNumber} onConfirm={search} />
          {lookup.error ? <Text className='bp-form-error'>{lookup.error}</Text> : null}
          <ActionButton text='查询' loadingText='查询中…' loading={lookup.busy === 'lookup'} onClick={search} />
        </View>
      </View>
    )
  }

  const d = found.dues
  const total = selectionTotal(pool, selected)
  const otherYears = d.payableMonths.filter((m) => !m.startsWith(`${d.year}-`))
  return (
    <View className='dj-page du-page du-proxy'>
      <View className='dj-card'>
        <Text className='du-proxy__who'>{`为 ${found.memberName} 代缴`}</Text>
        <Text className='du-proxy__org'>{found.orgName}</Text>
        {d.account ? <Text className='du-proxy__org'>{`交纳渠道：${PAID_VIA_TEXT[d.account.channel]}`}</Text> : null}
        <Text className='bp-link' onClick={() => setFound(null)}>重新查询</Text>
      </View>
      {!d.standard ? <Text className='du-notice'>{`该党员${d.year}年的党费标准尚未设置，请联系其所在支部`}</Text> : null}
      {otherYears.length ? <Text className='du-notice'>{`${otherYears.map(monthText).join('、')}的党费请由本人交纳或联系支部`}</Text> : null}
      <View className='du-year'>
        <Text className='du-year__text'>{`${d.year}年`}</Text>
      </View>
      <MonthList rows={monthRows(pool, d.year, duesMonth(new Date()))} selected={selected} onToggle={(m) => setSelected((s) => toggleMonth(pool, s, m))} />
      <PayBar
        total={total}
        reason={payBlocker(d.account)}
        error={pay.error}
        busy={pay.busy}
        onPay={() => void pay.pay({ months: selected, forMemberId: found.memberId, proxyTicket: found.proxyTicket })}
      />
    </View>
  )
}
