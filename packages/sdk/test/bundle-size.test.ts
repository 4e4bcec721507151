import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// A path, not a URL: happy-dom's URL class is not the one node:fs accepts.
const path = resolve(import.meta.dirname, '../dist/uptake.js');
/** The script-tag build's budget in bytes, gzip -9. Change it on purpose, in the commit that changes the size. */
const budget = 7168;

describe('uptake.js, the script-tag build (run `npm run build` first; `npm test` does)', () => {
  const code = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);

  it(`is at most ${budget} bytes gzip -9`, () => {
    expect(code.length, 'packages/sdk/dist/uptake.js is missing: run npm run build').toBeGreaterThan(0);
    const bytes = gzipSync(code, { level: 9 }).length;
    expect(bytes).toBeLessThanOrEqual(budget);
  });

  it('defines the global uptake and carries no zod', () => {
    const text = code.toString('utf8');
    expect(text.startsWith('var uptake=')).toBe(true);
    expect(text).not.toMatch(/\bZodError\b|zod/i);
  });
});
