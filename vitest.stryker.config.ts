import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The tests StrykerJS runs against its mutants (stryker.config.mjs): those of the code it mutates,
 * not the whole suite (a mutant reruns only the tests that reach it, but the first run runs them all).
 */
export default defineConfig({
  resolve: {
    alias: {
      '@uptake/sdk/protocol': src('./packages/sdk/src/protocol/index.ts'),
      '@uptake/widgets': src('./packages/widgets/src/index.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'sdk',
          include: [
            'packages/sdk/test/rules/**/*.test.ts',
            'packages/sdk/test/delivery/**/*.test.ts',
            'packages/sdk/test/storage/**/*.test.ts',
          ],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'collector',
          include: [
            'packages/collector/test/ingest/**/*.test.ts',
            'packages/collector/test/storable-text.test.ts',
            'packages/collector/test/pseudonymize.test.ts',
            'packages/collector/test/retention.test.ts',
            'packages/collector/test/batch-route.test.ts',
            'packages/collector/test/metrics/metrics.test.ts',
            'packages/collector/test/metrics/suppress.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
    ],
  },
});
