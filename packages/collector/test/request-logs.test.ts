import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startCollector } from '../src/start-collector.js';
import { duckdbTarget } from './helpers/store-targets.js';
import { testConfig } from './helpers/temp-collector.js';

/** Starts a collector logging at `level` into memory, sends one config request carrying a user id, and returns the log lines. */
async function linesAt(level: string): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const target = await duckdbTarget();
  const collector = await startCollector({ config: testConfig, ...target.location, port: 0, host: '127.0.0.1', logger: { level, stream } });
  try {
    expect((await fetch(`${collector.url}/v1/config?writeKey=wk_assistant&userId=u-secret-4821`)).status).toBe(200);
  } finally {
    await collector.close();
    await target.dispose();
  }
  return lines;
}

describe('request logs', () => {
  it('are off at info, the default: no line per request', async () => {
    const lines = await linesAt('info');
    expect(lines.filter((l) => l['req'] !== undefined || l['res'] !== undefined)).toEqual([]);
  });

  it('at debug carry method, path and status, never the query string (a user id) nor the client address', async () => {
    const lines = await linesAt('debug');
    const incoming = lines.find((l) => l['msg'] === 'incoming request');
    expect(incoming?.['req']).toEqual({ method: 'GET', path: '/v1/config' });
    expect(lines.some((l) => l['msg'] === 'request completed' && (l['res'] as { statusCode?: number })?.statusCode === 200)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('u-secret-4821');
    // The server's own address is logged once, at start; a request line holds no address at all.
    const requestLines = JSON.stringify(lines.filter((l) => l['reqId'] !== undefined));
    expect(requestLines).not.toContain('127.0.0.1');
    expect(requestLines).not.toMatch(/remoteAddress|remotePort/);
  });
});
