import { eventSchema, limits } from '@uptake/sdk/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastEvent } from '../../src/ingest/fast-event.js';
import { event } from '../helpers/temp-collector.js';

// Inputs as a batch brings them: JSON text parsed (own __proto__ keys, no undefined, NaN as null).
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const text = (max: number) =>
  fc.string({ maxLength: max, unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', ' ', 'é', '\u0000', '\n', '\ud83d') });
// Each field is valid most of the time, so that whole events reach the happy path often.
const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: other, weight: 1 });
const instant = mostly(
  fc
    .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.oneof(
    fc.constantFrom(
      '2026-11-22T10:00:01.004Z',
      '2026-02-29T10:00:00.000Z',
      '2024-02-29T10:00:00.000Z',
      '2000-02-29T10:00:00.000Z',
      '1900-02-29T10:00:00.000Z',
      '0000-02-29T10:00:00.000Z',
      '2026-12-31T23:59:59.999Z',
      '2026-13-01T00:00:00.000Z',
      '2026-06-31T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-04-31T10:00:00.000Z',
      '2026-11-22T24:00:00.000Z',
      '2026-11-22T10:00:60.000Z',
      '2026-11-22T10:00:01Z',
      '2026-11-22T10:00:01.0040Z',
      '2026-11-22T10:00:01.004+01:00',
      '+012026-11-22T10:00:01.004Z',
      '2026-11-22 10:00:01.004Z',
    ),
    text(30),
  ),
);
const id = mostly(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/), text(10)));
const name = mostly(
  fc.oneof(fc.constantFrom('ai.request', 'survey.answered', 'prompt.shown'), fc.stringMatching(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/)),
  fc.constantFrom('a', 'A.b', 'ai..x', 'ai.', 'x'.repeat(64), 'x'.repeat(65), ''),
);
const propKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'value', 'feature', '', '0', 'k'.repeat(64), 'k'.repeat(65)),
  text(8),
);
const propValue = fc.oneof(
  text(20),
  fc.constantFrom('v'.repeat(256), 'v'.repeat(257), 'v'.repeat(2000), 'v'.repeat(2001)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([1]),
  fc.constant({ nested: true }),
);
const props = mostly(
  fc.oneof(fc.dictionary(fc.constantFrom('feature', 'value', 'n', 'k'.repeat(64)), propValue, { maxKeys: 4 }), fc.constant(undefined)),
  fc.oneof(fc.dictionary(propKey, propValue, { maxKeys: 34 }), fc.constantFrom(null, [], 'text')),
);
const optionalId = mostly(
  fc.oneof(fc.constant(undefined), text(20), fc.constant('u'.repeat(128))),
  fc.constantFrom(null, 'u'.repeat(129), '', 7),
);
const rawEvent = fc.record(
  {
    id,
    name,
    ts: instant,
    userId: optionalId,
    anonymousId: optionalId,
    sessionId: optionalId,
    tool: fc.oneof(text(10), fc.constantFrom('t'.repeat(64), 't'.repeat(65))),
    props,
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('fastEvent', () => {
  it('accepts only what eventSchema accepts, and gives what it gives', () => {
    let fast = 0;
    fc.assert(
      fc.property(rawEvent, (generated) => {
        const raw = asJson(generated);
        const mine = fastEvent(raw);
        if (mine === undefined) return;
        fast++;
        const zod = eventSchema.safeParse(raw);
        expect(zod.success).toBe(true);
        expect(mine).toEqual(zod.data);
      }),
      { numRuns: 20_000 },
    );
    expect(fast).toBeGreaterThan(100); // the generator reaches the happy path
  });

  it('takes the SDK-shaped events zod accepts', () => {
    const sdk = event({
      id: '0193f3c2-7a1b-7c3d-9e4f-a1b2c3d4e5f6',
      props: { feature: 'summarize', edited: false, score: 0.5, none: null },
    });
    for (const raw of [
      sdk,
      { ...sdk, userId: undefined },
      { ...sdk, props: undefined },
      { ...sdk, name: 'survey.answered', props: { value: 'x'.repeat(2000) } },
    ]) {
      const json = asJson(raw);
      expect(fastEvent(json)).toEqual(eventSchema.parse(json));
    }
    const many = asJson({ ...sdk, props: Object.fromEntries(Array.from({ length: limits.propsMaxKeys }, (_, i) => [`k${i}`, i])) });
    expect(fastEvent(many)).toBeDefined();
    // Not from JSON: numbers JSON cannot carry go to zod, which refuses them.
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) expect(fastEvent({ ...sdk, props: { n: bad } })).toBeUndefined();
  });
});
