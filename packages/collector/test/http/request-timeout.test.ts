import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequestTimeoutMs } from '../../src/http/build-server.js';
import { type Collector, startCollector } from '../../src/start-collector.js';
import { duckdbTarget, type StoreTarget } from '../helpers/store-targets.js';
import { testConfig } from '../helpers/temp-collector.js';

const timeoutMs = 2_000;

describe('a slow request body', () => {
  let target: StoreTarget;
  let collector: Collector;
  beforeAll(async () => {
    target = await duckdbTarget();
    collector = await startCollector({ config: testConfig, ...target.location, port: 0, requestTimeoutMs: timeoutMs });
  });
  afterAll(async () => {
    await collector?.close();
    await target?.dispose();
  });

  it('is cut at the request timeout: 408 and the connection closed, however steadily its bytes trickle in', async () => {
    const body = JSON.stringify({ writeKey: 'wk_assistant', events: [] }).padEnd(1_000);
    const socket = connect(collector.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const started = Date.now();
    socket.write(`POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // One byte every 200 ms: never idle long enough for an idle timeout, and 1,000 bytes would take 200 s.
    let sent = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(body[sent++] ?? ' ');
    }, 200);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    clearInterval(drip);
    const elapsed = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(elapsed).toBeLessThan(timeoutMs * 1.5);
    expect(sent).toBeLessThan(body.length);
    // The collector goes on serving.
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
  });

  it('has a documented default of 30 seconds', () => {
    expect(defaultRequestTimeoutMs).toBe(30_000);
  });
});
