import { type PromptConfig, promptSchema } from '@uptake/sdk/protocol';
import type { Store } from '../storage/store.js';
import { ItemVersions } from './item-versions.js';

/**
 * The prompts whose uplift the metrics report: the config file's, then the studio's that were ever
 * published, as last published, whatever their status now (a paused or archived prompt's exposures
 * still have a result), unless the file took their id.
 */
export async function measuredPrompts(store: Store, filePrompts: readonly PromptConfig[]): Promise<PromptConfig[]> {
  const fileIds = new Set(filePrompts.map((p) => p.id));
  const studio = (await new ItemVersions(store).latest()).flatMap((v) => {
    if (v.kind !== 'prompt' || v.live === null || fileIds.has(v.id)) return [];
    const parsed = promptSchema.safeParse(v.live);
    return parsed.success ? [parsed.data] : [];
  });
  return [...filePrompts, ...studio];
}
