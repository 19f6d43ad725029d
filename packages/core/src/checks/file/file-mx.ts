/**
 * One MX record as a file wrote it → the shared `MxEntry`, or the file-only findings that stop it:
 * `mx-syntax` (RFC 1035 §3.3.9: exactly a preference and an exchange), `mx-priority-range`
 * (a 16-bit unsigned integer), `mx-target-relative` (zone file: a name without the trailing dot is
 * relative to the origin, RFC 1035 §5.1; Terraform: the provider needs a FQDN).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { Field, FileRecord } from '../../readers/file-record.js';
import type { RecordTable } from '../../readers/record-table.js';
import { isIpLiteral } from '../mx/host-name.js';
import type { MxEntry } from '../mx/mx-entry.js';

/** An MX record from a file, with where its parts are. */
export interface FileMxRecord {
  /** The record's place in its read's table. */
  readonly table: RecordTable;
  readonly index: number;
  /** The record, made on each access for a zone file: read it once where it is used. */
  readonly record: FileRecord;
  readonly entry: MxEntry;
  readonly preferenceField: Field;
  readonly targetField: Field;
  /** The target is a Terraform expression we could not evaluate: name checks skip it. */
  readonly unresolved: boolean;
  /** `mx-target-relative` fired: the name as read is a mistake, so what it resolves to is not judged. */
  readonly relative: boolean;
}

/**
 * Kept small on purpose: an editor keeps one per MX record of the file between edits, so the
 * record, its fields and its range are made from the table when asked, not stored.
 */
class TableMxRecord implements FileMxRecord {
  constructor(
    readonly table: RecordTable,
    readonly index: number,
    readonly entry: MxEntry,
    readonly unresolved: boolean,
    readonly relative: boolean,
  ) {}

  get record(): FileRecord {
    return this.table.record(this.index);
  }

  get preferenceField(): Field {
    return this.record.rdata[0]!;
  }

  get targetField(): Field {
    return this.record.rdata[1]!;
  }
}

/**
 * The whole record's range for `MxEntry.range`: one small object with a stable identity (findings
 * are mapped back to their record by it), made into positions only when read.
 */
class RecordRange implements SourceRange {
  #range: SourceRange | undefined;

  constructor(
    private readonly table: RecordTable,
    private readonly index: number,
  ) {}

  #resolved(): SourceRange {
    return (this.#range ??= this.table.range(this.index));
  }

  get file(): string {
    return this.#resolved().file;
  }

  get start(): SourceRange['start'] {
    return this.#resolved().start;
  }

  get end(): SourceRange['end'] {
    return this.#resolved().end;
  }

  toJSON(): SourceRange {
    return this.#resolved();
  }
}

export interface FileMxRead {
  readonly mx?: FileMxRecord;
  readonly findings: Finding[];
}

const RECORD_TEXT = (record: FileRecord) => `${record.owner} MX ${record.rdata.map((f) => f.text).join(' ')}`.trim();

/** Record `index` of `table`, an MX record. */
export function readFileMx(table: RecordTable, index: number): FileMxRead {
  const record = table.record(index);
  const [preferenceField, targetField, ...extra] = record.rdata;
  if (preferenceField === undefined || targetField === undefined) {
    return {
      findings: [
        finding('mx-syntax', {
          message: `This MX record needs a preference and a target host${record.rdata.length === 1 ? `; only "${record.rdata[0]!.text}" is given` : ''}.`,
          subject: record.owner,
          evidence: RECORD_TEXT(record),
          fix: record.source === 'zone' ? 'Write it as `@ IN MX 10 mail.example.com.`: preference first, then the host.' : 'Give both a preference and a target, e.g. "10 mail.example.com.".',
          range: record.range,
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  if (extra.length > 0) {
    findings.push(
      finding('mx-syntax', {
        message: `This MX record has ${extra.length} field${extra.length === 1 ? '' : 's'} too many: an MX is a preference and one host.`,
        subject: record.owner,
        evidence: RECORD_TEXT(record),
        fix: `Remove "${extra.map((f) => f.text).join(' ')}", or write one MX record per host.`,
        range: spanOf(extra),
      }),
    );
  }
  const unresolved = targetField.unresolved === true;
  let preference = 0;
  if (!preferenceField.unresolved) {
    const text = preferenceField.text;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value > 65535) {
      findings.push(
        finding('mx-priority-range', {
          message: `MX preference "${text}" is not a whole number from 0 to 65535.`,
          subject: record.owner,
          evidence: RECORD_TEXT(record),
          fix: 'Use a whole number from 0 to 65535; lower numbers are tried first (e.g. 10 for the primary, 20 for a backup).',
          range: preferenceField.range,
        }),
      );
      return { findings };
    }
    preference = value;
  }
  const range = new RecordRange(table, index);
  if (unresolved) {
    return { mx: new TableMxRecord(table, index, { preference, exchange: targetField.text, ttl: record.ttl ?? 0, range }, unresolved, false), findings };
  }
  const { exchange, relativeFinding } = resolveTarget(record, targetField);
  if (relativeFinding) findings.push(relativeFinding);
  return { mx: new TableMxRecord(table, index, { preference, exchange, ttl: record.ttl ?? 0, range }, unresolved, relativeFinding !== undefined), findings };
}

/** The absolute target name; IP literals stay as written so `mx-target-ip-literal` sees them. */
function resolveTarget(record: FileRecord, field: Field): { exchange: string; relativeFinding?: Finding } {
  const text = field.text.toLowerCase();
  if (text === '.') return { exchange: '' };
  const absolute = text.endsWith('.');
  const bare = absolute ? text.slice(0, -1) : text;
  if (isIpLiteral(bare)) return { exchange: bare };
  if (record.source === 'terraform') {
    // Providers take the target as a FQDN; some (Google, DigitalOcean) refuse it without the dot.
    if (!absolute && record.terraform?.targetNeedsTrailingDot) {
      return {
        exchange: bare,
        relativeFinding: finding('mx-target-relative', {
          message: `${record.terraform.resourceType} needs the MX target as a fully qualified name ending in a dot; "${field.text}" has none and the apply fails.`,
          subject: bare,
          evidence: field.text,
          fix: `Write "${bare}." with the trailing dot.`,
          range: field.range,
        }),
      };
    }
    return { exchange: bare };
  }
  const origin = record.origin;
  if (text === '@') return { exchange: origin ?? '' };
  if (absolute || origin === undefined) return { exchange: bare };
  const expanded = origin === '' ? bare : `${bare}.${origin}`;
  if (bare === origin || bare.endsWith(`.${origin}`)) {
    return {
      exchange: expanded,
      relativeFinding: finding('mx-target-relative', {
        message: `"${field.text}" has no trailing dot, so it is relative to the origin and means ${expanded}. — almost certainly not what was meant.`,
        subject: bare,
        evidence: `${field.text} under origin ${origin}. → ${expanded}.`,
        fix: `Add the trailing dot: ${bare}.`,
        range: field.range,
      }),
    };
  }
  return { exchange: expanded };
}

/** One range from the first field's start to the last field's end. */
export function spanOf(fields: readonly Field[]): SourceRange {
  const first = fields[0]!;
  const last = fields[fields.length - 1]!;
  return { file: first.range.file, start: first.range.start, end: last.range.end };
}
