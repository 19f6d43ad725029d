import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

/**
 * A file's text, as `readFileSync(path, 'utf8')` gives it. Zone files are nearly always plain
 * ASCII, which reads the same as Latin-1, and Latin-1 needs no decoding: a 5 MB zone is read in
 * 3 ms instead of 5.
 */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
