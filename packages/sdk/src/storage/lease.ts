import { committed, requested } from './idb-request.js';
import type { Lease, QueueDb } from './open-queue-db.js';

/**
 * How long a sender lease lasts unless renewed; a tab that dies mid-send blocks the others this long
 * at most. More than twice the time a send may take (30 s, `postTimeoutMs`): a slow send must never
 * outlive the lease, or another tab would send the same batch.
 */
export const leaseMs = 65_000;

/**
 * Takes the sender lease for `owner`, or extends it if `owner` already holds it; false while another
 * tab holds one that has not expired. Atomic across tabs: IndexedDB runs overlapping readwrite
 * transactions on one store one after the other, so two tabs cannot both see the lease free.
 */
export async function takeLease(db: QueueDb, owner: string, now = Date.now()): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const done = committed(tx);
  const store = tx.objectStore('meta');
  const lease: Lease | undefined = await requested(store.get('lease'));
  const free = !lease || lease.until <= now || lease.owner === owner;
  if (free) store.put({ owner, until: now + leaseMs } satisfies Lease, 'lease');
  await done;
  return free;
}

/** Gives the lease back if `owner` holds it, so another tab need not wait for it to expire. */
export async function dropLease(db: QueueDb, owner: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const done = committed(tx);
  const store = tx.objectStore('meta');
  const lease: Lease | undefined = await requested(store.get('lease'));
  if (lease?.owner === owner) store.delete('lease');
  await done;
}
