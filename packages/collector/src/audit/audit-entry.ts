import type { Role } from '../config/roles.js';

/**
 * One line of the audit log (SPEC "Roles"): a request made with a token, or trying to. It names
 * the token's holder, never a person the request was about: `endpoint` is the route's path
 * (`/v1/people/:userId`) and only the query parameters that are not personal.
 */
export interface AuditEntry {
  /** When the request arrived. */
  at: Date;
  /** The token's name (`admin`, `local`, a `tokens` entry); null when the request carried no valid token. */
  token: string | null;
  role: Role | null;
  method: string;
  /** Path and non-personal query, e.g. `/v1/export?format=csv&user=<person>`. */
  endpoint: string;
  /** The answer's status: 200, 403, 401… */
  status: number;
  /** Rows the answer carried: events exported, tools listed, people's rows erased; 1 for a metrics answer; 0 when refused. */
  rows: number;
}

/** Which audit lines to read: since an instant, of one token; the newest `limit` (default 10,000), oldest first. */
export interface AuditQuery {
  since?: Date;
  token?: string;
  limit?: number;
}
