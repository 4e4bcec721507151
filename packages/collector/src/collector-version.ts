import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The collector package's version, as `uptake --version` prints it and the OpenAPI document states it. */
export function collectorVersion(): string {
  const file = createRequire(import.meta.url).resolve('@uptake/collector/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
