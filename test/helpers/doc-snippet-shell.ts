import { execFile } from 'node:child_process';
import { uptakeBin } from '../../packages/collector/test/helpers/spawn-collector.js';
import type { Snippet } from './doc-snippets.js';

// Shell blocks of the docs, run as a reader pastes them: `npx uptake …` is the built CLI, `curl` the
// real one. Only what a reader replaces by their own is replaced, each in one place below.

/** Where a page's shell blocks run: a folder with the page's config and store, and what stands in for the reader's servers. */
export interface ShellPlace {
  dir: string;
  env: Record<string, string>;
  /** The PostgreSQL store that stands in for the docs' `postgres://…` URLs. */
  databaseUrl?: string;
  /** The running collector that stands in for the docs' `https://uptake.corp.example` and `https://collector.example`. */
  collectorUrl?: string;
}

/** The docs' stand-ins for the reader's own servers, and the port a test cannot take (8787 may be in use). */
export function fillPlaceholders(text: string, place: ShellPlace): string {
  let filled = text.replace(/--port 8787\b/g, '--port 0');
  if (place.databaseUrl) filled = filled.replace(/postgres:\/\/(uptake:secret@db\.internal:5432\/uptake|…)/g, `'${place.databaseUrl}'`);
  if (place.collectorUrl) filled = filled.replace(/https:\/\/(uptake\.corp|collector)\.example/g, place.collectorUrl);
  return filled;
}

/**
 * The shell a block runs in: stops at the first failing command; `npx uptake` runs the built CLI;
 * `uptake serve` runs until it listens, then stops as SIGTERM stops it, with its exit code.
 */
function prelude(): string {
  const node = process.execPath;
  return `set -euo pipefail
npx() { "$@"; }
uptake() {
  if [ "$1" != serve ]; then "${node}" "${uptakeBin}" "$@"; return; fi
  local log; log=$(mktemp)
  "${node}" "${uptakeBin}" serve --port 0 "\${@:2}" >"$log" 2>&1 & local pid=$!
  for _ in $(seq 1 300); do grep -q 'listening on' "$log" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  if ! grep -q 'listening on' "$log"; then cat "$log"; kill $pid 2>/dev/null; return 1; fi
  kill -TERM $pid; local code=0; wait $pid || code=$?; cat "$log"; rm -f "$log"; return $code
}
`;
}

/** Runs a shell block in `place` with bash; resolves with its exit code and everything it printed. */
export function runShellSnippet(snippet: Snippet, place: ShellPlace): Promise<{ code: number; out: string }> {
  const script = `${prelude()}${fillPlaceholders(snippet.text, place)}`;
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd: place.dir, env: { ...process.env, UPTAKE_LOG_LEVEL: 'warn', ...place.env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}
