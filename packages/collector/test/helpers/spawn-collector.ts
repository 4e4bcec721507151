import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The built CLI (`npm test` builds first), run the way a user runs `npx uptake`. */
export const uptakeBin = fileURLToPath(new URL('../../bin/uptake.js', import.meta.url));

const run = promisify(execFile);

/** Runs `uptake ARGS` in `cwd` to the end (with `env` added to this process's); a non-zero exit resolves too, with its code. */
export async function runUptake(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [uptakeBin, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A `uptake serve` child process. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends a signal and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `uptake serve ARGS` in `cwd` and resolves with its URL once it listens. */
export function spawnServe(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [uptakeBin, 'serve', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        resolve({
          url: match[1] as string,
          child,
          output: () => out,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.stderr?.on('data', (chunk) => (out += chunk));
    void exited.then((code) => reject(new Error(`uptake serve exited with ${code}: ${out}`)));
  });
}
