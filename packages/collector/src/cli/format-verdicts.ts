import type { Metrics } from '../metrics/types.js';
import { decidingInterval, pText, varianceChange, verdict } from '../metrics/verdict-words.js';

const points = (r: number) => `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)} pts`;

/**
 * The report's verdict per prompt (docs/analysts.md "Uplift you can watch"): "detected" only when
 * the always-valid interval (CUPED's when there is one) clears zero, then the figures behind it.
 */
export function formatVerdicts(m: Metrics): string[] {
  if (m.prompts.length === 0) return [];
  const family = m.prompts.filter((p) => p.adjustedPValue !== null).length;
  const lines = m.prompts.map((p) => {
    const d = decidingInterval(p);
    if (p.noVerdict) return `  ${p.id}: ${verdict(p)} · uplift ${points(p.uplift as number)}`;
    if (!d) return `  ${p.id}: too few people in an arm yet`;
    const adjusted = p.cuped
      ? `, adjusted ${points(p.cuped.uplift)} (CUPED on ${p.cuped.covariateDays} days before: ${varianceChange(p.cuped.varianceReduction)})`
      : '';
    const fdr = p.adjustedPValue === null ? '' : ` · p across ${family} prompt${family === 1 ? '' : 's'} ${pText(p.adjustedPValue)}`;
    return `  ${p.id}: ${verdict(p)} · uplift ${points(p.uplift as number)}${adjusted} · always-valid ${points(d.low)} … ${points(d.high)}${fdr}`;
  });
  return ['', 'Verdicts (always-valid 95% intervals: they stay right however often you look)', ...lines];
}
