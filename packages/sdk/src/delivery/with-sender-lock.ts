import { dropLease, takeLease } from '../storage/lease.js';
import type { QueueDb } from '../storage/open-queue-db.js';

/** Keeps the right to send for one more batch; false when it was lost (the lease expired and another tab took it). */
export type Renew = () => Promise<boolean>;

/**
 * Runs `send` unless another tab of the tool is sending, so no event is sent twice; resolves
 * `undefined` when another tab holds the lock. Web Locks where the browser has them (the browser
 * releases the lock when a tab dies); otherwise a lease in IndexedDB that `send` renews before each
 * batch. Without IndexedDB the queue is the tab's own and needs no lock.
 */
export async function withSenderLock<T>(
  name: string,
  db: Promise<QueueDb | undefined>,
  owner: string,
  send: (renew: Renew) => Promise<T>,
): Promise<T | undefined> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, { ifAvailable: true }, (lock) => (lock ? send(async () => true) : undefined));
  const d = await db;
  if (!d) return send(async () => true);
  const renew = (): Promise<boolean> => takeLease(d, owner).catch(() => false);
  if (!(await renew())) return undefined;
  try {
    return await send(renew);
  } finally {
    await dropLease(d, owner).catch(() => {});
  }
}
