import { z } from 'zod';
import { roleCapabilities } from '../config/roles.js';
import { auditLogSchema, healthSchema, toolListSchema, whoamiSchema } from './openapi-answers.js';
import { json, type Operation, pathParam, query } from './openapi-operation.js';

/** A JSON object of any shape: the OpenAPI document itself. */
const openapiSchema = z.record(z.string(), z.unknown());

/** The collector itself: health, this document, who a token is, the tools, the audit log, the dashboard's files. */
export const collectorOperations: Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'Collector',
    summary: 'Whether the collector can reach its store',
    description: 'For a load balancer or an orchestrator: `200` while the store answers, `503` with `Retry-After` when it does not.',
    access: { kind: 'public' },
    answers: [json(200, 'The store answers.', 'Health', healthSchema, { ok: true })],
    refusals: [503],
    tryIt: {},
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Collector',
    summary: 'This API as an OpenAPI 3.1 document',
    description: 'The document docs/api.md is generated from; `uptake openapi` prints the same.',
    access: { kind: 'public' },
    answers: [json(200, 'The OpenAPI document.', 'OpenApiDocument', openapiSchema, { openapi: '3.1.0' })],
    tryIt: {},
  },
  {
    method: 'get',
    path: '/v1/whoami',
    tag: 'Collector',
    summary: "The token's name, role and capabilities",
    description: 'So the dashboard shows what the role may use. Not written to the audit log.',
    access: { kind: 'token' },
    answers: [
      json(200, 'Who holds the token.', 'WhoAmI', whoamiSchema, {
        name: 'hr-analytics',
        role: 'analyst',
        capabilities: [...roleCapabilities.analyst],
      }),
    ],
    refusals: [401, 429],
    tryIt: { role: 'analyst' },
  },
  {
    method: 'get',
    path: '/v1/tools',
    tag: 'Collector',
    summary: "The config's tool ids",
    description: "For the dashboard's tool filter. Write keys are not listed.",
    access: { kind: 'role', capability: 'readMetrics' },
    answers: [json(200, 'The tool ids.', 'ToolList', toolListSchema, { tools: ['assistant'] })],
    refusals: [401, 403, 429],
    tryIt: { role: 'viewer' },
  },
  {
    method: 'get',
    path: '/v1/audit',
    tag: 'Collector',
    summary: 'The audit log',
    description:
      'Every request made with a token, or trying to, oldest first (`uptake audit` reads it). Reading it is itself written to it.',
    access: { kind: 'role', capability: 'administer' },
    parameters: [
      query('since', 'Only lines from this day (YYYY-MM-DD) or instant on.'),
      query('token', 'Only the lines of this token name.'),
      query('limit', 'The newest this many lines (default 10,000).', z.coerce.number().int().positive()),
    ],
    answers: [
      json(200, 'The audit lines.', 'AuditLog', auditLogSchema, {
        entries: [
          {
            at: '2026-11-29T10:02:11.000Z',
            token: 'hr-analytics',
            role: 'analyst',
            method: 'GET',
            endpoint: '/v1/export?format=csv',
            status: 200,
            rows: 48210,
          },
        ],
      }),
    ],
    refusals: [400, 401, 403, 429],
    tryIt: { role: 'admin', query: { limit: '5' } },
  },
  {
    method: 'get',
    path: '/dashboard',
    tag: 'Collector',
    summary: 'Redirects to the dashboard',
    access: { kind: 'public' },
    answers: [{ status: 301, description: 'To `/dashboard/`.', headers: { Location: '/dashboard/' } }],
    tryIt: {},
  },
  {
    method: 'get',
    path: '/dashboard/{path}',
    tag: 'Collector',
    summary: "The dashboard's page and files",
    description:
      'The page and its code hold no data and are public; every figure comes from the endpoints above, with the token the page asks for. ' +
      'Served under a strict Content-Security-Policy.',
    access: { kind: 'public' },
    parameters: [pathParam('path', 'A file of the dashboard; empty for its page (`/dashboard/`).')],
    answers: [{ status: 200, description: 'The file.', contentType: 'text/html' }],
    refusals: [404],
    tryIt: { params: { path: '' } },
  },
];
