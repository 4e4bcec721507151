import { describe, expect, it } from 'vitest';
import { pagesRunBy, runnableSnippets, runSnippet, usePagePlace } from '../helpers/doc-snippet-place.js';

// The analysts' pages, run block by block in the order a reader follows them (the coverage rule:
// test/architecture/doc-snippets.test.ts); a collector serves the page's store while a block calls
// it with `curl`. Needs the build (`npm run build`).

const runner = 'test/e2e/doc-snippets-analysts.test.ts';

describe.each(pagesRunBy(runner))('%s, run as written', (doc) => {
  const place = usePagePlace(doc);
  const blocks = runnableSnippets(doc);

  const outputs = new Map<number, string>();

  it.each(blocks.map((b) => [`line ${b.line} (${b.handling.kind})`, b] as const))('%s', async (_, block) => {
    const out = await runSnippet(block, place);
    outputs.set(block.line, out);
    expect(out.length).toBeGreaterThan(0);
  });

  if (doc === 'docs/analysts.md')
    it('the training import prints what the page shows under its command (the time aside)', () => {
      const block = blocks.find((b) => b.text.startsWith('npx uptake import training'));
      const shown = /^# (.*)$/m.exec(block?.text ?? '')?.[1];
      expect(shown).toMatch(/^training\.csv: 3 rows read/);
      const seconds = (line: string) => line.replace(/\(\d+(\.\d+)? s\)/, '(N s)');
      expect(seconds(outputs.get(block?.line as number)?.trim() ?? '')).toContain(seconds(shown as string));
    });
});
