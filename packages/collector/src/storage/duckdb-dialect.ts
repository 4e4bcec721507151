import { postgresDialect } from './postgres-dialect.js';
import type { SqlDialect } from './sql-dialect.js';

/**
 * `(a, b) > (x, y)` spelled out: DuckDB evaluates a row comparison row by row, while a plain
 * comparison on the first column is pushed into the scan (14× faster over 5M events).
 */
function rowAfter(columns: readonly string[], values: readonly string[]): string {
  const [column, ...restColumns] = columns;
  const [value, ...restValues] = values;
  if (restColumns.length === 0) return `${column} > ${value}`;
  return `(${column} > ${value} OR (${column} = ${value} AND ${rowAfter(restColumns, restValues)}))`;
}

/**
 * DuckDB's spellings: it reads PostgreSQL's for parameters, JSON text (`->>`, which DuckDB binds
 * more loosely than `=` and `IS`, hence the parentheses), intervals, percentiles and regular
 * expressions; these differ.
 */
export const duckdbDialect: SqlDialect = {
  ...postgresDialect,
  epochMs: (ts) => `epoch_ms(${ts})`,
  // Integer arithmetic on epoch milliseconds: twice as fast as a time-zone-aware cast to DATE.
  utcDay: (ts) => `(DATE '1970-01-01' + CAST(epoch_ms(${ts}) // 86400000 AS INTEGER))`,
  isoWeek: (d) => `strftime(${d}, '%G-W%V')`,
  rowAfter,
  tempTable: (name, select) => `CREATE OR REPLACE TEMP TABLE ${name} AS ${select}`,
  rangeLookup: 'join',
};
