import type { UptakeConfig } from '../config/config-schema.js';
import { pseudonymizerFor } from '../ingest/pseudonymizer.js';
import type { Store, StoredEvent } from '../storage/store.js';
import { demoEvents, type DemoOptions } from './demo-organisation.js';

/** The setting that records that a demo was written, so starting twice does not write it twice. */
export const demoSettingKey = 'demo';

/** What `generateDemo` did. */
export type DemoResult = { written: true; events: number } | { written: false; since: string };

/**
 * Writes the demo organisation into a store, in batches, with user ids pseudonymized as the
 * collector stores them. Does nothing when a demo was already written to this store.
 */
export async function generateDemo(
  store: Store,
  config: UptakeConfig,
  options: DemoOptions,
  onProgress: (employees: number) => void = () => undefined,
): Promise<DemoResult> {
  const previous = await store.getSetting(demoSettingKey);
  if (previous) return { written: false, since: (JSON.parse(previous) as { at: string }).at };
  const pseudonymize = await pseudonymizerFor(config, store);
  const end = Date.parse(`${options.until}T23:59:59.999Z`);
  let batch: StoredEvent[] = [];
  let events = 0;
  let people = 0;
  const flush = async () => {
    events += (await store.insert(batch)).length;
    batch = [];
    onProgress(people);
  };
  for (const e of demoEvents(options)) {
    if (e.name === 'identify') people++;
    if (e.ts.getTime() > end) continue; // a goal a few days after an exposure near the end
    batch.push({ ...e, userId: e.userId === null ? null : pseudonymize(e.userId) });
    if (batch.length >= 5000) await flush();
  }
  await flush();
  await store.initSetting(demoSettingKey, JSON.stringify({ ...options, at: new Date().toISOString() }));
  return { written: true, events };
}
