import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportRow } from '../../packages/collector/src/export/export-row.js';
import type { StoreLocation } from '../../packages/collector/src/storage/open-store.js';
import { spawnServe, type ServeProcess } from '../../packages/collector/test/helpers/spawn-collector.js';

/** The admin token of collectors started here: they read their own store through `/v1/export`. */
export const processAdminToken = 'reliability-admin-token-0123456789';

/** `uptake serve` in a child process, on a store that outlives it: stopped, killed and started again. */
export interface CollectorProcess {
  /** Base URL of the running process (a new port after each start). */
  url: string;
  pid: number;
  running: boolean;
  /** Starts the process again on the same config and store. */
  start(): Promise<void>;
  /** Sends `signal` (SIGTERM: a graceful stop; SIGKILL: a crash) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Every stored event, read through `GET /v1/export?format=ndjson` of the running process. */
  stored(): Promise<ExportRow[]>;
  /** Resident memory of the process now, in bytes (Linux `/proc`); 0 once it has exited. */
  rssBytes(): number;
  /** What the process printed. */
  output(): string;
}

/**
 * Writes `config` (with the admin token above) to `dir` and starts `uptake serve` on `store`, the
 * way an operator runs it. The child has its own event loop and memory, so a test can kill it,
 * measure it, and load it without competing with it for the test's own event loop.
 */
export async function startCollectorProcess(dir: string, config: Record<string, unknown>, store: StoreLocation): Promise<CollectorProcess> {
  const configFile = join(dir, 'uptake.config.json');
  await writeFile(configFile, JSON.stringify({ adminToken: processAdminToken, ...config }));
  const args = ['--config', configFile, ...(store.databaseUrl ? ['--database-url', store.databaseUrl] : ['--db', store.db as string])];
  let serve: ServeProcess | undefined;
  let outputs = '';
  const handle: CollectorProcess = {
    url: '',
    pid: 0,
    running: false,
    async start() {
      serve = await spawnServe(args, dir);
      handle.url = serve.url;
      handle.pid = serve.child.pid as number;
      handle.running = true;
    },
    async stop(signal = 'SIGTERM') {
      if (!serve || !handle.running) return null;
      handle.running = false;
      outputs += serve.output();
      return serve.stop(signal);
    },
    async stored() {
      const res = await fetch(`${handle.url}/v1/export?format=ndjson`, { headers: { Authorization: `Bearer ${processAdminToken}` } });
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}\n${handle.output().slice(-3000)}`);
      return (await res.text())
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ExportRow);
    },
    rssBytes() {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${handle.pid}/status`, 'utf8'))?.[1];
        return Number(kb) * 1024;
      } catch {
        return 0; // the process is gone
      }
    },
    output: () => outputs + (handle.running && serve ? serve.output() : ''),
  };
  await handle.start();
  return handle;
}
