/**
 * A table with rows about one person. Erasure (`Store.forget`) deletes from every table listed in
 * `personTables`, so a rollup added later is forgotten too once it is listed here; a test fails when
 * the schema has a `user_id` column in a table this list does not name.
 */
export interface PersonTable {
  table: string;
  /** The column naming the person: the pseudonymized user id. */
  person: string;
  /** The column dating a row, for an erasure `before` a time: an instant (TIMESTAMPTZ) or a UTC day (DATE). */
  dated: { column: string; kind: 'instant' | 'day' };
  /**
   * The rows fold a person's events of many days: erasing those before a time deletes all of the
   * person's rows and folds their remaining events again (`rebuildRollupsSql`).
   */
  rebuilt?: boolean;
}

/** Every table with rows about a person: the raw events first, then the rollups made from them. */
export const personTables = [
  { table: 'events', person: 'user_id', dated: { column: 'ts', kind: 'instant' } },
  { table: 'daily_usage', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  { table: 'person_usage_days', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  { table: 'person_days', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  { table: 'daily_outputs', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  // Rows folding many instants: an erasure `before` a time rebuilds the person's rows from the events left.
  { table: 'person_items', person: 'user_id', dated: { column: 'first_at', kind: 'instant' }, rebuilt: true },
  { table: 'person_shows', person: 'user_id', dated: { column: 'ts', kind: 'instant' } },
  { table: 'survey_answers', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  { table: 'vital_samples', person: 'user_id', dated: { column: 'day', kind: 'day' } },
  { table: 'person_trainings', person: 'user_id', dated: { column: 'ts', kind: 'instant' }, rebuilt: true },
  { table: 'person_traits', person: 'user_id', dated: { column: 'ts', kind: 'instant' } },
] as const satisfies readonly PersonTable[];

/** The name of a table in `personTables`. */
export type PersonTableName = (typeof personTables)[number]['table'];

/** What forgetting a person removed: rows per table (`events` being the raw events). */
export type ForgetCounts = Record<PersonTableName, number>;
