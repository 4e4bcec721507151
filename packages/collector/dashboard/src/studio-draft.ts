// First: the schemas below read zod's config as they are built.
import './zod-without-eval.js';
import { fieldIssues, promptSchema, surveySchema } from '@uptake/sdk/protocol';

/** A prompt or survey as the editor holds it: the config file's JSON, possibly incomplete or wrong. */
export type Draft = Record<string, unknown>;

export type Kind = 'prompt' | 'survey';

/** A new item's starting point: the fewest fields that make a valid one once a title or question text is written. */
export function blankDraft(kind: Kind): Draft {
  return kind === 'prompt'
    ? { trigger: { url: '/**' }, content: { title: '', body: '' } }
    : { trigger: { daysSinceTraining: [14, 28] }, questions: [{ id: 'q1', type: 'scale', text: '' }] };
}

/** `content.title`, `questions[1].max` → the keys along the way. */
function keys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
}

/** The value at a field path of a draft, or undefined. */
export function valueAt(draft: Draft, path: string): unknown {
  let at: unknown = draft;
  for (const key of keys(path)) at = at === null || typeof at !== 'object' ? undefined : (at as Record<string | number, unknown>)[key];
  return at;
}

const empty = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * A copy of the draft with the value at `path` set, or removed when undefined; objects left empty
 * by a removal go too (an empty `goal` or `action` would be an error the person did not make).
 */
export function withValue(draft: Draft, path: string, value: unknown): Draft {
  const copy = structuredClone(draft);
  const ks = keys(path);
  const parents: Record<string | number, unknown>[] = [];
  let at = copy as Record<string | number, unknown>;
  for (const [i, key] of ks.slice(0, -1).entries()) {
    parents.push(at);
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof ks[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  const last = ks.at(-1) as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  for (let i = ks.length - 2; i >= 0 && empty(at); i--) {
    const parent = parents[i] as Record<string | number, unknown>;
    delete parent[ks[i] as string | number];
    at = parent;
  }
  return copy;
}

/** What checking a draft with the config file's schema gives: the item, or the problems by field path. */
export type Checked = { ok: true; item: Draft } | { ok: false; issues: Map<string, string[]> };

/** Checks a draft with the protocol's schema, exactly as the collector (and `uptake config check`) will. */
export function checkDraft(kind: Kind, draft: Draft): Checked {
  const result = (kind === 'prompt' ? promptSchema : surveySchema).safeParse(draft);
  if (result.success) return { ok: true, item: result.data as Draft };
  const issues = new Map<string, string[]>();
  for (const { path, message } of fieldIssues(result.error)) issues.set(path, [...(issues.get(path) ?? []), message]);
  return { ok: false, issues };
}

/** Every leaf of a JSON value by its field path, for a diff: `content.title` → "…". */
export function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !(Array.isArray(value) && value.every((v) => typeof v !== 'object'))) {
    for (const [key, v] of Object.entries(value)) {
      const sub = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      for (const [p, text] of leaves(v, sub)) out.set(p, text);
    }
  } else if (value !== undefined) out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

/** The fields whose values differ between two versions of an item: path, before, after (`''` when absent). */
export function diffItems(before: unknown, after: unknown): { path: string; before: string; after: string }[] {
  const a = leaves(before);
  const b = leaves(after);
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({ path, before: a.get(path) ?? '', after: b.get(path) ?? '' }));
}
