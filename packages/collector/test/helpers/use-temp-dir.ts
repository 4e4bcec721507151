import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for the tests of the enclosing `describe` (or file): made before them, removed
 * with its contents after them. Its path is known at once, so tests can name files in it.
 */
export function useTempDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  beforeAll(async () => {
    await mkdir(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The config the CLI tests give `uptake`: one tool that any origin may send for. */
export const cliConfig = {
  tools: [{ id: 'assistant', writeKey: 'wk_assistant', identity: 'unverified', origins: ['*'] }],
  adminToken: 'cli-admin-token-0123456789',
  // Events dated around 2026-11-22: older than the default maxEventAgeDays (7) before today.
  maxEventAgeDays: 36_500,
};

/** A temporary working folder for `uptake` child processes, with `uptake.config.json` in it. */
export function useWorkDir(prefix: string, config: object = cliConfig): string {
  const dir = useTempDir(prefix);
  beforeAll(async () => {
    await writeFile(join(dir, 'uptake.config.json'), JSON.stringify(config));
  });
  return dir;
}
