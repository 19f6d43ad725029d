/**
 * Expected findings written into fixture files as caret lines under the record they mark:
 *
 *     relative IN MX 10 mx1.faults.test
 *     ;                 ^^^^^^^^^^^^^^^ mx-target-relative
 *
 * The comment character stands in column 0; when it is directly followed by a caret the range
 * starts in column 0. Several caret lines may follow one record.
 */
export interface Expected {
  readonly id: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export function readAnnotations(text: string, comment: ';' | '#'): Expected[] {
  const lines = text.split('\n');
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = new RegExp(`^\\${comment}( *)(\\^+) ([a-z0-9-]+)\\s*$`).exec(line);
    if (!match) {
      target = index;
      return;
    }
    const pad = match[1]!.length;
    const carets = match[2]!.length;
    // ";^^^" marks from column 0: the comment character itself is the first caret.
    const start = pad === 0 ? 0 : pad + 1;
    const end = pad === 0 ? carets + 1 : start + carets;
    expected.push({ id: match[3]!, line: target, start, end });
  });
  return expected;
}

export const formatExpected = (e: Expected) => `${e.id} ${e.line + 1}:${e.start}-${e.end}`;
