import type { Metrics } from '../../packages/collector/src/metrics/types.js';

/** How a viewer's figures differ from the exact ones of the same day. */
export interface Deviation {
  /** |viewer − exact| of every count both show. */
  counts: number[];
  /** The same, divided by the exact count (counts of at least 1): `[exact, relative]`. */
  relative: [number, number][];
  /** |viewer − exact| of every rate both show, in points (0…100). */
  rates: number[];
  /** Figures the exact answer shows and the viewer's does not: secondary suppression, hidden lists. */
  hidden: string[];
}

const rateKeys = new Set([
  'rate',
  'stickiness',
  'share',
  'acceptanceRate',
  'convTreated',
  'convControl',
  'sustainedD30',
  'sustainedD60',
  'sustainedD90',
]);
const countKeys = new Set([
  'dau',
  'wau',
  'mau',
  'trained',
  'active',
  'eligible',
  'respondents',
  'applied',
  'count',
  'shown',
  'accepted',
  'edited',
  'rejected',
  'size',
  'users',
  'treated',
  'control',
  'samples',
  'good',
  'needsImprovement',
  'poor',
]);

/** The name an entry of a list is matched by: the viewer's lists leave hidden entries out. */
const entryKey = (entry: unknown, i: number): string => {
  const o = (entry ?? {}) as Record<string, unknown>;
  for (const k of ['cohort', 'program', 'key', 'id', 'week']) if (k in o) return String(o[k]);
  if ('tool' in o) return `${String(o['tool'])}/${String(o['metric'])}`;
  return String(i);
};

/** Compares a viewer's answer with the exact one of the same day, figure by figure. */
export function viewerDeviation(exact: Metrics, viewer: Metrics): Deviation {
  const out: Deviation = { counts: [], relative: [], rates: [], hidden: [] };
  walk(exact, viewer, '', '', out);
  return out;
}

function walk(exact: unknown, viewer: unknown, key: string, path: string, out: Deviation): void {
  if (typeof exact === 'number') {
    if (typeof viewer !== 'number') return void out.hidden.push(path);
    if (rateKeys.has(key)) out.rates.push(Math.abs(viewer - exact) * 100);
    else if (countKeys.has(key)) {
      out.counts.push(Math.abs(viewer - exact));
      if (exact >= 1) out.relative.push([exact, Math.abs(viewer - exact) / exact]);
    }
    return;
  }
  if (Array.isArray(exact)) {
    const seen = new Map((Array.isArray(viewer) ? viewer : []).map((v, i) => [entryKey(v, i), v]));
    exact.forEach((e, i) => {
      walk(e, seen.get(entryKey(e, i)), key, `${path}[${entryKey(e, i)}]`, out);
    });
    return;
  }
  if (exact === null || typeof exact !== 'object') return;
  // The decay fit is refitted to the released points; its parameters are not counts or rates.
  for (const [k, e] of Object.entries(exact))
    if (k !== 'fit' && k !== 'ci95' && k !== 'p75') walk(e, (viewer as Record<string, unknown> | undefined)?.[k], k, `${path}.${k}`, out);
}

export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
export const max = (xs: readonly number[]): number => xs.reduce((m, x) => Math.max(m, x), 0);
