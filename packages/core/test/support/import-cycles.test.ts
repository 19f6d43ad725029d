/**
 * No import cycles in the product's source, type-only imports included (issue #18): a cycle makes
 * module order matter and layers blur. Every `import`/`export … from` of a relative module in
 * packages/* /src and the extensions' src is read with TypeScript's own pre-processor and the
 * graph's strongly connected components are listed (Tarjan); a cycle fails with its modules named.
 * And the core's layers point one way: checks are pure functions over facts, so `checks/` never
 * imports `plan/` (gathering, the only code that asks a resolver) or `readers/`; `facts/` (what
 * gathering and reading produce, what checks read) imports neither checks, plan nor readers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('../../../../', import.meta.url).pathname);

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, found);
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

function sourceRoots(): string[] {
  const roots = readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'src'));
  roots.push(join(root, 'extension-browser/src'), join(root, 'extension-vscode/src'));
  return roots.filter((dir) => existsSync(dir));
}

/** Each module's relative imports (`./x.js` → `./x.ts`), type-only ones included. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
      .map((path) => (existsSync(path) ? path : path.replace(/\.ts$/, '/index.ts')))
      .filter((path) => existsSync(path));
    graph.set(resolve(file), deps);
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const dep of graph.get(node) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(node, Math.min(low.get(node)!, low.get(dep)!));
      } else if (onStack.has(dep)) low.set(node, Math.min(low.get(node)!, index.get(dep)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (type-only imports count)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(cycles(graph).map((component) => [...component].sort())).toEqual([['a', 'b', 'c'], ['e']]);
    const fixture = join(root, 'packages/core/src/readers/zone/zone-record.ts');
    const typeOnly = ts.preProcessFile("import type { X } from './x.js';\nexport { Y } from './y.js';", true, true).importedFiles.map((f) => f.fileName);
    expect(typeOnly).toEqual(['./x.js', './y.js']);
    expect(importGraph([fixture]).get(fixture)!.length).toBeGreaterThan(0);
  });

  it('there are none in the product source', () => {
    const files = sourceRoots().flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(150);
    const named = cycles(importGraph(files)).map((component) => component.map((path) => relative(root, path)).sort().join(' → '));
    expect(named).toEqual([]);
  });

  it('the core\'s layers point one way: checks/ never reach plan/ or readers/, facts/ reach none of them', () => {
    const core = join(root, 'packages/core/src');
    const graph = importGraph(sourceFiles(core));
    const layer = (path: string): string => relative(core, path).split('/')[0]!;
    const forbidden: Record<string, readonly string[]> = { checks: ['plan', 'readers'], facts: ['checks', 'plan', 'readers'] };
    const wrong: string[] = [];
    for (const [from, deps] of graph) {
      for (const to of deps) if (forbidden[layer(from)]?.includes(layer(to))) wrong.push(`${relative(core, from)} → ${relative(core, to)}`);
    }
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.keys()].some((path) => layer(path) === 'facts')).toBe(true);
    expect(wrong).toEqual([]);
  });
});
