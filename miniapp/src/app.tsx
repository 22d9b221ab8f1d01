import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { launch } from './services/launch'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    // Entry scene → EntryInfo → silent platform login (see services/launch.ts).
    void launch({ query: (options?.query ?? {}) as Record<string, string | undefined> })
  })
  return children
}

export default App
