import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One static `import … from` or `export … from` of a module, resolved to a file of the repository. */
export interface ModuleImport {
  from: string;
  to: string;
  /** Erased when compiled: `import type`, `export type`, or every name imported marked `type`. */
  typeOnly: boolean;
}

/** The `.ts` files below `dir`, as paths relative to `root`. */
export function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file))
    .sort();
}

const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) =>
  elements.length > 0 && elements.every((e) => e.isTypeOnly);

function isTypeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) {
    return (
      statement.isTypeOnly ||
      (statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause) && allTypes(statement.exportClause.elements))
    );
  }
  const clause = statement.importClause;
  if (!clause) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  return (
    clause.name === undefined &&
    clause.namedBindings !== undefined &&
    ts.isNamedImports(clause.namedBindings) &&
    allTypes(clause.namedBindings.elements)
  );
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in the sources); undefined for packages. */
function resolveSpecifier(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(root, dirname(from), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  return file === undefined ? undefined : relative(root, file);
}

/** The relative imports of the files (paths relative to `root`); imports of packages are left out. */
export function moduleImports(root: string, files: readonly string[]): ModuleImport[] {
  const imports: ModuleImport[] = [];
  for (const from of files) {
    const source = ts.createSourceFile(from, readFileSync(join(root, from), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const to = resolveSpecifier(root, from, statement.moduleSpecifier.text);
      if (to !== undefined) imports.push({ from, to, typeOnly: isTypeOnly(statement) });
    }
  }
  return imports;
}

/**
 * The cycles of a graph of imports, one per strongly connected component (Tarjan), each as the
 * modules along it with the first repeated at the end: `a.ts → b.ts → a.ts`.
 */
export function importCycles(imports: readonly ModuleImport[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of imports) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next.get(node)?.includes(node)) components.push(component);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleWithin(component.sort(), next));
}

/** A shortest way from the component's first module back to itself, staying inside the component. */
function cycleWithin(component: string[], next: Map<string, string[]>): string[] {
  const start = component[0]!;
  const inside = new Set(component);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of next.get(node) ?? []) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return component;
}
