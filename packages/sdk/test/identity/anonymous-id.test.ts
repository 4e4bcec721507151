import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { anonymousId } from '../../src/identity/anonymous-id.js';
import { readLocal, writeLocal } from '../../src/identity/local-value.js';

beforeEach(() => {
  localStorage.clear();
});

describe('anonymousId', () => {
  it('is created once and kept in localStorage, so a reload gets the same id', () => {
    const first = anonymousId();
    expect(localStorage.getItem('uptake.anonymousId')).toBe(first);
    expect(anonymousId()).toBe(first);
  });

  it('still works where localStorage throws (sandboxed iframe), just without persisting', () => {
    // In a sandboxed iframe, merely reading window.localStorage throws.
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    onTestFinished(() => void Object.defineProperty(globalThis, 'localStorage', saved ?? { value: undefined }));
    expect(anonymousId()).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(readLocal('anonymousId')).toBeNull();
    expect(() => writeLocal('x', '1')).not.toThrow();
  });
});
