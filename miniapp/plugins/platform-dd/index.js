/**
 * DingTalk (钉钉) mini-program platform for Taro 4: `taro build --type dd`.
 * DingTalk runs Alipay's mini-program engine, so this reuses Taro's Alipay platform (templates,
 * .axml/.acss/.sjs, mini.project.json, config key mapping) and only changes the platform name
 * and the runtime global: Taro's APIs are bound to `dd` instead of `my` (see ./runtime.js).
 * Loaded by config/index.ts only when TARO_ENV === 'dd'.
 */
const path = require('node:path')
const { Alipay } = require('@tarojs/plugin-platform-alipay')

class DingTalk extends Alipay {
  constructor(ctx, config) {
    super(ctx, config)
    this.platform = 'dd'
    this.globalObject = 'dd'
    this.runtimePath = path.join(__dirname, 'runtime.js')
  }

  /** The Alipay class asks for project.alipay.json; DingTalk has its own project.dd.json. */
  generateProjectConfig(src, dist) {
    return super.generateProjectConfig(src === 'project.alipay.json' ? 'project.dd.json' : src, dist)
  }
}

/**
 * Alipay-engine pages that use native components cannot import base.axml; the shared template is
 * inlined into them instead (same handling as @tarojs/plugin-platform-alipay, which does not export it).
 */
function inlineBaseTemplate(ctx) {
  ctx.modifyBuildAssets(({ assets, miniPlugin }) => {
    const pages = []
    miniPlugin.pages.forEach((page) => {
      const file = miniPlugin.filesConfig[miniPlugin.getConfigFilePath(page.name)]
      const config = file && file.content
      if (!page.isNative && config && config.usingComponents && Object.keys(config.usingComponents).length) {
        pages.push(page.name)
      }
    })
    if (!pages.length) return
    const baseXml = assets['base.axml'].source()
    pages.forEach((page) => {
      const name = `${page}.axml`
      const item = assets[name]
      const src = item._value ? item._value.toString() : item.source()
      let relativePath = ''
      const caller = src.replace(/<import src="(.*)base\.axml"\s*\/>/, (_, p) => {
        relativePath = p
        return ''
      })
      const main = baseXml.replace(/<import-sjs name="xs" from="(.*)utils.sjs"\s*\/>/, () =>
        src.includes('<import-sjs name="xs"') ? '' : `<import-sjs name="xs" from="${relativePath}utils.sjs" />`)
      const res = `${caller}\n${main}`
      assets[name] = { size: () => res.length, source: () => res }
    })
  })
}

module.exports = (ctx) => {
  ctx.registerPlatform({
    name: 'dd',
    useConfigName: 'mini',
    async fn({ config }) {
      inlineBaseTemplate(ctx)
      const program = new DingTalk(ctx, config)
      await program.start()
    },
  })
  // Same prebundle settings as the Alipay plugin (used by `--watch` builds).
  ctx.modifyRunnerOpts(({ opts }) => {
    if (!opts || !opts.compiler) return
    if (typeof opts.compiler === 'string') opts.compiler = { type: opts.compiler }
    if (opts.compiler.type !== 'webpack5') return
    const prebundle = (opts.compiler.prebundle = opts.compiler.prebundle || {})
    if (prebundle.enable === false) return
    prebundle.swc = prebundle.swc || { jsc: { target: 'es5' } }
    prebundle.exclude = [...(prebundle.exclude || []), path.join(__dirname, 'runtime.js')]
    prebundle.include = [...(prebundle.include || []), '@tarojs/shared']
  })
}
