import { type IncomingMessage, request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import type { LiveMessage } from '../http/live-message.js';
import { readLiveMessages } from '../http/read-live-messages.js';
import { readSidecar } from '../storage/local-sidecar.js';
import { defaultDbPath } from '../storage/open-store.js';
import { CliError, UsageError } from './cli-error.js';
import { formatLive, printableJson } from './format-live.js';
import { parseFlags } from './parse-flags.js';

export const tailUsage = `uptake tail [--url URL] [--token T] [--tool T] [--name N] [--json] [--db FILE]

  The events a running collector receives, as they arrive: time, tool, name, a short alias of the
  person (never their id), props as stored, and each refused event or batch with the reason its
  answer gave. Ctrl-C stops it. --tool keeps one tool's, --name one event name's (a * matches
  anything: ai.*); --json prints one JSON object a line. Without --url, tails the collector that
  runs on the DuckDB file (--db, default ${defaultDbPath}); with --url, needs an analyst or admin
  token: --token, or UPTAKE_TOKEN (better: it stays out of the process list).`;

/** Where to tail and with what token: `--url` with `--token`/`UPTAKE_TOKEN`, else the local collector's sidecar. */
async function collectorOf(values: { url?: string; token?: string; db: string }): Promise<{ url: string; token: string }> {
  const token = values.token ?? process.env['UPTAKE_TOKEN'];
  if (values.url !== undefined) {
    if (!/^https?:\/\/[^/]/.test(values.url)) throw new UsageError(`--url: expected the collector's http(s) URL, got "${values.url}"`);
    if (!token) throw new UsageError(`--token: tailing ${values.url} needs an analyst or admin token (--token T, or UPTAKE_TOKEN)`);
    return { url: values.url, token };
  }
  const sidecar = await readSidecar(values.db);
  if (!sidecar)
    throw new CliError(
      `no collector runs on ${values.db} (no ${values.db}.collector.json beside it): start one with \`uptake serve\`, or give --url URL and a token`,
    );
  return { url: sidecar.url, token: token ?? sidecar.token };
}

/** GETs `url` (node:http: fetch keeps a spare connection that would hold the process up to 4 s after Ctrl-C). */
async function get(url: URL, token: string, signal: AbortSignal): Promise<IncomingMessage> {
  // node:https (TLS) is loaded only for an https URL: every other command starts without it.
  const request = url.protocol === 'https:' ? (await import('node:https')).request : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      signal,
    });
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
    outgoing.end();
  });
}

/** The stream's answer, or the failure in words: a bad --tool or --name is a usage error, naming the flag. */
async function openStream(url: string, token: string, query: URLSearchParams, signal: AbortSignal): Promise<IncomingMessage> {
  let res: IncomingMessage;
  try {
    res = await get(new URL(`/v1/live?${query}`, url), token, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new CliError(`no collector answers at ${url} (${(error as Error).message})`);
  }
  if (res.statusCode === 200) return res;
  let words = 'no reason given';
  try {
    words = (JSON.parse(Buffer.concat(await res.toArray()).toString('utf8')) as { error?: string }).error ?? words;
  } catch {
    // not the collector's JSON: a proxy's page, say
  }
  if (res.statusCode === 400 && /^(tool|name): /.test(words)) throw new UsageError(`--${words}`);
  throw new CliError(`${url}/v1/live answered ${res.statusCode}: ${words}`);
}

/** `uptake tail`: prints what `GET /v1/live` sends until Ctrl-C or SIGTERM (exit 0), or until the collector ends it (exit 1). */
export async function tailCommand(args: string[]): Promise<void> {
  const { values } = parseFlags({
    args,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      tool: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      db: { type: 'string', default: defaultDbPath },
    },
  });
  const { url, token } = await collectorOf(values);
  const query = new URLSearchParams();
  if (values.tool !== undefined) query.set('tool', values.tool);
  if (values.name !== undefined) query.set('name', values.name);

  const stopping = new AbortController();
  const stop = () => stopping.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const res = await openStream(url, token, query, stopping.signal);
    let bye: string | undefined;
    for await (const m of readLiveMessages(Readable.toWeb(res) as ReadableStream<Uint8Array>)) {
      if (m.type === 'hello') console.error(`tailing what ${url} receives${filters(m)} (Ctrl-C to stop)`);
      else if (m.type === 'bye') bye = m.reason;
      else print(m, values.json);
    }
    throw new CliError(`the collector at ${url} ended the stream${bye ? `: ${bye}` : ''}`);
  } catch (error) {
    // Ctrl-C and SIGTERM are how a tail is meant to end.
    if (stopping.signal.aborted) return;
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function filters(hello: Extract<LiveMessage, { type: 'hello' }>): string {
  const parts = [hello.tool && `tool ${hello.tool}`, hello.name && `name ${hello.name}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function print(m: LiveMessage, json: boolean): void {
  const line = json ? printableJson(m) : formatLive(m);
  if (line !== undefined) console.log(line);
}
