/**
 * Gathering an SPF policy: from the domain's TXT answer (already fetched by the query plan),
 * follow `include:` and `redirect=` (RFC 7208 §5.2, §6.1) and query the targets of `a`, `mx` and
 * `exists` (to count void lookups and MX names, §4.6.4). Queries go through the injected
 * `Resolver` only, one level of the tree at a time, all queries of a level at once.
 *
 * Politeness: a name is asked once (answers are shared across branches), gathering stops as soon
 * as the static lookup count passes 10 (the verdict is then certain), and at most `maxQueries`
 * (30) queries are sent. Terms holding macros are not queried: they need a sender (§7).
 * A failed lookup is kept as `failed` (rule zero), never read as "no record".
 */
import { normalizeName, type LookupResult, type Resolver } from '../dns/types.js';
import { parseSpf } from '../checks/spf/parse-spf.js';
import {
  collectVoidLookups,
  countLookups,
  evaluatedTerms,
  isTreeComplete,
  SPF_LOOKUP_LIMIT,
  type SpfFacts,
  type SpfNode,
  type SpfNodeStatus,
  type SpfTargetLookup,
} from '../checks/spf/spf-facts.js';
import { spfTexts } from '../checks/spf/spf-records.js';
import { lookupFollowingChain } from './follow-chain.js';
import type { SpfMechanism, SpfModifier } from '../checks/spf/spf-term.js';

export interface GatherSpfOptions {
  /** Most queries to send (default 30). */
  readonly maxQueries?: number;
  readonly signal?: AbortSignal;
  /**
   * Answers already fetched (e.g. the snapshot's MX and A for the domain): reused instead of asked
   * again, and not counted as queries.
   */
  readonly known?: readonly LookupResult[];
}

const DEFAULT_MAX_QUERIES = 30;

/** A node while the tree is being built. */
interface Building extends SpfNode {
  children: Building[];
  targets: SpfTargetLookup[];
}

export async function gatherSpf(
  resolver: Resolver,
  domain: string,
  rootTxt: LookupResult,
  options: GatherSpfOptions = {},
): Promise<SpfFacts> {
  const name = normalizeName(domain);
  const maxQueries = options.maxQueries ?? DEFAULT_MAX_QUERIES;
  const cache = new Map<string, Promise<LookupResult>>();
  for (const result of options.known ?? []) {
    cache.set(`${result.question.type} ${normalizeName(result.question.name)}`, Promise.resolve(result));
  }
  let queries = 0;
  let stoppedEarly = false;

  const ask = (qname: string, type: 'TXT' | 'A' | 'MX'): Promise<LookupResult> | undefined => {
    const key = `${type} ${qname}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    if (queries >= maxQueries) {
      stoppedEarly = true;
      return undefined;
    }
    queries += 1;
    const pending = safeLookup(resolver, qname, type, options.signal);
    cache.set(key, pending);
    return pending;
  };

  const root = nodeFromTxt(name, 'root', undefined, [name], rootTxt);
  let level: Building[] = root.status === 'ok' ? [root] : [];
  while (level.length > 0) {
    if (countLookups(root) > SPF_LOOKUP_LIMIT) {
      // The limit is already exceeded whatever the deeper records hold: no need to ask further.
      stoppedEarly = true;
      break;
    }
    const pending: Promise<void>[] = [];
    for (const node of level) {
      if (node.parsed === undefined) continue;
      for (const term of evaluatedTerms(node.parsed)) {
        if (term.kind === 'modifier') {
          if (term.name === 'redirect') follow(node, term, term.value, 'redirect');
        } else if (term.name === 'include') {
          follow(node, term, term.domainSpec ?? '', 'include');
        } else if (term.name === 'a' || term.name === 'exists') {
          target(node, term, 'A');
        } else if (term.name === 'mx') {
          target(node, term, 'MX');
        }
      }
    }
    await Promise.all(pending);
    level = level.flatMap((node) => node.children.filter((child) => child.status === 'ok'));

    function follow(node: Building, term: SpfMechanism | SpfModifier, spec: string, via: 'include' | 'redirect'): void {
      if (term.hasMacro) {
        node.children.push(stub(spec, via, term, [...node.path, spec], 'macro'));
        return;
      }
      const targetName = normalizeName(spec);
      const path = [...node.path, targetName];
      if (node.path.includes(targetName)) {
        node.children.push(stub(targetName, via, term, path, 'loop'));
        return;
      }
      const answer = ask(targetName, 'TXT');
      const index = node.children.length;
      node.children.push(stub(targetName, via, term, path, 'skipped'));
      if (answer === undefined) return;
      pending.push(
        answer.then((result) => {
          node.children[index] = nodeFromTxt(targetName, via, term, path, result);
        }),
      );
    }

    function target(node: Building, term: SpfMechanism, type: 'A' | 'MX'): void {
      const base = { term, type };
      if (term.hasMacro) {
        node.targets.push({ ...base, name: term.domainSpec ?? node.domain, status: 'macro' });
        return;
      }
      const targetName = term.domainSpec === undefined ? node.domain : normalizeName(term.domainSpec);
      const answer = ask(targetName, type);
      const index = node.targets.length;
      node.targets.push({ ...base, name: targetName, status: 'skipped' });
      if (answer === undefined) return;
      pending.push(
        answer.then((result) => {
          node.targets[index] = { ...base, name: targetName, status: 'done', result };
        }),
      );
    }
  }

  return {
    domain: name,
    root,
    lookupCount: countLookups(root),
    lookupCountComplete: isTreeComplete(root),
    voidLookups: collectVoidLookups(root),
    queries,
    stoppedEarly,
  };
}

function stub(
  domain: string,
  via: SpfNode['via'],
  term: SpfMechanism | SpfModifier,
  path: readonly string[],
  status: SpfNodeStatus,
): Building {
  return { domain, via, term, path, status, records: [], children: [], targets: [] };
}

function nodeFromTxt(
  domain: string,
  via: SpfNode['via'],
  term: SpfMechanism | SpfModifier | undefined,
  path: readonly string[],
  lookup: LookupResult,
): Building {
  const base = { domain, via, path, lookup, children: [], targets: [], ...(term !== undefined && { term }) };
  if (lookup.kind === 'failed') return { ...base, status: 'failed', records: [] };
  if (lookup.kind === 'nxdomain') return { ...base, status: 'nxdomain', records: [] };
  const records = spfTexts(lookup);
  const [only] = records;
  if (records.length === 0) return { ...base, status: 'no-spf', records };
  if (records.length > 1 || only === undefined) return { ...base, status: 'multiple', records };
  return { ...base, status: 'ok', records, record: only, parsed: parseSpf(only) };
}

/** A resolver that throws still yields a result: `failed`, never an exception (checks never throw). */
async function safeLookup(resolver: Resolver, name: string, type: 'TXT' | 'A' | 'MX', signal: AbortSignal | undefined): Promise<LookupResult> {
  try {
    // Followed to the chain's end: a resolver may send only the first CNAME hop, and a chain
    // without its end is not "no SPF record" (rule zero).
    return await lookupFollowingChain(resolver, name, type, signal === undefined ? undefined : { signal });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', question: { name, type }, reason: 'network', detail: `the resolver threw: ${detail}` };
  }
}
