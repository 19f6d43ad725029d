/**
 * Reads one SMTP reply from the text received so far. RFC 5321 §4.2: a reply is one or more
 * lines `Reply-code [ SP textstring ] CRLF`; every line but the last has `-` after the code.
 * Reply codes are three digits, the first 2–5 and the second 0–5 (§4.2 grammar). Pure: the probe
 * feeds it its buffer after each chunk until the reply is complete.
 */

export interface SmtpReply {
  /**
   * A whole reply has been read: its last line arrived, or a line that is not a reply line (or
   * carries another code) did; then `code` is absent, the reply is malformed and reading more
   * will not mend it.
   */
  readonly complete: boolean;
  /** The reply code; while incomplete, the first line's. Absent when the reply is malformed. */
  readonly code?: number;
  /** The text after the code of each complete line, in order; for a malformed line, the whole line. */
  readonly lines: string[];
}

const REPLY_LINE = /^([2-5][0-5][0-9])([ -]|$)(.*)$/s;

/**
 * Parses the first reply in `text`. Lines end in CRLF; a bare LF is accepted too, as many
 * clients do (RFC 5321 §2.3.8 asks for CRLF but real servers slip). An unterminated last line is
 * not yet part of the reply. Text after the reply's last line is ignored. Never throws.
 */
export function parseSmtpReply(text: string): SmtpReply {
  const lines: string[] = [];
  let code: number | undefined;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) return { complete: false, ...(code !== undefined && { code }), lines };
    const raw = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
    const match = REPLY_LINE.exec(raw);
    if (match === null) {
      // Not a reply line: the reply is malformed and has no code.
      lines.push(raw);
      return { complete: true, lines };
    }
    const [, digits = '', separator = '', rest = ''] = match;
    const lineCode = Number(digits);
    if (code === undefined) code = lineCode;
    lines.push(rest);
    // Every line of one reply carries the same code (§4.2.1); a change means a broken reply.
    if (lineCode !== code) return { complete: true, lines };
    if (separator !== '-') return { complete: true, code, lines };
  }
}
