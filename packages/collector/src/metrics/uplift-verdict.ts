import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import type { PromptMetrics } from './types.js';
import { upliftSequence } from './uplift-test.js';

/**
 * Benjamini–Hochberg across the prompts of one answer: the family is every prompt with both arms
 * shown (a suppressed one has no test). Each gets its adjusted p-value and whether it is still
 * detected at a false discovery rate of α: among the prompts flagged, at most α are expected to
 * be flukes, however many prompts run at once.
 */
export function withFalseDiscoveryControl(prompts: readonly PromptMetrics[], q = upliftSequence.alpha): PromptMetrics[] {
  const tested = prompts.filter((p) => p.pValue !== null && p.pValue !== undefined);
  const { adjusted, discovery } = benjaminiHochberg(
    tested.map((p) => p.pValue as number),
    q,
  );
  return prompts.map((p) => {
    const i = tested.indexOf(p);
    return i < 0
      ? { ...p, adjustedPValue: null, detectedAfterFdr: null }
      : { ...p, adjustedPValue: adjusted[i] as number, detectedAfterFdr: (discovery[i] as boolean) && p.detected === true };
  });
}
