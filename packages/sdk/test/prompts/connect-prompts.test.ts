import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectPrompts, type Extras } from '../../src/prompts/connect-prompts.js';
import type { PromptHost, PromptRuntime, ConfigForPerson } from '../../src/prompts/types.js';

const emptyHistory = { prompts: {}, surveys: {}, recentShows: [], trainedAt: null, lastUsageDay: null, program: null, cohort: null };
const withPrompts: ConfigForPerson = {
  tool: 'assistant',
  fatigue: { perDay: 1, perWeek: 3 },
  prompts: [
    {
      id: 'tip',
      audience: { sample: 1, holdout: 0 },
      trigger: { event: 'ai.request' },
      frequency: { maxShows: 3, cooldownDays: 3 },
      content: { title: 't', body: '' },
    },
  ],
  surveys: [],
  history: emptyHistory,
};
const withNothing: ConfigForPerson = { ...withPrompts, prompts: [] };

/**
 * The collector's answers, held until the test releases them, so races can be staged; and a stand-in
 * for the prompts chunk recording how it is started. The unit under test is the link between them.
 */
function setUp() {
  const pending: { url: string; resolve(res: Response): void }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(
    (url) => new Promise<Response>((resolve) => pending.push({ url: String(url), resolve })),
  );
  const started: { host: PromptHost; shows: string[]; stopped: boolean }[] = [];
  let chunkLoads = 0;
  const extras: Extras = {
    prompts: async () => {
      chunkLoads++;
      return {
        startPrompts(host): PromptRuntime {
          const run = { host, shows: [] as string[], stopped: false };
          started.push(run);
          return { note: () => {}, show: (id) => void run.shows.push(id), stop: () => void (run.stopped = true) };
        },
      };
    },
    vitals: async () => ({ reportVitals: () => {} }),
    explain: () => import('../../src/prompts/studio-hooks.js'),
  };
  const link = connectPrompts('http://collector.test/v1/config?tool=assistant&writeKey=wk', extras, () => new Date().toISOString());
  const answer = async (i: number, config: ConfigForPerson | number) => {
    pending[i]!.resolve(typeof config === 'number' ? new Response('{"error":"x"}', { status: config }) : Response.json(config));
    for (let n = 0; n < 10; n++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { link, pending, started, answer, chunkLoads: () => chunkLoads };
}

afterEach(() => vi.restoreAllMocks());

describe('connectPrompts', () => {
  it("does nothing before identify; then fetches the person's config once, and loads the chunk only for a tool with prompts", async () => {
    const a = setUp();
    a.link.note({ name: 'ai.request', at: 1 });
    a.link.show('tip');
    expect(a.pending).toHaveLength(0);
    a.link.identify('u-1', { role: 'leader' });
    a.link.identify('u-1', { role: 'leader' });
    expect(a.pending.map((p) => p.url)).toEqual(['http://collector.test/v1/config?tool=assistant&writeKey=wk&userId=u-1']);
    await a.answer(0, withPrompts);
    expect(a.chunkLoads()).toBe(1);
    expect(a.started).toHaveLength(1);
    expect(a.started[0]?.host.userId).toBe('u-1');
    expect(a.started[0]?.host.traits).toEqual({ role: 'leader' });
    // The page's events before identify are the person's; show() asked before the start runs now.
    expect(a.started[0]?.host.events).toEqual([{ name: 'ai.request', at: 1 }]);
    expect(a.started[0]?.shows).toEqual(['tip']);

    const b = setUp();
    b.link.identify('u-2', {});
    await b.answer(0, withNothing);
    expect(b.chunkLoads()).toBe(0);
  });

  it("identifying as someone else while the first fetch is pending starts one runtime, for the new person, without the other's events", async () => {
    const a = setUp();
    a.link.identify('u-1', {});
    a.link.note({ name: 'ai.output_rejected', at: 1 });
    a.link.identify('u-2', {});
    a.link.identify('u-1', {});
    a.link.identify('u-2', {});
    expect(a.pending).toHaveLength(4);
    for (let i = 0; i < 4; i++) await a.answer(i, withPrompts);
    expect(a.started.map((s) => s.host.userId)).toEqual(['u-2']);
    expect(a.started[0]?.host.events).toEqual([]);
  });

  it('new traits for the same person start over with them; a failed fetch is tried again at the next identify', async () => {
    const a = setUp();
    a.link.identify('u-1', {});
    await a.answer(0, 503);
    expect(a.started).toHaveLength(0);
    a.link.identify('u-1', {});
    await a.answer(1, withPrompts);
    expect(a.started).toHaveLength(1);
    a.link.identify('u-1', { role: 'professional' });
    await a.answer(2, withPrompts);
    expect(a.started.map((s) => [s.host.traits, s.stopped])).toEqual([
      [{}, true],
      [{ role: 'professional' }, false],
    ]);
  });

  it('stop() stops the runtime, and one still loading never starts', async () => {
    const a = setUp();
    a.link.identify('u-1', {});
    await a.answer(0, withPrompts);
    a.link.identify('u-2', {});
    a.link.stop();
    await a.answer(1, withPrompts);
    expect(a.started.map((s) => [s.host.userId, s.stopped])).toEqual([['u-1', true]]);
  });
});
