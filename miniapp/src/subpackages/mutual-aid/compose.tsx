/** 发布心愿 / 发布捐赠 / 提交微心愿 (?kind=wish|donation|micro_wish; micro-wishes: branch admins only). */
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import AidComposeForm from '../../components/aid/AidComposeForm'
import { PageShell } from '../../components/PageShell'
import { isAidTab, mayPublish } from '../../lib/aid'
import { getCachedMe } from '../../services/session'
import { AID_PAGES } from '../../services/aid'
import '../../styles/common.css'
import '../../components/aid/aid.css'

export default function AidComposePage() {
  const raw = useRouter().params.kind
  const kind = isAidTab(raw) ? raw : 'wish'
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kind === 'wish' ? '发布心愿' : kind === 'donation' ? '发布捐赠' : '提交微心愿' })
  }, [kind])
  if (!mayPublish(kind, getCachedMe())) {
    return (
      <View className='dj-page'>
        <PageShell empty emptyTitle='微心愿由支部管理员提交' emptyText='身边群众有困难需要帮助，请联系所在支部的管理员代为提交。' />
      </View>
    )
  }
  return (
    <View className='dj-page aid-list'>
      <AidComposeForm kind={kind} detailUrl={(id) => `${AID_PAGES.detail}?id=${id}`} />
    </View>
  )
}
