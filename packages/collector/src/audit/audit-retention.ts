import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../storage/store.js';

/** Audit lines are kept at least this many days, however short `retentionDays` is. */
export const minAuditRetentionDays = 365;

/**
 * How many days the audit log keeps a line: as long as the events it is about may be kept
 * (`retentionDays`), and at least a year, so a yearly review of who read what finds every read;
 * forever (undefined) when events are kept forever. A line names a token, never a person.
 */
export function auditRetentionDays(retentionDays: number | undefined): number | undefined {
  return retentionDays === undefined ? undefined : Math.max(retentionDays, minAuditRetentionDays);
}

/** Purges audit lines older than `auditRetentionDays(retentionDays)` now and every hour; returns a stop function. */
export function scheduleAuditRetention(store: Store, retentionDays: number | undefined, log: FastifyBaseLogger): () => void {
  const days = auditRetentionDays(retentionDays);
  if (days === undefined) return () => undefined;
  const purge = () =>
    store
      .purgeAudit(new Date(Date.now() - days * 864e5))
      .catch((error) => log.warn({ err: error }, 'audit retention: purge failed; will retry in an hour'));
  void purge();
  const timer = setInterval(() => void purge(), 3600e3);
  timer.unref();
  return () => clearInterval(timer);
}
