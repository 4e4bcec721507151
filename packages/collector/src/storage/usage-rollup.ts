import type { SqlDialect } from './sql-dialect.js';
import { sqlString } from './sql-literal.js';

/**
 * The daily usage rollup: one row per person, UTC day and tool with at least one usage event
 * (`ai.*` or a configured usage event). It is written in the same transaction as the events, so
 * metrics read a few million rows instead of scanning every event. The usage event names it counts
 * are kept in the `usageEvents` setting; a collector whose config names others rebuilds it.
 */
export const usageSettingKey = 'usageEvents';

/** The usage event names as stored in the setting: sorted, unique, JSON. */
export function usageSetting(usageEvents: readonly string[]): string {
  return JSON.stringify([...new Set(usageEvents)].sort());
}

/** SQL condition: `column` names a usage event (`ai.*` or one of `usageEvents`). */
export function usageCondition(usageEvents: readonly string[], column = 'name'): string {
  return `(${column} LIKE 'ai.%'${usageEvents.length ? ` OR ${column} IN (${usageEvents.map(sqlString).join(', ')})` : ''})`;
}

/** The statement that fills an empty rollup from the events, counting `usageEvents`. */
export function rebuildUsageSql(dialect: SqlDialect, usageEvents: readonly string[]): string {
  return `INSERT INTO daily_usage SELECT DISTINCT user_id, ${dialect.utcDay('ts')}, tool FROM events WHERE user_id IS NOT NULL AND ${usageCondition(usageEvents)}`;
}
