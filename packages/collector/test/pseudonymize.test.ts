import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load-config.js';
import { pseudonymKeyPath } from '../src/storage/pseudonym-key-file.js';
import { event, postBatch, tempCollector } from './helpers/temp-collector.js';

const base = {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'admin-token-0123456789',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
};
let running: Awaited<ReturnType<typeof tempCollector>> | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('pseudonymization', () => {
  it('stores user and anonymous ids as HMAC-SHA-256 with the configured secret', async () => {
    running = await tempCollector(parseConfig({ ...base, pseudonymSecret: 'k3y' }));
    await postBatch(running.url, {
      writeKey: 'wk_assistant',
      events: [event({ id: 'pseudo-001', userId: 'u-4821', anonymousId: 'a-77' })],
    });
    const [stored] = await running.store.events();
    const hmac = (id: string) => createHmac('sha256', 'k3y').update(id).digest('hex');
    expect(stored?.userId).toBe(hmac('u-4821'));
    expect(stored?.anonymousId).toBe(hmac('a-77'));
    expect(JSON.stringify(await running.store.events())).not.toContain('u-4821');
  });

  it('generates a secret on first start and keeps it in a key file beside the DuckDB store, not in it', async () => {
    running = await tempCollector(parseConfig(base));
    await postBatch(running.url, { writeKey: 'wk_assistant', events: [event({ id: 'pseudo-002', userId: 'u-1' })] });
    expect(await running.store.getSetting('pseudonymSecret')).toBeUndefined();
    const secret = (await readFile(pseudonymKeyPath(running.store.lockedFile as string), 'utf8')).trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const [stored] = await running.store.events();
    expect(stored?.userId).toBe(
      createHmac('sha256', secret as string)
        .update('u-1')
        .digest('hex'),
    );
  });
});

describe('hmacPseudonym', () => {
  it('gives the same hash from its cache as computed afresh, also after the cache is cleared', async () => {
    const { hmacPseudonym } = await import('../src/ingest/pseudonymizer.js');
    const hash = hmacPseudonym('s3cret', 2);
    const expected = (id: string) => createHmac('sha256', 's3cret').update(id).digest('hex');
    for (const id of ['u-1', 'u-2', 'u-1', 'u-3', 'u-1', 'u-2']) expect(hash(id)).toBe(expected(id));
  });
});
