/**
 * 积分排行 (PTS-4): 个人排行 — my branch's, my organisation's or the whole tenant's members ranked
 * for this year or this month, my place above the list and my row highlighted — and 组织平均分 —
 * the organisations under mine by their members' average (computed daily, "统计于 …"). When the
 * tenant switched rankings off (PTS-5, 403 POINTS_RANKINGS_OFF) the page says so and shows nothing else.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { PointsRankingScope } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { useRemote } from '../../hooks/useRemote'
import { getCachedMe } from '../../services/session'
import { asOfText, isRankingsOff, RANKINGS_OFF_TEXT } from './lib/declare'
import { pointsApi } from './lib/endpoints'
import { isMine, myRankText, PERIOD_OPTIONS, periodText, rankingPeriod, rankingQuery, SCOPE_OPTIONS, type RankingPeriodKind } from './lib/view'
import '../../styles/common.css'
import './points.css'

type RankingMode = 'members' | 'orgs'
const MODE_OPTIONS: Array<{ value: RankingMode; text: string }> = [
  { value: 'members', text: '个人排行' },
  { value: 'orgs', text: '组织平均分' },
]

export default function PointsRankingPage() {
  const [mode, setMode] = useState<RankingMode>('members')
  const [scope, setScope] = useState<PointsRankingScope>('branch')
  const [kind, setKind] = useState<RankingPeriodKind>('year')
  const r = useRemote(() => (mode === 'members' ? pointsApi.rankings(rankingQuery(scope, kind)) : Promise.resolve(null)), [mode, scope, kind])
  const avg = useRemote(() => (mode === 'orgs' ? pointsApi.averages(rankingPeriod(kind)) : Promise.resolve(null)), [mode, kind])
  const data = r.data
  const averages = avg.data
  const myMemberId = getCachedMe()?.memberId ?? undefined
  const mine = data ? myRankText(data.me) : null
  const off = isRankingsOff(r.error) || isRankingsOff(avg.error)

  usePullDownRefresh(() => {
    void Promise.all([r.reload(), avg.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })

  if (off) {
    return (
      <View className='dj-page pt-page'>
        <PageShell empty emptyTitle='积分排行未开启' emptyText={RANKINGS_OFF_TEXT} className='pt-off' />
      </View>
    )
  }

  return (
    <View className='dj-page pt-page'>
      <View className='pt-toolbar'>
        <Segmented className='pt-toolbar__mode' options={MODE_OPTIONS} value={mode} onChange={setMode} />
        {mode === 'members' ? <Segmented className='pt-toolbar__period' options={SCOPE_OPTIONS} value={scope} onChange={setScope} /> : null}
        <Segmented className='pt-toolbar__period' options={PERIOD_OPTIONS} value={kind} onChange={setKind} />
      </View>
      {mode === 'members' ? (
        <PageShell
          loading={r.loading && !data}
          error={r.error}
          onRetry={r.reload}
          empty={!!data && !data.items.length}
          emptyTitle='暂无排行'
          emptyText={data ? `${periodText(data.period)}还没有党员获得积分。` : undefined}
        >
          {data && (
            <View>
              {mine && (
                <View className='dj-card pt-mine' data-testid='my-rank'>
                  <Text className='pt-mine__label'>我的名次（{periodText(data.period)}）</Text>
                  <Text className='pt-mine__value'>{mine}</Text>
                </View>
              )}
              <View className='dj-card dj-list'>
                {data.items.map((row) => (
                  <View key={row.memberId} className={`pt-rank${isMine(row.memberId, myMemberId) ? ' pt-rank--mine' : ''}`}>
                    <Text className={`pt-rank__no${row.rank <= 3 ? ` pt-rank__no--top${row.rank}` : ''}`}>{row.rank}</Text>
                    <View className='pt-rank__who'>
                      <Text className='pt-rank__name'>{row.name}</Text>
                      <Text className='pt-rank__org'>{row.orgName}</Text>
                    </View>
                    <Text className='pt-rank__total'>{row.total} 分</Text>
                  </View>
                ))}
              </View>
              <Text className='pt-note'>积分相同的党员名次相同；排行仅用于激励，不作为考核依据。</Text>
            </View>
          )}
        </PageShell>
      ) : (
        <PageShell
          loading={avg.loading && !averages}
          error={avg.error}
          onRetry={avg.reload}
          empty={!!averages && !averages.items.length}
          emptyTitle='暂无组织平均分'
          emptyText={averages ? `${averages.orgName}下还没有可统计的组织。${asOfText(averages.asOf)}` : undefined}
        >
          {averages && (
            <View>
              <View className='dj-card pt-mine pt-avg__head'>
                <Text className='pt-mine__label'>{`${averages.orgName} · ${periodText(averages.period)}`}</Text>
                <Text className='pt-avg__asof' data-testid='averages-asof'>{asOfText(averages.asOf)}</Text>
              </View>
              <View className='dj-card dj-list'>
                {averages.items.map((row) => (
                  <View key={row.orgId} className='pt-rank pt-avg'>
                    <Text className={`pt-rank__no${row.rank <= 3 ? ` pt-rank__no--top${row.rank}` : ''}`}>{row.rank}</Text>
                    <View className='pt-rank__who'>
                      <Text className='pt-rank__name'>{row.orgName}</Text>
                      <Text className='pt-rank__org'>{`${row.memberCount} 名党员 · 共 ${row.total} 分`}</Text>
                    </View>
                    <Text className='pt-rank__total'>{`${row.average} 分`}</Text>
                  </View>
                ))}
              </View>
              <Text className='pt-note'>组织平均分 = 组织（含下级）党员积分合计 ÷ 党员人数，每日统计一次；仅用于激励，不作为考核依据。</Text>
            </View>
          )}
        </PageShell>
      )}
    </View>
  )
}
