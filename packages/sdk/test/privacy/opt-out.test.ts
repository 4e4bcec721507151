import { beforeEach, describe, expect, it } from 'vitest';
import { isOptedOut, persistOptOut } from '../../src/privacy/opt-out.js';

beforeEach(() => {
  localStorage.clear();
});

describe('persistOptOut', () => {
  it('remembers the choice and forgets the identity the SDK kept, leaving the host page’s own keys alone', () => {
    localStorage.setItem('uptake.anonymousId', 'a-1');
    localStorage.setItem('uptake.session', '{}');
    localStorage.setItem('host.setting', 'keep');
    expect(isOptedOut()).toBe(false);
    persistOptOut();
    expect(isOptedOut()).toBe(true);
    expect(localStorage.getItem('uptake.anonymousId')).toBeNull();
    expect(localStorage.getItem('uptake.session')).toBeNull();
    expect(localStorage.getItem('host.setting')).toBe('keep');
  });
});
