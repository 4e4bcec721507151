import type { AuditEntry } from '../audit/audit-entry.js';
import { parseTime } from '../http/date-range.js';
import { UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { withStoreOrCollector } from './store-access.js';
import { storeLocation, storeOptions } from './store-options.js';

export const auditUsage = `uptake audit [--since D] [--token NAME] [--limit N] [--json] [--db FILE | --database-url URL]

  The audit log: every request made with a token (reads, exports, imports, erasures, and refused
  attempts), oldest first, with the token's name and role, the status and the rows it carried.
  --since D takes a day YYYY-MM-DD or an ISO-8601 instant; --token NAME keeps one holder's
  (admin: adminToken, local: the CLI through a running collector); --limit N the newest N lines
  (default 10,000). While a collector runs on the DuckDB file, reads through it.`;

const columns = ['time', 'token', 'role', 'status', 'rows', 'request'] as const;

/** The lines as an aligned table, one line per request. */
export function formatAudit(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'no audit lines';
  const rows = entries.map((e) => [
    e.at.toISOString(),
    e.token ?? '-',
    e.role ?? '-',
    String(e.status),
    String(e.rows),
    `${e.method} ${e.endpoint}`,
  ]);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] as string).length)));
  return [[...columns], ...rows]
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  '))
    .join('\n');
}

/** `uptake audit`: the audit log from the store, or through the collector that holds it. */
export async function auditCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      since: { type: 'string' },
      token: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...storeOptions,
    },
  });
  let since: Date | undefined;
  try {
    since = parseTime(values.since, '--since');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new UsageError(`--limit: expected a positive whole number, got ${values.limit}`);
  const query = { ...(since ? { since } : {}), ...(values.token ? { token: values.token } : {}), ...(limit ? { limit } : {}) };
  const entries = await withStoreOrCollector(
    { ...storeLocation(values), mustExist: true },
    (store) => store.readAudit(query),
    async (collector) => {
      const params = new URLSearchParams({
        ...(values.since ? { since: values.since } : {}),
        ...(values.token ? { token: values.token } : {}),
        ...(values.limit ? { limit: values.limit } : {}),
      });
      const { entries } = await collector.getJson<{ entries: (Omit<AuditEntry, 'at'> & { at: string })[] }>(`/v1/audit?${params}`);
      return entries.map((e) => ({ ...e, at: new Date(e.at) }));
    },
  );
  console.log(values.json ? JSON.stringify(entries, null, 2) : formatAudit(entries));
}
