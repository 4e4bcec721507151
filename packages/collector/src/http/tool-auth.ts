import type { FastifyRequest } from 'fastify';
import type { DeclaredTool } from '../config/config-schema.js';
import { HttpError } from './http-error.js';

/** The tool a request speaks for; throws the HttpError that refuses it. */
export type AuthorizeTool = (request: FastifyRequest, writeKey: string, claimedTool?: string) => DeclaredTool;

/**
 * The write key → tool → origin decision of `POST /v1/batch` and `GET /v1/config` (SPEC "Wire
 * protocol"): the write key names the tool (`401` when it names none); a tool the request claims must
 * be that one (`400`); a browser's `Origin` must be one of the tool's (`403`). A request without an
 * `Origin` (a server-side sender, a backfill) is judged by its write key alone.
 */
export function toolAuthorizer(tools: readonly DeclaredTool[]): AuthorizeTool {
  const toolsByKey = new Map(tools.map((t) => [t.writeKey, t]));
  return (request, writeKey, claimedTool) => {
    const tool = toolsByKey.get(writeKey);
    if (!tool) throw new HttpError(401, 'unknown write key');
    if (claimedTool !== undefined && claimedTool !== tool.id) {
      throw new HttpError(400, `tool: the write key belongs to tool "${tool.id}", not "${claimedTool.slice(0, 64)}"`);
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !tool.origins.includes('*') && !tool.origins.includes(origin)) {
      throw new HttpError(403, `origin ${origin} is not allowed for tool "${tool.id}"`);
    }
    return tool;
  };
}
