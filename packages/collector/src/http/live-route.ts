import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { auditWhenClosed } from './audit-trail.js';
import { HttpError } from './http-error.js';
import type { LiveEvents, LiveItem } from './live-events.js';
import type { LiveMessage } from './live-message.js';
import { requireRole } from './require-role.js';
import type { ServerContext } from './server-context.js';
import { singleValues } from './single-values.js';

/** A comment line this often keeps proxies from closing a quiet stream. */
const heartbeatMs = 15_000;
/** Aliases a stream remembers before it starts over (the same aliases again: they come from its key). */
const aliasCacheSize = 10_000;

/** `name=ai.output_accepted` or a pattern with `*` (`ai.*`): which event names a stream shows. */
function nameMatcher(name: string | undefined): ((eventName: string | undefined) => boolean) | undefined {
  if (name === undefined) return undefined;
  if (!/^[a-z0-9_.*]{1,64}$/.test(name))
    throw new HttpError(400, `name: expected an event name, or a pattern with * such as ai.*; got "${name.slice(0, 64)}"`);
  const pattern = new RegExp(`^${name.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
  return (eventName) => eventName !== undefined && pattern.test(eventName);
}

/** A short alias per person, keyed for this stream only, so it matches nothing outside it. */
function streamAliases(): (pseudonym: string) => string {
  const key = randomBytes(32);
  const known = new Map<string, string>();
  return (pseudonym) => {
    let alias = known.get(pseudonym);
    if (alias === undefined) {
      alias = createHmac('sha256', key).update(pseudonym).digest('hex').slice(0, 6);
      if (known.size >= aliasCacheSize) known.clear();
      known.set(pseudonym, alias);
    }
    return alias;
  };
}

/**
 * `GET /v1/live?tool=&name=` (analyst, admin: the rows they could export, as they arrive): the
 * events this collector receives at `POST /v1/batch` and what it refuses, as Server-Sent Events
 * (`LiveMessage`). Written to the audit log once, when the stream closes, with the messages it
 * carried. A reader that does not keep up loses messages, counted in a `skipped` message, rather
 * than growing the collector's memory.
 */
export function registerLiveRoute(app: FastifyInstance, ctx: ServerContext, live: LiveEvents): void {
  const toolIds = ctx.config.tools.map((t) => t.id);
  const open = new Set<(reason: string) => Promise<void>>();

  app.get('/v1/live', async (request, reply) => {
    requireRole(request, ctx, 'export');
    const { tool, name } = singleValues(request.query as Record<string, unknown>, ['tool', 'name']);
    if (tool !== undefined && !toolIds.includes(tool))
      throw new HttpError(400, `tool: no tool "${tool.slice(0, 64)}" in this collector's config (its tools: ${toolIds.join(', ')})`);
    const nameMatches = nameMatcher(name);
    const alias = streamAliases();
    /** Events and refusals carried, for the audit log. */
    let rows = 0;
    let skipped = 0;
    let blocked = false;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // nginx buffers answers unless told not to; a buffered stream is no live view.
      'X-Accel-Buffering': 'no',
    });
    auditWhenClosed(request, reply, () => rows);

    const send = (message: LiveMessage): boolean => {
      if (blocked) {
        skipped++;
        return false;
      }
      if (res.write(`data: ${JSON.stringify(message)}\n\n`)) return true;
      // The socket's buffer is full: drop (and count) until it drains, so memory stays bounded.
      blocked = true;
      res.once('drain', () => {
        blocked = false;
        if (skipped > 0) {
          const count = skipped;
          skipped = 0;
          send({ type: 'skipped', count });
        }
      });
      return true;
    };

    const shows = (item: LiveItem, shownInBatch: boolean): boolean => {
      if (item.type === 'batch-refused') return tool === undefined || item.tools.includes(tool);
      if (tool !== undefined && item.tool !== tool) return false;
      if (item.type === 'duplicates') return nameMatches === undefined || shownInBatch;
      return nameMatches === undefined || nameMatches(item.name);
    };
    const stopListening = live.listen((items) => {
      let shownInBatch = false;
      for (const item of items) {
        if (!shows(item, shownInBatch)) continue;
        shownInBatch = true;
        if (item.type === 'accepted' || item.type === 'refused') {
          const { pseudonym, ...message } = item;
          if (send(pseudonym === undefined ? message : { ...message, person: alias(pseudonym) })) rows++;
        } else if (send(item) && item.type === 'batch-refused') {
          rows++;
        }
      }
    });
    const heartbeat = setInterval(() => {
      if (!blocked) res.write(': keep-alive\n\n');
    }, heartbeatMs);
    const end = async (reason: string) => {
      send({ type: 'bye', reason });
      res.end();
      // A reader that stopped reading would keep an ended answer unflushed, and the close waiting.
      if (blocked) res.destroy();
      await closed;
    };
    // Stopped at once when the connection closes, so nothing is written to a closed answer.
    const closed = new Promise<void>((resolve) =>
      res.once('close', () => {
        stopListening();
        clearInterval(heartbeat);
        open.delete(end);
        resolve();
      }),
    );
    // A write racing a client that just left must not become an unhandled 'error'.
    res.on('error', () => undefined);
    open.add(end);
    send({ type: 'hello', ...(tool === undefined ? {} : { tool }), ...(name === undefined ? {} : { name }) });
  });

  // An open stream never ends by itself: a stopping collector ends them, or its close would wait for them.
  app.addHook('preClose', async () => {
    await Promise.all([...open].map((end) => end('the collector is stopping')));
  });
}
