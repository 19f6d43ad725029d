/**
 * A DNS record read from a file (zone file or Terraform), remembering where each part was written,
 * so a finding can sit exactly on the field at fault. Both readers emit this one shape; the file
 * checks read only this.
 */
import type { SourceRange } from '../findings/finding.js';

/** One field as written, with its place. */
export interface Field {
  /**
   * The field's text. Zone files: the token as written (escapes kept, `@` kept) except TXT
   * character-strings, which are unquoted and unescaped. Terraform: the statically evaluated string.
   */
  readonly text: string;
  readonly range: SourceRange;
  /** Terraform: an expression that cannot be evaluated statically (`text` holds its source). */
  readonly unresolved?: boolean;
}

export interface FileRecord {
  readonly source: 'zone' | 'terraform';
  /** The file the record was written in (an `$INCLUDE`d file names itself, not the includer). */
  readonly file: string;
  /** Owner name, absolute, lower case, no trailing dot. */
  readonly owner: string;
  /** Upper-case type mnemonic (`MX`, `TXT`, `CNAME`, `TYPE65534`). */
  readonly type: string;
  /** TTL in seconds, when the file gives one (explicitly or by `$TTL`/inheritance). */
  readonly ttl?: number;
  /** The rdata fields in order. MX: `[preference, exchange]` (Terraform too, when both exist). */
  readonly rdata: readonly Field[];
  /** The whole record. */
  readonly range: SourceRange;
  readonly ownerRange?: SourceRange;
  readonly typeRange?: SourceRange;
  readonly ttlRange?: SourceRange;
  /**
   * Zone files: the origin in force for this record (relative names in rdata are relative to it),
   * absolute, no trailing dot. Terraform: the zone's name when known.
   */
  readonly origin?: string;
  /** Terraform: what declared it, and how the provider reads targets. */
  readonly terraform?: {
    readonly resourceType: string;
    readonly resourceName: string;
    /** The provider needs a fully qualified target with a trailing dot (Google, DigitalOcean). */
    readonly targetNeedsTrailingDot: boolean;
  };
}
