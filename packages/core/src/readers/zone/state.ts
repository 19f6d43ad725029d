/**
 * What the reader carries from one entry to the next (RFC 1035 §5.1, RFC 2308 §4): the origin in
 * force, the last owner (for lines starting with white space), `$TTL` and the last explicit TTL,
 * and the records and findings so far. The origin and last owner are per file (BIND restores them
 * after `$INCLUDE`); TTLs run on across included files, as in BIND.
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { ZoneTokens } from './lexer.js';
import { joinName, parseName, type ParsedName } from './names.js';
import { fileStart } from './ranges.js';
import type { LineIndex } from './zone-record.js';
import type { ReadBuffers } from './read-buffers.js';
import { ZoneTableBuilder, type TableColumns } from './zone-table.js';
import { syntaxCheck } from '../../checks/file/syntax.js';

/** What `$INCLUDE` gets back: the file's text and its name (used in every range), or why not. */
export type IncludeResult = { readonly text: string; readonly file: string } | { readonly error: string };

/** Reads an `$INCLUDE`d file; `path` as written, `fromFile` the including file. No I/O in core. */
export type ReadInclude = (path: string, fromFile: string) => IncludeResult;

export interface ReadZoneOptions {
  /** The file's name, put in every range; also a last guess at the origin (`db.example.com`). */
  readonly file: string;
  /** The zone's origin as the user gave it (`--origin`), with or without the trailing dot. */
  readonly origin?: string;
  readonly readInclude?: ReadInclude;
  /** Arrays kept from an earlier read, owned by the caller (see `ReadBuffers`); none: new ones. */
  readonly buffers?: ReadBuffers;
}

/** The file being read. */
export interface FileContext {
  readonly file: string;
  readonly tokens: ZoneTokens;
  /** The file's line starts, shared by the ranges of all its records. */
  readonly lines: LineIndex;
  /** 0 for the file given to `readZone`, +1 per `$INCLUDE`. */
  readonly depth: number;
  /** Files from the top down to this one, to find include loops. */
  readonly chain: readonly string[];
}

/** BIND caps one `$GENERATE` at this many records; more is reported and cut. */
export const MAX_GENERATE = 65536;
/**
 * All `$GENERATE`s of a read together (includes included), so that a 5 KB file cannot make a
 * million records: 100 directives of 65536 made 3.3 GB of findings in the CLI and crashed the
 * language server. Twice BIND's cap on one directive: a /16 of reverse names and more.
 */
export const MAX_GENERATE_TOTAL = 1 << 17;
/**
 * Included files read in all: loops are caught by name, but a few files that each include the
 * next many times would still multiply without end.
 */
export const MAX_INCLUDES_TOTAL = 1000;

export type ResolvedName = { readonly text: string; readonly wireLength: number } | { readonly error: string };

export class ZoneState {
  readonly table: ZoneTableBuilder;
  readonly findings: Finding[] = [];
  /** The origin in force; `undefined` when none is known. */
  origin: ParsedName | undefined;
  /** The previous record's owner, or `undefined` at the start of a file. */
  lastOwner: string | undefined;
  /** The previous owner could not be read: lines continuing it are dropped without more noise. */
  lastOwnerBroken = false;
  /** `$TTL` (RFC 2308 §4). */
  defaultTtl: number | undefined;
  /** The last TTL written on a record (RFC 1035 §5.1 semantics when there is no `$TTL`). */
  lastTtl: number | undefined;
  generateBudget = MAX_GENERATE_TOTAL;
  /** The budget ran out and that was said (once: later `$GENERATE`s are skipped quietly). */
  generateCutReported = false;
  includeBudget = MAX_INCLUDES_TOTAL;
  depthReported = false;
  private originReported = false;

  /** `columns`: the table's arrays kept from an earlier read, if free. */
  constructor(
    readonly options: ReadZoneOptions,
    columns?: TableColumns,
  ) {
    this.table = new ZoneTableBuilder(columns);
  }

  /** Adds a `syntax` finding. */
  syntax(range: SourceRange, message: string, subject?: string): void {
    this.findings.push(finding(syntaxCheck, { message, subject: subject ?? this.subject(range.file), range }));
  }

  private subject(file: string): string {
    if (this.origin === undefined) return file;
    return this.origin.text === '' ? '.' : this.origin.text;
  }

  /** A relative name met no origin: say so once, at the top of the file. */
  originNeeded(): void {
    if (this.origin !== undefined || this.originReported) return;
    this.originReported = true;
    this.findings.push(
      finding(syntaxCheck, {
        message:
          'No origin is known for this zone (no $ORIGIN, no absolute SOA owner, no zone name in the file name), so relative names are kept relative.',
        subject: this.options.file,
        fix: 'Add `$ORIGIN example.com.` at the top of the file, or pass the zone name with `--origin example.com`.',
        range: fileStart(this.options.file),
      }),
    );
  }

  /**
   * A name as written in an owner or directive: `@` is the origin, a relative name is put under
   * the origin (kept relative, with one finding, when no origin is known).
   */
  resolveName(raw: string): ResolvedName {
    if (raw === '@') {
      if (this.origin !== undefined) return this.origin;
      this.originNeeded();
      return { text: '@', wireLength: 0 };
    }
    const name = parseName(raw);
    if ('error' in name) return name;
    if (name.absolute) return name;
    if (this.origin === undefined) {
      this.originNeeded();
      return name;
    }
    const joined = joinName(name, this.origin);
    if (joined === undefined) {
      const octets = name.wireLength + this.origin.wireLength + 1;
      return { error: `is ${octets} octets long under the origin; a name holds at most 255 (RFC 1035 §2.3.4)` };
    }
    return joined;
  }

  /** The TTL of a record: explicit, else `$TTL`, else the last explicit one (BIND's order). */
  ttlFor(explicit: number | undefined): number | undefined {
    if (explicit !== undefined) {
      this.lastTtl = explicit;
      return explicit;
    }
    return this.defaultTtl ?? this.lastTtl;
  }

  /** The origin as records carry it. */
  originText(): string | undefined {
    return this.origin?.text;
  }
}
