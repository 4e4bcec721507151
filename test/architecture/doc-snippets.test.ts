import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWireSnippet } from '../helpers/doc-snippet-config.js';
import { handlingOf, pastedSnippets, readSnippets, repoRoot, snippetRunners, snippetProblem, whatToDo } from '../helpers/doc-snippets.js';

// Docs are code (issue 20): every block a reader pastes from README.md, docs/*.md or a package's
// README is run by a test, or says in a marker why it cannot be. The runners are
// test/e2e/doc-snippets*.test.ts, one per audience; this test only reads the pages, so it is quick.

describe('every pasted code block in the docs is exercised by a test', () => {
  const snippets = pastedSnippets();

  it('the pages have blocks (the scan finds them)', () => {
    expect(snippets.length).toBeGreaterThan(40);
    expect(new Set(snippets.map((s) => s.doc)).size).toBeGreaterThan(6);
  });

  it('each block is run by a runner, tested by a named test, or marked illustrative with a reason', () => {
    const problems = snippets.flatMap((s) => {
      const handling = handlingOf(s);
      if ('problem' in handling) return [snippetProblem(s, handling.problem)];
      if (handling.kind === 'illustrative' || handling.kind === 'tested-by') return [];
      const runner = snippetRunners[s.doc];
      if (!runner)
        return [
          snippetProblem(
            s,
            `no runner runs ${s.doc}: add it to snippetRunners in test/helpers/doc-snippets.ts (the audience's test/e2e/doc-snippets-*.test.ts)`,
          ),
        ];
      if (!existsSync(`${repoRoot}${runner}`)) return [snippetProblem(s, `its runner ${runner} does not exist`)];
      return [];
    });
    expect(problems, `${problems.join('\n')}\n${whatToDo}`).toEqual([]);
  });
});

describe('the block finder itself', () => {
  it('reads language, line, marker and the text of an indented block', () => {
    const found = readSnippets('docs/analysts.md').find((s) => s.lang === 'text' && s.text.includes('nothing imported'));
    expect(found?.text.startsWith('uptake import: nothing imported')).toBe(true);
    expect(found?.line).toBeGreaterThan(1);
  });

  it('tells what to do, naming file and line, for a block no runner knows', () => {
    const block = { doc: 'docs/api.md', line: 12, lang: 'ts', text: 'const x = 1;\n' };
    const handling = handlingOf(block);
    expect(handling).toHaveProperty('problem');
    const message = snippetProblem(block, (handling as { problem: string }).problem);
    expect(message).toMatch(/^docs\/api\.md line 12: ```ts block: no runner knows/);
    expect(whatToDo).toContain('<!-- snippet: illustrative, <why it cannot run> -->');
  });

  it('refuses an illustrative marker without a reason, and a "tested by" naming a test that does not read the page', () => {
    const block = { doc: 'docs/operators.md', line: 3, lang: 'sh', text: 'true\n' };
    expect(handlingOf({ ...block, marker: 'illustrative' })).toHaveProperty('problem');
    expect(handlingOf({ ...block, marker: 'illustrative, a systemd unit: needs root and systemd' })).toEqual({
      kind: 'illustrative',
      reason: 'a systemd unit: needs root and systemd',
    });
    expect(handlingOf({ ...block, marker: 'tested by test/architecture/module-graph.test.ts' })).toHaveProperty('problem');
    expect(handlingOf({ ...block, marker: 'tested by test/no/such.test.ts' })).toHaveProperty('problem');
  });

  it('checks a wire block with the protocol schema its marker names, and says what is wrong', () => {
    const batch = { doc: 'docs/api.md', line: 40, lang: 'json', marker: 'wire batch' };
    const event = { id: 'e-1', name: 'ai.request', ts: '2026-11-30T10:00:00.000Z', userId: 'u-4821', tool: 'assistant', props: {} };
    expect(handlingOf({ ...batch, text: '{}\n' })).toEqual({ kind: 'wire', schema: 'batch' });
    expect(() =>
      checkWireSnippet({ ...batch, text: JSON.stringify({ writeKey: 'wk_assistant', events: [event] }) }, 'batch'),
    ).not.toThrow();
    expect(() => checkWireSnippet({ ...batch, text: JSON.stringify({ events: [event] }) }, 'batch')).toThrow(
      /docs\/api\.md line 40: not a valid batch/,
    );
    expect(() => checkWireSnippet({ ...batch, text: '{}' }, 'batches')).toThrow(/no wire schema "batches"/);
  });
});
