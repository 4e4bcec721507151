import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { collectorVersion } from '../src/collector-version.js';
import { openapiDocument } from '../src/http/openapi-document.js';
import { operations } from '../src/http/openapi-operations.js';
import { apiReference, apiReferenceMarker } from '../src/http/openapi-reference.js';
import { runUptake } from './helpers/spawn-collector.js';

const page = new URL('../../../docs/api.md', import.meta.url);
const generated = () => apiReference(openapiDocument(collectorVersion()));

describe('docs/api.md', () => {
  it('is what the generator writes from the OpenAPI document (UPTAKE_WRITE_DOCS=1 rewrites it)', async () => {
    if (process.env['UPTAKE_WRITE_DOCS'] === '1') await writeFile(page, generated());
    const text = await readFile(page, 'utf8');
    expect(text).toContain(apiReferenceMarker);
    expect(
      text,
      'docs/api.md differs from the generated reference: run UPTAKE_WRITE_DOCS=1 npx vitest run packages/collector/test/api-reference-doc.test.ts',
    ).toBe(generated());
  });

  it('has a section for every operation, with its example request', () => {
    const text = generated();
    for (const op of operations) {
      expect(text).toContain(`### \`${op.method.toUpperCase()} ${op.path}\``);
      if (op.tryIt) expect(text).toContain(`"$UPTAKE_URL${op.path.replace(/\{.*$/, '')}`);
    }
  });

  it('`uptake openapi` prints the document and `uptake openapi reference` the page', async () => {
    const json = await runUptake(process.cwd(), ['openapi']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(openapiDocument(collectorVersion()));
    const reference = await runUptake(process.cwd(), ['openapi', 'reference']);
    expect(reference).toMatchObject({ code: 0, stdout: generated() });
    const wrong = await runUptake(process.cwd(), ['openapi', 'refrence']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown subcommand "refrence"');
  });
});
