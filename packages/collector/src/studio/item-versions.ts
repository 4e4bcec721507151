import type { Store } from '../storage/store.js';
import type { ItemBody, ItemChange, ItemKind, ItemStatus, ItemVersion } from './studio-item.js';

const columns = (epochMs: string) => `kind, id, version, change, status, draft, live, live_version, saved_by, ${epochMs} AS saved_ms`;

function toVersion(row: Record<string, unknown>): ItemVersion {
  return {
    kind: row['kind'] as ItemKind,
    id: String(row['id']),
    version: Number(row['version']),
    change: row['change'] as ItemChange,
    status: row['status'] as ItemStatus,
    draft: JSON.parse(String(row['draft'])) as ItemBody,
    live: row['live'] == null ? null : (JSON.parse(String(row['live'])) as ItemBody),
    liveVersion: row['live_version'] == null ? null : Number(row['live_version']),
    savedBy: String(row['saved_by']),
    savedAt: new Date(Number(row['saved_ms'])).toISOString(),
  };
}

/**
 * The studio's items in the store (table `studio_items`): one row per version, only ever added.
 * An item's latest row is its state now; a new version is written only if its number is still free,
 * so two saves from the same version cannot both win (optimistic concurrency without a lock).
 */
export class ItemVersions {
  constructor(private readonly store: Store) {}

  /** The latest version of every item, in the order they were first saved. */
  async latest(): Promise<ItemVersion[]> {
    const d = this.store.dialect;
    const rows = await this.store.query(
      `SELECT ${columns(d.epochMs('v.saved_at'))},
         (SELECT min(f.saved_at) FROM studio_items f WHERE f.kind = v.kind AND f.id = v.id) AS created_at
       FROM studio_items v
       WHERE v.version = (SELECT max(w.version) FROM studio_items w WHERE w.kind = v.kind AND w.id = v.id)
       ORDER BY created_at, v.kind, v.id`,
    );
    return rows.map(toVersion);
  }

  /** One version of an item; the latest when `version` is not given; undefined when there is none. */
  async get(kind: ItemKind, id: string, version?: number): Promise<ItemVersion | undefined> {
    const p = this.store.dialect.param;
    const which = version === undefined ? `(SELECT max(w.version) FROM studio_items w WHERE w.kind = ${p(1)} AND w.id = ${p(2)})` : p(3);
    const [row] = await this.store.query(
      `SELECT ${columns(this.store.dialect.epochMs('saved_at'))} FROM studio_items WHERE kind = ${p(1)} AND id = ${p(2)} AND version = ${which}`,
      version === undefined ? [kind, id] : [kind, id, version],
    );
    return row ? toVersion(row) : undefined;
  }

  /** Every version of an item, newest first. */
  async history(kind: ItemKind, id: string): Promise<ItemVersion[]> {
    const p = this.store.dialect.param;
    const rows = await this.store.query(
      `SELECT ${columns(this.store.dialect.epochMs('saved_at'))} FROM studio_items WHERE kind = ${p(1)} AND id = ${p(2)} ORDER BY version DESC`,
      [kind, id],
    );
    return rows.map(toVersion);
  }

  /** Writes a version unless its number is taken already (someone else changed the item first); tells whether it was written. */
  async append(v: ItemVersion): Promise<boolean> {
    const p = this.store.dialect.param;
    const rows = await this.store.execute(
      `INSERT INTO studio_items (kind, id, version, change, status, draft, live, live_version, saved_by, saved_at)
       VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(p).join(', ')}, CAST(${p(10)} AS TIMESTAMPTZ))
       ON CONFLICT (kind, id, version) DO NOTHING RETURNING version`,
      [
        v.kind,
        v.id,
        v.version,
        v.change,
        v.status,
        JSON.stringify(v.draft),
        v.live === null ? null : JSON.stringify(v.live),
        v.liveVersion,
        v.savedBy,
        v.savedAt,
      ],
    );
    return rows.length === 1;
  }

  /** How many versions the store holds: it grows with every change, on whichever collector made it. */
  async changeCount(): Promise<number> {
    const [row] = await this.store.query('SELECT count(*) AS n FROM studio_items');
    return Number(row?.['n'] ?? 0);
  }
}
