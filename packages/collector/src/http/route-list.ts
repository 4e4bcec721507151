import type { FastifyInstance } from 'fastify';

/** A route as Fastify registered it: its method and its path in OpenAPI's form (`/v1/people/{userId}`). */
export interface RegisteredRoute {
  method: string;
  path: string;
}

const lists = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** `/v1/admin/:kinds/:id` → `/v1/admin/{kinds}/{id}`; Fastify's wildcard `*` → `{path}`. */
export function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}');
}

/**
 * Records every route registered on `app` from now on, so a test can hold the routes against the
 * OpenAPI document's operations. HEAD routes Fastify adds beside each GET, and the CORS plugin's
 * preflight answer (`OPTIONS *`), are not operations of their own.
 */
export function recordRoutes(app: FastifyInstance): void {
  const list: RegisteredRoute[] = [];
  lists.set(app, list);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || (method === 'OPTIONS' && route.url === '*')) continue;
      list.push({ method, path: openapiPath(route.url) });
    }
  });
}

/** The routes registered on `app` since `recordRoutes`, in registration order. */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return lists.get(app) ?? [];
}
