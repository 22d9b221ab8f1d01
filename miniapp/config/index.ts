import path from 'node:path'
import fs from 'node:fs'
import { createHash } from 'node:crypto'
import { defineConfig } from '@tarojs/cli'
import type { IProjectConfig } from '@tarojs/taro/types/compile'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration for every platform (weapp, alipay, dd, h5).
 * `taro build --type <platform>` sets TARO_ENV before this file runs, and has already loaded
 * TARO_APP_* variables from .env, .env.local, .env.<mode>, .env.<mode>.local into process.env
 * (variables set in the shell win).
 */
const platform = process.env.TARO_ENV ?? 'weapp'
const isH5 = platform === 'h5'

// The API origin compiled into the bundle (read in code only through the API_BASE constant).
// H5 is served by the API server itself (/h5/), so it calls the same origin: '/api/v1/...'.
// Mini-programs need an absolute https origin (set TARO_APP_API_BASE in .env.production).
const apiBase = isH5
  ? (process.env.TARO_APP_H5_API_BASE ?? '')
  : (process.env.TARO_APP_API_BASE || 'https://api.example.com')

// TARO_APP_ID is the WeChat appid written into project.config.json; keep it out of the
// Alipay / DingTalk mini.project.json, which Taro would otherwise stamp with it too.
if (platform !== 'weapp') delete process.env.TARO_APP_ID

// The mini-program imports @dangjian/shared, an ESM package built to shared/dist.
const sharedEntry = path.resolve(__dirname, '../../shared/dist/index.js')
if (!fs.existsSync(sharedEntry)) {
  throw new Error('shared/dist is missing: run `npm run build -w shared` (root `npm run build` does it first).')
}

/**
 * npm workspaces hoist most packages to the root node_modules, but React 18 and the Taro packages
 * that depend on it stay in miniapp/node_modules (the admin page at the root uses React 19).
 * Resolve from miniapp/node_modules first so hoisted packages (e.g. @tarojs/taro-h5,
 * @tarojs/components-react) get this app's React 18 and Taro runtime, never the root's.
 */
const appNodeModules = path.resolve(__dirname, '../node_modules')
const preferAppModules = (chain: { resolve: { modules: { clear(): any } } }) => {
  chain.resolve.modules.clear().add(appNodeModules).add('node_modules')
}

type Merge = (...configs: Array<object | null | undefined>) => object

export default defineConfig<'webpack5'>(async (merge: Merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'dangjian-miniapp',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: platform === 'dd' ? [path.resolve(__dirname, '../plugins/platform-dd/index.js')] : [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent webpack cache (node_modules/.cache/webpack, one per NODE_ENV + TARO_ENV).
    // The API base is part of the key so changing .env never reuses a stale bundle.
    cache: {
      enable: true,
      name: `${process.env.NODE_ENV}-${platform}-${createHash('sha1').update(apiBase).digest('hex').slice(0, 8)}`,
      buildDependencies: {
        config: ['index.ts', 'dev.ts', 'prod.ts'].map((f) => path.join(__dirname, f)),
        files: [path.resolve(__dirname, '../src/app.config.ts')],
      },
    },
    logger: { quiet: true, stats: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Modules used only by one subpackage are moved into it (keeps the main package small).
      optimizeMainPackage: { enable: true },
      webpackChain: preferAppModules,
      // Styles are class-scoped per component, so their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      // The API server serves this build at /h5/ (same origin as /api/v1).
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        preferAppModules(chain)
        // webpack's default hint (244 KiB) fires on the React + Taro runtime alone; warn past 512 KiB.
        chain.performance.maxAssetSize(512 * 1024).maxEntrypointSize(512 * 1024)
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig) as IProjectConfig<'webpack5'>
  }
  return merge({}, baseConfig, prodConfig) as IProjectConfig<'webpack5'>
})
