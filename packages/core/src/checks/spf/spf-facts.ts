/**
 * What gathering an SPF policy learned: a tree from the domain's record through every `include:`
 * and `redirect=` (RFC 7208 §5.2, §6.1), with each TXT answer, the parsed record, and the a/mx/exists
 * lookups made to count void lookups (§4.6.4). Checks read this; they never query.
 * Also the pure walks over the tree (lookup count, void lookups) that gather and checks share.
 */
import { recordsOf, type LookupResult } from '../../dns/types.js';
import type { ParsedSpf, SpfMechanism, SpfModifier, SpfTerm } from './spf-term.js';

/**
 * - `ok`: exactly one SPF record, parsed (it may still have syntax errors);
 * - `multiple`: more than one SPF record (permerror, §3.2), not followed further;
 * - `no-spf`: the name answered but holds no SPF record;
 * - `nxdomain`: the name does not exist;
 * - `failed`: the TXT lookup failed (rule zero: nothing is known);
 * - `loop`: the name is already being evaluated higher up this branch, not queried;
 * - `macro`: the target holds a macro and needs a sender to evaluate, not queried;
 * - `skipped`: not queried (the lookup limit was already exceeded, or the query budget spent).
 */
export type SpfNodeStatus = 'ok' | 'multiple' | 'no-spf' | 'nxdomain' | 'failed' | 'loop' | 'macro' | 'skipped';

export interface SpfNode {
  /** The `<domain>` of check_host() here, lower case, no trailing dot; the raw domain-spec for `macro`. */
  readonly domain: string;
  readonly via: 'root' | 'include' | 'redirect';
  /** The term in the parent's record that led here; absent for the root. */
  readonly term?: SpfMechanism | SpfModifier;
  /** Domains from the root down to this node, this one last. */
  readonly path: readonly string[];
  readonly status: SpfNodeStatus;
  /** The TXT answer at `domain`; absent when not queried. */
  readonly lookup?: LookupResult;
  /** Every SPF record at the name (joined strings). */
  readonly records: readonly string[];
  /** The record, when there is exactly one. */
  readonly record?: string;
  readonly parsed?: ParsedSpf;
  /** One node per followed `include:` and `redirect=`, in record order. */
  readonly children: readonly SpfNode[];
  /** The lookups for this record's `a`, `mx` and `exists` terms, in record order. */
  readonly targets: readonly SpfTargetLookup[];
}

export interface SpfTargetLookup {
  /** The `a`, `mx` or `exists` term. */
  readonly term: SpfMechanism;
  /** The name the term points at (its domain-spec, or the record's own domain). */
  readonly name: string;
  /** A for `a` and `exists`, MX for `mx`. */
  readonly type: 'A' | 'MX';
  /** `macro`/`skipped`: not queried. */
  readonly status: 'done' | 'macro' | 'skipped';
  readonly result?: LookupResult;
}

export interface SpfVoidLookup {
  /** The domain whose record holds the term. */
  readonly from: string;
  /** The term as written (`include:gone.example`, `a:old.example.com`). */
  readonly term: string;
  readonly name: string;
  readonly type: 'TXT' | 'A' | 'MX';
  readonly outcome: 'nxdomain' | 'empty';
}

export interface SpfFacts {
  /** The domain checked, lower case, no trailing dot. */
  readonly domain: string;
  readonly root: SpfNode;
  /** DNS-querying terms met evaluating the policy (RFC 7208 §4.6.4); the limit is 10. */
  readonly lookupCount: number;
  /** False when part of the tree could not be read (failed, skipped, macro): the count is then a floor. */
  readonly lookupCountComplete: boolean;
  /** Lookups that returned NXDOMAIN or no answer (§4.6.4: more than 2 is a permerror). */
  readonly voidLookups: readonly SpfVoidLookup[];
  /** Queries gathering sent (the root TXT, fetched before, not counted). */
  readonly queries: number;
  /** Gathering stopped before the end: the lookup limit was clearly exceeded, or the budget spent. */
  readonly stoppedEarly: boolean;
}

/** RFC 7208 §4.6.4. */
export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LOOKUP_LIMIT = 2;
/** MX records one `mx` term may bring (each costs an address lookup). */
export const SPF_MX_NAME_LIMIT = 10;

/**
 * The terms an evaluation can reach: everything up to the first `all` (terms after it are never
 * tested, §5.1), plus the first `redirect=` when the record has no `all` anywhere (§6.1).
 */
export function evaluatedTerms(parsed: ParsedSpf): SpfTerm[] {
  const result: SpfTerm[] = [];
  const hasAll = parsed.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
  let redirect: SpfTerm | undefined;
  for (const term of parsed.terms) {
    if (term.kind === 'modifier') {
      if (term.name === 'redirect' && redirect === undefined && !hasAll) redirect = term;
      continue;
    }
    result.push(term);
    if (term.name === 'all') break;
  }
  if (redirect !== undefined) result.push(redirect);
  return result;
}

/** include, a, mx, ptr, exists and redirect each cost one lookup (§4.6.4). */
export function isLookupTerm(term: SpfTerm): boolean {
  if (term.kind === 'modifier') return term.name === 'redirect';
  return term.name === 'include' || term.name === 'a' || term.name === 'mx' || term.name === 'ptr' || term.name === 'exists';
}

/** Lookups this node's record costs, its includes and redirect followed. */
export function countLookups(node: SpfNode): number {
  if (node.status !== 'ok' || node.parsed === undefined) return 0;
  const own = evaluatedTerms(node.parsed).filter(isLookupTerm).length;
  return own + node.children.reduce((sum, child) => sum + countLookups(child), 0);
}

/** Every node, depth first, root first. */
export function spfNodes(root: SpfNode): SpfNode[] {
  const result: SpfNode[] = [root];
  for (const child of root.children) result.push(...spfNodes(child));
  return result;
}

/** The parent of each non-root node. */
export function spfParents(root: SpfNode): Map<SpfNode, SpfNode> {
  const parents = new Map<SpfNode, SpfNode>();
  for (const node of spfNodes(root)) for (const child of node.children) parents.set(child, node);
  return parents;
}

/** NXDOMAIN, or NOERROR with no record of the type: a void lookup (§4.6.4). */
export function voidOutcome(result: LookupResult, type: 'TXT' | 'A' | 'MX'): 'nxdomain' | 'empty' | undefined {
  if (result.kind === 'nxdomain') return 'nxdomain';
  if (result.kind === 'answer' && recordsOf(result, type).length === 0) return 'empty';
  return undefined;
}

export function collectVoidLookups(root: SpfNode): SpfVoidLookup[] {
  const found: SpfVoidLookup[] = [];
  for (const node of spfNodes(root)) {
    for (const child of node.children) {
      if (child.lookup === undefined || child.term === undefined) continue;
      const outcome = voidOutcome(child.lookup, 'TXT');
      if (outcome !== undefined) found.push({ from: node.domain, term: child.term.text, name: child.domain, type: 'TXT', outcome });
    }
    for (const target of node.targets) {
      if (target.result === undefined) continue;
      const outcome = voidOutcome(target.result, target.type);
      if (outcome !== undefined) found.push({ from: node.domain, term: target.term.text, name: target.name, type: target.type, outcome });
    }
  }
  return found;
}

/** True when every record of the tree was read (every include and redirect followed), so the lookup count is exact. */
export function isTreeComplete(root: SpfNode): boolean {
  return spfNodes(root).every((node) => {
    if (node.status === 'failed' || node.status === 'skipped' || node.status === 'macro') return false;
    if (node.status !== 'ok' || node.parsed === undefined) return true;
    const followed = evaluatedTerms(node.parsed).filter(
      (term) => (term.kind === 'mechanism' && term.name === 'include') || (term.kind === 'modifier' && term.name === 'redirect'),
    ).length;
    return node.children.length === followed;
  });
}

/** `root → include:a → include:b`, for messages. */
export function describePath(node: SpfNode): string {
  return node.path.join(' → ');
}
