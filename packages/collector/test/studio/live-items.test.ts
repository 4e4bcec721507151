import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../src/start-collector.js';
import { postgresTarget, type StoreTarget } from '../helpers/store-targets.js';
import { testConfig } from '../helpers/temp-collector.js';
import { servedItems, studioClient } from './studio-client.js';

/** Polls `check` until it holds, for at most `ms`; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

describe('several collectors on one PostgreSQL store', () => {
  let target: StoreTarget;
  let a: Collector;
  let b: Collector;
  beforeAll(async () => {
    target = await postgresTarget();
    // The default look at the store is every 2 s; the test looks every 200 ms to stay short.
    a = await startCollector({ config: testConfig, ...target.location, port: 0, studioPollMs: 200 });
    b = await startCollector({ config: testConfig, ...target.location, port: 0, studioPollMs: 200 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await target?.dispose();
  });

  it('a publish, pause or edit on one collector is served by the other within its polling interval, with no restart', async () => {
    const onA = studioClient(a.url, 'test-admin-token');
    const onB = studioClient(b.url, 'test-admin-token');
    const before = await servedItems(b.url);
    await onA.put('prompts', 'shared-tip', { trigger: { url: '/**' }, content: { title: 'From collector A' } });
    await onA.act('prompts', 'shared-tip', 'publish');
    // Collector A serves its own change at once.
    expect((await servedItems(a.url)).ids).toContain('shared-tip');
    const seen = await within(3000, async () => (await servedItems(b.url)).ids.includes('shared-tip'));
    expect(seen).toBeLessThan(3000);
    expect((await servedItems(b.url)).etag).not.toBe(before.etag);

    await onB.put('prompts', 'shared-tip', { trigger: { url: '/**' }, content: { title: 'Edited on B' } });
    await onB.act('prompts', 'shared-tip', 'publish');
    const title = async () =>
      ((await servedItems(a.url)).body['prompts'] as { id: string; content: { title: string } }[]).find((p) => p.id === 'shared-tip')
        ?.content.title;
    await within(3000, async () => (await title()) === 'Edited on B');

    await onB.act('prompts', 'shared-tip', 'pause');
    await within(3000, async () => !(await servedItems(a.url)).ids.includes('shared-tip'));
    // Both see one history.
    expect(((await onA.versions('prompts', 'shared-tip')).body['versions'] as unknown[]).length).toBe(5);
  });
});
