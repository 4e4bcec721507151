import { expect, it } from 'vitest';

it('public API of @uptake/widgets', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
    'UptakePromptElement',
    'UptakePulseElement',
    'builtInStrings',
    'safeHref',
  ]);
});

it('registers <uptake-prompt> and <uptake-pulse> once, even when imported twice', async () => {
  await import('../src/prompt/uptake-prompt.js');
  await import('../src/pulse/uptake-pulse.js');
  await import('../src/index.js');
  expect(customElements.get('uptake-prompt')).toBeDefined();
  expect(customElements.get('uptake-pulse')).toBeDefined();
});

it('custom-elements.json, generated from the JSDoc by `npm run build`, documents both elements', async () => {
  const { readFile } = await import('node:fs/promises');
  // happy-dom gives test modules an http: import.meta.url; vitest runs from the repository root.
  const manifest = JSON.parse(await readFile(`${process.cwd()}/packages/widgets/custom-elements.json`, 'utf8')) as {
    modules: { declarations?: { tagName?: string; events?: { name: string }[]; cssParts?: unknown[]; cssProperties?: unknown[] }[] }[];
  };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  expect(elements.map((d) => d.tagName).sort()).toEqual(['uptake-prompt', 'uptake-pulse']);
  const events = (tag: string) =>
    elements
      .find((d) => d.tagName === tag)
      ?.events?.map((e) => e.name)
      .sort();
  expect(events('uptake-prompt')).toEqual(['uptake-action', 'uptake-request-close']);
  expect(events('uptake-pulse')).toEqual(['uptake-answer', 'uptake-request-close']);
  for (const d of elements) expect(d.cssParts?.length).toBeGreaterThan(0);
});
