/**
 * Tokens as syntax messages quote them. A token may be a whole megabyte (one unbroken line, a
 * quoted string that never closes): quoted whole, every finding about it would carry it, into
 * JSON, SARIF and the editor's hover. Cut, it still says which token was meant.
 */
export const MAX_QUOTED_CHARS = 200;

export function quoteToken(text: string): string {
  return text.length <= MAX_QUOTED_CHARS ? text : `${text.slice(0, MAX_QUOTED_CHARS)}…`;
}
