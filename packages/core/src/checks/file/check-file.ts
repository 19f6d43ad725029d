/**
 * The file checks (shared/checks.md, "File checks"): a zone file's or Terraform module's records,
 * grouped into RRsets, through the same MX, SPF and DMARC checks the live path uses, plus the
 * file-only ones. In-file targets are judged from the file itself; targets outside the file's zone
 * are judged live when the caller brings their lookups (`liveTargets`).
 */
import type { Finding } from '../../findings/finding.js';
import type { FileRecord, ReadResult } from '../../readers/file-record.js';
import type { TargetFacts } from '../../plan/snapshot.js';
import { runLiveTargetChecks, runMxSetChecks } from '../mx/run-mx-checks.js';
import { isUsableTarget } from '../mx/host-name.js';
import { mxTargetCnameFinding } from '../mx/mx-target-cname.js';
import { mxTargetNoAddressFinding } from '../mx/mx-target-no-address.js';
import { domainCnameFinding } from '../domain/domain-cname.js';
import { lookupFailedFinding } from '../resolver/lookup-failed.js';
import { checkSpfTexts } from '../spf/check-spf-texts.js';
import { checkDmarcTexts } from '../dmarc/check-dmarc-texts.js';
import { isSpfRecord } from '../spf/parse-spf.js';
import { readFileMx, type FileMxRecord } from './file-mx.js';
import { placeFinding } from './place-finding.js';
import type { SetCheckCache } from './set-check-cache.js';

export interface FileCheckOptions {
  /** Lookups of targets outside the file's zone (see `externalTargets`), keyed by name. */
  readonly liveTargets?: ReadonlyMap<string, TargetFacts>;
  /**
   * Set-check results remembered from an earlier run over the same document (an editor passes
   * one per document, so an edit re-checks only the RRsets it touched).
   */
  readonly cache?: SetCheckCache;
}

/** What the file checks learned, for hover and quick fixes as well as diagnostics. */
export interface FileCheck {
  readonly findings: Finding[];
  /** MX RRsets by owner, records in file order. */
  readonly mxSets: ReadonlyMap<string, readonly FileMxRecord[]>;
  /** Targets the file cannot judge itself, to look up live (the same names as `externalTargets`). */
  readonly external: readonly string[];
}

/** Every record of a type per owner: the file's view of DNS. One map lookup per question. */
class FileIndex {
  /** type → owner → records; nested maps, so no key strings are built per record. */
  private readonly byType = new Map<string, Map<string, FileRecord[]>>();
  constructor(records: readonly FileRecord[]) {
    for (const record of records) {
      let byOwner = this.byType.get(record.type);
      if (!byOwner) this.byType.set(record.type, (byOwner = new Map()));
      push(byOwner, record.owner, record);
    }
  }
  at(owner: string, type: string): readonly FileRecord[] {
    return this.byType.get(type)?.get(owner) ?? NONE;
  }
  /** Records of one type grouped by owner, in file order. */
  ofType(type: string): ReadonlyMap<string, readonly FileRecord[]> {
    return this.byType.get(type) ?? EMPTY;
  }
}

const EMPTY: ReadonlyMap<string, readonly FileRecord[]> = new Map();

const NONE: readonly FileRecord[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The file's MX records grouped into RRsets by owner, and the findings of reading their data. */
export function fileMxSets(records: readonly FileRecord[]): { mxSets: Map<string, FileMxRecord[]>; findings: Finding[] } {
  const mxSets = new Map<string, FileMxRecord[]>();
  const findings: Finding[] = [];
  for (const record of records) {
    if (record.type !== 'MX') continue;
    const parsed = readFileMx(record);
    findings.push(...parsed.findings);
    if (!parsed.mx) continue;
    const set = mxSets.get(record.owner);
    if (set) set.push(parsed.mx);
    else mxSets.set(record.owner, [parsed.mx]);
  }
  return { mxSets, findings };
}

export function checkFile(read: ReadResult, options: FileCheckOptions = {}): FileCheck {
  const index = new FileIndex(read.records);
  const { mxSets, findings: mxFindings } = fileMxSets(read.records);
  const findings: Finding[] = [...read.findings, ...mxFindings];

  const external = new Set<string>();
  options.cache?.begin();
  for (const [owner, set] of mxSets) findings.push(...checkMxSet(owner, set, index, read, options, external));

  // domain-cname: the apex or an MX owner is an alias (RFC 1034 §3.6.2: nothing may stand beside it).
  const cnameOwners = new Set([...mxSets.keys(), ...(read.origin !== undefined ? [read.origin] : [])]);
  for (const owner of cnameOwners) {
    const alias = index.at(owner, 'CNAME')[0];
    if (alias) findings.push(domainCnameFinding(owner, chainInFile(index, owner), alias.range));
  }

  // SPF and DMARC, per owner, from TXT (and the obsolete SPF type, RFC 7208 §3.1).
  const txtOwners = new Set([...index.ofType('TXT').keys(), ...index.ofType('SPF').keys()]);
  for (const owner of txtOwners) {
    const records = [...index.at(owner, 'TXT'), ...index.at(owner, 'SPF')];
    const texts = records.map((record) => ({ text: record.rdata.map((field) => field.text).join(''), range: record.range }));
    if (owner.startsWith('_dmarc.')) findings.push(...checkDmarcTexts(owner, texts));
    else if (texts.some((t) => isSpfRecord(t.text))) findings.push(...checkSpfTexts(owner, texts));
  }
  return { findings, mxSets, external: [...external] };
}

function checkMxSet(
  owner: string,
  set: readonly FileMxRecord[],
  index: FileIndex,
  read: ReadResult,
  options: FileCheckOptions,
  externalNames: Set<string>,
): Finding[] {
  const first = set[0]!;
  // The shared checks put each entry's own range object on its findings: find the record by identity.
  let byRange: Map<object, FileMxRecord> | undefined;
  const place = (found: Finding) => placeFinding(found, (byRange ??= new Map(set.map((mx) => [mx.entry.range as object, mx]))), first);
  const resolved = set.filter((mx) => !mx.unresolved);
  const findings: Finding[] = [];
  // With an expression in the set we do not know the whole set: judge names, not the set's shape.
  const entries = resolved.map((mx) => mx.entry);
  const setChecks = options.cache ? options.cache.findings(owner, entries, () => runMxSetChecks(owner, entries)) : runMxSetChecks(owner, entries);
  const setLevel = new Set(['mx-single', 'mx-same-priority', 'mx-split-delivery', 'mx-mixed-providers', 'mx-duplicate']);
  findings.push(...setChecks.filter((f) => resolved.length === set.length || !setLevel.has(f.id)).map(place));

  const external: FileMxRecord[] = [];
  const judged = new Set<string>();
  for (const mx of resolved) {
    const target = mx.entry.exchange;
    const place = whereJudged(mx, index, read);
    if (place === 'not-judged' || judged.has(target)) continue;
    judged.add(target);
    if (place === 'alias') {
      findings.push(mxTargetCnameFinding(target, chainInFile(index, target), mx.targetField.range));
    } else if (place === 'own-zone') {
      // A zone file is the whole zone: no address here means none anywhere (unless delegated below).
      const hasAddress = index.at(target, 'A').length > 0 || index.at(target, 'AAAA').length > 0;
      if (!hasAddress && !delegatedBelow(index, target, zoneOf(read, mx)!)) findings.push(mxTargetNoAddressFinding(target, mx.targetField.range));
    } else {
      external.push(mx);
      externalNames.add(target);
    }
  }
  if (options.liveTargets && external.length > 0) {
    const facts = external.flatMap((mx) => {
      const target = options.liveTargets!.get(mx.entry.exchange);
      return target ? [target] : [];
    });
    findings.push(...runLiveTargetChecks(owner, external.map((mx) => mx.entry), facts).map(place));
    // Rule zero: a lookup that failed is said, on the record whose target needed it.
    const reported = new Set<string>();
    for (const mx of external) {
      const target = options.liveTargets.get(mx.entry.exchange);
      if (!target || reported.has(target.name)) continue;
      reported.add(target.name);
      const lookups = [target.a, target.aaaa, ...target.addresses.flatMap((a) => [a.ptr, ...a.forward.map((f) => f.result)])];
      for (const result of lookups) {
        if (result.kind === 'failed') findings.push({ ...lookupFailedFinding(result), range: mx.targetField.range });
      }
    }
  }
  return findings;
}

/** Names from `name` through the file's CNAMEs, loop-safe. */
function chainInFile(index: FileIndex, name: string): string[] {
  const chain = [name];
  for (let hop = 0; hop < 8; hop++) {
    const alias = index.at(chain[chain.length - 1]!, 'CNAME')[0];
    const next = alias?.rdata[0]?.text.toLowerCase().replace(/\.$/, '');
    if (!alias || next === undefined) break;
    // Zone files: a name without the dot is relative to the origin. Terraform values are FQDNs.
    const relative = alias.source === 'zone' && !alias.rdata[0]!.text.endsWith('.') && alias.origin !== undefined;
    const absolute = relative ? `${next}.${alias.origin}` : next;
    chain.push(absolute);
    if (chain.indexOf(absolute) !== chain.length - 1) break;
  }
  return chain;
}

/** True when an NS record between the zone apex and `name` hands that part to other servers. */
function delegatedBelow(index: FileIndex, name: string, zone: string): boolean {
  for (let cut = name; cut !== zone && cut.includes('.'); cut = cut.slice(cut.indexOf('.') + 1)) {
    if (index.at(cut, 'NS').length > 0) return true;
  }
  return false;
}

/** Targets the file cannot judge itself: outside its zone (or, in Terraform, anywhere), with no CNAME in the file. */
export function externalTargets(read: ReadResult): string[] {
  const names = new Set<string>();
  const index = new FileIndex(read.records);
  for (const set of fileMxSets(read.records).mxSets.values()) {
    for (const mx of set) if (whereJudged(mx, index, read) === 'live') names.add(mx.entry.exchange);
  }
  return [...names];
}

/** The zone a record's targets are measured against: the file's origin, else the record's own. */
function zoneOf(read: ReadResult, mx: FileMxRecord): string | undefined {
  return read.origin ?? mx.record.origin;
}

/**
 * Where an MX target is judged: not at all (an expression, a relative-name mistake, not a host
 * name), from the file (it is an alias here; it lies in a zone file's own zone), or live.
 */
function whereJudged(mx: FileMxRecord, index: FileIndex, read: ReadResult): 'not-judged' | 'alias' | 'own-zone' | 'live' {
  const target = mx.entry.exchange;
  if (mx.unresolved || mx.relative || !isUsableTarget(target)) return 'not-judged';
  if (index.at(target, 'CNAME').length > 0) return 'alias';
  const zone = zoneOf(read, mx);
  const inZone = zone !== undefined && (target === zone || target.endsWith(`.${zone}`));
  return inZone && mx.record.source === 'zone' ? 'own-zone' : 'live';
}
