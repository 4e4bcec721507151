import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Paths, not URLs: happy-dom's URL class is not the one node:fs accepts.
const built = (file: string) => {
  const path = resolve(import.meta.dirname, '../dist', file);
  return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
};
const gzipped = (code: Buffer) => gzipSync(code, { level: 9 }).length;

/**
 * Budgets in bytes, gzip -9. Change one on purpose, in the commit that changes the size.
 * `uptake.js` is what every page loads; `uptake-prompts.js` (the rules and the runtime) is loaded
 * beyond it only by tools that have prompts or surveys, and `uptake-widgets.js` (both widgets on
 * lit-html) only when one shows; `uptake-explain.js` (the words of `uptake.explain()` and a
 * preview's fetch) only when someone asks why or opens a preview. Set at the sizes reached in issue
 * 22, with recurring surveys (issue 15 item 7, ~130 B in `uptake-prompts.js`), `randomizeBy: 'team'` (issue 17
 * item 5: +48 B in `uptake-prompts.js`, +79 B in `uptake-explain.js`, measured) and the adaptive trigger
 * (issue 18: 32 B in `uptake-prompts.js`, 92 B of words in `uptake-explain.js`); the aims are
 * 5,120 B for `uptake.js` and 16,384 B for all a survey needs (`npm run bench sdk` prints where they
 * stand).
 */
const budgets = { 'uptake.js': 5672, 'uptake-prompts.js': 5184, 'uptake-widgets.js': 8800, 'uptake-explain.js': 3316 };
/** Everything a page downloads to show a survey: the three files. */
const toShowASurvey = 19_600;
describe('the script-tag builds (run `npm run build` first; `npm test` does)', () => {
  for (const [file, budget] of Object.entries(budgets)) {
    it(`${file} is at most ${budget} bytes gzip -9`, () => {
      const code = built(file);
      expect(code.length, `packages/sdk/dist/${file} is missing: run npm run build`).toBeGreaterThan(0);
      expect(gzipped(code)).toBeLessThanOrEqual(budget);
    });
  }

  it(`uptake.js, uptake-prompts.js and uptake-widgets.js, all a page downloads to show a survey, are at most ${toShowASurvey} bytes gzip -9 together`, () => {
    const all = ['uptake.js', 'uptake-prompts.js', 'uptake-widgets.js'].map((file) => built(file));
    for (const code of all) expect(code.length, 'run npm run build').toBeGreaterThan(0);
    expect(all.reduce((sum, code) => sum + gzipped(code), 0)).toBeLessThanOrEqual(toShowASurvey);
  });

  it('uptake.js defines the global uptake and carries no zod, no web-vitals and no Lit: those load on demand', () => {
    const text = built('uptake.js').toString('utf8');
    expect(text.startsWith('var uptake=')).toBe(true);
    expect(text).not.toMatch(/\bZodError\b|zod/i);
    expect(text).not.toMatch(/largest-contentful-paint|layout-shift/);
    expect(text).not.toMatch(/lit-html|uptake-pulse/);
  });

  it('uptake-prompts.js defines uptakePrompts with the rules, naming both widgets', () => {
    const text = built('uptake-prompts.js').toString('utf8');
    expect(text.startsWith('var uptakePrompts=')).toBe(true);
    expect(text).toContain('uptake-prompt');
    expect(text).toContain('uptake-pulse');
    expect(text).not.toContain('Lit is in dev mode');
  });

  it("uptake-widgets.js defines uptakeWidgets with both widgets in Lit's production build; uptake-prompts.js carries no Lit", () => {
    const text = built('uptake-widgets.js').toString('utf8');
    expect(text.startsWith('var uptakeWidgets=')).toBe(true);
    expect(text).toContain('uptake-prompt');
    expect(text).toContain('uptake-pulse');
    expect(text).not.toContain('Lit is in dev mode');
    expect(built('uptake-prompts.js').toString('utf8')).not.toMatch(/lit-html|_\$litType\$/);
  });

  it('uptake-vitals.js defines uptakeVitals', () => {
    const text = built('uptake-vitals.js').toString('utf8');
    expect(text.startsWith('var uptakeVitals=')).toBe(true);
    expect(text).toContain('largest-contentful-paint');
  });
});
