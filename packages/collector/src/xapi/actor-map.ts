import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { limits } from '@uptake/sdk/protocol';

/** Which user id an actor given by e-mail (or its SHA-1) or OpenID is: keys as `actorKey` makes them. */
export type ActorMap = ReadonlyMap<string, string>;

/** An actor map that cannot be read; the message names the file and line. */
export class ActorMapError extends Error {
  override name = 'ActorMapError';
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The key of an inverse functional identifier: an mbox lowercased (xAPI recommends lowercase), a SHA-1 lowercased, an OpenID as is. */
export function actorKey(kind: 'mbox' | 'mbox_sha1sum' | 'openid', value: string): string {
  return `${kind}:${kind === 'openid' ? value : value.toLowerCase()}`;
}

/** The keys one cell of the map's `actor` column stands for: an mbox also answers for its SHA-1, as written and lowercased. */
function keysOf(actor: string): string[] | undefined {
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(actor))
    return [actorKey('mbox', actor), actorKey('mbox_sha1sum', sha1(actor)), actorKey('mbox_sha1sum', sha1(actor.toLowerCase()))];
  if (/^[0-9a-f]{40}$/i.test(actor)) return [actorKey('mbox_sha1sum', actor)];
  if (/^https?:\/\/\S+$/i.test(actor)) return [actorKey('openid', actor)];
  return undefined;
}

/** Where the config's `xapi.actorMap` is: relative paths are read from the config file's folder (the working directory without one). */
export function actorMapPath(file: string, configFile: string | undefined): string {
  return isAbsolute(file) || !configFile ? resolve(file) : resolve(dirname(configFile), file);
}

/**
 * Reads an actor map: a CSV file with a header `actor,user_id` and a row per person, `actor` being
 * `mailto:ana@corp.example`, an mbox SHA-1 (40 hex digits) or an OpenID URL. Throws an
 * `ActorMapError` naming the file and line of the first problem.
 */
export async function readActorMap(file: string): Promise<ActorMap> {
  const name = basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ActorMapError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ActorMapError(`${name}: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (header?.map((h) => h.toLowerCase()).join(',') !== 'actor,user_id')
    throw new ActorMapError(`${name}:1: expected the header actor,user_id, got ${header?.join(',') ?? 'an empty file'}`);
  const map = new Map<string, string>();
  rows.forEach(([actor = '', userId = ''], i) => {
    const line = `${name}:${i + 2}`;
    const keys = keysOf(actor);
    if (!keys)
      throw new ActorMapError(
        `${line}: actor: expected mailto:name@domain, an mbox SHA-1 (40 hex digits) or an OpenID URL, got "${actor.slice(0, 80)}"`,
      );
    if (userId === '' || userId.length > limits.userIdMaxLength)
      throw new ActorMapError(`${line}: user_id: expected 1–${limits.userIdMaxLength} characters`);
    for (const key of keys) {
      const known = map.get(key);
      if (known !== undefined && known !== userId) throw new ActorMapError(`${line}: ${actor} is mapped to two user ids`);
      map.set(key, userId);
    }
  });
  return map;
}
