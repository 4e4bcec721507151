import { describe, expect, it } from 'vitest';
import { AuthFailures } from '../../src/http/auth-failures.js';
import { HttpError } from '../../src/http/http-error.js';

describe('AuthFailures', () => {
  it('answers 429 with Retry-After once an address has failed the limit within a minute, and forgives after it', () => {
    let now = 1_000_000;
    const failures = new AuthFailures(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(() => failures.check('10.0.0.1')).not.toThrow();
      failures.fail('10.0.0.1');
    }
    now += 20_000;
    let thrown: unknown;
    try {
      failures.check('10.0.0.1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).statusCode).toBe(429);
    expect((thrown as HttpError).headers['Retry-After']).toBe('40');
    expect((thrown as HttpError).message).toMatch(/too many failed authentications/);
    // Another address is not affected.
    expect(() => failures.check('10.0.0.2')).not.toThrow();
    now += 40_000;
    expect(() => failures.check('10.0.0.1')).not.toThrow();
  });

  it('keeps memory bounded under a spray of addresses', () => {
    const failures = new AuthFailures(1);
    for (let i = 0; i < 20_000; i++) failures.fail(`a-${i}`);
    expect((failures as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(10_000);
    expect(() => failures.check('a-19999')).toThrow(/too many/);
  });
});
