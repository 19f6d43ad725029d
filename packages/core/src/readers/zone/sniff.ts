/**
 * Whether a file whose name does not settle it (`db.*`, `*.db`: also SQLite's and Berkeley DB's
 * names) reads like an RFC 1035 §5 master file. One rule for the CLI's directory search and the
 * language server, so both claim the same files. Judged on the start of the file only.
 */

/** How much of the start of a file the sniff looks at. */
export const ZONE_SNIFF_CHARS = 16_384;

export function looksLikeZoneText(text: string): boolean {
  const head = text.length > ZONE_SNIFF_CHARS ? text.slice(0, ZONE_SNIFF_CHARS) : text;
  if (head.includes('\0')) return false; // binary: SQLite starts "SQLite format 3\0"
  return /^\s*\$(ORIGIN|TTL|INCLUDE)\b/im.test(head) || /\bSOA\b/i.test(head) || /\bIN\s+(MX|NS|A|AAAA|TXT|CNAME)\b/i.test(head);
}
