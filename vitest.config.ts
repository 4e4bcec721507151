import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the sources; the collector imports the protocol the way its users do, by package name.
    alias: {
      '@uptake/sdk/protocol': src('./packages/sdk/src/protocol/index.ts'),
      '@uptake/sdk/rules': src('./packages/sdk/src/rules/index.ts'),
      '@uptake/widgets': src('./packages/widgets/src/index.ts'),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'sdk', include: ['packages/sdk/test/**/*.test.ts'], environment: 'happy-dom' } },
      { extends: true, test: { name: 'widgets', include: ['packages/widgets/test/**/*.test.ts'], environment: 'happy-dom' } },
      {
        extends: true,
        // A store's set-up (a PostgreSQL schema and its migrations) may take over 10 s on a loaded machine.
        test: {
          name: 'collector',
          include: ['packages/collector/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/reliability/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Faults, hostile input and load (docs/RELIABILITY.md): short in `npm test`, long with `npm run reliability`.
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['test/reliability/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
