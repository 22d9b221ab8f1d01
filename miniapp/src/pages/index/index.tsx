import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { EntryInfo, Me } from '@dangjian/shared'
import { PageShell } from '../../components/PageShell'
import { MODULES, type ModuleEntry } from '../../modules'
import { whenLaunched } from '../../services/launch'
import { fetchMe, getCachedMe, getEntryInfo, isLoggedIn, onSessionChange } from '../../services/session'
import './index.css'

function greetingWord(hour: number): string {
  if (hour < 6) return '您好'
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

export default function Home() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn())
  const [me, setMe] = useState<Me | null>(getCachedMe())
  const [entry, setEntry] = useState<EntryInfo | null>(getEntryInfo())
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(async () => {
    const logged = isLoggedIn()
    setLoggedIn(logged)
    setEntry(getEntryInfo())
    if (!logged) {
      setMe(null)
      return
    }
    const cached = getCachedMe()
    setMe(cached)
    setLoading(!cached)
    setError(null)
    try {
      setMe(await fetchMe({ toast: false }))
    } catch (e) {
      // With a cached profile the page still works; without one it shows 重试.
      if (!cached && isLoggedIn()) setError(e)
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => {
    void load()
  })

  useEffect(() => {
    // Silent login / logout elsewhere update the greeting.
    const off = onSessionChange(() => {
      setLoggedIn(isLoggedIn())
      setMe(getCachedMe())
    })
    void whenLaunched().then((s) => setEntry(s.entry ?? getEntryInfo()))
    return off
  }, [])

  const open = (m: ModuleEntry) => {
    void (m.tab ? Taro.switchTab({ url: m.path }) : Taro.navigateTo({ url: m.path }))
  }

  const hour = new Date().getHours()
  const name = me?.displayName ?? ''

  return (
    <View className='dj-page home'>
      <View className='home__hero'>
        {loggedIn && me ? (
          <View>
            <Text className='home__hello'>{`${greetingWord(hour)}，${name}`}</Text>
            <Text className='home__org'>{me.orgName ?? '尚未分配支部'}</Text>
            {me.tenantName && <Text className='home__tenant'>{me.tenantName}</Text>}
          </View>
        ) : loggedIn ? (
          <View>
            <Text className='home__hello'>{greetingWord(hour)}</Text>
            <Text className='home__org'>{error ? '暂时未能读取您的信息' : '正在读取您的信息…'}</Text>
          </View>
        ) : (
          <View>
            <Text className='home__hello'>欢迎使用党建云</Text>
            <Text className='home__org'>
              {entry ? `${entry.tenantName}${entry.orgName ? ` · ${entry.orgName}` : ''}` : '党员激活账号后即可使用全部功能'}
            </Text>
            <View className='home__cta'>
              <View className='dj-btn dj-btn--gold home__cta-btn' hoverClass='dj-btn--hover' onClick={() => void Taro.navigateTo({ url: '/pages/activate/index' })}>
                激活账号
              </View>
              <View className='dj-btn dj-btn--light home__cta-btn' hoverClass='dj-btn--hover' onClick={() => void Taro.navigateTo({ url: '/pages/login/index' })}>
                登录
              </View>
            </View>
          </View>
        )}
      </View>

      <PageShell loading={loading} error={error} onRetry={() => void load()}>
        <View className='dj-card home__modules'>
          <View className='dj-section-title'>功能</View>
          <View className='home__grid'>
            {MODULES.map((m) => (
              <View key={m.key} className='home__tile' hoverClass='home__tile--hover' onClick={() => open(m)}>
                <View className={`home__badge home__badge--${m.accent}`}>
                  <Text>{m.glyph}</Text>
                </View>
                <Text className='home__name'>{m.name}</Text>
              </View>
            ))}
          </View>
        </View>
      </PageShell>
    </View>
  )
}
