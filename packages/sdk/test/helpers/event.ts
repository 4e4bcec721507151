import type { QueuedEvent } from '../../src/types.js';

/** A queued event numbered `n` (in `props.n` and its id), for queue and delivery tests. */
export const event = (n: number): QueuedEvent => ({
  id: `event-${String(n).padStart(6, '0')}`,
  name: 'report.generated',
  // Recent: events past the SDK's age limit (7 days) are dropped before sending.
  ts: new Date().toISOString(),
  anonymousId: 'a-1',
  sessionId: 's-1',
  tool: 'assistant',
  props: { n },
});
