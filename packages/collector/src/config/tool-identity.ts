import type { DeclaredTool, UptakeConfig } from './config-schema.js';

/** The secrets a tool's user hashes are checked against, newest first; undefined for an unverified tool. */
export function identitySecrets(tool: DeclaredTool): readonly string[] | undefined {
  return tool.identitySecret === undefined ? undefined : [tool.identitySecret].flat();
}

/** One warning per tool that does not verify identity, naming what anyone holding its write key can do. */
export function unverifiedToolWarnings(config: UptakeConfig): string[] {
  return config.tools
    .filter((tool) => identitySecrets(tool) === undefined)
    .map(
      (tool) =>
        `tool "${tool.id}" does not verify identity ("identity": "unverified"): anyone holding its public write key can send events in any user's name and read any user's prompt and survey history; set identitySecret (docs/tool-teams.md)`,
    );
}
