import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Every code block a reader may paste from the docs is run by a test (issue 20, item 1). This module
// finds the blocks and reads how each is checked: by default from its language, otherwise from the
// `<!-- snippet: … -->` comment on the line before its fence (invisible once rendered).

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The languages of blocks a reader pastes: each such block is run, or marked illustrative with a reason. */
export const pastedLanguages = ['html', 'json', 'jsonc', 'js', 'ts', 'tsx', 'sh', 'bash', 'shell'];

export interface Snippet {
  /** The page, from the repository root: `docs/operators.md`. */
  doc: string;
  /** The line of the opening fence, counted from 1. */
  line: number;
  lang: string;
  text: string;
  /** What follows `snippet:` in the marker just before the fence, if there is one. */
  marker?: string;
}

/** How a block is checked. */
export type Handling =
  /** Cannot run (a unit file, a command that would start the whole test suite): why, in the marker. */
  | { kind: 'illustrative'; reason: string }
  /** Run by a test of its own, which names the page. */
  | { kind: 'tested-by'; test: string }
  /** The content of a file the page's later shell blocks use, written to their working folder. */
  | { kind: 'file'; name: string }
  /** Shell commands, run in order with `uptake` (built) against a real store and collector. */
  | { kind: 'shell' }
  /** Config: a whole file, or top-level keys of one, checked by the collector's config schema. */
  | { kind: 'config' }
  /** A message of the wire protocol, checked by the SDK's zod schema of that name (`batch`, `config-answer`). */
  | { kind: 'wire'; schema: string }
  /** Markup loaded in Chromium under the strict Content-Security-Policy tool-teams.md recommends. */
  | { kind: 'page' }
  /** Script-tag calls (`uptake.push(…)`), run in that page after the script tag has loaded. */
  | { kind: 'script-tag calls' }
  /** A module importing the packages, bundled with rollup as an app would be, then run in that page. */
  | { kind: 'module' };

/** The pages whose blocks must be checked: the README, docs/*.md and each package's README. */
export function docPages(): string[] {
  const docs = readdirSync(`${repoRoot}docs`)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  const packages = readdirSync(`${repoRoot}packages`)
    .map((p) => `packages/${p}/README.md`)
    .filter((f) => existsSync(`${repoRoot}${f}`));
  return ['README.md', ...docs.sort(), ...packages.sort()];
}

/** The fenced code blocks of `doc`, with the marker before each (indented blocks, in a list, too). */
export function readSnippets(doc: string): Snippet[] {
  const lines = readFileSync(`${repoRoot}${doc}`, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})([\w-]*)\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const [, indent, fence, lang] = open as unknown as [string, string, string, string];
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === `${indent}${fence}`);
    if (end < 0) throw new Error(`${doc} line ${i + 1}: a code block that is never closed`);
    const before = lines
      .slice(0, i)
      .reverse()
      .find((l) => l.trim() !== '');
    const marker = /^\s*<!-- snippet: (.*?) -->\s*$/.exec(before ?? '')?.[1];
    const text = lines
      .slice(i + 1, end)
      .map((l) => l.slice(indent.length))
      .join('\n');
    snippets.push({ doc, line: i + 1, lang, text: `${text}\n`, ...(marker ? { marker } : {}) });
    i = end;
  }
  return snippets;
}

/** The blocks of every page that a reader pastes (see `pastedLanguages`), or marked for a runner. */
export function pastedSnippets(): Snippet[] {
  return docPages().flatMap((doc) => readSnippets(doc).filter((s) => pastedLanguages.includes(s.lang) || s.marker !== undefined));
}

/** How `snippet` is checked, or why that cannot be told (a message saying what to do). */
export function handlingOf(snippet: Snippet): Handling | { problem: string } {
  const marker = snippet.marker;
  if (marker === undefined) {
    if (['sh', 'bash', 'shell'].includes(snippet.lang)) return { kind: 'shell' };
    if (snippet.lang === 'json') return { kind: 'config' };
    if (snippet.lang === 'html') return { kind: 'page' };
    if (snippet.lang === 'js' && /\buptake\.push\(/.test(snippet.text) && !/^import /m.test(snippet.text))
      return { kind: 'script-tag calls' };
    if (['js', 'ts', 'tsx'].includes(snippet.lang) && /^import /m.test(snippet.text)) return { kind: 'module' };
    return { problem: `no runner knows a \`\`\`${snippet.lang} block like this one by its language alone` };
  }
  const illustrative = /^illustrative, (.{10,})$/.exec(marker);
  if (illustrative) return { kind: 'illustrative', reason: illustrative[1] as string };
  if (marker.startsWith('illustrative'))
    return { problem: 'an illustrative marker says why, in words: `illustrative, <why it cannot run>`' };
  const testedBy = /^tested by (\S+)$/.exec(marker);
  if (testedBy) {
    const test = testedBy[1] as string;
    if (!existsSync(`${repoRoot}${test}`)) return { problem: `"tested by ${test}": no such file` };
    if (!readFileSync(`${repoRoot}${test}`, 'utf8').includes(snippet.doc))
      return { problem: `"tested by ${test}": that test never names ${snippet.doc}` };
    return { kind: 'tested-by', test };
  }
  const file = /^file (\S+)$/.exec(marker);
  if (file) return { kind: 'file', name: file[1] as string };
  const wire = /^wire ([\w-]+)$/.exec(marker);
  if (wire) return { kind: 'wire', schema: wire[1] as string };
  for (const kind of ['shell', 'config', 'page', 'script-tag calls', 'module'] as const) if (marker === kind) return { kind };
  return { problem: `unknown marker "snippet: ${marker}"` };
}

/**
 * Which test runs each page's blocks (one per audience, so each file stays small). A page missing
 * here has its blocks unrun: the coverage test says so.
 */
export const snippetRunners: Record<string, string> = {
  'README.md': 'test/e2e/doc-snippets-operators.test.ts',
  'packages/sdk/README.md': 'test/e2e/doc-snippets-tool-teams.test.ts',
  'packages/widgets/README.md': 'test/e2e/doc-snippets-tool-teams.test.ts',
  'docs/tool-teams.md': 'test/e2e/doc-snippets-tool-teams.test.ts',
  'docs/product-owners.md': 'test/e2e/doc-snippets-tool-teams.test.ts',
  'docs/operators.md': 'test/e2e/doc-snippets-operators.test.ts',
  'docs/RELIABILITY.md': 'test/e2e/doc-snippets-operators.test.ts',
  'packages/collector/README.md': 'test/e2e/doc-snippets-operators.test.ts',
  'docs/analysts.md': 'test/e2e/doc-snippets-analysts.test.ts',
  'docs/config-reference.md': 'test/e2e/doc-snippets-analysts.test.ts',
};

/** One line of the coverage test's failure: the page, the line of the fence, and what is wrong. */
export function snippetProblem(snippet: Snippet, problem: string): string {
  return `${snippet.doc} line ${snippet.line}: \`\`\`${snippet.lang} block: ${problem}`;
}

/** What to do about such a block, said once under the list. */
export const whatToDo =
  'For each block above: make it run (the kinds a runner knows are listed in test/helpers/doc-snippets.ts, "Handling"), ' +
  'or put one marker on the line just before its fence: `<!-- snippet: tested by <test file that reads this page> -->`, ' +
  '`<!-- snippet: file <name> -->` (a file later shell blocks use), `<!-- snippet: wire <schema> -->` (a protocol message), ' +
  'or, when it truly cannot run, `<!-- snippet: illustrative, <why it cannot run> -->`.';
