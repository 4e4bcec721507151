import { expect, it } from 'vitest';

it('public API of @uptake/widgets', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual(['UptakePromptElement', 'UptakePulseElement', 'builtInStrings', 'safeHref']);
});

it('registers <uptake-prompt> and <uptake-pulse> once, even when imported twice', async () => {
  await import('../src/prompt/uptake-prompt.js');
  await import('../src/pulse/uptake-pulse.js');
  await import('../src/index.js');
  expect(customElements.get('uptake-prompt')).toBeDefined();
  expect(customElements.get('uptake-pulse')).toBeDefined();
});
