import { duckdbDialect } from './duckdb-dialect.js';
import { fillAllRollupsSql, firstMetricRollupTables, metricRollupDdl, personRollupDdl, traitRollupDdl } from './metric-rollups.js';
import { postgresDialect } from './postgres-dialect.js';

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
  {
    version: 2,
    description: 'daily usage rollup',
    sql: `
      CREATE TABLE daily_usage (user_id VARCHAR NOT NULL, day DATE NOT NULL, tool VARCHAR NOT NULL, PRIMARY KEY (user_id, day, tool));
      INSERT INTO daily_usage
        SELECT DISTINCT user_id, (DATE '1970-01-01' + CAST(epoch_ms(ts) // 86400000 AS INTEGER)), tool
        FROM events WHERE user_id IS NOT NULL AND name LIKE 'ai.%';
      INSERT INTO settings (key, value) VALUES ('usageEvents', '[]');
    `,
  },
  {
    version: 3,
    description: 'events per person and day',
    // What a person's daily cap (maxEventsPerPersonPerDay) reads: one row per person-day, not their events.
    sql: `
      CREATE TABLE person_days (user_id VARCHAR NOT NULL, day DATE NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (user_id, day));
      INSERT INTO person_days
        SELECT user_id, (DATE '1970-01-01' + CAST(epoch_ms(ts) // 86400000 AS INTEGER)), count(*)
        FROM events WHERE user_id IS NOT NULL GROUP BY 1, 2;
    `,
  },
  {
    version: 4,
    description: 'audit log',
    // Who read or exported what, by token name (SPEC "Roles"); no column names a person.
    sql: `
      CREATE TABLE audit_log (
        requested_at TIMESTAMPTZ NOT NULL,
        token VARCHAR,
        role VARCHAR,
        method VARCHAR NOT NULL,
        endpoint VARCHAR NOT NULL,
        status INTEGER NOT NULL,
        row_count BIGINT NOT NULL
      );
    `,
  },
  {
    version: 5,
    description: 'studio items, one row per version',
    // Each row is an item's whole state after one change (save, publish, pause, archive): the latest
    // row is the item now, the earlier ones its history. Rows are only ever added, so their count
    // tells collectors sharing a store that something changed.
    sql: `
      CREATE TABLE studio_items (
        kind VARCHAR NOT NULL, id VARCHAR NOT NULL, version INTEGER NOT NULL,
        change VARCHAR NOT NULL, status VARCHAR NOT NULL, draft VARCHAR NOT NULL, live VARCHAR, live_version INTEGER,
        saved_by VARCHAR NOT NULL, saved_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (kind, id, version)
      );
    `,
  },
  {
    version: 6,
    description: 'metric rollups: outputs, prompt and survey exposures, survey answers, web-vitals',
    // Filled from the stored events by the statements the inserts use (storage/metric-rollups.ts).
    // person_shows is filled by migration 11, which makes it again.
    sql: [metricRollupDdl, ...fillAllRollupsSql(duckdbDialect, 'events', firstMetricRollupTables)].join(';\n'),
  },
  {
    version: 7,
    description: 'digest deliveries, one row per digest and scheduled slot',
    // The primary key is the claim: of the collectors sharing a store, the one whose insert wins sends.
    sql: `
      CREATE TABLE digest_deliveries (
        name VARCHAR NOT NULL, slot VARCHAR NOT NULL, status VARCHAR NOT NULL, attempts INTEGER NOT NULL,
        detail VARCHAR, claimed_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ,
        PRIMARY KEY (name, slot)
      );
    `,
  },
  {
    version: 10,
    description: 'usage days per person, without the tool',
    // Metrics read people × days; a DISTINCT over daily_usage's tools was their biggest cost.
    sql: `
      CREATE TABLE person_usage_days (user_id VARCHAR NOT NULL, day DATE NOT NULL, PRIMARY KEY (user_id, day));
      INSERT INTO person_usage_days SELECT DISTINCT user_id, day FROM daily_usage;
    `,
  },
  {
    version: 11,
    description: 'shows with their prompt or survey, first trainings per person and program',
    // /v1/config and metrics read these instead of a person's raw events (storage/metric-rollups.ts).
    sql: [personRollupDdl, ...fillAllRollupsSql(duckdbDialect, 'events', ['person_shows', 'person_trainings'])].join(';\n'),
  },
  {
    version: 12,
    description: 'the role and team each identify sets',
    // Metrics grouped by role or team read these instead of scanning every event for identifies (issue 16).
    sql: [traitRollupDdl, ...fillAllRollupsSql(duckdbDialect, 'events', ['person_traits'])].join(';\n'),
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
  {
    version: 2,
    description: 'daily usage rollup',
    sql: `
      CREATE TABLE daily_usage (user_id TEXT NOT NULL, day DATE NOT NULL, tool TEXT NOT NULL, PRIMARY KEY (user_id, day, tool));
      INSERT INTO daily_usage
        SELECT DISTINCT user_id, CAST(ts AT TIME ZONE 'UTC' AS DATE), tool
        FROM events WHERE user_id IS NOT NULL AND name LIKE 'ai.%';
      INSERT INTO settings (key, value) VALUES ('usageEvents', '[]');
    `,
  },
  {
    version: 3,
    description: 'exposure lookups by person',
    // GET /v1/config reads one person's prompt and survey events; a partial index keeps that a lookup
    // without indexing every behavioural event. (DuckDB scans its columns fast enough without one.)
    sql: `CREATE INDEX events_exposures ON events (user_id, ts) WHERE name LIKE 'prompt.%' OR name LIKE 'survey.%';`,
  },
  {
    version: 4,
    description: 'events per person and day',
    sql: `
      CREATE TABLE person_days (user_id TEXT NOT NULL, day DATE NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (user_id, day));
      INSERT INTO person_days
        SELECT user_id, CAST(ts AT TIME ZONE 'UTC' AS DATE), count(*)
        FROM events WHERE user_id IS NOT NULL GROUP BY 1, 2;
    `,
  },
  {
    version: 5,
    description: 'audit log',
    sql: `
      CREATE TABLE audit_log (
        requested_at TIMESTAMPTZ NOT NULL,
        token TEXT,
        role TEXT,
        method TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        status INTEGER NOT NULL,
        row_count BIGINT NOT NULL
      );
      CREATE INDEX audit_log_requested_at ON audit_log (requested_at);
    `,
  },
  {
    version: 6,
    description: 'studio items, one row per version',
    sql: `
      CREATE TABLE studio_items (
        kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
        change TEXT NOT NULL, status TEXT NOT NULL, draft TEXT NOT NULL, live TEXT, live_version INTEGER,
        saved_by TEXT NOT NULL, saved_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (kind, id, version)
      );
    `,
  },
  {
    version: 7,
    description: 'person lookups of /v1/config: exposures and training by person',
    // GET /v1/config reads one person's prompt and survey events and their first training.completed;
    // the training read used (name, ts) and filtered every training event of the organisation by
    // user (134 ms at 3,558 of them). One partial index serves both; it replaces events_exposures.
    sql: `
      CREATE INDEX events_person_lookups ON events (user_id, ts)
        WHERE name LIKE 'prompt.%' OR name LIKE 'survey.%' OR name = 'training.completed';
      DROP INDEX events_exposures;
    `,
  },
  {
    version: 8,
    description: 'metric rollups: outputs, prompt and survey exposures, survey answers, web-vitals',
    // Filled from the stored events by the statements the inserts use (storage/metric-rollups.ts).
    sql: [
      metricRollupDdl,
      'CREATE INDEX person_shows_user ON person_shows (user_id, ts)',
      ...fillAllRollupsSql(postgresDialect, 'events', firstMetricRollupTables),
    ].join(';\n'),
  },
  {
    version: 9,
    description: 'events partitioned by month of ts',
    // Retention empties whole months instead of deleting rows (pg-partitions.ts, which creates the
    // months). The events table becomes partitioned by range of ts, its partitions in a schema
    // beside the store's (`<schema>_partitions`), so listings of the store's tables (erasure's
    // invariant, uptake migrate's copy) see one events table. The parent takes every index the old
    // table had, the primary key aside: a partitioned table's keys must include ts, and each
    // partition keeps ids unique itself. A store with events keeps them in place: the old table is
    // attached as the partition of every time before the month after its latest event (a scan to
    // validate, no copy), and keeps its own primary key on id. A default partition takes what has
    // no month (the collector makes a month before it inserts; a load by SQL may not).
    sql: `
      DO $migration$
      DECLARE
        parts TEXT := current_schema() || '_partitions';
        indexes TEXT[];
        index_sql TEXT;
        legacy_end TIMESTAMPTZ;
        legacy TEXT;
      BEGIN
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', parts);
        SELECT array_agg(pg_get_indexdef(indexrelid)) INTO indexes FROM pg_index WHERE indrelid = 'events'::regclass AND NOT indisprimary;
        SELECT (date_trunc('month', greatest(max(ts), now()) AT TIME ZONE 'UTC') + INTERVAL '1 month') AT TIME ZONE 'UTC'
          INTO legacy_end FROM events HAVING count(*) > 0;
        EXECUTE format('ALTER TABLE events SET SCHEMA %I', parts);
        EXECUTE format('CREATE TABLE events (LIKE %I.events INCLUDING DEFAULTS) PARTITION BY RANGE (ts)', parts);
        FOREACH index_sql IN ARRAY coalesce(indexes, '{}') LOOP
          EXECUTE index_sql;
        END LOOP;
        EXECUTE format('CREATE TABLE %I.events_default PARTITION OF events (PRIMARY KEY (id)) DEFAULT', parts);
        IF legacy_end IS NULL THEN
          EXECUTE format('DROP TABLE %I.events', parts);
        ELSE
          legacy := 'events_before_' || to_char(legacy_end AT TIME ZONE 'UTC', 'YYYY_MM');
          EXECUTE format('ALTER TABLE %I.events RENAME TO %I', parts, legacy);
          EXECUTE format('ALTER TABLE events ATTACH PARTITION %I.%I FOR VALUES FROM (MINVALUE) TO (%L)', parts, legacy, legacy_end);
        END IF;
      END
      $migration$;
    `,
  },
  {
    version: 10,
    description: 'digest deliveries, one row per digest and scheduled slot',
    sql: `
      CREATE TABLE digest_deliveries (
        name TEXT NOT NULL, slot TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
        detail TEXT, claimed_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ,
        PRIMARY KEY (name, slot)
      );
    `,
  },
  {
    version: 11,
    description: "person lookups of /v1/config: a person's role, for adaptive items",
    // An adaptive item's due day reads the role of the person's latest identify; without this the
    // read takes every identify event of the organisation through (name, ts) and filters by user.
    sql: `CREATE INDEX events_person_identify ON events (user_id, ts) WHERE name = 'identify';`,
  },
  {
    version: 13,
    description: 'usage days per person, without the tool',
    sql: `
      CREATE TABLE person_usage_days (user_id TEXT NOT NULL, day DATE NOT NULL, PRIMARY KEY (user_id, day));
      INSERT INTO person_usage_days SELECT DISTINCT user_id, day FROM daily_usage;
    `,
  },
  {
    version: 14,
    description: 'shows with their prompt or survey, first trainings per person and program',
    sql: [
      personRollupDdl,
      'CREATE INDEX person_shows_user ON person_shows (user_id, ts)',
      ...fillAllRollupsSql(postgresDialect, 'events', ['person_shows', 'person_trainings']),
    ].join(';\n'),
  },
  {
    version: 15,
    description: 'the role and team each identify sets',
    sql: [
      traitRollupDdl,
      'CREATE INDEX person_traits_user ON person_traits (user_id, ts)',
      ...fillAllRollupsSql(postgresDialect, 'events', ['person_traits']),
    ].join(';\n'),
  },
];
