import type { Severity } from './catalogue.js';

/** A 0-based position, like LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Where in a file a finding sits. */
export interface SourceRange {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** One problem (or fact worth knowing) about a domain's mail DNS. See `shared/checks.md`. */
export interface Finding {
  /** Stable catalogue id, e.g. `mx-target-cname` (one of `FindingId`). */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence for a person. */
  readonly message: string;
  /** The name the finding is about (`example.com`, `mail.example.com`). */
  readonly subject: string;
  /** What was seen (records, the resolver's answer), short. */
  readonly evidence?: string;
  /** The rule it rests on. */
  readonly rfc?: string;
  /** One concrete sentence, with the record to write where possible. */
  readonly fix?: string;
  /** Present on findings that come from a file. */
  readonly range?: SourceRange;
}

export interface FindingDetails {
  readonly message: string;
  readonly subject: string;
  readonly evidence?: string;
  readonly fix?: string;
  readonly range?: SourceRange;
  /** Overrides the catalogue's rule reference when a more precise one applies. */
  readonly rfc?: string;
  /** Overrides the catalogue's severity, for the ids whose contract row gives two (e.g. `ns-lame`: error when all servers, warning when some). */
  readonly severity?: Severity;
}

/** The part of a check's catalogue row a finding copies. */
export interface FindingKind {
  readonly id: string;
  readonly severity: Severity;
  readonly rfc?: string;
}

/** Builds a finding whose id, severity and rule come from its check's catalogue row, so checks cannot drift from it. */
export function finding(check: FindingKind, details: FindingDetails): Finding {
  const { id } = check;
  const entry: { severity: Severity; rfc?: string } = check;
  const rfc = details.rfc ?? entry.rfc;
  // Built field by field in this order (the order JSON output shows), without spread temporaries.
  const result: { -readonly [K in keyof Finding]: Finding[K] } = { id, severity: details.severity ?? entry.severity, message: details.message, subject: details.subject };
  if (details.evidence !== undefined) result.evidence = details.evidence;
  if (rfc !== undefined) result.rfc = rfc;
  if (details.fix !== undefined) result.fix = details.fix;
  if (details.range !== undefined) result.range = details.range;
  return result;
}

/** The finding as plain data, its fields in the order JSON output shows (as `finding` builds them). */
export function plainFinding(found: Finding): Finding {
  const result: { -readonly [K in keyof Finding]: Finding[K] } = { id: found.id, severity: found.severity, message: found.message, subject: found.subject };
  const { evidence, rfc, fix, range } = found;
  if (evidence !== undefined) result.evidence = evidence;
  if (rfc !== undefined) result.rfc = rfc;
  if (fix !== undefined) result.fix = fix;
  if (range !== undefined) result.range = range;
  return result;
}

/** The finding placed on `range` (a copy; `found` is left as it was). */
export function placedAt(found: Finding, range: SourceRange): Finding {
  return { ...found, range };
}

