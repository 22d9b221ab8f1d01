import type { IProjectConfig } from '@tarojs/taro/types/compile'

export default {
  mini: {},
  h5: {},
} satisfies Partial<IProjectConfig<'webpack5'>>
