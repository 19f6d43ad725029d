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
  /** A short sentence on what went wrong or what was seen (the error, a malformed reply). */
  readonly detail?: string;
  /** Milliseconds from the start of the connection attempt to the result. */
  readonly elapsedMs: number;
}
