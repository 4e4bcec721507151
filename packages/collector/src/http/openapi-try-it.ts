import type { Operation } from './openapi-operation.js';

/** The path of an operation's example request: its parameters filled in, its query appended. */
export function tryItPath(op: Operation): string {
  const { params = {}, query } = op.tryIt ?? {};
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op.method} ${op.path}: tryIt gives no ${name}`);
    return encodeURIComponent(value);
  });
  return query && Object.keys(query).length ? `${path}?${new URLSearchParams(query)}` : path;
}

/** An operation's example request, for `fetch`, with `token` as Bearer when it needs one. */
export function tryItRequest(op: Operation, token?: string): { path: string; init: RequestInit } {
  const { body, headers = {} } = op.tryIt ?? {};
  return {
    path: tryItPath(op),
    init: {
      method: op.method.toUpperCase(),
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  };
}

/** An operation's example request as a `curl` command for the docs, against `$UPTAKE_URL` with `$UPTAKE_TOKEN`. */
export function curlCommand(op: Operation): string {
  const { body, headers = {}, role } = op.tryIt ?? {};
  const lines = [`curl${op.method === 'get' ? '' : ` -X ${op.method.toUpperCase()}`} "$UPTAKE_URL${tryItPath(op)}"`];
  if (role) lines.push(`-H "Authorization: Bearer $UPTAKE_TOKEN"`);
  for (const [name, value] of Object.entries(headers)) lines.push(`-H '${name}: ${value}'`);
  if (body !== undefined) lines.push(`-H 'Content-Type: application/json'`, `-d '${JSON.stringify(body)}'`);
  return lines.join(' \\\n  ');
}
