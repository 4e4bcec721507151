#!/usr/bin/env node
// Thin launcher: the CLI is built into dist/ by `npm run build` (run on `npm install` by the root `prepare`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('uptake: the collector is not built; run `npm run build` at the repository root');
  process.exit(1);
}
await import(cli.href);
