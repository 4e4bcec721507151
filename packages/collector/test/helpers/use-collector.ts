import type { UptakeConfig } from '../../src/config/config-schema.js';
import { type StoreKind, storeTarget } from './store-targets.js';
import { type TempCollector, tempCollector, testConfig } from './temp-collector.js';
import { useResource } from './use-resource.js';

/**
 * The collector of the enclosing `describe` (or of the file): started on a fresh store of `kind`
 * before the tests, stopped and its store removed after them.
 */
export function useCollector(kind: StoreKind = 'duckdb', config: UptakeConfig = testConfig): TempCollector {
  return useResource(
    'useCollector',
    () => tempCollector(config, storeTarget(kind)),
    (c) => c.stop(),
  );
}
