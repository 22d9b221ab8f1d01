/**
 * Jest 29 + jsdom unit tests (test/**). @tarojs/taro and @tarojs/components are replaced by the
 * mocks in test/mocks; @dangjian/shared is compiled from its TypeScript sources (its dist is ESM).
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '^@dangjian/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.(css|scss|less)$': '<rootDir>/test/mocks/style.ts',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/mocks/file.ts',
  },
  transform: {
    '^.+\\.[jt]sx?$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }],
  },
}
