import { describe, expect, it } from 'vitest';
import { pagesRunBy, runnableSnippets, runSnippet, usePagePlace } from '../helpers/doc-snippet-place.js';

// The analysts' pages, run block by block in the order a reader follows them (the coverage rule:
// test/architecture/doc-snippets.test.ts); a collector serves the page's store while a block calls
// it with `curl`. Needs the build (`npm run build`).

const runner = 'test/e2e/doc-snippets-analysts.test.ts';

describe.each(pagesRunBy(runner))('%s, run as written', (doc) => {
  const place = usePagePlace(doc);
  const blocks = runnableSnippets(doc);

  it.each(blocks.map((b) => [`line ${b.line} (${b.handling.kind})`, b] as const))('%s', async (_, block) => {
    const out = await runSnippet(block, place);
    expect(out.length).toBeGreaterThan(0);
  });
});
