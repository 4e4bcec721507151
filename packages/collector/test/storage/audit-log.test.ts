import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { storeKinds } from '../helpers/store-targets.js';
import { useFreshStore } from '../helpers/use-fresh-store.js';

function line(at: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(at),
    token: 'hr-analytics',
    role: 'analyst',
    method: 'GET',
    endpoint: '/v1/export?format=csv',
    status: 200,
    rows: 1200,
    ...overrides,
  };
}

describe.each(storeKinds)('Store audit log: $kind', ({ target }) => {
  const store = useFreshStore(target);

  it('keeps every field of a line, to the millisecond, and reads them oldest first', async () => {
    const refused = line('2026-11-22T10:00:02.007Z', { token: null, role: null, status: 401, rows: 0, endpoint: '/v1/stats' });
    const exported = line('2026-11-22T10:00:01.004Z');
    await store.appendAudit(refused);
    await store.appendAudit(exported);
    expect(await store.readAudit()).toEqual([exported, refused]);
  });

  it('reads since an instant, of one token, the newest `limit` lines; purges before an instant', async () => {
    const lines = [
      line('2026-11-20T09:00:00.000Z', { token: 'admin', role: 'admin', endpoint: '/v1/stats', rows: 3 }),
      line('2026-11-21T09:00:00.000Z'),
      line('2026-11-22T09:00:00.000Z', { token: 'managers', role: 'viewer', endpoint: '/v1/metrics?asOf=2026-11-22', rows: 1 }),
      line('2026-11-23T09:00:00.000Z'),
    ];
    for (const l of lines) await store.appendAudit(l);
    expect(await store.readAudit({ since: new Date('2026-11-21T09:00:00.000Z') })).toEqual(lines.slice(1));
    expect(await store.readAudit({ token: 'hr-analytics' })).toEqual([lines[1], lines[3]]);
    expect(await store.readAudit({ token: 'hr-analytics', since: new Date('2026-11-22T00:00:00Z') })).toEqual([lines[3]]);
    expect(await store.readAudit({ limit: 2 })).toEqual(lines.slice(2));
    expect(await store.purgeAudit(new Date('2026-11-22T00:00:00Z'))).toBe(2);
    expect(await store.readAudit()).toEqual(lines.slice(2));
  });

  it('is kept across an erasure and its compaction, and names no person', async () => {
    await store.appendAudit(
      line('2026-11-22T10:00:00.000Z', { method: 'DELETE', endpoint: '/v1/people/:userId', token: 'admin', role: 'admin' }),
    );
    await store.insert([
      {
        id: 'e1',
        name: 'ai.request',
        ts: new Date('2026-11-22T10:00:00Z'),
        receivedAt: new Date('2026-11-22T10:00:00Z'),
        userId: 'u-1',
        anonymousId: null,
        sessionId: null,
        tool: 'assistant',
        props: {},
      },
    ]);
    await store.forget('u-1');
    expect((await store.readAudit()).map((l) => l.endpoint)).toEqual(['/v1/people/:userId']);
    const columns = await store.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_log' AND table_schema = current_schema() ORDER BY column_name",
    );
    expect(columns.map((c) => c['column_name'])).toEqual(['endpoint', 'method', 'requested_at', 'role', 'row_count', 'status', 'token']);
  });
});
