import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { userHash, verifyUserHash } from '../../src/identity/user-hash.js';

describe('userHash', () => {
  it('is the lowercase hex HMAC-SHA-256 of the user id, as openssl computes it', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(userHash('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', 's3cret-for-tests'], { input: 'u-4821' }).toString();
    expect(openssl.trim().split(' ').pop()).toBe(userHash('s3cret-for-tests', 'u-4821'));
  });

  it('verifies against any of the secrets of a rotation, and nothing else', () => {
    const hashOld = userHash('old-secret', 'u-1');
    const hashNew = userHash('new-secret', 'u-1');
    expect(verifyUserHash(['new-secret', 'old-secret'], 'u-1', hashOld)).toBe(true);
    expect(verifyUserHash(['new-secret', 'old-secret'], 'u-1', hashNew)).toBe(true);
    expect(verifyUserHash(['new-secret'], 'u-1', hashOld)).toBe(false);
    expect(verifyUserHash(['new-secret'], 'u-2', hashNew)).toBe(false);
    expect(verifyUserHash(['new-secret'], 'u-1', hashNew.toUpperCase())).toBe(false);
    expect(verifyUserHash(['new-secret'], 'u-1', hashNew.slice(1))).toBe(false);
    expect(verifyUserHash(['new-secret'], 'u-1', undefined)).toBe(false);
    expect(verifyUserHash(['new-secret'], 'u-1', 42)).toBe(false);
    expect(verifyUserHash([], 'u-1', hashNew)).toBe(false);
  });
});
