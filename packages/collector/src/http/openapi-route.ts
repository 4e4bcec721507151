import type { FastifyInstance } from 'fastify';
import { openapiDocument } from './openapi-document.js';

/** `GET /openapi.json` (public): this collector's API as an OpenAPI 3.1 document, built once. */
export function registerOpenapiRoute(app: FastifyInstance, version: string): void {
  let body: string | undefined;
  app.get('/openapi.json', async (_request, reply) => {
    body ??= JSON.stringify(openapiDocument(version));
    return reply.type('application/json; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(body);
  });
}
