import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mounting a filesystem needs root; `.ci/run` runs as root. */
export const canMount = process.getuid?.() === 0;

/** A small tmpfs of its own, to fill up. */
export interface TinyDisk {
  path: string;
  /** Writes a filler file until the filesystem refuses (ENOSPC); returns the bytes written. */
  fill(): number;
  /** Deletes the filler file: the space is back. */
  free(): Promise<void>;
  /** Unmounts and removes the mount point. */
  dispose(): Promise<void>;
}

/** Mounts a tmpfs of `megabytes` on a fresh directory: a real filesystem that really runs out of space. */
export async function mountTinyDisk(megabytes: number): Promise<TinyDisk> {
  const path = await mkdtemp(join(tmpdir(), 'uptake-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path]);
  const filler = join(path, 'filler');
  return {
    path,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 0xaa);
      let written = 0;
      try {
        for (;;) written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free: () => rm(filler, { force: true }),
    async dispose() {
      execFileSync('umount', ['-l', path]);
      await rm(path, { recursive: true, force: true });
    },
  };
}
