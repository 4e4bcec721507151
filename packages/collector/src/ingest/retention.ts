import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../storage/store.js';

/**
 * Events retention never purges: who was trained when (`training.completed`) and who is in which
 * group (`identify`) carry no behaviour, and every metric about the people still here needs them.
 */
export const keptForever = ['training.completed', 'identify'] as const;

const hour = 60 * 60 * 1000;

/** Purges behavioural events older than `days` now and every hour; returns a stop function. */
export function scheduleRetention(store: Store, days: number, log: FastifyBaseLogger): () => void {
  const purge = async () => {
    const before = new Date(Date.now() - days * 24 * hour);
    try {
      const purged = await store.purge(before, keptForever);
      if (purged > 0) log.info({ purged, before: before.toISOString() }, 'retention: purged old events');
    } catch (error) {
      log.warn({ err: error }, 'retention: purge failed; will retry in an hour');
    }
  };
  void purge();
  const timer = setInterval(() => void purge(), hour);
  timer.unref();
  return () => clearInterval(timer);
}
