import type { SqlDialect } from './sql-dialect.js';
import { sqlString } from './sql-literal.js';

/**
 * The usage rollups: one row per person, UTC day and tool with at least one usage event (`ai.*`
 * or a configured usage event) in `daily_usage`, and one per person and UTC day in
 * `person_usage_days` (what metrics read when no tool is asked for, instead of a DISTINCT over
 * `daily_usage`). Both are written in the same transaction as the events, so metrics read people ×
 * days instead of scanning every event. The usage event names they count are kept in the
 * `usageEvents` setting; a collector whose config names others rebuilds them.
 */
export const usageSettingKey = 'usageEvents';

/** The usage rollups' tables. */
export const usageRollupTables = ['daily_usage', 'person_usage_days'] as const;

/** The usage event names as stored in the setting: sorted, unique, JSON. */
export function usageSetting(usageEvents: readonly string[]): string {
  return JSON.stringify([...new Set(usageEvents)].sort());
}

/** SQL condition: `column` names a usage event (`ai.*` or one of `usageEvents`). */
export function usageCondition(usageEvents: readonly string[], column = 'name'): string {
  return `(${column} LIKE 'ai.%'${usageEvents.length ? ` OR ${column} IN (${usageEvents.map(sqlString).join(', ')})` : ''})`;
}

/**
 * The statements adding the usage of the events of `from` (a relation with user_id, ts, tool and
 * name) to both rollups, rows already there left as they are: an insert runs them over the events
 * it stores, a rebuild over every stored event. Rows in key order, so concurrent inserts on
 * PostgreSQL take their locks in one order.
 */
export function keepUsageSql(dialect: SqlDialect, from: string, usageEvents: readonly string[]): string[] {
  const day = dialect.utcDay('ts');
  const usage = `user_id IS NOT NULL AND ${usageCondition(usageEvents)}`;
  return [
    `INSERT INTO daily_usage (user_id, day, tool) SELECT DISTINCT user_id, ${day}, tool FROM ${from} WHERE ${usage} ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING`,
    `INSERT INTO person_usage_days (user_id, day) SELECT DISTINCT user_id, ${day} FROM ${from} WHERE ${usage} ORDER BY 1, 2 ON CONFLICT DO NOTHING`,
  ];
}
