import type { UptakeConfig } from '../config/config-schema.js';
import { weekdayNumbers } from '../config/digest-schema.js';
import { runRepeatedly } from '../run-repeatedly.js';
import type { Store } from '../storage/store.js';
import { buildDigest, DigestWithheld } from './build-digest.js';
import { type DeliveryOptions, deliverDigest } from './deliver-digest.js';
import { DigestLog } from './digest-log.js';
import { renderDigest } from './render-digest.js';

/** The latest scheduled instant at or before `now`: this week's (or last week's) weekday at the hour, UTC. */
export function latestSlot(now: Date, weekday: number, hourUtc: number): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  slot.setUTCDate(slot.getUTCDate() - ((now.getUTCDay() - weekday + 7) % 7));
  if (slot > now) slot.setUTCDate(slot.getUTCDate() - 7);
  return slot;
}

/** A slot's digests go out within this long after its hour; later, that week is skipped. */
export const sendWindowMs = 24 * 60 * 60 * 1000;

/**
 * Sends the digests whose slot has come and that no collector has claimed: builds each from the
 * viewers' figures, records a team too small to publish as withheld (never built), POSTs the rest
 * with retries and logs the outcome. A collector that was down at the hour sends when it is back,
 * once, within a day; a week whose day has passed is skipped (a new config does not send last
 * week's digest the minute it starts). Returns what it did, for the log.
 */
export async function runDueDigests(
  store: Store,
  config: UptakeConfig,
  now: Date,
  delivery: DeliveryOptions = {},
): Promise<{ name: string; status: string; detail: string }[]> {
  const digests = config.digests;
  if (!digests) return [];
  const at = latestSlot(now, weekdayNumbers[digests.weekday], digests.hourUtc);
  if (now.getTime() - at.getTime() >= sendWindowMs) return [];
  const slot = at.toISOString().slice(0, 10);
  const log = new DigestLog(store);
  const done: { name: string; status: string; detail: string }[] = [];
  for (const target of digests.targets) {
    if (!(await log.claim(target.name, slot, now))) continue;
    let outcome: { status: 'sent' | 'failed' | 'withheld'; attempts: number; detail: string };
    try {
      const digest = await buildDigest(store, config, target, now.toISOString().slice(0, 10));
      outcome = await deliverDigest(target.url, renderDigest(digest, target.format), delivery);
    } catch (error) {
      if (!(error instanceof DigestWithheld)) {
        await log.finish(
          target.name,
          slot,
          { status: 'failed', attempts: 0, detail: `not built: ${(error as Error).message}` },
          new Date(),
        );
        throw error;
      }
      outcome = { status: 'withheld', attempts: 0, detail: error.message };
    }
    await log.finish(target.name, slot, outcome, new Date());
    done.push({ name: target.name, status: outcome.status, detail: outcome.detail });
  }
  return done;
}

/** Runs `runDueDigests` every minute (and at once); returns the stop function. */
export function scheduleDigests(
  store: Store,
  config: UptakeConfig,
  log: { info(message: string): void; warn(message: string): void },
  everyMs = 60_000,
): () => void {
  if (!config.digests) return () => undefined;
  return runRepeatedly(async () => {
    try {
      for (const d of await runDueDigests(store, config, new Date()))
        (d.status === 'sent' ? log.info : log.warn).call(log, `digest ${d.name}: ${d.status} (${d.detail})`);
    } catch (error) {
      log.warn(`digests: ${(error as Error).message}`);
    }
  }, everyMs);
}
