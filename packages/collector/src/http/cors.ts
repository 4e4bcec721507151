import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { UptakeConfig } from '../config/config-schema.js';

/**
 * CORS for browser senders. A preflight carries no body, hence no write key, so it is allowed for
 * any origin some tool lists; the batch route then checks the origin against the key's own tool.
 */
export async function registerCors(app: FastifyInstance, config: UptakeConfig): Promise<void> {
  const origins = new Set(config.tools.flatMap((t) => t.origins));
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || origins.has('*') || origins.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Content-Encoding', 'Authorization'],
    exposedHeaders: ['ETag', 'Retry-After'],
    maxAge: 86400,
  });
}
