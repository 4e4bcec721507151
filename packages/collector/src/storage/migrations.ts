/**
 * Versioned schema migrations, one list per SQL dialect. A store applies, in order, those whose
 * version is above the highest in `schema_migrations`; a released migration is never edited, a
 * change is a new version.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const duckdbMigrations: Migration[] = [
  {
    version: 1,
    description: 'events and settings',
    sql: `
      CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        ts TIMESTAMPTZ NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        user_id VARCHAR,
        anonymous_id VARCHAR,
        session_id VARCHAR,
        tool VARCHAR NOT NULL,
        props JSON NOT NULL
      );
      CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
    `,
  },
];

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    description: 'events and settings',
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        ts TIMESTAMPTZ NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        user_id TEXT,
        anonymous_id TEXT,
        session_id TEXT,
        tool TEXT NOT NULL,
        props JSONB NOT NULL
      );
      CREATE INDEX events_ts_id ON events (ts, id);
      CREATE INDEX events_name_ts ON events (name, ts);
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
];
