import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { limits } from '@uptake/sdk/protocol';
import { collectorVersion } from '../collector-version.js';
import { registerAuditRoute } from './audit-route.js';
import { registerAuditTrail } from './audit-trail.js';
import { registerBatchRoute } from './batch-route.js';
import { registerBodyParsers } from './body-parsers.js';
import { registerConfigRoute } from './config-route.js';
import { registerCors } from './cors.js';
import { registerDashboardRoute } from './dashboard-route.js';
import { registerDigestsRoute } from './digests-route.js';
import { registerErrorHandler } from './error-handler.js';
import { registerExportRoute } from './export-route.js';
import { registerImportRoute } from './import-route.js';
import { LiveEvents } from './live-events.js';
import { registerLiveRoute } from './live-route.js';
import { registerMetricsRoute } from './metrics-route.js';
import { registerOpenapiRoute } from './openapi-route.js';
import { registerPeopleRoute } from './people-route.js';
import { registerPreviewRoute } from './preview-route.js';
import { registerRateLimit } from './rate-limit.js';
import { registerReadRoutes } from './read-routes.js';
import { recordRoutes } from './route-list.js';
import { registerScriptRoute } from './script-route.js';
import type { ServerContext } from './server-context.js';
import { registerKitRoutes } from './kit-routes.js';
import { registerStudioRoutes } from './studio-routes.js';
import { registerSurveyAnswersRoute } from './survey-answers-route.js';
import { registerToolsRoute } from './tools-route.js';
import { registerWhoamiRoute } from './whoami-route.js';
import { registerXapiRoutes } from './xapi-route.js';

/**
 * Request logs carry the method and path only: no client address (no IP is kept anywhere), no
 * query string (it may hold a user id), and no user id of an erasure path (`/v1/people/{userId}`).
 */
function privateLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return {
    ...(typeof logger === 'object' ? logger : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: req.url.split('?')[0]?.replace(/^\/v1\/people\/[^/]+/, '/v1/people/:userId'),
      }),
    },
  };
}

/** How long a client may take to send a whole request, headers and body, by default. */
export const defaultRequestTimeoutMs = 30_000;

/** How the HTTP server behaves, apart from what the config says. */
export interface ServerOptions {
  /** How long a client may take to send a whole request, headers and body (default 30,000 ms). */
  requestTimeoutMs?: number;
  /** Serve `dashboard.js.map` too (default false: it shows the dashboard's source, which only a developer needs). */
  dashboardSourceMap?: boolean;
}

/** Builds the collector's HTTP app (not listening yet). */
export async function buildServer(
  ctx: ServerContext,
  logger: FastifyServerOptions['logger'] = false,
  { requestTimeoutMs = defaultRequestTimeoutMs, dashboardSourceMap = false }: ServerOptions = {},
): Promise<FastifyInstance> {
  const level = typeof logger === 'object' && logger && 'level' in logger ? String(logger.level) : 'info';
  const app = Fastify({
    logger: privateLogger(logger),
    // A line per request is for debugging: at a thousand batches a second it would be nearly the
    // whole log. Server-side failures are logged by the error handler at any level. (Through a
    // log controller: the top-level `disableRequestLogging` is deprecated in Fastify 5.)
    logController: new LogController({ disableRequestLogging: level !== 'debug' && level !== 'trace' }),
    bodyLimit: limits.batchMaxBytes,
    // A body trickled in byte by byte must not hold a connection forever. Fastify sets
    // `requestTimeout` on the server after creating it, which Node 20 ignores (it keeps its own
    // 300 s), so it goes to the server's constructor too. Node checks for overdue requests every
    // `connectionsCheckingInterval` (30 s by default), so a request could live up to its timeout
    // plus that: checking every tenth of the timeout cuts it within 10%.
    requestTimeout: requestTimeoutMs,
    http: { requestTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.max(Math.ceil(requestTimeoutMs / 10), 100) },
    // Rate limits count per client address; behind a load balancer only the named proxies may say who that is.
    trustProxy: ctx.config.trustProxy,
  });
  // Every route registered is listed, so a test holds them against the OpenAPI document (docs/api.md).
  recordRoutes(app);
  registerErrorHandler(app);
  registerBodyParsers(app);
  await registerCors(app, ctx.config);
  await registerRateLimit(app, ctx.config.rateLimit.perMinute);
  registerAuditTrail(app, ctx);
  // What this collector receives, for its open `GET /v1/live` streams (in memory, not stored).
  const live = new LiveEvents();
  registerBatchRoute(app, ctx, live);
  registerLiveRoute(app, ctx, live);
  registerReadRoutes(app, ctx);
  registerExportRoute(app, ctx);
  registerImportRoute(app, ctx);
  registerMetricsRoute(app, ctx);
  registerSurveyAnswersRoute(app, ctx);
  registerPeopleRoute(app, ctx);
  registerConfigRoute(app, ctx);
  registerStudioRoutes(app, ctx);
  registerKitRoutes(app, ctx);
  registerPreviewRoute(app, ctx);
  registerScriptRoute(app);
  registerToolsRoute(app, ctx);
  registerDashboardRoute(app, dashboardSourceMap);
  registerWhoamiRoute(app, ctx);
  registerAuditRoute(app, ctx);
  registerDigestsRoute(app, ctx);
  registerXapiRoutes(app, ctx);
  registerOpenapiRoute(app, collectorVersion());
  return app;
}
