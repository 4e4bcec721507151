import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesRunBy, runnableSnippets, runSnippet, usePagePlace } from '../helpers/doc-snippet-place.js';
import { readSnippets } from '../helpers/doc-snippets.js';

// The operators' pages, run block by block in the order a reader follows them (the coverage rule:
// test/architecture/doc-snippets.test.ts). Needs the build (`npm run build`): the blocks run the CLI.

const runner = 'test/e2e/doc-snippets-operators.test.ts';
/** The training file collector/README.md imports: the one analysts.md shows. */
const trainingCsv = readSnippets('docs/analysts.md').find((s) => s.lang === 'csv' && s.text.startsWith('user_id,completed_at'));

describe.each(pagesRunBy(runner))('%s, run as written', (doc) => {
  const place = usePagePlace(doc, { files: { 'training.csv': trainingCsv?.text ?? '' } });
  const blocks = runnableSnippets(doc);

  it.each(blocks.map((b) => [`line ${b.line} (${b.handling.kind})`, b] as const))('%s', async (_, block) => {
    const out = await runSnippet(block, place);
    expect(out.length).toBeGreaterThan(0);
  });

  if (doc === 'docs/operators.md')
    it('the move to PostgreSQL kept every figure: the report before and after is the same, and not empty', async () => {
      const before = await readFile(join(place.dir, 'before.json'), 'utf8');
      expect(await readFile(join(place.dir, 'after.json'), 'utf8')).toBe(before);
      // The demo store: trained people and their activity, not an empty report.
      expect((JSON.parse(before) as { adoption: { trained: number } }).adoption.trained).toBeGreaterThan(100);
    });
});
