import { monthFacts, PgPartitions } from './pg-partitions.js';
import type { SqlExecutor } from './sql-store.js';
import { notInNames } from './sql-literal.js';

/**
 * Retention on PostgreSQL's partitioned `events`, within the caller's transaction: deletes the
 * events with `ts` before `before` except those named in `keep`, and returns how many. A month
 * wholly before `before` loses its behaviour table's rows at once (TRUNCATE: its file is dropped,
 * as DROP TABLE would, with no row deleted one by one and nothing left for VACUUM); its facts table
 * stays. Only the month `before` falls in (and the table of a store's events from before migration
 * 9, and the default partition) has rows deleted one by one. Kept names other than `monthFacts` (no caller has them) make the
 * whole months delete by rows too; facts not kept are deleted by rows from their small tables.
 */
export async function purgePartitions(tx: SqlExecutor, before: Date, keep: readonly string[]): Promise<number> {
  const keepsBehaviour = keep.some((name) => !(monthFacts as readonly string[]).includes(name));
  const keepsFacts = monthFacts.every((name) => keep.includes(name));
  const cutoff = before.toISOString();
  let purged = 0;
  for (const partition of await PgPartitions.list((sql) => tx.rows(sql))) {
    if (partition.kind === 'month' && partition.start >= before) continue;
    if (partition.kind !== 'month' || partition.end > before) {
      purged += await tx.run(`DELETE FROM ${partition.table} WHERE ts < CAST($1 AS TIMESTAMPTZ) AND ${notInNames('name', keep)}`, [cutoff]);
      continue;
    }
    const { behaviour, facts } = partition;
    if (keepsBehaviour) purged += await tx.run(`DELETE FROM ${behaviour} WHERE ${notInNames('name', keep)}`);
    else {
      // Locked first, so no insert lands between the count and the truncation.
      await tx.run(`LOCK TABLE ${behaviour} IN ACCESS EXCLUSIVE MODE`);
      const rows = Number((await tx.rows(`SELECT count(*) AS n FROM ${behaviour}`))[0]?.['n'] ?? 0);
      if (rows > 0) await tx.run(`TRUNCATE ${behaviour}`);
      purged += rows;
    }
    if (!keepsFacts) purged += await tx.run(`DELETE FROM ${facts} WHERE ${notInNames('name', keep)}`);
  }
  return purged;
}
