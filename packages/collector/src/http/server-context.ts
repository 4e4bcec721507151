import type { AuthFailures } from './auth-failures.js';
import type { UptakeConfig } from '../config/config-schema.js';
import type { TokenHolder } from '../config/token-schema.js';
import type { GroupCommitter } from '../ingest/group-commit.js';
import type { Pseudonymize } from '../ingest/pseudonymizer.js';
import type { Store } from '../storage/store.js';
import type { Studio } from '../studio/studio.js';
import type { ActorMap } from '../xapi/actor-map.js';

/** What the routes need. */
export interface ServerContext {
  config: UptakeConfig;
  store: Store;
  committer: GroupCommitter;
  pseudonymize: Pseudonymize;
  /** Every accepted token with its holder's name and role: `adminToken` (admin), `tokens`, a DuckDB sidecar's local token (admin). */
  tokens: readonly TokenHolder[];
  /** Failed authentications per client address. */
  authFailures: AuthFailures;
  /** The prompts and surveys of the store, beside the config file's. */
  studio: Studio;
  /** Who the mbox, mbox_sha1sum and openid actors of xAPI statements are (`xapi.actorMap`), when the config names a map. */
  xapiActors?: ActorMap | undefined;
}
