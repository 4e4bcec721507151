import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlParam } from '../storage/store.js';
import { usageCondition } from '../storage/usage-rollup.js';
import type { MetricsQuery } from './types.js';

/** The pieces of SQL every metric query shares, with its parameters. */
export interface MetricSql {
  /**
   * `WITH …` defining `trained`, `usage_days` and, on request, `traits` (latest role and team of each
   * trained person) and `weeks` (k = 0…n), without the final SELECT.
   */
  ctes(options?: CteOptions): string;
  /** Parameters in order: the 1st asOf (DATE text), the 2nd the end of asOf (exclusive instant), then filters. */
  params: SqlParam[];
  /**
   * Without a usage rollup to read: the statement that fills the temporary table `m_usage_days`
   * (distinct person and UTC day of every usage event up to asOf), and its own parameters. Run it
   * first in the read session: every metric query reads it instead of scanning the events again.
   */
  usageTable: { sql: string; params: SqlParam[] } | undefined;
  /** SQL expression: asOf as a DATE. */
  asOf: string;
  /** SQL expression: the first instant after asOf. */
  end: string;
  /** ` AND tool = <parameter>` when a tool filter is set, else empty. */
  toolFilter(column?: string): string;
  /** The store's SQL spellings, for what engines write differently (JSON text, percentiles…). */
  dialect: SqlDialect;
}

export interface CteOptions {
  traits?: boolean;
  weeks?: number;
}

/**
 * Where the usage days come from: the daily usage rollup when it counts the config's usage events
 * (fast), else the events themselves (exact either way).
 */
export type UsageSource = 'rollup' | 'events';

/** Builds the shared SQL for one metrics request. Only validated values are inlined as literals. */
export function metricSql(q: MetricsQuery, usageEvents: readonly string[], dialect: SqlDialect, source: UsageSource = 'events'): MetricSql {
  const params: SqlParam[] = [q.asOf, nextDay(q.asOf)];
  const param = (value: SqlParam) => dialect.param(params.push(value));
  const tool = q.tool === undefined ? undefined : param(q.tool);
  const program = q.program === undefined ? undefined : param(q.program);
  const cohort = q.cohort === undefined ? undefined : param(q.cohort);
  const asOf = `CAST(${dialect.param(1)} AS DATE)`;
  const end = `CAST(${dialect.param(2)} AS TIMESTAMPTZ)`;
  const toolFilter = (column = 'tool') => (tool ? ` AND ${column} = ${tool}` : '');

  const ctes = (options: CteOptions = {}) => `
    WITH ${options.weeks === undefined ? '' : `weeks(k) AS MATERIALIZED (${numbersUpTo(options.weeks)}),`}
    -- Names every parameter, so each statement binds all of them whichever CTEs it reads.
    request AS (SELECT ${asOf} AS as_of, ${end} AS end_ts${tool ? `, CAST(${tool} AS VARCHAR) AS tool` : ''}),
    -- Each person's first training of each program (the person_trainings rollup): their first of all, or of one program.
    first_training AS (
      SELECT user_id, ts, cohort, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, id) AS rn
      FROM person_trainings
      WHERE ts < ${end}${program ? ` AND program = ${program}` : ''}
    ),
    trained_all AS (
      SELECT user_id, ${dialect.utcDay('ts')} AS trained_at,
             COALESCE(cohort, ${dialect.isoWeek(dialect.utcDay('ts'))}) AS cohort
      FROM first_training WHERE rn = 1
    ),
    trained AS (
      SELECT * FROM trained_all ${cohort ? `WHERE cohort = ${cohort}` : ''}
    ),
    -- Never materialized: a statement that reads it more than once (a correlated EXISTS per window)
    -- would otherwise scan a copy of every usage day per person on PostgreSQL, without its index.
    usage_days AS NOT MATERIALIZED (${
      source === 'rollup'
        ? // A rollup has one row per person and day for its key (any tool's, or the tool's): read in place.
          `SELECT user_id, day FROM ${tool ? 'daily_usage' : 'person_usage_days'} WHERE day <= ${asOf}${toolFilter()}`
        : 'SELECT user_id, day FROM m_usage_days'
    })${
      options.traits
        ? `,
    -- The identifies' roles and teams (the person_traits rollup), the latest of each before the end.
    roles AS (
      SELECT user_id, role, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
      FROM person_traits WHERE ts < ${end} AND role IS NOT NULL
    ),
    teams AS (
      SELECT user_id, team, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
      FROM person_traits WHERE ts < ${end} AND team IS NOT NULL
    ),
    traits AS (
      SELECT t.user_id, r.role, m.team
      FROM trained t
      LEFT JOIN roles r ON r.user_id = t.user_id AND r.rn = 1
      LEFT JOIN teams m ON m.user_id = t.user_id AND m.rn = 1
    )`
        : ''
    }`;

  // Its own numbering: the end of asOf first, then the tool.
  const toolParam = q.tool === undefined ? '' : ` AND tool = ${dialect.param(2)}`;
  const before = `CAST(${dialect.param(1)} AS TIMESTAMPTZ)`;
  const usageTable =
    source === 'rollup'
      ? undefined
      : {
          sql: dialect.tempTable(
            'm_usage_days',
            `SELECT DISTINCT user_id, ${dialect.utcDay('ts')} AS day FROM events
             WHERE user_id IS NOT NULL AND ts < ${before} AND ${usageCondition(usageEvents)}${toolParam}`,
          ),
          params: [params[1] as string, ...(q.tool === undefined ? [] : [q.tool])],
        };
  return { ctes, params, usageTable, asOf, end, toolFilter, dialect };
}

/**
 * SQL: the whole numbers 0…n (n < 1,000) as column k, from three digits. Not a recursive CTE: DuckDB
 * runs one of those step by step, a third of a second for 520 weeks whatever the data.
 */
function numbersUpTo(n: number): string {
  const digits = '(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))';
  const k = 'd0.d + 10 * d1.d + 100 * d2.d';
  return `SELECT ${k} AS k FROM ${digits} AS d0(d) CROSS JOIN ${digits} AS d1(d) CROSS JOIN ${digits} AS d2(d) WHERE ${k} <= ${Math.floor(n)}`;
}

/** The day after a `YYYY-MM-DD` day, as an ISO instant: the exclusive end of that day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
