import type { UptakeConfig } from '../config/config-schema.js';
import { ConfigError } from '../config/load-config.js';
import { type ActorMap, ActorMapError, actorMapPath, readActorMap } from './actor-map.js';

/**
 * The actor map the config names (`xapi.actorMap`), read relative to `configFile`; undefined when it
 * names none. A map that cannot be read is a `ConfigError` naming its file and line.
 */
export async function loadActorMap(config: UptakeConfig, configFile: string | undefined): Promise<ActorMap | undefined> {
  const file = config.xapi.actorMap;
  if (file === undefined) return undefined;
  try {
    return await readActorMap(actorMapPath(file, configFile));
  } catch (error) {
    if (error instanceof ActorMapError) throw new ConfigError(configFile ?? 'config', [`xapi.actorMap: ${error.message}`]);
    throw error;
  }
}
