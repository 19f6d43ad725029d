/**
 * The file checks (shared/checks.md, "File checks"): a zone file's or Terraform module's records,
 * grouped into RRsets, through the same MX, SPF and DMARC checks the live path uses, plus the
 * file-only ones. In-file targets are judged from the file itself; targets outside the file's zone
 * are judged live when the caller brings their lookups (`liveTargets`).
 */
import { placedAt, type Finding } from '../../findings/finding.js';
import { tableOf, type ReadResult } from '../../facts/read-result.js';
import type { RecordTable } from '../../facts/record-table.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { runLiveTargetChecks, runMxSetChecks } from '../mx/run-mx-checks.js';
import { hasUsableTarget } from '../mx/host-name.js';
import type { MxEntry } from '../mx/mx-entry.js';
import { lookupFailedFinding } from '../resolver/lookup-failed.js';
import type { FileRdata, FileTarget } from '../check.js';
import type { LiveRRsets } from '../../facts/authority.js';
import type { PolicyFetch } from '../../facts/snapshot.js';
import { joinedText } from '../../facts/record-table.js';
import { isSpfRecord } from '../spf/parse-spf.js';
import { fileVariants } from '../catalogue.js';
import { readFileMx, type FileMxRecord } from './file-mx.js';
import { FileIndex } from './file-index.js';
import { chainInFile } from './alias-chain.js';
import { checkTexts, cleanSpfTexts } from './file-texts.js';
import { placeFinding } from './place-finding.js';
import type { SetCheckCache } from './set-check-cache.js';
import { appendAll } from '../../util/append.js';

export interface FileCheckOptions {
  /** Lookups of targets outside the file's zone (see `externalTargets`), keyed by name. */
  readonly liveTargets?: ReadonlyMap<string, TargetFacts>;
  /**
   * What the zone's authoritative servers serve now at owners the file writes MX or SPF records
   * for (only for a zone the file is authoritative for), keyed by owner.
   */
  readonly liveZone?: ReadonlyMap<string, LiveRRsets>;
  /** The MTA-STS policy each MX owner's domain publishes now (fetched by the caller, live checks on), keyed by owner. */
  readonly livePolicies?: ReadonlyMap<string, PolicyFetch>;
  /**
   * Set-check results remembered from an earlier run over the same document (an editor passes
   * one per document, so an edit re-checks only the RRsets it touched).
   */
  readonly cache?: SetCheckCache;
  /**
   * `false`: the caller wants findings only (the CLI), so `mxSets` is left empty and each RRset
   * is dropped once checked. Default `true` (an editor's hover and quick fixes read them).
   */
  readonly keepMxSets?: boolean;
}

/** What the file checks learned, for hover and quick fixes as well as diagnostics. */
export interface FileCheck {
  readonly findings: Finding[];
  /** MX RRsets by owner, records in file order. */
  readonly mxSets: ReadonlyMap<string, readonly FileMxRecord[]>;
  /** Targets the file cannot judge itself, to look up live (the same names as `externalTargets`). */
  readonly external: readonly string[];
}

/** The MX RRset of `owner` (its records that could be read), and the findings of reading them. */
function readMxSet(index: FileIndex, head: number, findings: Finding[]): FileMxRecord[] {
  const set: FileMxRecord[] = [];
  for (let i = head; i >= 0; i = index.next(i)) {
    const mx = readFileMx(index.table, i, findings);
    if (mx) set.push(mx);
  }
  return set;
}

/** The file's MX records grouped into RRsets by owner, and the findings of reading their data. */
export function fileMxSets(table: RecordTable): { mxSets: Map<string, FileMxRecord[]>; findings: Finding[] } {
  return mxSetsOf(new FileIndex(table));
}

function mxSetsOf(index: FileIndex): { mxSets: Map<string, FileMxRecord[]>; findings: Finding[] } {
  const mxSets = new Map<string, FileMxRecord[]>();
  const findings: Finding[] = [];
  index.mx.heads.forEach((head, owner) => {
    const set = readMxSet(index, head, findings);
    if (set.length > 0) mxSets.set(owner, set);
  });
  return { mxSets, findings };
}

export function checkFile(read: ReadResult, options: FileCheckOptions = {}): FileCheck {
  const index = new FileIndex(tableOf(read));
  const findings: Finding[] = [...read.findings];
  const mxSets = new Map<string, FileMxRecord[]>();
  const external = new Set<string>();
  options.cache?.begin();
  // One RRset at a time, read and checked (so a large zone's sets need not all be alive at once).
  index.mx.heads.forEach((head, owner) => {
    const set = readMxSet(index, head, findings);
    if (set.length === 0) return;
    if (options.keepMxSets !== false) mxSets.set(owner, set);
    // The root's owner is '' here; findings name it as written, '.'.
    const found = checkMxSet(owner === '' ? '.' : owner, set, index, read, options, external);
    if (found.length > 0) appendAll(findings, found);
    if (owner !== read.origin) ownerChecks(index, owner, findings);
  });
  if (read.origin !== undefined) ownerChecks(index, read.origin, findings);
  rrsetChecks(index.table, findings);
  if (options.liveZone) liveZoneChecks(index, options.liveZone, findings);
  if (options.livePolicies) livePolicyChecks(index, options.livePolicies, findings);

  // SPF and DMARC, per owner, from TXT (and the obsolete SPF type, RFC 7208 §3.1).
  const cleanSpf = cleanSpfTexts();
  index.txt.heads.forEach((_, owner) => checkTexts(index, owner, findings, cleanSpf));
  index.spf.heads.forEach((_, owner) => {
    if (!index.txt.heads.has(owner)) checkTexts(index, owner, findings, cleanSpf);
  });
  return { findings, mxSets, external: [...external] };
}

/** The checks on a name that owns mail records (an MX owner, the apex): whether the file makes it an alias. */
function ownerChecks(index: FileIndex, owner: string, findings: Finding[]): void {
  const at = index.alias(owner);
  const alias = at === undefined ? undefined : { chain: chainInFile(index, owner), range: index.table.range(at) };
  for (const { variant } of OWNER_CHECKS) appendAll(findings, variant.run(owner, alias));
}

function isUnresolved(mx: FileMxRecord): boolean {
  return mx.unresolved;
}

function isResolved(mx: FileMxRecord): boolean {
  return !mx.unresolved;
}

function entryOf(mx: FileMxRecord): MxEntry {
  return mx.entry;
}

function cachedSetChecks(cache: SetCheckCache, owner: string, entries: MxEntry[]): Finding[] {
  return cache.findings(owner, entries, () => runMxSetChecks(owner, entries));
}

/** Findings about the RRset as a whole: not judged while an expression hides part of it. */
const WHOLE_SET: ReadonlySet<string> = new Set(fileVariants('mx-set').flatMap(({ id, variant }) => (variant.wholeSet ? [id] : [])));
const FILE_TARGET_CHECKS = fileVariants('file-target');
const OWNER_CHECKS = fileVariants('owner');
const RRSET_CHECKS = fileVariants('rrset');

/** The `rrset` variants over the file's records of the types they ask for, owner by owner in file order. */
function rrsetChecks(table: RecordTable, findings: Finding[]): void {
  if (RRSET_CHECKS.length === 0) return;
  const types = new Set(RRSET_CHECKS.map(({ variant }) => variant.type));
  const sets = new Map<string, Map<string, FileRdata[]>>();
  for (let i = 0; i < table.size; i++) {
    const type = table.type(i);
    if (!types.has(type)) continue;
    let byOwner = sets.get(type);
    if (byOwner === undefined) sets.set(type, (byOwner = new Map()));
    const owner = table.owner(i);
    let records = byOwner.get(owner);
    if (records === undefined) byOwner.set(owner, (records = []));
    records.push(rdataOf(table, i));
  }
  for (const { variant } of RRSET_CHECKS) {
    sets.get(variant.type)?.forEach((records, owner) => appendAll(findings, variant.run(owner, records)));
  }
}

const LIVE_RRSET_CHECKS = fileVariants('live-rrsets');
const LIVE_POLICY_CHECKS = fileVariants('live-policy');

/** The file's MX records of each owner whose live MTA-STS policy the caller fetched, against that policy. */
function livePolicyChecks(index: FileIndex, policies: ReadonlyMap<string, PolicyFetch>, findings: Finding[]): void {
  policies.forEach((policy, owner) => {
    const head = index.mx.heads.get(owner);
    if (head === undefined) return;
    const entries = readMxSet(index, head, []).filter(isResolved).map(entryOf);
    for (const { variant } of LIVE_POLICY_CHECKS) appendAll(findings, variant.run(owner, entries, policy));
  });
}

/** The file's MX and SPF records of each owner the caller looked up live, against what is served. */
function liveZoneChecks(index: FileIndex, liveZone: ReadonlyMap<string, LiveRRsets>, findings: Finding[]): void {
  const table = index.table;
  liveZone.forEach((live, owner) => {
    const head = index.mx.heads.get(owner);
    const mx = head === undefined ? [] : readMxSet(index, head, []).filter(isResolved);
    const spf = index.txt.records(owner).flatMap((i) => {
      const text = joinedText(table, i);
      return isSpfRecord(text) ? [{ text, range: table.range(i) }] : [];
    });
    const first = head ?? index.txt.heads.get(owner);
    if (first === undefined) return;
    const file = { mx: mx.map(entryOf), spf, range: table.range(first) };
    for (const { variant } of LIVE_RRSET_CHECKS) appendAll(findings, variant.run(owner === '' ? '.' : owner, file, live));
  });
}

/** The owners a file writes MX or SPF records for: what `liveZone` is asked for. */
export function mailOwners(read: ReadResult): string[] {
  const index = new FileIndex(tableOf(read));
  const owners = new Set(index.mx.heads.keys());
  index.txt.heads.forEach((_, owner) => {
    if (index.txt.records(owner).some((i) => isSpfRecord(joinedText(index.table, i)))) owners.add(owner);
  });
  return [...owners];
}

function rdataOf(table: RecordTable, index: number): FileRdata {
  const fields: string[] = [];
  for (let k = 0; k < table.fieldCount(index); k++) fields.push(table.fieldText(index, k));
  return { fields, range: table.range(index), fieldRange: (field) => table.fieldRange(index, field) };
}

function checkMxSet(
  owner: string,
  set: readonly FileMxRecord[],
  index: FileIndex,
  read: ReadResult,
  options: FileCheckOptions,
  externalNames: Set<string>,
): Finding[] {
  // No closure here: one capturing the set or owner would cost a context per RRset (V8 allocates it on entry).
  const resolved: readonly FileMxRecord[] = set.some(isUnresolved) ? set.filter(isResolved) : set;
  const findings: Finding[] = [];
  // With an expression in the set we do not know the whole set: judge names, not the set's shape.
  const entries = resolved.map(entryOf);
  const setChecks = options.cache ? cachedSetChecks(options.cache, owner, entries) : runMxSetChecks(owner, entries);
  for (let k = 0; k < setChecks.length; k++) {
    const found = setChecks[k]!;
    if (resolved.length === set.length || !WHOLE_SET.has(found.id)) findings.push(placeFinding(found, set));
  }

  let external: FileMxRecord[] | undefined;
  // Each target once (a set of one needs no memory of what was judged).
  const judged = resolved.length > 1 ? new Set<string>() : undefined;
  for (let k = 0; k < resolved.length; k++) {
    const mx = resolved[k]!;
    const target = mx.entry.exchange;
    const where = whereJudged(mx, index, read);
    if (where === 'not-judged' || judged?.has(target)) continue;
    judged?.add(target);
    if (where !== 'live') {
      const hasAddress = where === 'own-zone' && index.hasAddress(target);
      const zone = zoneOf(read, mx);
      const facts: FileTarget = {
        name: target,
        where,
        chain: where === 'alias' ? chainInFile(index, target) : [target],
        hasAddress,
        delegated: where === 'own-zone' && !hasAddress && zone !== undefined && delegatedBelow(index, target, zone),
        range: mx.table.fieldRange(mx.index, 1),
      };
      for (const { variant } of FILE_TARGET_CHECKS) appendAll(findings, variant.run(facts));
    } else {
      (external ??= []).push(mx);
      externalNames.add(target);
    }
  }
  if (options.liveTargets && external !== undefined) checkLiveTargets(owner, set, external, options.liveTargets, findings);
  return findings;
}

/** The live checks of the set's targets outside the file, from the lookups the caller brought. */
function checkLiveTargets(
  owner: string,
  set: readonly FileMxRecord[],
  external: readonly FileMxRecord[],
  liveTargets: ReadonlyMap<string, TargetFacts>,
  findings: Finding[],
): void {
  const facts = external.flatMap((mx) => {
    const target = liveTargets.get(mx.entry.exchange);
    return target ? [target] : [];
  });
  for (const found of runLiveTargetChecks(owner, external.map(entryOf), facts)) findings.push(placeFinding(found, set));
  // Rule zero: a lookup that failed is said, on the record whose target needed it.
  const reported = new Set<string>();
  for (const mx of external) {
    const target = liveTargets.get(mx.entry.exchange);
    if (!target || reported.has(target.name)) continue;
    reported.add(target.name);
    const lookups = [target.a, target.aaaa, ...target.addresses.flatMap((a) => [a.ptr, ...a.forward.map((f) => f.result)])];
    for (const result of lookups) {
      if (result.kind === 'failed') findings.push(placedAt(lookupFailedFinding(result), mx.table.fieldRange(mx.index, 1)));
    }
  }
}

/**
 * True when an NS record between the zone apex and `name` hands that part to other servers.
 * `name` is at or below `zone`; under the root (`''`) the last cut tried is the top-level label.
 */
function delegatedBelow(index: FileIndex, name: string, zone: string): boolean {
  for (let cut = name; cut !== zone; ) {
    if (index.hasNs(cut)) return true;
    const dot = cut.indexOf('.');
    if (dot < 0) break;
    cut = cut.slice(dot + 1);
  }
  return false;
}

/** Targets the file cannot judge itself: outside its zone (or, in Terraform, anywhere), with no CNAME in the file. */
export function externalTargets(read: ReadResult): string[] {
  const names = new Set<string>();
  const index = new FileIndex(tableOf(read));
  for (const set of mxSetsOf(index).mxSets.values()) {
    for (const mx of set) if (whereJudged(mx, index, read) === 'live') names.add(mx.entry.exchange);
  }
  return [...names];
}

/** The zone a record's targets are measured against: the file's origin, else the record's own. */
function zoneOf(read: ReadResult, mx: FileMxRecord): string | undefined {
  return read.origin ?? mx.table.origin(mx.index);
}

/** `name` is `zone` or a name below it (on a label boundary), compared in place; every name is below the root (`''`). */
function isAtOrBelow(name: string, zone: string): boolean {
  if (name === zone || zone === '') return true;
  const at = name.length - zone.length - 1;
  return at >= 0 && name.charCodeAt(at) === 46 && name.endsWith(zone);
}

/**
 * Where an MX target is judged: not at all (an expression, a relative-name mistake, not a host
 * name), from the file (it is an alias here; it lies in a zone file's own zone), or live.
 */
function whereJudged(mx: FileMxRecord, index: FileIndex, read: ReadResult): 'not-judged' | 'alias' | 'own-zone' | 'live' {
  const target = mx.entry.exchange;
  if (mx.unresolved || mx.relative || !hasUsableTarget(mx.entry)) return 'not-judged';
  if (index.alias(target) !== undefined) return 'alias';
  const zone = zoneOf(read, mx);
  const inZone = zone !== undefined && isAtOrBelow(target, zone);
  return inZone && mx.table.source(mx.index) === 'zone' ? 'own-zone' : 'live';
}
