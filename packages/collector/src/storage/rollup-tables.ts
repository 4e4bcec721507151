import { metricRollupTables } from './metric-rollups.js';
import { usageRollupTables } from './usage-rollup.js';

/**
 * The tables `Store.insert` keeps from the events, in the insert's own transaction. Stored events
 * rebuild them, whatever the order they come in: `uptake migrate` copies the events through `insert`
 * and so never copies these rows. A rollup added later belongs here (and in `personTables`).
 */
export const rollupTables: readonly string[] = [...usageRollupTables, 'person_days', ...metricRollupTables];
