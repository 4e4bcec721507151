import type { UptakeConfig } from '../config/config-schema.js';
import { sqlString } from '../storage/sql-literal.js';
import type { CountSession } from './count-metrics.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';
import { horizonHitsSql } from './sustained-window.js';
import type { MetricsQuery } from './types.js';

/** People eligible for a window and how many of them were engaged in it. */
export interface EngagedWindowCounts {
  eligible: number;
  engaged: number;
}

/**
 * The exact counts behind engaged use and intensity (docs/analysts.md "Engaged use and intensity"),
 * for one day and filters. A person is engaged on a day when they accepted or edited an AI output
 * (`ai.output_accepted`, `ai.output_edited`) or sent one of the config's `engagedEvents` that day.
 */
export interface EngagementCounts {
  /** People with a usage day in asOf−27…asOf (MAU) and those of them with an engaged day there. */
  activity: { active: number; engaged: number };
  /** People trained on or before asOf and those of them with an engaged day in asOf−27…asOf. */
  adoption: { trained: number; engaged: number };
  /** Sustained windows (trainedAt+N−13 … trainedAt+N) with an engaged day instead of a usage day. */
  sustained: { d30: EngagedWindowCounts; d60: EngagedWindowCounts; d90: EngagedWindowCounts };
  /** The active people (MAU) by their usage days in the 28: light, moderate and heavy use. */
  intensity: { light: number; moderate: number; heavy: number };
}

/**
 * SQL: the CTE `engaged_days` (person and UTC day of engaged use up to asOf), to follow `sql.ctes()`.
 * Accepted and edited outputs come from the `daily_outputs` rollup; the configured events, which no
 * rollup counts by name, from the events (none when `engagedEvents` is empty, the default). A day
 * may appear more than once (one row per tool and anonymous id): its readers ask whether a day
 * exists or count distinct people, and without a DISTINCT here PostgreSQL probes the rollup's key
 * per person and window instead of sorting every engaged day first (issue 16).
 */
export function engagedDaysCte(sql: MetricSql, engagedEvents: readonly string[]): string {
  const { dialect } = sql;
  const configured = engagedEvents.length
    ? `
      UNION ALL
      SELECT user_id, ${dialect.utcDay('ts')} AS day FROM events
      WHERE user_id IS NOT NULL AND ts < ${sql.end} AND name IN (${engagedEvents.map(sqlString).join(', ')})${sql.toolFilter()}`
    : '';
  return `
    engaged_days AS (
      SELECT user_id, day FROM (
        SELECT o.user_id, o.day FROM daily_outputs o
        WHERE o.user_id <> '' AND o.accepted + o.edited > 0 AND o.day <= ${sql.asOf}${sql.toolFilter('o.tool')}${configured}
      ) x
    )`;
}

/**
 * Counts engaged use and intensity for `q` (its day and filters) in a metrics read session: a
 * weekly series calls it once per week's end. With a program or cohort filter, only the trained
 * people it selects count, as for activity.
 */
export async function countEngagementFigures(session: CountSession, config: UptakeConfig, q: MetricsQuery): Promise<EngagementCounts> {
  const sql = session.sqlFor(q);
  const restrict = q.program !== undefined || q.cohort !== undefined;
  const engaged = engagedDaysCte(sql, config.engagedEvents);
  const { moderateFrom, heavyFrom } = config.intensity;
  const [row] = await session.query(
    `${sql.ctes()},${engaged},
    recent AS (
      SELECT u.user_id, COUNT(*) AS days FROM usage_days u
      ${restrict ? 'JOIN trained t ON t.user_id = u.user_id' : ''}
      WHERE u.day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf}
      GROUP BY u.user_id
    ),
    engaged_people AS (SELECT DISTINCT user_id FROM engaged_days WHERE day BETWEEN ${sql.asOf} - 27 AND ${sql.asOf})
    SELECT
      CAST(COUNT(*) AS INTEGER) AS active,
      CAST(COUNT(g.user_id) AS INTEGER) AS engaged,
      CAST(COALESCE(SUM(CASE WHEN r.days < ${moderateFrom} THEN 1 ELSE 0 END), 0) AS INTEGER) AS light,
      CAST(COALESCE(SUM(CASE WHEN r.days >= ${moderateFrom} AND r.days < ${heavyFrom} THEN 1 ELSE 0 END), 0) AS INTEGER) AS moderate,
      CAST(COALESCE(SUM(CASE WHEN r.days >= ${heavyFrom} THEN 1 ELSE 0 END), 0) AS INTEGER) AS heavy
    FROM recent r LEFT JOIN engaged_people g ON g.user_id = r.user_id`,
    sql.params,
  );
  const rows = await session.query(`${sql.ctes()},${engaged},${horizonHitsSql(sql.dialect, 'engaged_days', sql.asOf)}`, sql.params);
  const byN = new Map(rows.map((r) => [num(r['n']), { eligible: num(r['eligible']), engaged: num(r['hits']) }]));
  const at = (n: number) => byN.get(n) ?? { eligible: 0, engaged: 0 };
  return {
    activity: { active: num(row?.['active']), engaged: num(row?.['engaged']) },
    adoption: { trained: at(0).eligible, engaged: at(0).engaged },
    sustained: { d30: at(30), d60: at(60), d90: at(90) },
    intensity: { light: num(row?.['light']), moderate: num(row?.['moderate']), heavy: num(row?.['heavy']) },
  };
}
