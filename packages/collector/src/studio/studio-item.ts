import type { PromptConfig, SurveyConfig } from '@uptake/sdk/protocol';

/** What an item is: a prompt (a tip) or a survey. */
export type ItemKind = 'prompt' | 'survey';

/** Where an item stands: only `live` items are served to the tools. */
export type ItemStatus = 'draft' | 'live' | 'paused' | 'archived';

/** What one version recorded. */
export type ItemChange = 'save' | 'publish' | 'pause' | 'archive';

/** A prompt or a survey as the protocol's schema gives it (defaults filled in). */
export type ItemBody = PromptConfig | SurveyConfig;

export const itemKinds: readonly ItemKind[] = ['prompt', 'survey'];
export const itemStatuses: readonly ItemStatus[] = ['draft', 'live', 'paused', 'archived'];

/** An item of the studio as one version left it: the latest version is the item now. */
export interface ItemVersion {
  kind: ItemKind;
  id: string;
  /** 1 for the first save, one more for each change. */
  version: number;
  change: ItemChange;
  status: ItemStatus;
  /** The item as last saved: what the next publish makes live. */
  draft: ItemBody;
  /** The item as last published, served while `status` is `live`; null until the first publish. */
  live: ItemBody | null;
  /** The version that published `live`. */
  liveVersion: number | null;
  /** The name of the token that made the change. */
  savedBy: string;
  /** When, as an ISO instant. */
  savedAt: string;
}

/** A line of `GET /v1/admin/items`. */
export interface ItemSummary {
  kind: ItemKind;
  id: string;
  status: ItemStatus;
  /** The latest version; null for an item of the config file, which has none. */
  version: number | null;
  source: 'file' | 'studio';
  /** The version served while live; null when never published (and for the file's items). */
  liveVersion: number | null;
  /** Whether the draft holds changes not published yet. */
  unpublished: boolean;
  /** The prompt's title, or the survey's title or first question: how a list names it. */
  title: string;
  savedBy: string | null;
  savedAt: string | null;
  /** Why the item is not served as it stands, in words (an id the config file took since). */
  warning?: string;
}

/** One item with its content: the draft, what is live, and the ETag of its latest version. */
export interface ItemView extends ItemSummary {
  draft: ItemBody;
  live: ItemBody | null;
  /** The ETag to send as `If-Match` with the next change; null for the config file's items, which cannot change here. */
  etag: string | null;
}

/** The ETag of an item's latest version, for `If-Match`. */
export function itemEtag(version: number): string {
  return `"v${version}"`;
}

/** The title a list shows for an item. */
export function itemTitle(body: ItemBody): string {
  return 'content' in body ? body.content.title : (body.title ?? body.questions[0]?.text ?? body.id);
}

/** Whether two items are the same JSON. */
export const sameItem = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The list line of a studio item's latest version. */
export function summary(v: ItemVersion): ItemSummary {
  return {
    kind: v.kind,
    id: v.id,
    status: v.status,
    version: v.version,
    source: 'studio',
    liveVersion: v.liveVersion,
    unpublished: !sameItem(v.draft, v.live),
    title: itemTitle(v.draft),
    savedBy: v.savedBy,
    savedAt: v.savedAt,
  };
}
