import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../src/identity/new-id.js';
import { limits } from '../../src/protocol/limits.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('newId', () => {
  it('uses crypto.randomUUID where it exists', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('falls back to 32 hex digits from getRandomValues outside secure contexts (no randomUUID)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => a.fill(10) });
    expect(newId()).toBe('0a'.repeat(16));
  });

  it('falls back to Math.random without any crypto, and every id is valid on the wire and unique', () => {
    vi.stubGlobal('crypto', undefined);
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(limits.idPattern);
  });
});
