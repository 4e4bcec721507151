import { rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { exportFormats, parseExportFormat, type ExportFormat } from '../export/export-format.js';
import { exportToFile } from '../export/export-to-file.js';
import { parseDateRange } from '../http/date-range.js';
import { pseudonymizerFor } from '../ingest/pseudonymizer.js';
import { storedUserId } from '../ingest/stored-user-id.js';
import { moveExclusive, privateWriteStream } from '../storage/private-file.js';
import { readEvents } from '../storage/read-events.js';
import { CliError, UsageError } from './cli-error.js';
import { parseFlags } from './parse-flags.js';
import { startProgress } from './progress.js';
import { pseudonymConfig } from './pseudonym-config.js';
import { withStoreOrCollector, type CollectorClient } from './store-access.js';
import { configOption, storeLocation, storeOptions } from './store-options.js';
import { userOption } from './user-option.js';

export const exportUsage = `uptake export --out FILE [--format csv|ndjson|parquet] [--from D] [--to D] [--user ID [--config FILE]] [--db FILE | --database-url URL]

  Every stored event, one row each, in (ts, id) order. --format defaults to the extension of --out.
  --from and --to take a day YYYY-MM-DD (a --to day is included whole) or an ISO-8601 instant.
  --user ID exports only that person's events (an employee's access request): ID in clear, as the
  tool sends it, pseudonymized as ingestion does.
  While a collector runs on the DuckDB file, the export comes from that collector.
  The file is created with mode 0600; an existing --out file is an error, never overwritten.`;

function formatOf(format: string | undefined, out: string): ExportFormat {
  try {
    return parseExportFormat(format ?? extname(out).slice(1), '--format');
  } catch (error) {
    if (format !== undefined) throw new UsageError((error as Error).message);
    throw new UsageError(
      `--format: expected ${exportFormats.join(', ')}, or an --out file ending in .${exportFormats.join(', .')}; got --out ${out}`,
    );
  }
}

const size = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** Downloads `GET /v1/export` from a running collector to `file`; returns nothing the collector does not say (no row count). */
async function download(collector: CollectorClient, query: URLSearchParams, file: string): Promise<void> {
  const res = await collector.get(`/v1/export?${query}`);
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new CliError(`${collector.url}/v1/export answered ${res.status}: ${body.error ?? 'no reason given'}`);
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  const progress = startProgress('export', 'bytes', length);
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress.update((bytes += chunk.length));
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as ReadableStream<Uint8Array>), count, privateWriteStream(file));
  } finally {
    progress.stop();
  }
}

/** `uptake export`: writes an export file from the store, or through the collector that holds it. */
export async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      user: { type: 'string' },
      ...configOption,
      ...storeOptions,
    },
  });
  const out = values.out;
  if (!out) throw new UsageError('--out: expected the file to write, e.g. --out events.parquet');
  const format = formatOf(values.format, out);
  const user = values.user === undefined ? undefined : userOption(values.user);
  let range: ReturnType<typeof parseDateRange>;
  try {
    range = parseDateRange({ from: values.from, to: values.to });
  } catch (error) {
    throw new UsageError(`--${(error as Error).message}`);
  }
  // Written beside the target and renamed at the end: a failed export never leaves a file that looks whole.
  const partial = `${out}.partial`;
  const started = Date.now();
  try {
    const rows = await withStoreOrCollector(
      { ...storeLocation(values), mustExist: true },
      async (store) => {
        const progress = startProgress('export', 'events');
        try {
          const userId =
            user === undefined ? {} : { userId: storedUserId(await pseudonymizerFor(await pseudonymConfig(values.config), store), user) };
          return await exportToFile(readEvents(store, { ...range, ...userId }), format, partial, (n) => progress.update(n));
        } finally {
          progress.stop();
        }
      },
      async (collector) => {
        const query = new URLSearchParams({
          format,
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
          ...(user === undefined ? {} : { user }),
        });
        await download(collector, query, partial);
        return undefined;
      },
    );
    await moveExclusive(partial, out);
    const bytes = (await stat(out)).size;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${out}: ${rows === undefined ? 'exported through the running collector' : `${rows} events`}, ${format}, ${size(bytes)} in ${seconds} s`,
    );
  } finally {
    await rm(partial, { force: true });
  }
}
