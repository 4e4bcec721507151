import { pseudonymSecretSetting } from '../storage/pseudonym-key-file.js';
import type { Store } from '../storage/store.js';
import { usageSettingKey } from '../storage/usage-rollup.js';
import { checkpointPrefix } from './move-checkpoint.js';

/** A move that cannot go on without losing what the stores mean, in words. */
export class MoveError extends Error {}

/** What `carrySettings` did. */
export interface CarriedSettings {
  /** `carried`: the source's generated pseudonym secret is now the destination's; `same`: it was already; `none`: the source keeps none. */
  pseudonymSecret: 'carried' | 'same' | 'none';
  /** Other settings the destination now holds as the source does. */
  copied: string[];
  /** Settings the destination held with another value, left as they were. */
  kept: string[];
}

/**
 * Makes the destination read the source's pseudonyms alike, before any event moves: the source's
 * generated pseudonym secret becomes the destination's (kept as that store keeps it: a key file
 * beside a DuckDB file, PostgreSQL's settings), so a person's next event is hashed to the pseudonym
 * their moved events carry. A destination that already keeps another secret is refused: its
 * pseudonyms would not match. The usage events the daily rollup counts come along too (the inserts
 * then rebuild it alike), and every other setting the destination does not hold yet.
 */
export async function carrySettings(from: Store, to: Store): Promise<CarriedSettings> {
  const secret = await from.keptPseudonymSecret();
  let pseudonymSecret: CarriedSettings['pseudonymSecret'] = 'none';
  if (secret !== undefined) {
    const before = await to.keptPseudonymSecret();
    if (before !== undefined && before !== secret) {
      throw new MoveError(
        'the destination keeps another pseudonym secret than the source: the moved pseudonyms would not match its people. Move into a store no collector has started on',
      );
    }
    await to.initPseudonymSecret(secret);
    pseudonymSecret = before === undefined ? 'carried' : 'same';
  }
  await to.syncUsageEvents(JSON.parse((await from.getSetting(usageSettingKey)) ?? '[]'));
  const copied: string[] = [];
  const kept: string[] = [];
  for (const row of await from.query('SELECT key, value FROM settings ORDER BY key')) {
    const key = String(row['key']);
    if (key === pseudonymSecretSetting || key === usageSettingKey || key.startsWith(checkpointPrefix)) continue;
    const value = String(row['value']);
    if ((await to.initSetting(key, value)) === value) copied.push(key);
    else kept.push(key);
  }
  return { pseudonymSecret, copied, kept };
}
