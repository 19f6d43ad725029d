/**
 * Small helpers over the tree-sitter HCL syntax tree: blocks, their labels and attributes, and the
 * syntax errors the parser recovered from. Walks are iterative where input depth is unbounded, so
 * a file of ten thousand `[` cannot overflow the stack.
 */
import type { Node } from 'web-tree-sitter';
import { appendAll } from '@mx-doctor/core';

/** A block as the reader sees it: `resource "aws_route53_record" "mx" { … }`. */
export interface BlockInfo {
  readonly node: Node;
  /** `resource`, `locals`, `record`, … */
  readonly type: string;
  readonly labels: readonly string[];
  /** Attribute name → its expression node (the first one wins, as Terraform rejects duplicates). */
  readonly attributes: ReadonlyMap<string, Node>;
  readonly body: Node | undefined;
}

function labelText(node: Node): string {
  if (node.type === 'identifier') return node.text;
  return node.namedChildren
    .filter((child): child is Node => child !== null && child.type === 'template_literal')
    .map((child) => child.text)
    .join('');
}

export function blockInfo(node: Node): BlockInfo {
  let type = '';
  const labels: string[] = [];
  let body: Node | undefined;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type === 'identifier' && type === '') type = child.text;
    else if (child.type === 'string_lit' || child.type === 'identifier') labels.push(labelText(child));
    else if (child.type === 'body') body = child;
  }
  const attributes = new Map<string, Node>();
  for (const child of body?.namedChildren ?? []) {
    if (child?.type !== 'attribute') continue;
    const name = child.namedChildren.find((n) => n?.type === 'identifier');
    const expression = child.namedChildren.find((n) => n?.type === 'expression');
    if (name && expression && !attributes.has(name.text)) attributes.set(name.text, expression);
  }
  return { node, type, labels, attributes, body };
}

/** The blocks directly inside a body. */
export function childBlocks(body: Node | undefined): BlockInfo[] {
  return (body?.namedChildren ?? []).filter((n): n is Node => n?.type === 'block').map(blockInfo);
}

/**
 * Nested blocks of one name, including the `content` of `dynamic "name"` blocks (whose values
 * mostly reference the iterator and so stay unresolved, which is what the checks should hear).
 */
export function nestedBlocks(block: BlockInfo, name: string): BlockInfo[] {
  const found: BlockInfo[] = [];
  for (const child of childBlocks(block.body)) {
    if (child.type === name) found.push(child);
    else if (child.type === 'dynamic' && child.labels[0] === name) {
      appendAll(found, childBlocks(child.body).filter((inner) => inner.type === 'content'));
    }
  }
  return found;
}

/**
 * The top-level blocks of a file. Blocks the parser could only keep inside an ERROR node are
 * still found, so one broken block does not hide the rest of the file.
 */
export function topLevelBlocks(root: Node): BlockInfo[] {
  const blocks: BlockInfo[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.type === 'block') {
      blocks.push(blockInfo(node));
      continue;
    }
    if (node === root || node.type === 'body' || node.type === 'ERROR') {
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return blocks;
}

/** A parse problem: an ERROR node (text the parser skipped) or a MISSING node (text it assumed). */
export interface SyntaxProblem {
  readonly kind: 'error' | 'missing';
  readonly node: Node;
}

/** The outermost ERROR nodes and the MISSING nodes outside them, in document order. */
export function syntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (!root.hasError) return problems;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.isError) {
      problems.push({ kind: 'error', node });
      continue;
    }
    if (node.isMissing) {
      problems.push({ kind: 'missing', node });
      continue;
    }
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return problems;
}
