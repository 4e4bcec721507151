import { expect } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { UptakeConfig } from '../../src/config/config-schema.js';
import { startCollector, type Collector } from '../../src/start-collector.js';
import { duckdbTarget, type StoreTarget } from './store-targets.js';

export const testConfig = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['https://assistant.corp.example'] },
    { id: 'open', writeKey: 'wk_open', identity: 'unverified', origins: ['*'] },
  ],
  adminToken: 'test-admin-token',
  // The tests' events are dated around 2026-11-22, more than the default 7 days before today.
  maxEventAgeDays: 36_500,
  // Load tests send thousands of events of one person in a day; the cap has tests of its own.
  maxEventsPerPersonPerDay: 1_000_000,
  pseudonymize: false,
});

/** A running test collector: `stop()` closes it and removes its store. */
export type TempCollector = Collector & { target: StoreTarget; stop(): Promise<void> };

/** A collector on 127.0.0.1 and a free port, on a fresh store (a temporary DuckDB file by default). */
export async function tempCollector(
  config: UptakeConfig = testConfig,
  makeTarget: () => Promise<StoreTarget> = duckdbTarget,
): Promise<TempCollector> {
  const target = await makeTarget();
  const collector = await startCollector({ config, ...target.location, port: 0, host: '127.0.0.1' });
  return {
    ...collector,
    target,
    async stop() {
      await collector.close();
      await target.dispose();
    },
  };
}

let counter = 0;

/** A valid event for tool `assistant`, with overrides. */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `ev-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`,
    name: 'ai.output_accepted',
    ts: '2026-11-22T10:00:01.004Z',
    userId: 'u-4821',
    anonymousId: 'a-1',
    sessionId: 's-1',
    tool: 'assistant',
    props: { feature: 'summarize' },
    ...overrides,
  };
}

/** POSTs a body (object → JSON; string or Buffer as is) to `/v1/batch` and returns status, headers and parsed body. */
export async function postBatch(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? (body as unknown as BodyInit) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Posts `count` events made by `make(n)` in batches of 500, expecting each event to be accepted. */
export async function postEvents(url: string, count: number, make: (n: number) => Record<string, unknown>): Promise<void> {
  for (let first = 0; first < count; first += 500) {
    const events = Array.from({ length: Math.min(500, count - first) }, (_, i) => make(first + i));
    expect((await postBatch(url, { writeKey: 'wk_assistant', events })).body['accepted']).toBe(events.length);
  }
}
