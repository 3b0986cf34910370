/** Unit, runtime-conformance and integration tests. E2E runs separately (npm run test:e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared-types',
    '<rootDir>/local-cloud',
    '<rootDir>/cloudfunctions',
    '<rootDir>/devhost',
    '<rootDir>/docs',
    '<rootDir>/scripts',
  ],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^@shishi/(shared-types|local-cloud)$': '<rootDir>/$1/src',
    '^@shishi/cloudfunctions/(.*)$': '<rootDir>/cloudfunctions/$1',
  },
  testTimeout: 30000,
};
