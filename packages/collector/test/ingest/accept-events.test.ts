import { describe, expect, it } from 'vitest';
import { acceptEvents } from '../../src/ingest/accept-events.js';
import { event } from '../helpers/temp-collector.js';

const ctx = { tool: 'assistant', receivedAt: new Date('2026-11-22T10:00:02Z'), pseudonymize: (id: string) => id };

describe('acceptEvents: control characters in ids', () => {
  it('refuses a C0 control character or DEL in userId, anonymousId and sessionId by index, naming field and character', () => {
    const { rows, rejected } = acceptEvents(
      [
        event({ id: 'ctl-000001', sessionId: '\n=1+1' }),
        event({ id: 'ctl-000002', userId: 'u\r1' }),
        event({ id: 'ctl-000003', anonymousId: 'a\t1' }),
        event({ id: 'ctl-000004', sessionId: 'esc\u001b[31m' }),
        event({ id: 'ctl-000005', userId: 'del\u007f' }),
        event({ id: 'ctl-000006', userId: 'ünïcode ok', sessionId: 's 1' }),
      ],
      ctx,
    );
    expect(rejected).toEqual([
      { index: 0, id: 'ctl-000001', error: 'sessionId: contains a control character (U+000A); ids may not' },
      { index: 1, id: 'ctl-000002', error: 'userId: contains a control character (U+000D); ids may not' },
      { index: 2, id: 'ctl-000003', error: 'anonymousId: contains a control character (U+0009); ids may not' },
      { index: 3, id: 'ctl-000004', error: 'sessionId: contains a control character (U+001B); ids may not' },
      { index: 4, id: 'ctl-000005', error: 'userId: contains a control character (U+007F); ids may not' },
    ]);
    expect(rows.map((r) => [r.id, r.userId, r.sessionId])).toEqual([['ctl-000006', 'ünïcode ok', 's 1']]);
  });

  it('leaves control characters in prop values alone: they are text, and every export format carries them', () => {
    const { rows, rejected } = acceptEvents([event({ id: 'ctl-props01', props: { note: 'line 1\nline 2\ttab' } })], ctx);
    expect(rejected).toEqual([]);
    expect(rows[0]?.props).toEqual({ note: 'line 1\nline 2\ttab' });
  });
});
