// Babel for the Taro build (babel-preset-taro) and for Jest (plain presets, Node target).
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    }
  }
  return {
    presets: [
      ['taro', { framework: 'react', ts: true, compiler: 'webpack5' }],
    ],
  }
}
