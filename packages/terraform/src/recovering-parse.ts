/**
 * Parsing with recovery beyond tree-sitter's own. The HCL grammar's external scanner sometimes
 * swallows everything after a stray token into one ERROR node (it takes the rest for heredoc
 * identifiers), which would hide every later record. So when an ERROR node runs over several
 * lines, parsing starts again at the next line that opens a top-level block (`resource …` at
 * column 0), with the text before it blanked out so offsets and positions stay the same.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { syntaxProblems, topLevelBlocks, type BlockInfo } from './syntax-tree.js';
import { appendAll } from '@mx-doctor/core';

export interface ParseProblem {
  readonly kind: 'error' | 'missing';
  readonly start: number;
  readonly end: number;
  /** The node's type (for MISSING: what was missing) and the skipped text. */
  readonly type: string;
  readonly text: string;
}

export interface RecoveredParse {
  /** Keep alive while `blocks` are used; delete afterwards. */
  readonly trees: readonly Tree[];
  readonly blocks: readonly BlockInfo[];
  readonly problems: readonly ParseProblem[];
}

/** A parse that takes longer than this is abandoned. */
const PARSE_BUDGET_MS = 5_000;
/** At most this many fresh starts per file. */
const MAX_RESTARTS = 20;

const BLOCK_START = /^(?:resource|data|locals|variable|module|output|provider|terraform|moved|import|check|removed)[ \t"{]/;

/** Parses one file; null when the parser gave up (time budget). */
export function parseWithRecovery(parser: Parser, text: string): RecoveredParse | null {
  const trees: Tree[] = [];
  const blocks: BlockInfo[] = [];
  const problems: ParseProblem[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const started = performance.now();
  let from = 0;
  for (let round = 0; round <= MAX_RESTARTS; round++) {
    const masked = from === 0 ? text : text.slice(0, from).replace(/[^\r\n]/g, ' ') + text.slice(from);
    let tree: Tree | null;
    try {
      parser.reset();
      tree = parser.parse(masked, null, { progressCallback: () => performance.now() - started > PARSE_BUDGET_MS });
    } catch {
      tree = null;
    }
    if (tree === null) {
      for (const t of trees) t.delete();
      return null;
    }
    trees.push(tree);
    appendAll(blocks, topLevelBlocks(tree.rootNode).filter((block) => block.node.startIndex >= from));
    let restart: number | undefined;
    for (const { kind, node } of syntaxProblems(tree.rootNode)) {
      if (node.startIndex < from) continue;
      let end = node.endIndex;
      if (kind === 'error' && restart === undefined) {
        const next = lineStarts.find((s) => s > node.startIndex && s < node.endIndex && BLOCK_START.test(text.slice(s, s + 12)));
        if (next !== undefined) {
          restart = next;
          end = next;
          while (end > node.startIndex && /\s/.test(text[end - 1] ?? '')) end--;
        }
      }
      problems.push({ kind, start: node.startIndex, end, type: node.type, text: text.slice(node.startIndex, end) });
      if (restart !== undefined) break;
    }
    if (restart === undefined) break;
    from = restart;
  }
  return { trees, blocks, problems };
}
