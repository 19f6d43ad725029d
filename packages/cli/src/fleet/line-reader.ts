/**
 * Lines of a stream with a bound on each: `--from` may be handed `/dev/zero` or a file with no
 * newline at all, and Node's readline would buffer such a "line" without limit. A line longer than
 * `maxLength` characters is reported as too long (its start kept for the message) and skipped up to
 * its newline; memory stays at one line whatever the input. A stream that goes `MAX_WITHOUT_NEWLINE`
 * characters with no line break at all is not a list of lines: reading stops with an error.
 */
import type { Readable } from 'node:stream';

export const MAX_WITHOUT_NEWLINE = 1024 * 1024;

export class NoLineBreakError extends Error {}

export type Line = { readonly number: number; readonly text: string } | { readonly number: number; readonly tooLong: string };

export async function* boundedLines(input: Readable, maxLength: number): AsyncGenerator<Line> {
  input.setEncoding('utf8');
  let current = '';
  let overflow = false;
  let skipped = 0;
  let number = 0;
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    while (from <= chunk.length) {
      const newline = chunk.indexOf('\n', from);
      const piece = chunk.slice(from, newline === -1 ? chunk.length : newline);
      if (!overflow) {
        current += piece;
        if (current.length > maxLength) {
          overflow = true;
          skipped = current.length;
          current = current.slice(0, 60);
        }
      } else {
        skipped += piece.length;
        if (skipped > Math.max(maxLength, MAX_WITHOUT_NEWLINE)) {
          input.destroy();
          throw new NoLineBreakError(`no line break in ${Math.max(maxLength, MAX_WITHOUT_NEWLINE).toLocaleString('en')} characters: not a list of lines`);
        }
      }
      if (newline === -1) break;
      number++;
      yield overflow ? { number, tooLong: current } : { number, text: current.replace(/\r$/, '') };
      current = '';
      overflow = false;
      skipped = 0;
      from = newline + 1;
    }
  }
  if (current !== '' || overflow) {
    number++;
    yield overflow ? { number, tooLong: current } : { number, text: current.replace(/\r$/, '') };
  }
}
