// Synthetic events generated inside the database, for the metrics benchmark.

/**
 * One INSERT … SELECT generating `n` events for `people` people (n/250 unless given): training for
 * 80% of them over eight months, identify traits, and usage decaying after training (exponential,
 * mean 30 days). `from` numbers the events from there, so a big store is loaded in slices.
 */
export function generateSql(n, dialect, people = Math.max(100, Math.floor(n / 250)), from = 0) {
  const series = dialect === 'duckdb' ? `range(${from}, ${n}) AS s(i)` : `generate_series(${from}, ${n - 1}) AS s(i)`;
  const rnd = (salt) =>
    dialect === 'duckdb'
      ? `((hash(CAST(i AS BIGINT) * 7919 + ${salt}) % 1000000) / 1000000.0)`
      : `((abs(hashint8(CAST(i AS BIGINT) * 7919 + ${salt})) % 1000000) / 1000000.0)`;
  const json = dialect === 'duckdb' ? '::JSON' : '::jsonb';
  const trainedPeople = Math.floor(people * 0.8);
  return `
    INSERT INTO events (id, name, ts, received_at, user_id, anonymous_id, session_id, tool, props)
    SELECT id, name, ts, ts, user_id, NULL, NULL, 'assistant', props${json} FROM (
      SELECT 'e' || CAST(i AS VARCHAR) AS id,
        CASE WHEN i < ${trainedPeople} THEN 'training.completed'
             WHEN i < ${trainedPeople + people} THEN 'identify'
             WHEN ${rnd(1)} < 0.30 THEN 'ai.request'
             WHEN ${rnd(1)} < 0.55 THEN 'ai.output_shown'
             WHEN ${rnd(1)} < 0.70 THEN 'ai.output_accepted'
             WHEN ${rnd(1)} < 0.76 THEN 'ai.output_edited'
             WHEN ${rnd(1)} < 0.84 THEN 'ai.output_rejected'
             WHEN ${rnd(1)} < 0.92 THEN 'ai.feature_used'
             WHEN ${rnd(1)} < 0.95 THEN 'prompt.shown'
             WHEN ${rnd(1)} < 0.96 THEN 'prompt.held_out'
             ELSE 'task.completed' END AS name,
        'u' || CAST(CASE WHEN i < ${trainedPeople} THEN i WHEN i < ${trainedPeople + people} THEN i - ${trainedPeople}
                         ELSE CAST(FLOOR(${rnd(2)} * ${people}) AS BIGINT) END AS VARCHAR) AS user_id,
        TIMESTAMPTZ '2026-03-01 00:00:00+00'
          + CAST(CAST(CAST(
              CASE WHEN i < ${trainedPeople} THEN (i % 240) * 86400
                   WHEN i < ${trainedPeople + people} THEN 0
                   ELSE LEAST(244, (CAST(FLOOR(${rnd(2)} * ${people}) AS BIGINT) % 240) + FLOOR(-LN(1 - ${rnd(3)}) * 30)) * 86400 + FLOOR(${rnd(4)} * 86400)
              END AS BIGINT) AS VARCHAR) || ' seconds' AS INTERVAL) AS ts,
        CASE WHEN i < ${trainedPeople} THEN '{"program":"' || CASE WHEN i % 2 = 0 THEN 'workshop' ELSE 'twelve-week' END || '"}'
             WHEN i < ${trainedPeople + people} THEN '{"role":"' || CASE i % 4 WHEN 0 THEN 'executive' WHEN 1 THEN 'leader' WHEN 2 THEN 'professional' ELSE 'technical' END || '","team":"t' || CAST(i % 7 AS VARCHAR) || '"}'
             WHEN ${rnd(1)} >= 0.84 AND ${rnd(1)} < 0.92 THEN '{"feature":"' || CASE WHEN ${rnd(5)} < 0.3 THEN 'critique' ELSE 'summarize' END || '"}'
             WHEN ${rnd(1)} >= 0.92 AND ${rnd(1)} < 0.96 THEN '{"promptId":"critique-tip"}'
             ELSE '{"feature":"summarize"}' END AS props
      FROM ${series}
    ) g`;
}
