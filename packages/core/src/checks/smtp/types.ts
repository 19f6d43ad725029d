/**
 * What the opt-in SMTP transport probe saw at one MX address. The probe itself needs Node
 * (`@mx-doctor/smtp-probe`); the core only reads its results, so the checks also run (and are
 * tested) without a network. See the "Transport checks" section of `shared/checks.md`.
 */

/**
 * How the conversation with one address went:
 * - `connected`: the server accepted the TCP connection and answered (a greeting of any code,
 *   or by closing the connection, see `closedEarly`).
 * - `refused`: the TCP connection was refused (nothing listens on the port).
 * - `timeout`: the deadline passed before a TCP connection was made, or before a complete
 *   greeting arrived on an accepted connection; `detail` says which.
 * - `error`: any other failure before the server answered (unreachable network, bad address).
 */
export type SmtpOutcome = 'connected' | 'refused' | 'timeout' | 'error';

/** One reply as the probe read it: the code and the text of each line (RFC 5321 §4.2). */
export interface SmtpProbeResult {
  /** The MX host name the address belongs to. */
  readonly host: string;
  /** The IPv4 or IPv6 address the probe connected to. */
  readonly address: string;
  readonly outcome: SmtpOutcome;
  /** The server's opening reply, lines joined by `\n` (RFC 5321 §3.1, §4.3.1). Absent if none came. */
  readonly greeting?: { readonly code: number; readonly text: string };
  /** The server closed (or reset) the connection before the conversation ended. */
  readonly closedEarly?: boolean;
  /** The reply to `EHLO`; `lines[0]` is the server's name, the rest are extensions (RFC 5321 §4.1.1.1). */
  readonly ehlo?: { readonly code: number; readonly lines: readonly string[] };
  /** Whether the `EHLO` reply offered `STARTTLS` (RFC 3207 §4); present when `ehlo` is. */
  readonly starttls?: boolean;
  /** After STARTTLS (RFC 3207): what the TLS session showed. */
  readonly tls?: SmtpTlsFacts;
  /** STARTTLS was offered but TLS could not be had (refused, handshake failed, timed out). */
  readonly tlsError?: string;
  /** A short sentence on what went wrong or what was seen (the error, a malformed reply). */
  readonly detail?: string;
  /** Milliseconds from the start of the connection attempt to the result. */
  readonly elapsedMs: number;
}

/** The TLS session after STARTTLS, as the checks need it. */
export interface SmtpTlsFacts {
  /** `TLSv1.3`, `TLSv1.2`, `TLSv1.1`, … as negotiated. */
  readonly protocol: string;
  /** The chain verifies against the system's trusted CAs. */
  readonly trusted: boolean;
  /** Why not (`CERT_HAS_EXPIRED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`, …). */
  readonly trustError?: string;
  /** The leaf certificate is valid for the MX host name (RFC 6125). */
  readonly namesHost: boolean;
  /** The leaf first, then the issuers the server sent. */
  readonly chain: readonly SmtpCertificate[];
}

/** One certificate's DANE digests, hex (RFC 6698 §2.1.2 selector 0/1 × matching type 0/1/2). */
export interface SmtpCertificate {
  readonly subject: string;
  /** ISO 8601. */
  readonly validTo: string;
  readonly certificate: CertificateDigests;
  readonly spki: CertificateDigests;
}

export interface CertificateDigests {
  readonly sha256: string;
  readonly sha512: string;
  /** The DER itself, hex (empty when larger than 16 KB). */
  readonly full: string;
}
