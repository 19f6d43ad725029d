/**
 * The core keeps no state between calls in its modules: a language server checks document after
 * document and a memo or scratch buffer kept at module level ties one call's answer (or one file's
 * text) to the next. State a check needs lives in an object its caller owns (a per-read or
 * per-check object) or is a fact computed once per record.
 *
 * The TypeScript compiler reads every module of packages/core/src; at the top level of a module it
 * refuses `let`/`var`, and a `const` holding a container (`new Map/Set/WeakMap/WeakSet/Array`, a
 * typed array, `[]`, `{}`) or a memo (`memoByString(...)`) that the module mutates (`.set`, `.add`,
 * `.push`, `x[k] = …`, `x.p = …`, …) or that is a cache by construction (a memo, a WeakMap), and an
 * object of one of our classes built at load (its methods keep state in it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/**
 * Top-level bindings that look like state but are constants. Each entry says why (file:name).
 * Keep it short: a new entry needs a reason a reviewer can check.
 */
const ALLOWED = new Map<string, string>([
  // Configuration, not state: the front end installs the Public Suffix List lookup once at
  // start-up (the browser popup cannot carry the list, so it is injected); no check writes it.
  ['providers/registrable-domain.ts:installed', 'the injected Public Suffix List lookup'],
]);

const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Uint8Array', 'Int32Array', 'Uint32Array', 'Uint16Array', 'Float64Array']);
/** Containers that only ever serve as caches (nobody builds a constant WeakMap). */
const CACHES = new Set(['WeakMap', 'WeakSet']);
/** Functions whose result is a cache kept between calls. */
const STATEFUL_FACTORIES = new Set(['memoByString']);
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Strips `as`, `satisfies`, `!` and parentheses around an initialiser. */
function bare(node: ts.Expression): ts.Expression {
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
}

/** Built-in classes whose instances hold no state a call could leave behind. */
const STATELESS_CLASSES = new Set(['TextDecoder', 'TextEncoder', 'RegExp', 'Error', 'TypeError', 'RangeError', 'Intl.Collator', 'URL']);

type Kind = 'container' | 'cache' | 'instance' | undefined;

/** Whether the initialiser builds an instance of a class of ours (its methods keep state in it). */
function holdsInstance(node: ts.Node): boolean {
  if (ts.isNewExpression(node)) {
    const className = node.expression.getText();
    if (!CONTAINERS.has(className) && !STATELESS_CLASSES.has(className)) return true;
  }
  if (ts.isFunctionLike(node)) return false; // built when called, not at load
  return ts.forEachChild(node, holdsInstance) ?? false;
}

function initialiserKind(init: ts.Expression | undefined): Kind {
  if (init === undefined) return undefined;
  const node = bare(init);
  if (holdsInstance(node)) return 'instance';
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && CONTAINERS.has(node.expression.text)) {
    return CACHES.has(node.expression.text) ? 'cache' : 'container';
  }
  if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) return 'container';
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && STATEFUL_FACTORIES.has(node.expression.text)) return 'cache';
  return undefined;
}

/** Whether `name` is written to anywhere in the file: a mutating method, an element or property assignment. */
function isMutated(file: ts.SourceFile, name: string): boolean {
  let mutated = false;
  const rootIs = (expr: ts.Expression): boolean => {
    let node = bare(expr);
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = bare(node.expression);
    return ts.isIdentifier(node) && node.text === name;
  };
  const visit = (node: ts.Node): void => {
    if (mutated) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text) && rootIs(node.expression.expression)) {
      mutated = true;
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const left = bare(node.left);
      if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && rootIs(left)) mutated = true;
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      const operand = bare(node.operand);
      if ((ts.isPropertyAccessExpression(operand) || ts.isElementAccessExpression(operand)) && rootIs(operand)) mutated = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return mutated;
}

/** `file:name — why` for every top-level mutable binding of the module's text. */
export function moduleStateOf(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      const names = ts.isIdentifier(declaration.name) ? [declaration.name.text] : [declaration.name.getText(file)];
      for (const name of names) {
        if (!isConst) {
          found.push(`${fileName}:${name} — a top-level let/var`);
          continue;
        }
        const kind = initialiserKind(declaration.initializer);
        if (kind === 'cache') found.push(`${fileName}:${name} — a cache kept between calls`);
        else if (kind === 'instance') found.push(`${fileName}:${name} — an object of a class of ours, kept between calls`);
        else if (kind === 'container' && isMutated(file, name)) found.push(`${fileName}:${name} — a top-level container the module writes to`);
      }
    }
  }
  return found;
}

describe('module-level mutable state', () => {
  it('the scanner sees the shapes of state it is meant to refuse (and passes constants)', () => {
    const text = [
      'let last = "";',
      'const memo = memoByString((s: string) => s.length);',
      'const seen = new WeakMap<object, number>();',
      'const cache = new Map<string, number>();',
      'export function f(k: string) { cache.set(k, 1); }',
      'const scratch = { items: [] as number[] };',
      'export function g() { scratch.items = []; }',
      'const buffer = new Int32Array(8);',
      'const kept = { lex: new Scratch() };',
      'const decoder = new TextDecoder("utf-8");',
      'export function h() { buffer[0]++; }',
      'const TABLE = new Map([["a", 1]]);',
      'const NAMES = ["a", "b"] as const;',
      'const LIMITS = { depth: 8 };',
      'export function read() { return TABLE.get("a") ?? NAMES.length + LIMITS.depth; }',
    ].join('\n');
    expect(moduleStateOf('sample.ts', text).map((line) => line.split(' — ')[0])).toEqual([
      'sample.ts:last',
      'sample.ts:memo',
      'sample.ts:seen',
      'sample.ts:cache',
      'sample.ts:scratch',
      'sample.ts:buffer',
      'sample.ts:kept',
    ]);
  });

  it('packages/core/src keeps none (outside the commented allow-list)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) => moduleStateOf(relative(SRC, path), readFileSync(path, 'utf8')));
    const refused = found.filter((line) => !ALLOWED.has(line.split(' — ')[0]!));
    expect(refused).toEqual([]);
  });
});
