/** A valid row of an NDJSON export, as `uptake import events` takes it. */
export const exportRow = {
  id: 'imp-00000001',
  name: 'ai.request',
  ts: '2026-11-22T10:00:00.000Z',
  receivedAt: '2026-11-22T10:00:01.000Z',
  userId: 'p1',
  anonymousId: null,
  sessionId: null,
  tool: 'assistant',
  props: {},
} as const;
