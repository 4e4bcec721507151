import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fixture from './sql-mutants.json' with { type: 'json' };

// `npm run mutation` plants each of these mistakes in the metrics SQL and expects the generated
// organisations to catch it (scripts/sql-mutants.mjs). Here, in `npm test`, only that each one still
// applies: when the SQL is rewritten, this names the mutants to rewrite with it.
const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the SQL mutants of sql-mutants.json', () => {
  it('has at least twelve, with the two planted in issue 21', () => {
    expect(fixture.mutants.length).toBeGreaterThanOrEqual(12);
    expect(fixture.mutants.map((m) => m.id)).toEqual(expect.arrayContaining(['segments-window-13-days', 'goal-at-exposure-instant']));
    expect(new Set(fixture.mutants.map((m) => m.id)).size).toBe(fixture.mutants.length);
  });

  it.each(fixture.mutants)('$id: its text is in $file exactly once, and the mutant changes it', ({ file, find, replace }) => {
    const source = readFileSync(`${root}${file}`, 'utf8');
    expect(source.split(find).length - 1, `"${find}" in ${file}`).toBe(1);
    expect(replace).not.toBe(find);
  });
});
