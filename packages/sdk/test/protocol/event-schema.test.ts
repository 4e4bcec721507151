import { describe, expect, it } from 'vitest';
import { eventSchema, formatIssues } from '../../src/protocol/index.js';

const valid = {
  id: '0193f3c2-7d1e-7a4b-9f00-123456789abc',
  name: 'ai.output_accepted',
  ts: '2026-11-22T10:00:01.004Z',
  userId: 'u-4821',
  anonymousId: 'a-1',
  sessionId: 's-1',
  tool: 'assistant',
  props: { feature: 'summarize' },
};

/** The error for `event`, or undefined when it is valid. */
function errorOf(event: Record<string, unknown>): string | undefined {
  const result = eventSchema.safeParse(event);
  return result.success ? undefined : formatIssues(result.error);
}

describe('eventSchema: one valid and one invalid case per rule of SPEC "Wire protocol"', () => {
  it('accepts the SPEC example', () => {
    expect(errorOf(valid)).toBeUndefined();
  });

  it('id: required, 8–64 characters of [A-Za-z0-9_-]', () => {
    expect(errorOf({ ...valid, id: 'abcdEFGH' })).toBeUndefined();
    expect(errorOf({ ...valid, id: 'a'.repeat(64) })).toBeUndefined();
    expect(errorOf({ ...valid, id: 'abcdEFG' })).toMatch(/^id: /);
    expect(errorOf({ ...valid, id: 'a'.repeat(65) })).toMatch(/^id: /);
    expect(errorOf({ ...valid, id: 'abcd efgh' })).toMatch(/^id: /);
    expect(errorOf({ ...valid, id: undefined })).toMatch(/^id: /);
  });

  it('name: required, 1–64 characters, lowercase dotted words', () => {
    expect(errorOf({ ...valid, name: 'report.generated' })).toBeUndefined();
    expect(errorOf({ ...valid, name: 'a' })).toBeUndefined();
    expect(errorOf({ ...valid, name: 'Report.generated' })).toMatch(/^name: /);
    expect(errorOf({ ...valid, name: 'report..generated' })).toMatch(/^name: /);
    expect(errorOf({ ...valid, name: '1report' })).toMatch(/^name: /);
    expect(errorOf({ ...valid, name: 'a'.repeat(65) })).toMatch(/^name: /);
    expect(errorOf({ ...valid, name: '' })).toMatch(/^name: /);
  });

  it('ts: required ISO-8601 instant with a zone', () => {
    expect(errorOf({ ...valid, ts: '2026-11-22T10:00:01+01:00' })).toBeUndefined();
    expect(errorOf({ ...valid, ts: '1999-01-01T00:00:00Z' })).toBeUndefined();
    expect(errorOf({ ...valid, ts: '2026-11-22 10:00' })).toMatch(/^ts: /);
    expect(errorOf({ ...valid, ts: '2026-11-22T10:00:01' })).toMatch(/^ts: /);
    expect(errorOf({ ...valid, ts: 1763805601004 })).toMatch(/^ts: /);
  });

  it('userId: at most 128 characters; an event without it keeps anonymousId', () => {
    expect(errorOf({ ...valid, userId: 'u'.repeat(128) })).toBeUndefined();
    expect(errorOf({ ...valid, userId: undefined })).toBeUndefined();
    expect(errorOf({ ...valid, userId: 'u'.repeat(129) })).toMatch(/^userId: /);
    expect(errorOf({ ...valid, userId: undefined, anonymousId: undefined })).toMatch(/^userId: expected userId or anonymousId/);
  });

  it('tool: required, at most 64 characters', () => {
    expect(errorOf({ ...valid, tool: 't'.repeat(64) })).toBeUndefined();
    expect(errorOf({ ...valid, tool: 't'.repeat(65) })).toMatch(/^tool: /);
    expect(errorOf({ ...valid, tool: undefined })).toMatch(/^tool: /);
  });

  it('props: at most 32 keys', () => {
    const props = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(errorOf({ ...valid, props: props(32) })).toBeUndefined();
    expect(errorOf({ ...valid, props: props(33) })).toMatch(/^props: at most 32 keys/);
  });

  it('props: values are strings of at most 256 characters, finite numbers, booleans or null', () => {
    expect(errorOf({ ...valid, props: { s: 'x'.repeat(256), n: 1.5, b: false, z: null } })).toBeUndefined();
    expect(errorOf({ ...valid, props: { s: 'x'.repeat(257) } })).toMatch(/^props\.s: at most 256/);
    expect(errorOf({ ...valid, props: { o: { nested: 1 } } })).toMatch(/^props\.o: /);
    expect(errorOf({ ...valid, props: { a: [1] } })).toMatch(/^props\.a: /);
    expect(errorOf({ ...valid, props: { n: Number.POSITIVE_INFINITY } })).toMatch(/^props\.n: /);
  });

  it('props: survey.answered may carry value up to 2,000 characters, nothing else may', () => {
    const answered = {
      ...valid,
      name: 'survey.answered',
      props: { surveyId: 'behavior-check', questionId: 'example', value: 'x'.repeat(2000) },
    };
    expect(errorOf(answered)).toBeUndefined();
    expect(errorOf({ ...answered, props: { ...answered.props, value: 'x'.repeat(2001) } })).toMatch(/^props\.value: at most 2000/);
    expect(errorOf({ ...valid, props: { value: 'x'.repeat(257) } })).toMatch(/^props\.value: at most 256/);
  });

  it('props: keys that reach a prototype are refused or dropped, never copied', () => {
    // zod drops an own `__proto__` key while copying a record; what comes out is a plain object.
    const parsed = eventSchema.parse({ ...valid, props: JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": "1"}') });
    expect(Object.keys(parsed.props)).toEqual(['ok']);
    expect(Object.getPrototypeOf(parsed.props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(errorOf({ ...valid, props: { constructor: 'x' } })).toBe(
      'props.constructor: keys must be 1–64 characters and not __proto__, constructor, prototype',
    );
    expect(errorOf({ ...valid, props: { ['k'.repeat(65)]: 'x' } })).toMatch(/keys must be 1–64 characters/);
    expect(errorOf({ ...valid, props: { ['k'.repeat(64)]: 'x', constructors: 'x' } })).toBeUndefined();
  });

  it('drops unknown top-level fields instead of storing them', () => {
    const result = eventSchema.parse({ ...valid, ip: '10.0.0.1', text: 'typed by the user' });
    expect(result).not.toHaveProperty('ip');
    expect(result).not.toHaveProperty('text');
  });

  it('defaults missing props to an empty object', () => {
    expect(eventSchema.parse({ ...valid, props: undefined }).props).toEqual({});
  });
});
