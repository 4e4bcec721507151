import type { Studio } from '../studio/studio.js';
import { type ItemKind, itemTitle } from '../studio/studio-item.js';
import { asWritten, type KitAudience, starterKit } from './starter-kit.js';

/** One item of a kit as the studio takes it: the JSON a product owner would write. */
export interface KitItem {
  kind: ItemKind;
  id: string;
  title: string;
  /** The item as a config file holds it, without the defaults the schema fills in. */
  body: Record<string, unknown>;
}

/** What adding a kit did: the ids saved as drafts, and those left as they were because the id exists. */
export interface KitAdded {
  audience: KitAudience;
  added: string[];
  skipped: string[];
}

/** The items of a kit, its prompts then the shared surveys; with `role`, the prompts address that `role` trait. */
export function kitItems(audience: KitAudience, role?: string): KitItem[] {
  const kit = starterKit(audience, role);
  const written = (kind: 'prompts' | 'surveys', id: string) => asWritten(audience, kind, id) as Record<string, unknown>;
  return [
    ...kit.prompts.map((p) => {
      const body = written('prompts', p.id);
      return {
        kind: 'prompt' as const,
        id: p.id,
        title: itemTitle(p),
        body: role === undefined ? body : { ...body, audience: p.audience },
      };
    }),
    ...kit.surveys.map((s) => ({ kind: 'survey' as const, id: s.id, title: itemTitle(s), body: written('surveys', s.id) })),
  ];
}

/**
 * Saves a kit's items in the studio as drafts by `by` (never live: they are reviewed and published
 * there), skipping an id that exists, whether the config file's or the studio's. `uptake kit add`
 * and `POST /v1/admin/kits/{audience}` both add through it.
 */
export async function addKit(studio: Studio, audience: KitAudience, by: string, role?: string): Promise<KitAdded> {
  const existing = new Set((await studio.list()).map((i) => `${i.kind} ${i.id}`));
  const result: KitAdded = { audience, added: [], skipped: [] };
  for (const item of kitItems(audience, role)) {
    if (existing.has(`${item.kind} ${item.id}`)) result.skipped.push(item.id);
    else {
      await studio.save(item.kind, item.id, item.body, { by, ifNoneMatch: '*' });
      result.added.push(item.id);
    }
  }
  return result;
}
