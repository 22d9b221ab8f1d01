/**
 * 积分排行 (PTS-4): my branch's, my organisation's or the whole tenant's members ranked for this
 * year or this month, my place above the list and my row highlighted.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { PointsRankingScope } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import Segmented from '../../components/Segmented'
import { useRemote } from '../../hooks/useRemote'
import { getCachedMe } from '../../services/session'
import { pointsApi } from './lib/endpoints'
import { isMine, myRankText, PERIOD_OPTIONS, periodText, rankingQuery, SCOPE_OPTIONS, type RankingPeriodKind } from './lib/view'
import '../../styles/common.css'
import './points.css'

export default function PointsRankingPage() {
  const [scope, setScope] = useState<PointsRankingScope>('branch')
  const [kind, setKind] = useState<RankingPeriodKind>('year')
  const r = useRemote(() => pointsApi.rankings(rankingQuery(scope, kind)), [scope, kind])
  const data = r.data
  const myMemberId = getCachedMe()?.memberId ?? undefined
  const mine = data ? myRankText(data.me) : null

  usePullDownRefresh(() => {
    void r.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='dj-page pt-page'>
      <View className='pt-toolbar'>
        <Segmented options={SCOPE_OPTIONS} value={scope} onChange={setScope} />
        <Segmented className='pt-toolbar__period' options={PERIOD_OPTIONS} value={kind} onChange={setKind} />
      </View>
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
    </View>
  )
}
