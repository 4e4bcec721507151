#!/usr/bin/env node
// Plants each deliberate mistake of packages/collector/test/reference/sql-mutants.json in the metrics
// SQL, one at a time, runs the generated-organisation tests (the share `npm test` runs) and expects
// them to fail. Prints mutant → caught / survived; exits non-zero if any survived or if a mutant no
// longer applies (its `find` must occur exactly once: the SQL was rewritten, update the list).
// The source file is restored after each mutant, on Ctrl-C and on any exit.
//
//   node scripts/sql-mutants.mjs [id …]      (npm run mutation runs it after StrykerJS)
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fixture = JSON.parse(readFileSync(resolve(root, 'packages/collector/test/reference/sql-mutants.json'), 'utf8'));
const tests = ['packages/collector/test/reference/generated-organisations.test.ts'];
const only = process.argv.slice(2);
const mutants = fixture.mutants.filter((m) => only.length === 0 || only.includes(m.id));

/** The file currently mutated and its original text, restored whatever happens; the test run in flight. */
let planted = null;
let child = null;
function restore() {
  if (planted) writeFileSync(planted.path, planted.text);
  planted = null;
}
process.on('exit', restore);
// The tests run asynchronously, so a signal is handled at once: stop them, put the source back.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    child?.kill('SIGTERM');
    restore();
    console.error(`\n${signal}: source restored`);
    process.exit(130);
  });
}

const occurrences = (text, find) => text.split(find).length - 1;
const stale = mutants.filter((m) => occurrences(readFileSync(resolve(root, m.file), 'utf8'), m.find) !== 1);
if (stale.length > 0) {
  for (const m of stale)
    console.error(`mutant ${m.id}: "${m.find}" is not in ${m.file} exactly once; the SQL changed, update sql-mutants.json`);
  process.exit(2);
}

function runTests() {
  const started = Date.now();
  return new Promise((done) => {
    let output = '';
    child = spawn('npx', ['vitest', 'run', '--project', 'collector', ...tests], {
      cwd: root,
      env: { ...process.env, UPTAKE_PROPERTY_NO_SHRINK: '1', UPTAKE_RELIABILITY: '' },
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      child = null;
      // Without the colours of vitest's report (ESC [ … m).
      const text = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
      // The first figure that differed, or else why the run failed (a mutant that breaks the SQL is caught too, but say so).
      const firstDifference = /differ:\n\s+(.*)/.exec(text)?.[1] ?? /Caused by: (.*)/.exec(text)?.[1] ?? '';
      done({ failed: code !== 0, seconds: (Date.now() - started) / 1000, firstDifference });
    });
  });
}

const baseline = await runTests();
if (baseline.failed) {
  console.error('the generated-organisation tests fail without any mutant: fix that first');
  process.exit(2);
}

const rows = [];
for (const m of mutants) {
  const path = resolve(root, m.file);
  const text = readFileSync(path, 'utf8');
  planted = { path, text };
  writeFileSync(path, text.replace(m.find, m.replace));
  const run = await runTests();
  restore();
  rows.push({ id: m.id, caught: run.failed, seconds: run.seconds, by: run.firstDifference });
  console.log(
    `${run.failed ? 'caught  ' : 'SURVIVED'}  ${m.id.padEnd(38)} ${run.seconds.toFixed(0).padStart(4)} s  ${run.firstDifference.slice(0, 90)}`,
  );
}

const survived = rows.filter((r) => !r.caught);
console.log(`\n| mutant | file | result | first difference seen |\n| --- | --- | --- | --- |`);
for (const r of rows) {
  const m = mutants.find((x) => x.id === r.id);
  console.log(
    `| ${r.id} | ${m.file.replace('packages/collector/src/metrics/', '')} | ${r.caught ? 'caught' : '**survived**'} | ${r.by.replaceAll('|', '\\|').slice(0, 80)} |`,
  );
}
console.log(`\n${rows.length - survived.length} of ${rows.length} SQL mutants caught`);
process.exit(survived.length === 0 ? 0 : 1);
