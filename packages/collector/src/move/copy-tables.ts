import { rollupTables } from '../storage/rollup-tables.js';
import type { Store } from '../storage/store.js';
import { MoveError } from './carry-settings.js';

/** Tables a move handles on its own: each store's migrations, the events, the settings, the rollups the inserts rebuild. */
const movedElsewhere = new Set(['schema_migrations', 'events', 'settings', ...rollupTables]);

/** One table `copyTables` copied. */
export interface CopiedTable {
  table: string;
  rows: number;
  inserted: number;
}

/**
 * Copies every other table of the source (what features add to the schema: an audit log, the
 * studio's items) into the destination's table of that name, row by row as text, each table in one
 * transaction; rows whose primary key is there already are skipped, so running it twice copies
 * once. Both stores have the same tables: both were migrated by this version of Uptake. Such
 * tables are small beside the events: each is read whole.
 */
export async function copyTables(from: Store, to: Store): Promise<CopiedTable[]> {
  const targets = new Map((await to.tables()).map((t) => [t.name, t]));
  const copied: CopiedTable[] = [];
  for (const table of await from.tables()) {
    if (movedElsewhere.has(table.name)) continue;
    const target = targets.get(table.name);
    const missing = table.columns.filter((c) => !target?.columns.includes(c));
    if (missing.length > 0) {
      throw new MoveError(
        `the destination has no ${target ? `column ${missing.join(', ')} in table` : 'table'} ${table.name}: run the same Uptake version on both stores`,
      );
    }
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const rows = await from.query(
      `SELECT ${table.columns.map((c, i) => `CAST(${quote(c)} AS VARCHAR) AS c${i}`).join(', ')} FROM ${quote(table.name)}`,
    );
    const values = rows.map((row) => table.columns.map((_, i) => (row[`c${i}`] === null ? null : String(row[`c${i}`]))));
    copied.push({ table: table.name, rows: values.length, inserted: await to.insertRows(table.name, table.columns, values) });
  }
  return copied;
}
