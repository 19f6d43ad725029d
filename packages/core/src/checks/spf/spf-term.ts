/**
 * The shape of a parsed SPF record: its terms (RFC 7208 §4.6.1: directives and modifiers) and the
 * syntax errors found on the way. Kept apart from the parser so gather and checks can import the
 * types alone.
 */

/** RFC 7208 §4.6.2: `+` pass (the default), `-` fail, `~` softfail, `?` neutral. */
export type SpfQualifier = '+' | '-' | '~' | '?';

/** RFC 7208 §5: the eight mechanisms. */
export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

interface SpfTermBase {
  /** The term exactly as written. */
  readonly text: string;
  /** Character offset of the term in the record (the joined TXT strings). */
  readonly offset: number;
}

export interface SpfMechanism extends SpfTermBase {
  readonly kind: 'mechanism';
  /** `+` when none is written. */
  readonly qualifier: SpfQualifier;
  readonly name: SpfMechanismName;
  /** `include`, `exists`, and `a`/`mx`/`ptr` when given (`a:host.example.com`). */
  readonly domainSpec?: string;
  /** `ip4`/`ip6`: the network address, without its CIDR length. */
  readonly network?: string;
  /** IPv4 prefix length (`ip4:…/24`, `a/24`). */
  readonly cidr4?: number;
  /** IPv6 prefix length (`ip6:…/32`, `a//64`). */
  readonly cidr6?: number;
  /** The domain-spec holds a macro (RFC 7208 §7): it cannot be evaluated without a sender. */
  readonly hasMacro: boolean;
}

export interface SpfModifier extends SpfTermBase {
  readonly kind: 'modifier';
  /** Lower case: `redirect`, `exp`, or an unknown modifier's name (RFC 7208 §6). */
  readonly name: string;
  readonly value: string;
  readonly hasMacro: boolean;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface SpfSyntaxError {
  /** Offset of the fault in the record (the joined TXT strings), in UTF-16 code units like JS strings and LSP. */
  readonly offset: number;
  /** Characters covered by the fault (at least 1 unless the record is empty). */
  readonly length: number;
  /** The whole term the fault is in, as written. */
  readonly term: string;
  /** Which term and why, for a person. */
  readonly message: string;
  /** What the term should probably read instead, when that is clear (`include:` for `include=`). */
  readonly suggestion?: string;
}

export interface ParsedSpf {
  /** The terms that parsed, in record order (terms with errors are left out). */
  terms: SpfTerm[];
  errors: SpfSyntaxError[];
}
