/** The first retry waits about this long; each failure doubles it. */
export const backoffBaseMs = 1000;
/** No retry waits longer than this, so a recovered collector gets the queue within minutes. */
export const backoffMaxMs = 5 * 60 * 1000;

/**
 * Milliseconds to wait before retry number `attempt` (1, 2, …): exponential, capped, with jitter
 * (between half and all of the delay) so that many browsers failing together do not retry together.
 */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1)) * (0.5 + random() / 2);
}
