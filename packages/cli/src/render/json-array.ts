/**
 * A JSON array written in slices: the same text as `JSON.stringify(items.map(plain), null, 2)`, but
 * each slice of items is made plain, turned into text and written before the next, so a large
 * lint's report is never alive as one string.
 */
type Write = (text: string) => unknown;

const SLICE = 512;

export function writeJsonArray<T>(items: readonly T[], plain: (item: T) => unknown, write: Write): void {
  if (items.length === 0) {
    write('[]\n');
    return;
  }
  write('[\n');
  for (let from = 0; from < items.length; from += SLICE) {
    const text = JSON.stringify(items.slice(from, from + SLICE).map(plain), null, 2);
    // Without its own brackets ("[\n" … "\n]"), the slice's items are already indented for the outer array.
    write(text.slice(2, -2));
    write(from + SLICE < items.length ? ',\n' : '\n]\n');
  }
}
