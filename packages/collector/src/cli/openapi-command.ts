import { collectorVersion } from '../collector-version.js';
import { openapiDocument } from '../http/openapi-document.js';
import { apiReference } from '../http/openapi-reference.js';
import { UsageError } from './cli-error.js';

export const openapiUsage = `uptake openapi              print the collector's HTTP API as OpenAPI 3.1 JSON (what GET /openapi.json serves)
uptake openapi reference    print the API reference as Markdown (docs/api.md)`;

/** `uptake openapi [reference]`. */
export async function openapiCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`, true);
  const document = openapiDocument(collectorVersion());
  if (sub === undefined) {
    console.log(JSON.stringify(document, null, 2));
    return;
  }
  if (sub !== 'reference') throw new UsageError(`unknown subcommand "${sub}": expected reference, or nothing`, true);
  process.stdout.write(apiReference(document));
}
