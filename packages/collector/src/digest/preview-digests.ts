import type { UptakeConfig } from '../config/config-schema.js';
import type { Store } from '../storage/store.js';
import { buildDigest, type Digest, DigestWithheld } from './build-digest.js';

/** Each configured digest as it would go out today, or why it would not. */
export type DigestPreview = { name: string; digest: Digest } | { name: string; withheld: string };

export async function previewDigests(store: Store, config: UptakeConfig, today: string, name?: string): Promise<DigestPreview[]> {
  const targets = (config.digests?.targets ?? []).filter((t) => name === undefined || t.name === name);
  const previews: DigestPreview[] = [];
  for (const target of targets) {
    try {
      previews.push({ name: target.name, digest: await buildDigest(store, config, target, today) });
    } catch (error) {
      if (!(error instanceof DigestWithheld)) throw error;
      previews.push({ name: target.name, withheld: error.message });
    }
  }
  return previews;
}
