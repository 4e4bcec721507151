import { type FieldIssue, fieldIssues, promptSchema, surveySchema } from '@uptake/sdk/protocol';
import type { ItemBody, ItemKind } from './studio-item.js';

/** What a studio item is checked against besides its schema: the config file's tools. */
export interface ItemRules {
  toolIds: readonly string[];
}

/** An item that passed, or the problems with it, each naming its field. */
export type ParsedItem = { ok: true; item: ItemBody } | { ok: false; issues: FieldIssue[] };

/**
 * Checks a prompt or survey of the studio exactly as the config file's items are checked: the
 * protocol's schema (so the file and the studio refuse the same things, in the same words), then
 * the tools it names against those the config declares. The id comes from the URL; a body may
 * leave it out, and may not name another.
 */
export function parseItem(kind: ItemKind, id: string, body: unknown, rules: ItemRules): ParsedItem {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ path: '', message: `expected a ${kind} as a JSON object` }] };
  const given = (body as { id?: unknown }).id;
  if (given !== undefined && given !== id)
    return { ok: false, issues: [{ path: 'id', message: `"${String(given)}" does not match the id in the URL, "${id}"` }] };
  const result = (kind === 'prompt' ? promptSchema : surveySchema).safeParse({ ...body, id });
  if (!result.success) return { ok: false, issues: fieldIssues(result.error) };
  const issues: FieldIssue[] = [];
  result.data.tools?.forEach((tool, j) => {
    if (!rules.toolIds.includes(tool))
      issues.push({ path: `tools[${j}]`, message: `unknown tool "${tool}"; declared: ${rules.toolIds.join(', ')}` });
  });
  return issues.length ? { ok: false, issues } : { ok: true, item: result.data };
}
