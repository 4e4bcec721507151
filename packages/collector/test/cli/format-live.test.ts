import { describe, expect, it } from 'vitest';
import { formatLive, printable, printableJson } from '../../src/cli/format-live.js';

const receivedAt = new Date(2026, 10, 22, 10, 0, 1).toISOString(); // 10:00:01 on the tail's clock

describe('formatLive: a line per message of GET /v1/live', () => {
  it('an event: time, tool, name, who, props as words (quoted when they need it)', () => {
    expect(
      formatLive({
        type: 'accepted',
        receivedAt,
        id: 'e-1',
        ts: receivedAt,
        tool: 'assistant',
        name: 'task.completed',
        props: { workflow: 'monthly close', aiAssisted: true, minutesSaved: 20, team: null },
        person: '3fa9c2',
        identified: true,
        note: 'props: cohort not stored',
      }),
    ).toBe(
      '10:00:01  assistant  task.completed  person 3fa9c2  workflow="monthly close" aiAssisted=true minutesSaved=20 team=null  (props: cohort not stored)',
    );
  });

  it('refusals, resends and skips in words', () => {
    expect(formatLive({ type: 'refused', receivedAt, index: 3, tool: 'assistant', reason: 'id: Invalid input' })).toBe(
      '10:00:01  assistant  (no name)  -  REFUSED events[3]: id: Invalid input',
    );
    expect(formatLive({ type: 'batch-refused', receivedAt, status: 413, reason: 'too large', tools: [] })).toBe(
      '10:00:01  ?  BATCH REFUSED (413): too large',
    );
    expect(formatLive({ type: 'duplicates', receivedAt, tool: 'assistant', count: 2 })).toBe(
      '10:00:01  assistant  2 events were already stored (sent again): stored once',
    );
    expect(formatLive({ type: 'skipped', count: 1 })).toBe('… 1 event skipped: this tail read too slowly');
    expect(formatLive({ type: 'hello' })).toBeUndefined();
  });

  it("never lets a page's text drive the terminal: control, C1 and direction characters are escaped", () => {
    expect(printable('a\u001b[31mred\u009b2J\u202eevil\u0007')).toBe('a\\u{1b}[31mred\\u{9b}2J\\u{202e}evil\\u{7}');
    const line = formatLive({
      type: 'accepted',
      receivedAt,
      id: 'e-2',
      ts: receivedAt,
      tool: 'assistant',
      name: 'ai.request',
      props: { feature: '\u001b]0;owned\u0007' },
    });
    expect([...(line as string)].filter((c) => (c.codePointAt(0) as number) < 0x20 || (c >= '\u007f' && c <= '\u009f'))).toEqual([]);
    expect(line).toContain('feature=\\u{1b}]0;owned\\u{7}');
    const json = printableJson({ feature: '\u001b\u009b\u2066x' });
    expect(json).toBe('{"feature":"\\u001b\\u009b\\u2066x"}');
    expect(JSON.parse(json)).toEqual({ feature: '\u001b\u009b\u2066x' });
  });
});
