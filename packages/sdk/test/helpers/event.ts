import type { QueuedEvent } from '../../src/types.js';

/** A queued event numbered `n` (in `props.n` and its id), for queue and delivery tests. */
export const event = (n: number): QueuedEvent => ({
  id: `event-${String(n).padStart(6, '0')}`,
  name: 'report.generated',
  ts: new Date(0).toISOString(),
  anonymousId: 'a-1',
  sessionId: 's-1',
  tool: 'assistant',
  props: { n },
});
