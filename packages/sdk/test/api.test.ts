import { expect, it } from 'vitest';

it('public API of @uptake/sdk', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toEqual(['init']);
});

it('public API of @uptake/sdk/protocol', async () => {
  expect(Object.keys(await import('../src/protocol/index.js')).sort()).toEqual(['batchSchema', 'describeIssues', 'eventSchema', 'formatIssues', 'instantSchema', 'limits']);
});
