import { type PromptConfig, promptSchema } from '@uptake/sdk/protocol';
import type { Store } from '../storage/store.js';
import { measuredItems } from './measured-items.js';

/** The prompts whose uplift the metrics report: the config file's, then the studio's ever published (`measuredItems`). */
export function measuredPrompts(store: Store, filePrompts: readonly PromptConfig[]): Promise<PromptConfig[]> {
  return measuredItems(store, 'prompt', promptSchema, filePrompts);
}
