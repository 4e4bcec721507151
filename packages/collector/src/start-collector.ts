import { randomBytes } from 'node:crypto';
import { scheduleAuditRetention } from './audit/audit-retention.js';
import { AuthFailures } from './http/auth-failures.js';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { UptakeConfig } from './config/config-schema.js';
import { loadConfig } from './config/load-config.js';
import { acceptedTokens } from './config/token-schema.js';
import { buildServer } from './http/build-server.js';
import { GroupCommitter } from './ingest/group-commit.js';
import { pseudonymizerFor } from './ingest/pseudonymizer.js';
import { scheduleRetention } from './ingest/retention.js';
import { newLocalToken, removeSidecar, writeSidecar } from './storage/local-sidecar.js';
import { openStore, type StoreLocation } from './storage/open-store.js';
import type { Store } from './storage/store.js';
import { ItemVersions } from './studio/item-versions.js';
import { LiveItems } from './studio/live-items.js';
import { previewSecretSetting } from './studio/preview-code.js';
import { Studio } from './studio/studio.js';
import { scheduleDigests } from './digest/run-digests.js';
import { scheduleFits } from './model/fit-when-due.js';
import { loadActorMap } from './xapi/load-actor-map.js';

/** Options of `startCollector`, as `uptake serve` takes them. */
export interface CollectorOptions extends StoreLocation {
  /** A parsed config, or the path of `uptake.config.json` (default `./uptake.config.json`). */
  config?: UptakeConfig | string;
  /** Port to listen on (default 8787; 0 picks a free one). */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Fastify (pino) logger options; `false` (default) is silent. */
  logger?: FastifyServerOptions['logger'];
  /** How long a client may take to send a whole request, headers and body (default 30,000 ms); then it gets `408` and the connection is closed. */
  requestTimeoutMs?: number;
  /** Serve the dashboard's source map, `/dashboard/dashboard.js.map` (default false). */
  dashboardSourceMap?: boolean;
  /** How often to look for studio changes made by other collectors on the same store, in ms (default 2,000). */
  studioPollMs?: number;
  /** How often to look whether the half-life model is due for its daily fit, in ms (default an hour; 0: never). */
  modelFitMs?: number;
}

/** A running collector. */
export interface Collector {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  store: Store;
  app: FastifyInstance;
  config: UptakeConfig;
  /** Stops accepting requests, finishes those in flight, writes what is pending, closes the store. */
  close(): Promise<void>;
}

/** Opens the store, builds the HTTP app and listens. */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const config = typeof options.config === 'object' ? options.config : await loadConfig(options.config ?? './uptake.config.json');
  // Read before the store opens: a map that cannot be read stops the start with its file and line.
  const xapiActors = await loadActorMap(
    config,
    typeof options.config === 'object' ? undefined : (options.config ?? './uptake.config.json'),
  );
  const store = await openStore(options);
  try {
    await store.syncUsageEvents(config.usageEvents);
    const pseudonymize = await pseudonymizerFor(config, store);
    const committer = new GroupCommitter(store, config.groupCommit, config.maxEventsPerPersonPerDay);
    const localToken = newLocalToken();
    const versions = new ItemVersions(store);
    const live = new LiveItems(versions, (message) => app.log.warn(message));
    // Shared by the collectors of a store, so a code made on one works on all of them.
    const previewSecret = await store.initSetting(previewSecretSetting, randomBytes(32).toString('base64url'));
    const studio = new Studio(
      { toolIds: config.tools.map((t) => t.id), prompts: config.prompts, surveys: config.surveys },
      versions,
      live,
      {
        previewSecret,
      },
    );
    const app = await buildServer(
      {
        config,
        store,
        committer,
        pseudonymize,
        tokens: acceptedTokens(config, localToken),
        authFailures: new AuthFailures(config.rateLimit.authFailuresPerMinute),
        studio,
        xapiActors,
      },
      options.logger ?? false,
      {
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
        dashboardSourceMap: options.dashboardSourceMap ?? false,
      },
    );
    // Read before the first request, so a store that cannot be read stops the start rather than a page's config.
    await live.refresh();
    const stopWatching = live.watch(options.studioPollMs);
    const stopEventRetention = config.retentionDays ? scheduleRetention(store, config.retentionDays, app.log) : () => undefined;
    const stopAuditRetention = scheduleAuditRetention(store, config.retentionDays, app.log);
    const stopDigests = scheduleDigests(store, config, app.log);
    const hasAdaptive = async () => {
      const studioItems = await live.current();
      return [config.prompts, config.surveys, studioItems.prompts, studioItems.surveys].some((items) =>
        items.some((item) => item.trigger.adaptive !== undefined),
      );
    };
    const stopFits = options.modelFitMs === 0 ? () => undefined : scheduleFits(store, hasAdaptive, app.log, options.modelFitMs);
    const stopSchedules = () => {
      stopEventRetention();
      stopAuditRetention();
      stopDigests();
      stopFits();
    };
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 8787, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const db = store.lockedFile;
    if (db) {
      await writeSidecar(db, { url: url.replace('0.0.0.0', '127.0.0.1'), pid: process.pid, token: localToken }).catch(async (error) => {
        stopSchedules();
        stopWatching();
        await app.close();
        throw error;
      });
    }
    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      store,
      app,
      config,
      close() {
        closing ??= (async () => {
          stopSchedules();
          stopWatching();
          // Node closes keep-alive connections that are idle when close() begins; those busy then go
          // idle after answering and would linger for the keep-alive timeout. Sweep them as they go
          // idle, and cut whatever is still open after ten seconds.
          const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
          const deadline = setTimeout(() => app.server.closeAllConnections(), 10_000);
          await app.close().finally(() => {
            clearInterval(sweep);
            clearTimeout(deadline);
          });
          await committer.drain();
          await store.close();
          if (db) await removeSidecar(db);
        })();
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
