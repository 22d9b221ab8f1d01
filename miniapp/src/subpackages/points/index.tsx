/**
 * 我的积分 (PTS-4): this year's and all-time totals by category, with the way to 明细, 积分申报
 * and — unless the tenant switched rankings off (PTS-5) — 排行.
 */
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { useRemote } from '../../hooks/useRemote'
import { pointsApi, POINTS_PAGES } from './lib/endpoints'
import { categoryLines, periodText } from './lib/view'
import '../../styles/common.css'
import './points.css'

export default function PointsPage() {
  const r = useRemote(() => pointsApi.me(), [])
  // PTS-5: the tenant may switch rankings off; then nothing rank-related shows. Hidden until the
  // settings are known; a server without them: shown (the ranking page explains a refusal).
  const settings = useRemote(() => pointsApi.settings().catch(() => ({ rankingsEnabled: true })), [])
  const rankings = settings.data?.rankingsEnabled ?? false
  const data = r.data

  usePullDownRefresh(() => {
    void Promise.all([r.reload(), settings.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <View className='dj-page pt-page'>
      <PageShell loading={r.loading && !data} error={data ? null : r.error} onRetry={r.reload}>
        {data && (
          <View>
            <View className='dj-card dj-hero pt-summary'>
              <View className='dj-hero__main'>
                <Text className='pt-summary__label'>{periodText(data.year)}积分</Text>
                <Text className='pt-summary__value' data-testid='points-year'>{data.yearTotals.total}</Text>
              </View>
              <View className='pt-summary__side'>
                <Text className='pt-summary__label'>累计积分</Text>
                <Text className='pt-summary__side-value'>{data.allTime.total}</Text>
              </View>
            </View>
            <View className='dj-card'>
              <View className='dj-section-title'>按类别</View>
              <View className='pt-cats__head'>
                <Text className='pt-cats__name'>类别</Text>
                <Text className='pt-cats__num'>本年度</Text>
                <Text className='pt-cats__num'>累计</Text>
              </View>
              {categoryLines(data).map((c) => (
                <View key={c.category} className='pt-cats__row'>
                  <Text className='pt-cats__name'>{c.label}</Text>
                  <Text className='pt-cats__num pt-cats__num--strong'>{c.year}</Text>
                  <Text className='pt-cats__num'>{c.allTime}</Text>
                </View>
              ))}
            </View>
            <View className='dj-card dj-list'>
              <View className='dj-row pt-link--detail' hoverClass='dj-row--hover' onClick={() => go(POINTS_PAGES.detail)}>
                <Text className='dj-row__text'>积分明细</Text>
                <Text className='dj-row__arrow'>›</Text>
              </View>
              <View className='dj-row pt-link--declarations' hoverClass='dj-row--hover' onClick={() => go(POINTS_PAGES.declarations)}>
                <Text className='dj-row__text'>积分申报</Text>
                <Text className='dj-row__arrow'>›</Text>
              </View>
              {rankings ? (
                <View className='dj-row pt-link--ranking' hoverClass='dj-row--hover' onClick={() => go(POINTS_PAGES.ranking)}>
                  <Text className='dj-row__text'>积分排行</Text>
                  <Text className='dj-row__arrow'>›</Text>
                </View>
              ) : null}
            </View>
            <Text className='pt-note'>{rankings ? '积分来自学习、组织生活和先锋作用中完成的事项，排行仅用于激励，不作为考核依据。' : '积分来自学习、组织生活和先锋作用中完成的事项，仅用于记录和激励，不作为考核依据。'}</Text>
          </View>
        )}
      </PageShell>
    </View>
  )
}
