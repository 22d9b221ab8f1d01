/** Unit tests of the shared rules (tier 1). ESM + ts-jest, see ../shared/notes/STACK-FACTS.md. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true, module: 'ESNext', moduleResolution: 'Bundler' } }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
