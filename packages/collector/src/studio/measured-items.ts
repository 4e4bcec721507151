import type { z } from 'zod';
import type { Store } from '../storage/store.js';
import { ItemVersions } from './item-versions.js';

/**
 * The items of one kind whose results the metrics report: the config file's, then the studio's that
 * were ever published, as last published, whatever their status now (a paused or archived item's
 * events still have a result), unless the file took their id.
 */
export async function measuredItems<T extends { id: string }>(
  store: Store,
  kind: 'prompt' | 'survey',
  schema: z.ZodType<T>,
  fileItems: readonly T[],
): Promise<T[]> {
  const fileIds = new Set(fileItems.map((item) => item.id));
  const studio = (await new ItemVersions(store).latest()).flatMap((v) => {
    if (v.kind !== kind || v.live === null || fileIds.has(v.id)) return [];
    const parsed = schema.safeParse(v.live);
    return parsed.success ? [parsed.data] : [];
  });
  return [...fileItems, ...studio];
}
