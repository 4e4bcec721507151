import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (`npm test` builds first), run the way a user runs `npx uptake`. */
export const uptakeBin = fileURLToPath(new URL('../../bin/uptake.js', import.meta.url));

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
  const child = spawn(process.execPath, [uptakeBin, 'serve', '--port', '0', ...args], { cwd, env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn', ...env } });
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
