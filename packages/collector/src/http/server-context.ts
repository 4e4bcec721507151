import type { AuthFailures } from './auth-failures.js';
import type { UptakeConfig } from '../config/config-schema.js';
import type { GroupCommitter } from '../ingest/group-commit.js';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import type { Store } from '../storage/store.js';
import type { Studio } from '../studio/studio.js';

/** What the routes need. */
export interface ServerContext {
  config: UptakeConfig;
  store: Store;
  committer: GroupCommitter;
  pseudonymize: Pseudonymize;
  /** Tokens the reading endpoints accept: the config's admin token, and the local token of a DuckDB sidecar. */
  adminTokens: string[];
  /** Failed authentications per client address. */
  authFailures: AuthFailures;
  /** The prompts and surveys of the store, beside the config file's. */
  studio: Studio;
}
