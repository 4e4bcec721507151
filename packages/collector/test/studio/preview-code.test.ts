import { describe, expect, it } from 'vitest';
import { previewCode, readPreviewCode } from '../../src/studio/preview-code.js';

const claim = { kind: 'prompt', id: 'audience-tip', version: 3, expires: Date.parse('2026-11-22T10:30:00Z') } as const;

describe('preview codes', () => {
  it('say which version of which item, until when, signed', () => {
    const code = previewCode('secret-a', claim);
    expect(code).toMatch(/^p\.audience-tip\.3\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(readPreviewCode('secret-a', code, Date.parse('2026-11-22T10:29:59Z'))).toEqual(claim);
    expect(readPreviewCode('secret-a', previewCode('secret-a', { ...claim, kind: 'survey', version: 0 }), 0)).toMatchObject({
      kind: 'survey',
      version: 0,
    });
  });

  it('refuse another secret, any change, an expired code and what is not a code, in words', () => {
    const code = previewCode('secret-a', claim);
    expect(readPreviewCode('secret-b', code, 0)).toBe('not a valid preview code: make one in the studio');
    expect(readPreviewCode('secret-a', code.replace('.3.', '.4.'), 0)).toBe('not a valid preview code: make one in the studio');
    expect(readPreviewCode('secret-a', code.replace('audience-tip', 'other-tip'), 0)).toBe(
      'not a valid preview code: make one in the studio',
    );
    expect(readPreviewCode('secret-a', code, claim.expires)).toBe(
      'this preview code expired at 2026-11-22T10:30:00.000Z: make a new one in the studio',
    );
    expect(readPreviewCode('secret-a', 'hello', 0)).toBe('not a preview code: make one in the studio');
  });
});
