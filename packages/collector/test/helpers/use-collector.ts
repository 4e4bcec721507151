import { afterAll, beforeAll } from 'vitest';
import type { UptakeConfig } from '../../src/config/config-schema.js';
import { type StoreKind, storeTarget } from './store-targets.js';
import { type TempCollector, tempCollector, testConfig } from './temp-collector.js';

/**
 * The collector of the enclosing `describe` (or of the file, at its top level): started on a fresh
 * store of `kind` before the tests, stopped and its store removed after them. The handle is returned
 * while the tests are being collected, before the collector exists; each property is read from the
 * running collector when a test uses it.
 */
export function useCollector(kind: StoreKind = 'duckdb', config: UptakeConfig = testConfig): TempCollector {
  let running: TempCollector | undefined;
  beforeAll(async () => {
    running = await tempCollector(config, storeTarget(kind));
  });
  afterAll(async () => {
    await running?.stop();
  });
  return new Proxy({} as TempCollector, {
    get(_, key) {
      if (!running) throw new Error(`useCollector: the collector is used outside its tests (reading ${String(key)})`);
      return Reflect.get(running, key);
    },
  });
}
