/**
 * A small static evaluator over the HCL syntax tree: literals, heredocs, templates with
 * `${…}` interpolation, tuples, objects, `local.x`, `var.x` (its literal `default`), indexing and
 * attribute access on those. Everything Terraform only knows while planning (`each.value`,
 * `count.index`, function calls, most resource attributes) becomes an `unknown` value that names
 * the expression, so a check can say what it could not read instead of guessing.
 */
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import type { Loc } from './positions.js';
import {
  MAX_STRING,
  scalarText,
  unknown,
  type MappedChar,
  type ObjectValue,
  type UnknownValue,
  type Value,
} from './values.js';
import { appendAll } from '@mx-doctor/core';

/** A reference to a resource or data source attribute: `aws_route53_zone.main.zone_id`. */
export interface ResourceReference {
  readonly data: boolean;
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

/** Gives a value to resource references it can see through (zone names); undefined otherwise. */
export type ReferenceResolver = (reference: ResourceReference, evaluator: Evaluator) => Value | undefined;

const MAX_DEPTH = 150;

/** Marks a cached reference that the resolver does not see through. */
const NOT_RESOLVED: Value = unknown({ file: '', start: 0, end: 0 }, '', 'not resolved');

const SPECIAL_ROOTS: Record<string, string> = {
  each: 'is known only per instance of a for_each resource',
  count: 'is known only per instance of a counted resource',
  self: 'is known only while provisioning',
  path: 'depends on where Terraform runs',
  terraform: 'depends on the workspace',
  module: "is another module's output",
};

type Step = { readonly attribute: string; readonly node: Node } | { readonly index: Value; readonly node: Node };

function loc(file: string, node: Node): Loc {
  return { file, start: node.startIndex, end: node.endIndex };
}

export function short(source: string): string {
  const line = source.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

export class Evaluator {
  private readonly cache = new Map<string, Value>();
  private readonly pending = new Set<string>();
  private depth = 0;

  constructor(
    readonly scope: ModuleScope,
    private readonly resolveReference: ReferenceResolver,
  ) {}

  /** Evaluates an expression node of `file`. Never throws. */
  evaluate(node: Node, file: string): Value {
    if (this.depth >= MAX_DEPTH) return unknown(loc(file, node), node.text, 'it is nested too deeply to read');
    this.depth++;
    try {
      return this.evaluateNode(node, file);
    } catch {
      return unknown(loc(file, node), node.text, 'it could not be read');
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: Node, file: string): Value {
    const here = loc(file, node);
    // A MISSING token (`]` the parser assumed) leaves the value readable; skipped text does not.
    if (node.isError || node.isMissing) return unknown(here, node.text, 'it contains a syntax error');
    switch (node.type) {
      case 'expression':
        return this.expression(node, file);
      case 'literal_value':
      case 'collection_value':
      case 'template_expr':
      case 'operation': {
        const inner = node.firstNamedChild;
        return inner ? this.evaluate(inner, file) : unknown(here, node.text, 'it is empty');
      }
      case 'numeric_lit': {
        const value = Number(node.text);
        return Number.isFinite(value)
          ? { kind: 'number', value, text: node.text, loc: here }
          : unknown(here, node.text, 'it is not a number');
      }
      case 'bool_lit':
        return { kind: 'bool', value: node.text === 'true', loc: here };
      case 'null_lit':
        return { kind: 'null', loc: here };
      case 'string_lit':
      case 'quoted_template':
        return this.template(node, file, false);
      case 'heredoc_template':
        return this.template(node, file, true);
      case 'tuple':
        return {
          kind: 'tuple',
          items: node.namedChildren
            .filter((child): child is Node => child?.type === 'expression')
            .map((child) => this.evaluate(child, file)),
          loc: here,
        };
      case 'object':
        return this.object(node, file);
      case 'unary_operation':
        return this.unary(node, file);
      case 'variable_expr':
        return this.traversal(node, [], node, file);
      case 'function_call': {
        const name = node.firstNamedChild?.text ?? 'a function';
        return unknown(here, node.text, `the function call ${name}(…) is evaluated only by Terraform`);
      }
      case 'conditional':
        return unknown(here, node.text, 'a conditional is evaluated only by Terraform');
      case 'for_expr':
        return unknown(here, node.text, 'a for expression is evaluated only by Terraform');
      case 'binary_operation':
        return unknown(here, node.text, 'an operation is evaluated only by Terraform');
      default:
        return unknown(here, node.text, 'it is not a value the reader evaluates');
    }
  }

  private expression(node: Node, file: string): Value {
    const children = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
    let primary: Node | undefined;
    let rest: Node[];
    if (children[0]?.type === '(') {
      const close = children.findIndex((child) => child.type === ')');
      primary = children.find((child) => child.type === 'expression');
      rest = close < 0 ? [] : children.slice(close + 1);
    } else {
      primary = children[0];
      rest = children.slice(1);
    }
    if (primary === undefined) return unknown(loc(file, node), node.text, 'it is empty');
    const steps: Step[] = [];
    for (const postfix of rest) {
      const step = this.step(postfix, file);
      if (step === undefined) {
        return unknown(loc(file, node), node.text, 'a splat is evaluated only by Terraform');
      }
      steps.push(step);
    }
    if (primary.type === 'variable_expr') return this.traversal(primary, steps, node, file);
    return this.apply(this.evaluate(primary, file), steps, node, file);
  }

  private step(postfix: Node, file: string): Step | undefined {
    if (postfix.type === 'get_attr') {
      return { attribute: postfix.namedChildren.find((n) => n?.type === 'identifier')?.text ?? '', node: postfix };
    }
    if (postfix.type === 'index') {
      const inner = postfix.firstNamedChild;
      if (inner?.type === 'legacy_index') {
        const digits = /\d+/.exec(inner.text)?.[0] ?? '';
        return {
          index: { kind: 'number', value: Number(digits), text: digits, loc: loc(file, inner) },
          node: postfix,
        };
      }
      const expression = inner?.namedChildren.find((n) => n?.type === 'expression');
      if (expression) return { index: this.evaluate(expression, file), node: postfix };
      return { index: unknown(loc(file, postfix), postfix.text, 'it is not an index'), node: postfix };
    }
    return undefined;
  }

  /** Applies attribute and index steps to a value. */
  private apply(value: Value, steps: readonly Step[], whole: Node, file: string): Value {
    let current = value;
    for (const step of steps) {
      if (current.kind === 'unknown') break;
      if ('attribute' in step) {
        const next = current.kind === 'object' ? current.entries.get(step.attribute) : undefined;
        current = next ?? unknown(loc(file, whole), whole.text, `it has no attribute "${step.attribute}"`);
      } else {
        current = this.index(current, step.index) ?? unknown(loc(file, whole), whole.text, 'the index does not select a value');
      }
    }
    if (current.kind === 'unknown' && steps.length > 0) {
      return unknown(loc(file, whole), whole.text, current.reason);
    }
    return current;
  }

  private index(value: Value, index: Value): Value | undefined {
    if (value.kind === 'tuple' && index.kind === 'number' && Number.isInteger(index.value)) {
      return value.items[index.value];
    }
    if (value.kind === 'object') {
      const key = scalarText(index);
      return key === undefined ? undefined : value.entries.get(key);
    }
    return undefined;
  }

  /** `local.x…`, `var.x…`, `each.value`, `aws_route53_zone.main.name`, … */
  private traversal(variable: Node, steps: readonly Step[], whole: Node, file: string): Value {
    const root = variable.text;
    const here = loc(file, whole);
    const source = whole.text;
    const first = steps[0];
    const special = SPECIAL_ROOTS[root];
    if (special !== undefined) return unknown(here, source, `${short(source)} ${special}`);
    if (root === 'local' || root === 'var') {
      if (first === undefined || !('attribute' in first)) return unknown(here, source, `${root} needs a name`);
      const value = root === 'local' ? this.local(first.attribute, here) : this.variable(first.attribute, here);
      const result = this.apply(value, steps.slice(1), whole, file);
      // An unknown reached through a name is reported where the name is used.
      return result.kind === 'unknown' ? unknown(here, source, result.reason) : result;
    }
    const data = root === 'data';
    const path = data ? steps.slice(1) : steps;
    const type = data ? (first && 'attribute' in first ? first.attribute : '') : root;
    const name = path[0];
    const later = root.includes('_')
      ? `${short(source)} is known only after terraform apply`
      : `${short(source)} is known only when Terraform expands the configuration`;
    if (name === undefined || !('attribute' in name)) return unknown(here, source, later);
    // `aws_route53_zone.main[0].name`: skip the instance index of a counted resource.
    let at = 1;
    if (path[at] !== undefined && 'index' in (path[at] as Step)) at++;
    const attribute = path[at];
    if (attribute === undefined || !('attribute' in attribute)) return unknown(here, source, later);
    const reference = { data, type, name: name.attribute, attribute: attribute.attribute };
    const key = `${data ? 'data.' : ''}${type}.${name.attribute}.${attribute.attribute}`;
    // Cached like locals: a zone whose name refers to itself twice must not cost 2^depth.
    const resolved = this.cached(key, here, () => this.resolveReference(reference, this) ?? NOT_RESOLVED);
    if (resolved === NOT_RESOLVED) return unknown(here, source, later);
    const result = this.apply(resolved, path.slice(at + 1), whole, file);
    return result.kind === 'unknown' ? unknown(here, source, result.reason) : result;
  }

  private local(name: string, use: Loc): Value {
    const declared = this.scope.locals.get(name);
    if (declared === undefined) return unknown(use, `local.${name}`, `local.${name} is not declared in this module`);
    return this.cached(`local.${name}`, use, () => this.evaluate(declared.value, declared.file));
  }

  private variable(name: string, use: Loc): Value {
    const declared = this.scope.variables.get(name);
    if (declared === undefined) return unknown(use, `var.${name}`, `var.${name} is not declared in this module`);
    const expression = declared.value;
    if (expression === undefined) {
      return unknown(use, `var.${name}`, `var.${name} has no default, its value is set outside the module`);
    }
    return this.cached(`var.${name}`, use, () => this.evaluate(expression, declared.file));
  }

  private cached(key: string, use: Loc, compute: () => Value): Value {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.pending.has(key)) return unknown(use, key, `${key} refers to itself`);
    this.pending.add(key);
    try {
      const value = compute();
      this.cache.set(key, value);
      return value;
    } finally {
      this.pending.delete(key);
    }
  }

  private object(node: Node, file: string): ObjectValue {
    const entries = new Map<string, Value>();
    for (const element of node.namedChildren) {
      if (element?.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode || !valueNode) continue;
      // A bare word key (`name = …`) is the name itself, not a variable.
      const bare = keyNode.namedChildCount === 1 && keyNode.firstNamedChild?.type === 'variable_expr';
      const key = bare ? keyNode.text : scalarText(this.evaluate(keyNode, file));
      if (key !== undefined && !entries.has(key)) entries.set(key, this.evaluate(valueNode, file));
    }
    return { kind: 'object', entries, loc: loc(file, node) };
  }

  private unary(node: Node, file: string): Value {
    const operator = node.child(0)?.type;
    const operand = node.namedChildren.find((n) => n !== null);
    const value = operand ? this.evaluate(operand, file) : undefined;
    const here = loc(file, node);
    if (operator === '-' && value?.kind === 'number') {
      return { kind: 'number', value: -value.value, text: node.text.replace(/\s+/g, ''), loc: here };
    }
    if (operator === '!' && value?.kind === 'bool') return { kind: 'bool', value: !value.value, loc: here };
    return unknown(here, node.text, 'an operation is evaluated only by Terraform');
  }

  /** A quoted string or a heredoc, interpolations evaluated where they can be. */
  private template(node: Node, file: string, heredoc: boolean): Value {
    const text = this.scope.text(file);
    const children = node.children.filter((child): child is Node => child !== null);
    let start: number;
    let end: number;
    let content: Node[];
    let indented = false;
    if (heredoc) {
      const identifiers = children.filter((child) => child.type === 'heredoc_identifier');
      const open = identifiers[0];
      if (open === undefined) return unknown(loc(file, node), node.text, 'the heredoc is incomplete');
      indented = children.some((child) => child.type === 'heredoc_start' && child.text.includes('-'));
      const newline = text.indexOf('\n', open.endIndex);
      start = newline < 0 ? node.endIndex : newline + 1;
      const close = identifiers.length > 1 ? identifiers[identifiers.length - 1] : undefined;
      end = close ? close.startIndex : node.endIndex;
      while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      content = children.filter((child) => child.startIndex >= start && child.endIndex <= end && child !== close);
    } else {
      const opening = children[0];
      const closing = children[children.length - 1];
      start = opening?.type === 'quoted_template_start' ? opening.endIndex : node.startIndex;
      end = closing?.type === 'quoted_template_end' && closing !== opening ? closing.startIndex : node.endIndex;
      content = children.filter((child) => child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end');
    }
    let chars: MappedChar[] = [];
    let at = start;
    const literal = (from: number, to: number): void => {
      if (to > from) appendAll(chars, unescape(text.slice(from, to), from, file, heredoc));
    };
    for (const child of content) {
      if (child.startIndex < at) continue;
      literal(at, child.startIndex);
      const span = loc(file, child);
      if (child.type === 'template_literal') literal(child.startIndex, Math.min(child.endIndex, end));
      else if (child.type === 'template_interpolation') appendAll(chars, this.interpolation(child, file, span));
      else chars.push({ c: '', loc: span, unknown: unknown(span, child.text, 'a template directive is evaluated only by Terraform') });
      at = Math.max(at, child.endIndex);
      if (chars.length > MAX_STRING) return unknown(loc(file, node), node.text, 'the string is too long to read');
    }
    literal(at, end);
    if (indented) chars = dedent(chars);
    return { kind: 'string', chars, loc: loc(file, node) };
  }

  private interpolation(node: Node, file: string, span: Loc): MappedChar[] {
    const expression = node.namedChildren.find((n) => n?.type === 'expression');
    if (!expression) return [{ c: '', loc: span, unknown: unknown(span, node.text, 'the interpolation is empty') }];
    const value = this.evaluate(expression, file);
    const marker = (inner: UnknownValue): MappedChar => ({
      c: '',
      loc: span,
      unknown: unknown(span, inner.source, inner.reason),
    });
    switch (value.kind) {
      case 'string':
        return value.chars.map((char) => (char.unknown ? marker(char.unknown) : { c: char.c, loc: span }));
      case 'number':
      case 'bool':
        return [...String(value.kind === 'number' ? value.text : value.value)].map((c) => ({ c, loc: span }));
      case 'unknown':
        return [marker(value)];
      default:
        return [marker(unknown(span, expression.text, `${short(expression.text)} is not a string`))];
    }
  }
}

/** HCL escapes (`\n`, `\"`, `\uNNNN`, `$${`, `%%{`); heredocs know only the last two. */
function unescape(raw: string, offset: number, file: string, heredoc: boolean): MappedChar[] {
  const chars: MappedChar[] = [];
  const push = (c: string, from: number, to: number): void => {
    for (const unit of c.split('')) chars.push({ c: unit, loc: { file, start: offset + from, end: offset + to } });
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] ?? '';
    const next = raw[i + 1];
    if ((c === '$' || c === '%') && next === c && raw[i + 2] === '{') {
      push(c, i, i + 2);
      i += 2;
      continue;
    }
    if (!heredoc && c === '\\' && next !== undefined) {
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
      const mapped = simple[next];
      if (mapped !== undefined) {
        push(mapped, i, i + 2);
        i += 2;
        continue;
      }
      const width = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = raw.slice(i + 2, i + 2 + width);
      if (width > 0 && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
        const code = Number.parseInt(hex, 16);
        if (code <= 0x10ffff) {
          push(String.fromCodePoint(code), i, i + 2 + width);
          i += 2 + width;
          continue;
        }
      }
    }
    push(c, i, i + 1);
    i++;
  }
  return chars;
}

/** `<<-EOT`: removes the indentation common to all non-blank lines. */
function dedent(chars: MappedChar[]): MappedChar[] {
  const lines: MappedChar[][] = [[]];
  for (const char of chars) {
    (lines[lines.length - 1] as MappedChar[]).push(char);
    if (char.c === '\n') lines.push([]);
  }
  let common = Infinity;
  for (const line of lines) {
    let width = 0;
    while (width < line.length && (line[width]?.c === ' ' || line[width]?.c === '\t')) width++;
    if (width < line.length && line[width]?.c !== '\n') common = Math.min(common, width);
  }
  if (!Number.isFinite(common) || common === 0) return chars;
  return lines.flatMap((line) => {
    let drop = 0;
    while (drop < common && drop < line.length && (line[drop]?.c === ' ' || line[drop]?.c === '\t')) drop++;
    return line.slice(drop);
  });
}

