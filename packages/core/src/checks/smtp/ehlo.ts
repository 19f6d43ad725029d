/**
 * Reading an EHLO reply. RFC 5321 §4.1.1.1: a positive reply is `250`, its first line names the
 * server, every further line is an extension keyword (case-insensitive) and its parameters.
 * RFC 3207 §4: a server that supports STARTTLS lists the keyword `STARTTLS`.
 */

/** Whether an EHLO reply (code and line texts, as `parseSmtpReply` gives them) offers STARTTLS. */
export function offersStarttls(ehlo: { readonly code: number; readonly lines: readonly string[] }): boolean {
  if (ehlo.code !== 250) return false;
  return ehlo.lines.slice(1).some((line) => line.trim().split(/\s+/, 1)[0]?.toUpperCase() === 'STARTTLS');
}
