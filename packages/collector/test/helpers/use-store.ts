import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/store.js';
import { type StoreKind, storeTarget } from './store-targets.js';
import { useResource } from './use-resource.js';

/**
 * The store of the enclosing `describe` (or of the file): opened fresh, of `kind`, before the tests,
 * closed and removed after them.
 */
export function useStore(kind: StoreKind): Store {
  return useResource(
    'useStore',
    async () => {
      const target = await storeTarget(kind)();
      const store = await openStore(target.location);
      return Object.assign(store, { dispose: () => target.dispose() });
    },
    async (store) => {
      await store.close();
      await store.dispose();
    },
  );
}
