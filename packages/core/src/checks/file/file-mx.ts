/**
 * One MX record as a file wrote it → the shared `MxEntry`, or the file-only findings that stop it:
 * `mx-syntax` (RFC 1035 §3.3.9: exactly a preference and an exchange), `mx-priority-range`
 * (a 16-bit unsigned integer), `mx-target-relative` (zone file: a name without the trailing dot is
 * relative to the origin, RFC 1035 §5.1; Terraform: the provider needs a FQDN).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { Field, FileRecord } from '../../facts/file-record.js';
import { LazyRange, type RecordTable } from '../../facts/record-table.js';
import { detached } from '../../util/detached.js';
import { isIpLiteral, isUsableTarget } from '../mx/host-name.js';
import type { MxEntry } from '../mx/mx-entry.js';
import { mxPriorityRangeCheck } from './mx-priority-range.js';
import { mxSyntaxCheck } from './mx-syntax.js';
import { mxTargetRelativeCheck } from './mx-target-relative.js';

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
 * record, its fields and their ranges are made from the table when asked, not stored.
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

function recordText(table: RecordTable, index: number): string {
  const fields = Array.from({ length: table.fieldCount(index) }, (_, k) => table.fieldText(index, k));
  return `${table.owner(index)} MX ${fields.join(' ')}`.trim();
}

/**
 * Record `index` of `table`, an MX record, or `undefined` when it cannot be read as one; the
 * findings of reading it go to `findings`. Read through the table: no record object is made.
 */
export function readFileMx(table: RecordTable, index: number, findings: Finding[]): FileMxRecord | undefined {
  const count = table.fieldCount(index);
  if (count < 2) {
    findings.push(
      finding(mxSyntaxCheck, {
        message: `This MX record needs a preference and a target host${count === 1 ? `; only "${table.fieldText(index, 0)}" is given` : ''}.`,
        subject: table.owner(index),
        evidence: recordText(table, index),
        fix: table.source(index) === 'zone' ? 'Write it as `@ IN MX 10 mail.example.com.`: preference first, then the host.' : 'Give both a preference and a target, e.g. "10 mail.example.com.".',
        range: table.range(index),
      }),
    );
    return undefined;
  }
  if (count > 2) {
    const extra = table.record(index).rdata.slice(2);
    findings.push(
      finding(mxSyntaxCheck, {
        message: `This MX record has ${extra.length} field${extra.length === 1 ? '' : 's'} too many: an MX is a preference and one host.`,
        subject: table.owner(index),
        evidence: recordText(table, index),
        fix: `Remove "${extra.map((f) => f.text).join(' ')}", or write one MX record per host.`,
        range: spanOf(extra),
      }),
    );
  }
  const unresolved = table.fieldUnresolved(index, 1);
  let preference = 0;
  if (!table.fieldUnresolved(index, 0)) {
    const text = table.fieldText(index, 0);
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value > 65535) {
      findings.push(
        finding(mxPriorityRangeCheck, {
          message: `MX preference "${text}" is not a whole number from 0 to 65535.`,
          subject: table.owner(index),
          evidence: recordText(table, index),
          fix: 'Use a whole number from 0 to 65535; lower numbers are tried first (e.g. 10 for the primary, 20 for a backup).',
          range: table.fieldRange(index, 0),
        }),
      );
      return undefined;
    }
    preference = value;
  }
  const range = new LazyRange(table, index);
  const ttl = table.ttl(index) ?? 0;
  // The target's validity is a fact of the record, judged here once: every set check of the
  // RRset asks about it (see `hasUsableTarget`).
  if (unresolved) {
    const written = table.fieldText(index, 1);
    return new TableMxRecord(table, index, { preference, exchange: written, ttl, range, usableTarget: isUsableTarget(written) }, unresolved, false);
  }
  const found = findings.length;
  const exchange = resolveTarget(table, index, findings);
  return new TableMxRecord(table, index, { preference, exchange, ttl, range, usableTarget: isUsableTarget(exchange) }, unresolved, findings.length > found);
}

/**
 * The absolute target name; IP literals stay as written so `mx-target-ip-literal` sees them. A
 * name that is relative by mistake gives `mx-target-relative` (pushed to `findings`).
 */
function resolveTarget(table: RecordTable, index: number, findings: Finding[]): string {
  // A copy, not a view of the file's text: the name outlives the read (in findings and the set
  // checks' cache), which must not keep an editor's closed document alive.
  return detached(targetName(table, index, findings));
}

function targetName(table: RecordTable, index: number, findings: Finding[]): string {
  const written = table.fieldText(index, 1);
  const text = written.toLowerCase();
  if (text === '.') return '';
  const absolute = text.endsWith('.');
  const bare = absolute ? text.slice(0, -1) : text;
  if (isIpLiteral(bare)) return bare;
  if (table.source(index) === 'terraform') {
    // Providers take the target as a FQDN; some (Google, DigitalOcean) refuse it without the dot.
    const terraform = table.record(index).terraform;
    if (!absolute && terraform?.targetNeedsTrailingDot) {
      findings.push(
        finding(mxTargetRelativeCheck, {
          message: `${terraform.resourceType} needs the MX target as a fully qualified name ending in a dot; "${written}" has none and the apply fails.`,
          subject: bare,
          evidence: written,
          fix: `Write "${bare}." with the trailing dot.`,
          range: table.fieldRange(index, 1),
        }),
      );
    }
    return bare;
  }
  const origin = table.origin(index);
  if (text === '@') return origin ?? '';
  if (absolute || origin === undefined) return bare;
  const expanded = origin === '' ? bare : `${bare}.${origin}`;
  if (bare === origin || bare.endsWith(`.${origin}`)) {
    findings.push(
      finding(mxTargetRelativeCheck, {
        message: `"${written}" has no trailing dot, so it is relative to the origin and means ${expanded}. — almost certainly not what was meant.`,
        subject: bare,
        evidence: `${written} under origin ${origin}. → ${expanded}.`,
        fix: `Add the trailing dot: ${bare}.`,
        range: table.fieldRange(index, 1),
      }),
    );
  }
  return expanded;
}

/** One range from the first field's start to the last field's end. */
export function spanOf(fields: readonly Field[]): SourceRange {
  const first = fields[0]!;
  const last = fields[fields.length - 1]!;
  return { file: first.range.file, start: first.range.start, end: last.range.end };
}
