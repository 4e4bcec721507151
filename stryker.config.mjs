// @ts-check
/**
 * Mutation testing with StrykerJS (`npm run mutation`, not part of `npm test`): it plants small
 * mistakes in the code below, one at a time, and reruns the tests that reach each one; a mutant the
 * tests do not notice "survives". Scores and the survivors we keep are in docs/analysts.md
 * ("How the figures are verified"). The metrics SQL is a string to Stryker; its mutants are ours:
 * scripts/sql-mutants.mjs, run after this by the same npm script.
 *
 * StrykerJS 9.x: 10.x needs Node 22.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: [
    'packages/sdk/src/rules/**/*.ts',
    '!packages/sdk/src/rules/index.ts',
    '!packages/sdk/src/rules/types.ts',
    'packages/sdk/src/delivery/**/*.ts',
    'packages/sdk/src/storage/**/*.ts',
    'packages/collector/src/ingest/**/*.ts',
    'packages/collector/src/metrics/suppress.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two cores shared with other work; PostgreSQL tests give each run a schema of its own.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // Root folders the mutated code's tests never read (a name without a leading / would match at any depth).
  ignorePatterns: ['/reports', '/bench', '/docs', '/examples', '/test', '/data', '/coverage', '/test-results'],
  thresholds: { high: 90, low: 80, break: null },
};
