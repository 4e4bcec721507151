import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of the xAPI 1.0.3 example statements. */
export const fixtures = join(import.meta.dirname, '../fixtures/xapi');

/** One example statement, parsed. */
export function statement(
  name: 'completed' | 'passed-with-score' | 'attempted' | 'mbox-actor' | 'no-id' | 'voided',
): Record<string, unknown> {
  return JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** The actor map of the examples: Ben's mbox and Cara's OpenID. */
export const actorMapFile = join(fixtures, 'actor-map.csv');

export const lmsToken = 'lms-forwarder-token-0123456789abcdef';
export const viewerToken = 'viewer-token-0123456789abcdef-viewer';

/** The config of the xAPI tests: ids pseudonymized as in production, an LMS token (admin) and a viewer token. */
export function xapiConfigInput(xapi: Record<string, unknown> = { actorMap: actorMapFile }): Record<string, unknown> {
  return {
    tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
    adminToken: 'test-admin-token',
    tokens: [
      { name: 'lms', role: 'admin', token: lmsToken },
      { name: 'dashboard', role: 'viewer', token: viewerToken },
    ],
    maxEventAgeDays: 36_500,
    minGroupSize: 5,
    xapi,
  };
}
