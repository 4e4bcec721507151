import { sqlString } from './sql-literal.js';
import type { SqlDialect } from './sql-dialect.js';

/** PostgreSQL's spellings (the JSON column is `jsonb`). */
export const postgresDialect: SqlDialect = {
  param: (n) => `$${n}`,
  jsonText: (json, key) => `(${json}->>${sqlString(key)})`,
  epochMs: (ts) => `CAST(EXTRACT(EPOCH FROM ${ts}) * 1000 AS BIGINT)`,
  utcDay: (ts) => `CAST(${ts} AT TIME ZONE 'UTC' AS DATE)`,
  isoWeek: (d) => `to_char(${d}, 'IYYY-"W"IW')`,
  plusSeconds: (ts, seconds) => `${ts} + INTERVAL '${Math.round(seconds)} seconds'`,
  percentile: (fraction, value) => `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${value})`,
  matches: (text, pattern) => `${text} ~ ${pattern}`,
  replaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  // A row comparison: PostgreSQL walks the (ts, id) index from that row.
  rowAfter: (columns, values) => `(${columns.join(', ')}) > (${values.join(', ')})`,
  tempTable: (name, select) => `CREATE TEMP TABLE ${name} ON COMMIT DROP AS ${select}`,
  rangeLookup: 'probe',
};
