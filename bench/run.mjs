// `npm run bench [name…]`: builds, then runs each benchmark in bench/ (every *.bench.mjs, or those
// named) one after another, so their figures are measured on a quiet machine. Benchmarks print
// figures; they assert nothing about time.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (chosen.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')}; have: ${all.join(', ') || 'none'}`);
  process.exit(1);
}
execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
for (const file of chosen) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}\n`);
  execFileSync(process.execPath, ['--expose-gc', `${dir}${file}`], { stdio: 'inherit' });
}
