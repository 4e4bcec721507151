import type { SqlQuery } from '../storage/store.js';
import { cohorts } from './cohorts.js';
import type { ProgramCounts } from './metric-counts.js';
import type { MetricSql } from './metric-sql.js';
import { num } from './suppress.js';
import { trainedPopulation } from './trained-population.js';

/** Programs reported at most, the largest first: a handful in practice; a bound keeps a metrics request's cost bounded. */
export const maxPrograms = 20;

/**
 * Trained people per program (those with a completion of it), the largest first, at most `limit`
 * programs when given.
 */
export async function programSizes(query: SqlQuery, sql: MetricSql, limit?: number): Promise<{ program: string; people: number }[]> {
  const rows = await query(
    `${sql.ctes()},
    -- A person completed a program before the end when their first completion of it (person_trainings) is.
    named AS (
      SELECT p.user_id, p.program FROM person_trainings p
      JOIN trained t ON t.user_id = p.user_id
      WHERE p.program IS NOT NULL AND p.ts < ${sql.end}
    )
    SELECT program, COUNT(DISTINCT user_id) AS people FROM named
    GROUP BY program ORDER BY people DESC, program${limit === undefined ? '' : ` LIMIT ${limit}`}`,
    sql.params,
  );
  return rows.map((r) => ({ program: String(r['program']), people: num(r['people']) }));
}

/**
 * Per training program: its size, sustained usage at 30/60/90 days and retention by week with a
 * decay fit, all cohorts of the program together. A person's trainedAt is their first completion
 * of that program, as with the `program` filter. `sqlFor(program)` gives the shared SQL with that
 * program as filter; `sql` is the request's own. With a program filter, that program is the only one.
 * The retention of a program under `minGroupSize` people is not computed: no reader sees it.
 */
export async function programs(
  query: SqlQuery,
  sql: MetricSql,
  sqlFor: (program: string) => MetricSql,
  minGroupSize: number,
  only?: string,
): Promise<ProgramCounts[]> {
  const rows = only !== undefined ? [{ program: only }] : await programSizes(query, sql, maxPrograms);
  const out: ProgramCounts[] = [];
  for (const row of rows) {
    const { program } = row;
    const programSql = sqlFor(program);
    const population = await trainedPopulation(query, programSql);
    const [whole] = population.trained < minGroupSize ? [] : await cohorts(query, programSql, 'all');
    out.push({ program, population, cells: whole?.cells ?? [] });
  }
  return out;
}
