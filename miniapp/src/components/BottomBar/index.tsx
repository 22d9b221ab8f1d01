/** A bar fixed at the bottom of a page (the post button, the comment input); the page keeps room for it. */
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.css'

export default function BottomBar({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <View>
      <View className='bp-bottom-bar__spacer' />
      <View className={`bp-bottom-bar${className ? ` ${className}` : ''}`}>{children}</View>
    </View>
  )
}
