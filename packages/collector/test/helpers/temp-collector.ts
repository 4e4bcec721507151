import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load-config.js';
import { startCollector, type Collector } from '../../src/start-collector.js';

export const testConfig = parseConfig({
  tools: [
    { id: 'assistant', writeKey: 'wk_assistant', origins: ['https://assistant.corp.example'] },
    { id: 'open', writeKey: 'wk_open', origins: ['*'] },
  ],
  adminToken: 'test-admin-token',
  pseudonymize: false,
});

/** A collector on 127.0.0.1 and a free port, with a DuckDB file in a fresh temporary folder. */
export async function tempCollector(config = testConfig): Promise<Collector & { dir: string; db: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'uptake-test-'));
  const db = join(dir, 'uptake.duckdb');
  const collector = await startCollector({ config, db, port: 0, host: '127.0.0.1' });
  return {
    ...collector,
    dir,
    db,
    async stop() {
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A valid event for tool `assistant`, with overrides. */
export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `ev-${Math.random().toString(36).slice(2, 12)}`,
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

/** POSTs a body (object → JSON) to `/v1/batch` and returns status and parsed body. */
export async function postBatch(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}/v1/batch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}
