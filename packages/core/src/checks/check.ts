/**
 * The `Check` contract: one object per finding id, exported by the id's own module and listed in
 * the catalogue (`catalogue.ts`). It is the id's catalogue row (severity, title, rule, scope), how
 * it runs over a live domain's facts, how it runs over a file's records, and, where the fix is
 * mechanical, the quick fix. Its findings are made with `finding(theCheck, …)`, so their severity
 * and rule come from the row.
 * The runners (`run-live-checks.ts`, `file/check-file.ts`) and the editor's code actions read the
 * registry, so adding an id needs no edit to them. In a file, every live `target` variant also
 * runs for the targets outside the file the caller looked up, placed on the target field.
 */
import type { LookupResult } from '../dns/types.js';
import type { CatalogueEntry } from '../findings/catalogue.js';
import type { Finding, Position, SourceRange } from '../findings/finding.js';
import type { Field, FileRecord } from '../facts/file-record.js';
import type { MailDnsSnapshot, PolicyFetch, TargetFacts } from '../facts/snapshot.js';
import type { AuthorityFacts, LiveRRsets } from '../facts/authority.js';
import type { ReadResult } from '../facts/read-result.js';
import type { AppliedDmarc, OrganisationalDmarc } from './dmarc/applied-dmarc.js';
import type { MxEntry } from './mx/mx-entry.js';
import type { ParsedSpf } from './spf/spf-term.js';
import type { SpfFacts } from './spf/spf-facts.js';
import type { SmtpProbeResult } from './smtp/types.js';

/** The live variants, by the facts they read. The runner calls each where its facts exist. */
export type LiveVariant =
  /** The whole snapshot, whatever the MX answer was (each check decides when it applies). */
  | { readonly on: 'snapshot'; readonly run: (snapshot: MailDnsSnapshot) => Finding[] }
  /** The domain's MX RRset, when there is one; with `file`, a file's RRsets too (see `FileVariant`). */
  | { readonly on: 'mx-set'; readonly run: (owner: string, entries: readonly MxEntry[]) => Finding[] }
  /** One MX target's lookups; `range` is that of the first entry naming it. */
  | { readonly on: 'target'; readonly run: (target: TargetFacts, range?: SourceRange) => Finding[] }
  /** The RRset with every target's lookups. */
  | { readonly on: 'targets'; readonly run: (owner: string, entries: readonly MxEntry[], targets: readonly TargetFacts[]) => Finding[] }
  /** The gathered SPF tree (not called when the domain's own TXT lookup failed). */
  | { readonly on: 'spf'; readonly run: (facts: SpfFacts) => Finding[] }
  /** The DMARC record that applies (not called when it could not be looked up). */
  | { readonly on: 'dmarc'; readonly run: (domain: string, applied: AppliedDmarc, organisationalDomain?: string) => Finding[] }
  /** The mail policy records together (MX, SPF, DMARC), for checks across them. */
  | { readonly on: 'policies'; readonly run: (facts: PolicyFacts) => Finding[] }
  /** What the zone's authoritative servers said when asked directly, beside the resolvers' answers. */
  | { readonly on: 'authority'; readonly run: (authority: AuthorityFacts, snapshot: MailDnsSnapshot) => Finding[] }
  /** The opt-in SMTP probe's results. */
  | { readonly on: 'smtp'; readonly run: (domain: string, results: readonly SmtpProbeResult[], snapshot?: MailDnsSnapshot) => Finding[] };

export interface PolicyFacts {
  readonly domain: string;
  readonly onlyNullMx: boolean;
  readonly spf: SpfFacts;
  readonly dmarc: LookupResult;
  readonly organisational?: OrganisationalDmarc;
}

/** Where in an MX record a finding about it is placed. */
export type MxPlacement = 'target' | 'preference' | 'ttl' | 'record';

/** What the file knows about one MX target it can judge itself. */
export interface FileTarget {
  readonly name: string;
  /** `alias`: the file has a CNAME at the target; `own-zone`: the target lies in the zone file's own zone. */
  readonly where: 'alias' | 'own-zone';
  /** The names from the target through the file's CNAMEs. */
  readonly chain: readonly string[];
  /** The file gives the target an A or AAAA record. */
  readonly hasAddress: boolean;
  /** An NS record between the zone's apex and the target hands it to other servers (asked only when it has no address here). */
  readonly delegated: boolean;
  /** The target field of the first record naming it. */
  readonly range: SourceRange;
}

/** One SPF or DMARC text of a file's owner, joined, with where it is. */
export interface FileText {
  readonly text: string;
  readonly range?: SourceRange;
}

/** One SPF record of a file's owner, parsed. */
export interface FileSpfRecord extends FileText {
  readonly parsed: ParsedSpf;
}

/** The file variants, by the part of the file they read. */
export type FileVariant =
  /** The live `mx-set` variant run over each of the file's MX RRsets, placed on `place`. */
  | {
      readonly on: 'mx-set';
      readonly place: MxPlacement;
      /** About the RRset as a whole: not judged while an expression hides part of it. */
      readonly wholeSet?: boolean;
    }
  /** A target the file itself can judge. */
  | { readonly on: 'file-target'; readonly run: (target: FileTarget) => Finding[] }
  /** A name that owns mail records (the MX owners and the zone's apex): `alias` is the file's chain from it. */
  | { readonly on: 'owner'; readonly run: (owner: string, alias: { readonly chain: readonly string[]; readonly range: SourceRange } | undefined) => Finding[] }
  /** The SPF records (TXT `v=spf1`) of one owner. */
  | { readonly on: 'spf-records'; readonly run: (owner: string, records: readonly FileSpfRecord[]) => Finding[] }
  /** The DMARC records (`v=DMARC1`) at one `_dmarc.` owner. */
  | { readonly on: 'dmarc-records'; readonly run: (owner: string, records: readonly FileText[]) => Finding[] }
  /** One owner's MX and SPF records in the file, beside what the zone's authoritative servers serve there now. */
  | { readonly on: 'live-rrsets'; readonly run: (owner: string, file: FileMailRRsets, live: LiveRRsets) => Finding[] }
  /** One owner's MX records in the file, beside the MTA-STS policy its domain publishes now (live checks on). */
  | { readonly on: 'live-policy'; readonly run: (owner: string, mx: readonly MxEntry[], policy: PolicyFetch) => Finding[] }
  /** Each RRset of `type` (one owner's records of that type), for types no other variant reads. */
  | { readonly on: 'rrset'; readonly type: string; readonly run: (owner: string, records: readonly FileRdata[]) => Finding[] }
  /** Found while the file is read (the zone reader, the Terraform reader, the MX record reader). */
  | { readonly on: 'reading' }
  /** Found in the file's comments once the other findings are known (the suppression filter, `suppressions/`). */
  | { readonly on: 'comments' };

/** One owner's mail records in a file: its MX entries (with ranges) and its SPF texts. */
export interface FileMailRRsets {
  readonly mx: readonly MxEntry[];
  readonly spf: readonly FileText[];
  /** Where a finding about the owner as a whole goes: its first MX (else SPF) record. */
  readonly range: SourceRange;
}

/** One record of a file as its data fields, with where they are. */
export interface FileRdata {
  /** The data fields as written (a quoted string without its quotes). */
  readonly fields: readonly string[];
  readonly range: SourceRange;
  readonly fieldRange: (field: number) => SourceRange;
}

/** A text edit in the file a finding is in: positions 0-based, like LSP. */
export interface TextEdit {
  readonly range: { readonly start: Position; readonly end: Position };
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred?: boolean;
}

/** An MX record of a file as a quick fix sees it (a `FileMxRecord`, described here so checks need not import the file reader). */
export interface QuickFixRecord {
  readonly record: FileRecord;
  readonly entry: MxEntry;
  readonly targetField: Field;
}

/** What a quick fix may read: the MX record the finding's range sits on, its RRset, the file, and the document. */
export interface QuickFixContext {
  readonly mx: QuickFixRecord;
  readonly set: readonly QuickFixRecord[];
  readonly read: ReadResult;
  readonly liveTargets?: ReadonlyMap<string, TargetFacts>;
  /** The document's current text between two positions. */
  readonly textAt: (range: { readonly start: Position; readonly end: Position }) => string;
  /** The target field as written now (the context is only made when it still matches the reader's). */
  readonly written: string;
}

export interface Check<Id extends string = string> extends CatalogueEntry {
  readonly id: Id;
  /** How it runs over a live domain's facts (some ids are found at more than one step). */
  readonly live?: readonly LiveVariant[];
  /** How it runs over a file's records. */
  readonly file?: readonly FileVariant[];
  /** Only where the fix is mechanical; `undefined` from it when this occurrence has none. */
  readonly quickFix?: (context: QuickFixContext) => QuickFix | undefined;
}

/** A check, its id kept as a literal type (the catalogue's `FindingId` is the union of them). */
export function defineCheck<const Id extends string>(check: Check<Id>): Check<Id> {
  return check;
}
