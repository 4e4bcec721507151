import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { duckdbMigrations } from './migrations.js';
import type { InsertResult, Store, StoredEvent, StoreSummary } from './store.js';

const columns = 'id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props';

/** The embedded store: one DuckDB file, one process. */
export class DuckDBStore implements Store {
  readonly kind = 'duckdb';
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating when missing) the DuckDB file at `path`, or an in-memory store for `:memory:`. */
  static async open(path: string): Promise<DuckDBStore> {
    if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    return new DuckDBStore(instance, await instance.connect());
  }

  /** Runs work on the connection one piece at a time, so transactions never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async migrate(): Promise<void> {
    await this.serial(async () => {
      await this.connection.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMPTZ DEFAULT now())');
      const rows = (await this.connection.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).getRowObjectsJS();
      const current = Number(rows[0]?.['v'] ?? 0);
      for (const migration of duckdbMigrations.filter((m) => m.version > current)) {
        await this.connection.run('BEGIN TRANSACTION');
        try {
          await this.connection.run(migration.sql);
          await this.connection.run('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
          await this.connection.run('COMMIT');
        } catch (error) {
          await this.connection.run('ROLLBACK');
          throw error;
        }
      }
    });
  }

  insert(events: StoredEvent[]): Promise<InsertResult> {
    if (events.length === 0) return Promise.resolve({ inserted: 0, duplicates: 0 });
    return this.serial(async () => {
      const values: DuckDBValue[] = [];
      const tuples = events.map((e, i) => {
        values.push(e.id, e.name, e.ts.toISOString(), e.receivedAt.toISOString(), e.userId, e.anonymousId, e.sessionId, e.tool, JSON.stringify(e.props));
        const p = (k: number) => `$${i * 9 + k}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}::TIMESTAMPTZ, ${p(4)}::TIMESTAMPTZ, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::JSON)`;
      });
      const result = await this.connection.run(`INSERT OR IGNORE INTO events (${columns}) VALUES ${tuples.join(', ')}`, values);
      const inserted = result.rowsChanged;
      return { inserted, duplicates: events.length - inserted };
    });
  }

  getSetting(key: string): Promise<string | undefined> {
    return this.serial(async () => {
      const rows = (await this.connection.runAndReadAll('SELECT value FROM settings WHERE key = $1', [key])).getRowObjectsJS();
      return rows[0] ? String(rows[0]['value']) : undefined;
    });
  }

  async initSetting(key: string, value: string): Promise<string> {
    await this.serial(() => this.connection.run('INSERT OR IGNORE INTO settings (key, value) VALUES ($1, $2)', [key, value]));
    return (await this.getSetting(key)) as string;
  }

  async ping(): Promise<void> {
    await this.serial(() => this.connection.run('SELECT 1'));
  }

  summary(): Promise<StoreSummary> {
    return this.serial(async () => {
      const totals = (await this.connection.runAndReadAll('SELECT count(*) AS events, count(DISTINCT coalesce(user_id, anonymous_id)) AS users FROM events')).getRowObjectsJS()[0];
      const byName = (await this.connection.runAndReadAll('SELECT name, count(*) AS events FROM events GROUP BY name ORDER BY events DESC, name')).getRowObjectsJS();
      return {
        events: Number(totals?.['events'] ?? 0),
        users: Number(totals?.['users'] ?? 0),
        byName: byName.map((r) => ({ name: String(r['name']), events: Number(r['events']) })),
      };
    });
  }

  events(): Promise<StoredEvent[]> {
    return this.serial(async () => {
      const sql = `SELECT id, name, epoch_ms(ts) AS ts, epoch_ms(received_at) AS received_at, user_id, anonymous_id, session_id, tool, props::VARCHAR AS props FROM events ORDER BY ts, id`;
      return (await this.connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => ({
        id: String(r['id']),
        name: String(r['name']),
        ts: new Date(Number(r['ts'])),
        receivedAt: new Date(Number(r['received_at'])),
        userId: r['user_id'] === null ? null : String(r['user_id']),
        anonymousId: r['anonymous_id'] === null ? null : String(r['anonymous_id']),
        sessionId: r['session_id'] === null ? null : String(r['session_id']),
        tool: String(r['tool']),
        props: JSON.parse(String(r['props'])),
      }));
    });
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}
