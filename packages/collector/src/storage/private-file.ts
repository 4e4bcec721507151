import { createWriteStream, type WriteStream } from 'node:fs';
import { link, lstat, rm, writeFile } from 'node:fs/promises';

// What the collector writes about people (the store, its key file, the sidecar's token, exports) is
// for the owner alone (0600), and is created where nothing stood: an existing file or a symbolic link
// planted in the way is an error, never followed and never written through (O_CREAT | O_EXCL).

/** Mode of every file the collector creates that holds events, secrets or tokens. */
export const privateFileMode = 0o600;
/** Mode of a folder the collector creates for them. */
export const privateDirMode = 0o700;

/** The error for something standing where a file is to be created. */
export const inTheWay = (path: string): Error =>
  new Error(`${path} already exists (a file or a link): refusing to write over it; remove it or choose another path`);

const rethrow = (path: string) => (error: NodeJS.ErrnoException) => {
  throw error.code === 'EEXIST' ? inTheWay(path) : error;
};

/** Creates `path` holding `data`, mode 0600; throws when anything exists there. */
export async function createPrivateFile(path: string, data: string): Promise<void> {
  await writeFile(path, data, { flag: 'wx', mode: privateFileMode }).catch(rethrow(path));
}

/** A stream creating `path`, mode 0600; it errors when anything exists there. */
export function privateWriteStream(path: string): WriteStream {
  const stream = createWriteStream(path, { flags: 'wx', mode: privateFileMode });
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') error.message = inTheWay(path).message;
  });
  return stream;
}

/** Renames `from` to `to` unless something exists at `to` (a rename would replace it). Same file system only. */
export async function moveExclusive(from: string, to: string): Promise<void> {
  await link(from, to).catch(rethrow(to));
  await rm(from, { force: true });
}

/** Throws when `path` is a symbolic link; a missing path is fine. */
export async function refuseLink(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats?.isSymbolicLink()) throw new Error(`${path} is a symbolic link: refusing to follow it; the store's files must be real files`);
}
