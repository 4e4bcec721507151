import { parseArgs } from 'node:util';
import { readSidecar } from '../storage/local-sidecar.js';
import { defaultDbPath, openStore } from '../storage/open-store.js';
import type { StoreSummary } from '../storage/store.js';
import { CliError } from './cli-error.js';

export const reportUsage = `uptake report [--db FILE | --database-url URL] [--json]

  Reads the store directly; when a running collector holds the DuckDB file, asks that collector
  (found through the file's .collector.json sidecar).`;

/** DuckDB lets one process open a file for writing; a running collector holds that lock. */
function isLocked(error: unknown): boolean {
  return /lock/i.test(String((error as Error)?.message ?? error));
}

async function summaryOverHttp(url: string, adminToken: string): Promise<StoreSummary> {
  let res: Response;
  try {
    res = await fetch(new URL('/v1/stats', url), { headers: { Authorization: `Bearer ${adminToken}` } });
  } catch (error) {
    throw new CliError(`the store is in use by a collector that does not answer at ${url} (${(error as Error).message})`);
  }
  const body = (await res.json().catch(() => ({}))) as StoreSummary & { error?: string };
  if (!res.ok) throw new CliError(`${url}/v1/stats answered ${res.status}: ${body.error ?? 'no reason given'}`);
  return body;
}

/** Formats the summary as a table for people. */
export function formatSummary(summary: StoreSummary): string {
  const width = Math.max(5, ...summary.byName.map((r) => r.name.length));
  const lines = [`events: ${summary.events}`, `users:  ${summary.users}`, '', `${'event'.padEnd(width)}  count`];
  for (const row of summary.byName) lines.push(`${row.name.padEnd(width)}  ${String(row.events).padStart(5)}`);
  return lines.join('\n');
}

/** `uptake report`: counts of events and users. */
export async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: defaultDbPath },
      'database-url': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  let summary: StoreSummary;
  try {
    const store = await openStore({ db: values.db, databaseUrl: values['database-url'] ?? process.env['UPTAKE_DATABASE_URL'] });
    try {
      summary = await store.summary();
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!isLocked(error)) throw error;
    const sidecar = await readSidecar(values.db);
    if (!sidecar) throw new CliError(`${values.db} is in use by another process that is not an Uptake collector (${(error as Error).message})`);
    summary = await summaryOverHttp(sidecar.url, sidecar.token);
  }
  console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
}
