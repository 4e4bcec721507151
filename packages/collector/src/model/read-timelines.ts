import type { SqlDialect } from '../storage/sql-dialect.js';
import type { SqlParam, SqlQuery, Store } from '../storage/store.js';
import type { PersonTimeline } from './observations.js';

/** Whole days since 1970-01-01 of a DATE expression, as an INTEGER (both engines subtract dates to days). */
const dayNumber = (dateExpr: string) => `CAST(${dateExpr} - DATE '1970-01-01' AS INTEGER)`;

/**
 * The timelines of every trained or active person (or of `userId` alone), from the daily usage rollup
 * (people × days, never the raw usage events), their first training day and the role of their latest
 * `identify`. Pseudonymous ids stay in this function: the model gets days and a role.
 */
export async function queryTimelines(
  query: SqlQuery,
  dialect: SqlDialect,
  options: { tool?: string | undefined; userId?: string | undefined } = {},
): Promise<PersonTimeline[]> {
  const role = dialect.jsonText('props', 'role');
  const params: SqlParam[] = [];
  const where = (conditions: string[], column: string, value: string | undefined) => {
    if (value === undefined) return conditions;
    params.push(value);
    return [...conditions, `${column} = ${dialect.param(params.length)}`];
  };
  const byUser = where([], 'user_id', options.userId);
  const userParams = [...params];
  const usageWhere = where(byUser, 'tool', options.tool);
  const and = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('');
  const usage = await query(
    `SELECT user_id, ${dayNumber('day')} AS day FROM daily_usage
     ${usageWhere.length ? `WHERE ${usageWhere.join(' AND ')}` : ''}
     GROUP BY user_id, day ORDER BY user_id, day`,
    params,
  );
  const trained = await query(
    `SELECT user_id, ${dayNumber(`MIN(${dialect.utcDay('ts')})`)} AS day FROM events
     WHERE name = 'training.completed' AND user_id IS NOT NULL${and(byUser)} GROUP BY user_id`,
    userParams,
  );
  const roles = await query(
    `SELECT user_id, role FROM (
       SELECT user_id, ${role} AS role, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC, id DESC) AS rn
       FROM events WHERE name = 'identify' AND user_id IS NOT NULL AND ${role} IS NOT NULL${and(byUser)}
     ) latest WHERE rn = 1`,
    userParams,
  );
  const people = new Map<string, { usageDays: number[]; trainedDay: number | null; role: string | null }>();
  const person = (id: unknown) => {
    const key = String(id);
    let found = people.get(key);
    if (!found) {
      found = { usageDays: [], trainedDay: null, role: null };
      people.set(key, found);
    }
    return found;
  };
  for (const row of usage) person(row['user_id']).usageDays.push(Number(row['day']));
  for (const row of trained) person(row['user_id']).trainedDay = Number(row['day']);
  for (const row of roles) if (people.has(String(row['user_id']))) person(row['user_id']).role = String(row['role']);
  return [...people.values()];
}

/**
 * Every trained or active person's timeline (`queryTimelines`). Call `syncUsageEvents` first, as
 * every reader of the rollup does.
 */
export function readTimelines(store: Store, options: { tool?: string | undefined } = {}): Promise<PersonTimeline[]> {
  return store.readSession((query) => queryTimelines(query, store.dialect, options));
}
