import type { PromptMetrics } from './types.js';
import type { NoVerdict } from './uplift-test.js';

/** Why a prompt whose arms are both shown has no verdict, in the words every reader gets. */
export const noVerdictWords: Record<NoVerdict, string> = {
  'too-few-teams': 'no verdict: randomized by team, and an arm has fewer than 2 teams to compare',
};

/**
 * The interval that decides whether a prompt has an effect, and the estimate at its centre:
 * CUPED's always-valid interval when there is one, else the unadjusted always-valid interval.
 * The fixed-horizon 95% interval (`ci95`) stays in the JSON, exports and the report's table for analysts, never in a verdict: it is only
 * valid for one look decided in advance (docs/analysts.md "Uplift you can watch").
 */
export function decidingInterval(p: PromptMetrics): { uplift: number; low: number; high: number; adjusted: boolean } | null {
  if (p.suppressed || p.uplift === null || !p.alwaysValid) return null;
  const c = p.cuped;
  return c ? { uplift: c.uplift, ...c.alwaysValid, adjusted: true } : { uplift: p.uplift, ...p.alwaysValid, adjusted: false };
}

/** The verdict in words a product owner acts on, or why there is none; null while an arm is suppressed. */
export function verdict(p: PromptMetrics): string | null {
  if (p.noVerdict) return noVerdictWords[p.noVerdict];
  const d = decidingInterval(p);
  if (!d) return null;
  if (!p.detected) return 'not detected yet';
  const direction = d.low > 0 ? 'more people reach the goal' : 'fewer people reach the goal';
  return p.detectedAfterFdr === false ? `detected (${direction}), but not after the check across all prompts` : `detected: ${direction}`;
}

/** A p-value as shown beside a verdict: three decimals, "< 0.001" below them. */
export const pText = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** CUPED's variance reduction in words: "variance −12%" (one decimal under 10%; + when it grew). */
export function varianceChange(reduction: number): string {
  const r = Math.abs(reduction * 100);
  return `variance ${reduction >= 0 ? '−' : '+'}${r.toFixed(r < 10 ? 1 : 0)}%`;
}
