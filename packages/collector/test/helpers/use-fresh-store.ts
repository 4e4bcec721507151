import { afterEach, beforeEach } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import type { StoreTarget } from './store-targets.js';

/**
 * A new, empty store for each test of the enclosing `describe`: opened (and migrated) before it,
 * closed and removed after it. Each property is read from the current test's store.
 */
export function useFreshStore(makeTarget: () => Promise<StoreTarget>): Store {
  let current: { target: StoreTarget; store: Store } | undefined;
  beforeEach(async () => {
    const target = await makeTarget();
    current = { target, store: await openStore(target.location) };
  });
  afterEach(async () => {
    await current?.store.close();
    await current?.target.dispose();
    current = undefined;
  });
  return new Proxy({} as Store, {
    get(_, key) {
      if (!current) throw new Error(`useFreshStore is used outside a test (reading ${String(key)})`);
      const value: unknown = Reflect.get(current.store, key);
      return typeof value === 'function' ? value.bind(current.store) : value;
    },
  });
}
