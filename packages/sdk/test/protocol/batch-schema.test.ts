import { describe, expect, it } from 'vitest';
import { batchSchema, formatIssues, limits } from '../../src/protocol/index.js';

const errorOf = (batch: unknown) => {
  const result = batchSchema.safeParse(batch);
  return result.success ? undefined : formatIssues(result.error);
};

describe('batchSchema', () => {
  it('accepts a batch of up to 500 events', () => {
    expect(errorOf({ writeKey: 'wk', sentAt: '2026-11-22T10:00:05.120Z', events: new Array(500).fill({}) })).toBeUndefined();
    expect(limits.batchMaxEvents).toBe(500);
  });

  it('refuses more than 500 events', () => {
    expect(errorOf({ writeKey: 'wk', events: new Array(501).fill({}) })).toMatch(/^events: at most 500 events/);
  });

  it('needs a write key and an events array; sentAt must be an instant when given', () => {
    expect(errorOf({ events: [] })).toMatch(/^writeKey: /);
    expect(errorOf({ writeKey: 'wk', events: {} })).toMatch(/^events: /);
    expect(errorOf({ writeKey: 'wk', sentAt: 'yesterday', events: [] })).toMatch(/^sentAt: /);
  });

  it('states the size limit of a decoded batch: 1 MiB', () => {
    expect(limits.batchMaxBytes).toBe(1_048_576);
  });
});
