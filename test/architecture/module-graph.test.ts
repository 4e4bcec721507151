import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, moduleImports, tsFiles } from '../helpers/module-graph.js';

// STYLE.md "The shape of a package": small modules with one concern each. A cycle of value imports
// makes the order modules run in depend on which one is imported first; a type-only import is erased
// when compiled and cannot.

const root = fileURLToPath(new URL('../../', import.meta.url));
const packages = ['sdk', 'widgets', 'collector'];

describe('imports between the modules of packages/*/src', () => {
  it.each(packages)('packages/%s/src has no cycle of value imports', (name) => {
    const imports = moduleImports(root, tsFiles(root, `packages/${name}/src`));
    expect(imports.length).toBeGreaterThan(10); // the files were found and their imports read
    const cycles = importCycles(imports.filter((i) => !i.typeOnly)).map((cycle) => cycle.join(' → '));
    expect(cycles).toEqual([]);
  });

  it("the collector's config/ imports nothing from ingest/ or import/", () => {
    const imports = moduleImports(root, tsFiles(root, 'packages/collector/src/config'));
    expect(imports.length).toBeGreaterThan(0);
    const ingestion = imports.filter((i) => /^packages\/collector\/src\/(ingest|import)\//.test(i.to)).map((i) => `${i.from} → ${i.to}`);
    expect(ingestion).toEqual([]);
  });
});

describe('the cycle finder itself', () => {
  const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly });

  it('names each cycle once, along its modules', () => {
    const cycles = importCycles([
      edge('a.ts', 'b.ts'),
      edge('b.ts', 'c.ts'),
      edge('c.ts', 'a.ts'),
      edge('c.ts', 'd.ts'),
      edge('d.ts', 'd.ts'),
    ]);
    expect(cycles.sort()).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      ['d.ts', 'd.ts'],
    ]);
    expect(importCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('a.ts', 'c.ts')])).toEqual([]);
  });

  it('tells type-only imports from value imports', () => {
    const imports = moduleImports(root, ['packages/collector/src/http/build-server.ts']);
    const serverContext = imports.find((i) => i.to === 'packages/collector/src/http/server-context.ts');
    const batchRoute = imports.find((i) => i.to === 'packages/collector/src/http/batch-route.ts');
    expect([serverContext?.typeOnly, batchRoute?.typeOnly]).toEqual([true, false]);
  });
});
