import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCollector } from './helpers/fake-collector.js';
import { useFreshIndexedDb } from './helpers/fresh-indexeddb.js';

useFreshIndexedDb();

type Global = { uptake?: unknown };
let loaded: typeof import('../src/script-tag.js') | undefined;

/** Puts the script tag in the page and runs the script-tag entry as the browser would run uptake.js. */
async function load(attributes: string): Promise<typeof import('../src/script-tag.js')> {
  // `type` keeps happy-dom from fetching the src; the entry only reads the tag's attributes.
  document.head.innerHTML = `<script type="text/uptake-test" src="http://127.0.0.1:1/uptake.js" ${attributes}></script>`;
  vi.resetModules();
  loaded = await import('../src/script-tag.js');
  return loaded;
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  await loaded?.optOut();
  loaded = undefined;
  delete (window as Global).uptake;
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('uptake.js (script tag)', () => {
  it('replays the commands queued before it loaded, in order, then runs later pushes at once', async () => {
    const collector = fakeCollector();
    (window as Global).uptake = [
      ['identify', 'u-4821', { role: 'professional', team: 'finance' }],
      ['ai.request', 'summarize'],
      ['ai.output', 'summarize', 'out-1'],
    ];
    const uptake = await load('data-collector="http://127.0.0.1:1" data-write-key="wk_assistant" data-tool="assistant"');
    uptake.push(
      ['ai.accepted', 'summarize', 'out-1'],
      ['track', 'report.generated', { rows: 3 }],
      ['task', 'close', { aiAssisted: true }],
      ['ai.feature', 'critique'],
    );
    await uptake.flush();
    expect(collector.received[0]?.url).toBe('http://127.0.0.1:1/v1/batch');
    expect(collector.received[0]?.body.writeKey).toBe('wk_assistant');
    expect(collector.names()).toEqual([
      'identify',
      'ai.request',
      'ai.output_shown',
      'ai.output_accepted',
      'report.generated',
      'task.completed',
      'ai.feature_used',
    ]);
    const events = collector.received.flatMap((r) => r.body.events);
    expect(events[3]?.props).toEqual({ feature: 'summarize', outputId: 'out-1' });
    expect(events[5]?.props).toEqual({ workflow: 'close', aiAssisted: true, minutesSaved: null });
  });

  it('sends a decision on an output it has no handle for (shown before a reload) alone, without a made-up shown', async () => {
    const collector = fakeCollector();
    const uptake = await load('data-collector="http://127.0.0.1:1" data-write-key="wk_assistant" data-tool="assistant"');
    uptake.push(['ai.rejected', 'draft', 'out-before-reload']);
    await uptake.flush();
    expect(collector.names()).toEqual(['ai.output_rejected']);
    expect(collector.received[0]?.body.events[0]?.props).toEqual({ feature: 'draft', outputId: 'out-before-reload' });
  });

  it('warns about a malformed or unknown command instead of throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const uptake = await load('data-collector="http://127.0.0.1:1" data-write-key="wk" data-tool="t"');
    expect(() => uptake.push('track', ['explode'], ['toString'], ['ai'])).not.toThrow();
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said).toContain('[uptake] push: expected an array such as ["track", "report.generated"]');
    expect(said).toContain('[uptake] push: unknown command "explode"');
    expect(said).toContain('[uptake] push: unknown command "toString"');
    expect(said).toContain('[uptake] push: unknown command "ai"');
  });

  it('with data-consent="denied" does nothing at all', async () => {
    const collector = fakeCollector();
    (window as Global).uptake = [['track', 'report.generated']];
    const uptake = await load('data-collector="http://127.0.0.1:1" data-write-key="wk" data-tool="t" data-consent="denied"');
    uptake.push(['track', 'report.generated']);
    await uptake.flush();
    expect(collector.fetch).not.toHaveBeenCalled();
    expect(localStorage.getItem('uptake.anonymousId')).toBeNull();
  });

  it('takes the collector from its own src when data-collector is absent, and warns once about a missing data-tool', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await load('data-write-key="wk"');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('options.tool');
  });
});
