/** Unit tests of pure code run without services; everything in test/ runs against real PostgreSQL and Temporal. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
// The @rectiflow/* path aliases of tsconfig.json, for jest's resolver.
const moduleNameMapper = {
  '^@rectiflow/(domain|persistence|documents|platform)$': '<rootDir>/libs/$1/src',
  '^@rectiflow/(domain|persistence|documents|platform)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@rectiflow/workflows/(.*)$': '<rootDir>/workflows/$1',
};

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/tools/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
