import type { KitAdded } from '../../src/kit/add-kit.js';
import type { KitList } from '../../src/http/openapi-answers.js';
import type { PlanEstimate } from '../../src/studio/plan-estimate.js';
import type { ItemView as CollectorItemView, ItemSummary } from '../../src/studio/studio-item.js';
import { AuthError, apiUrl } from './api.js';
import type { Draft, Kind } from './studio-draft.js';
import type { ReachEstimate } from './studio-reach.js';

/** A line of `GET /v1/admin/items`, as the collector types it. */
export type ItemLine = ItemSummary;

/** One item as `GET|PUT /v1/admin/{prompts|surveys}/{id}` answers it: the draft and live content as the editor holds them. */
export type ItemView = Omit<CollectorItemView, 'draft' | 'live'> & { draft: Draft; live: Draft | null };

/** What `POST …/preview` answers. */
export interface PreviewLinks {
  code: string;
  expiresAt: string;
  links: { tool: string; url: string }[];
}

/** The collector refused a change: its words, and for an invalid item each problem with its field. */
export class StudioRefusal extends Error {
  override name = 'StudioRefusal';
  constructor(
    message: string,
    readonly status: number,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const plural = (kind: Kind) => (kind === 'prompt' ? 'prompts' : 'surveys');

async function call<T>(method: string, path: string, token: string, body?: unknown, etag?: string | null): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  const res = await fetch(apiUrl(path), {
    method,
    headers,
    cache: 'no-store',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 401) throw new AuthError('The collector does not accept this admin token. Enter it again.');
  const answer = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: { path: string; message: string }[] };
  if (!res.ok) throw new StudioRefusal(answer.error ?? `the collector answered ${res.status}`, res.status, answer.issues);
  return answer;
}

/** The studio's API, as the dashboard calls it (SPEC "Prompts and surveys without a restart"). */
export const studioApi = {
  items: (token: string) => call<{ items: ItemLine[] }>('GET', 'v1/admin/items', token),
  item: (token: string, kind: Kind, id: string) => call<ItemView>('GET', `v1/admin/${plural(kind)}/${encodeURIComponent(id)}`, token),
  save: (token: string, kind: Kind, id: string, draft: Draft, etag: string | null) =>
    call<ItemView>('PUT', `v1/admin/${plural(kind)}/${encodeURIComponent(id)}`, token, draft, etag),
  change: (token: string, kind: Kind, id: string, change: 'publish' | 'pause' | 'archive', etag: string | null) =>
    call<ItemView>('POST', `v1/admin/${plural(kind)}/${encodeURIComponent(id)}/${change}`, token, undefined, etag),
  reach: (token: string, kind: Kind, id: string, draft: Draft) =>
    call<ReachEstimate>('POST', `v1/admin/${plural(kind)}/${encodeURIComponent(id)}/reach`, token, draft),
  preview: (token: string, kind: Kind, id: string) =>
    call<PreviewLinks>('POST', `v1/admin/${plural(kind)}/${encodeURIComponent(id)}/preview`, token),
  /** A prompt's power plan for `draft` as the editor holds it, at its own `plan.minimumDetectableEffect` (else the collector's default). */
  plan: (token: string, id: string, draft: Draft) =>
    call<PlanEstimate>('POST', `v1/admin/prompts/${encodeURIComponent(id)}/plan`, token, draft),
  kits: (token: string) => call<KitList>('GET', 'v1/admin/kits', token),
  /** Saves a starter kit's items as drafts; the answer names those added and those that existed already. */
  addKit: (token: string, audience: string) => call<KitAdded>('POST', `v1/admin/kits/${encodeURIComponent(audience)}`, token, {}),
};
