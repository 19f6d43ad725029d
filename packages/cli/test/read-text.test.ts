import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../src/read-text.js';

describe('readTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-read-text-'));
  const file = join(dir, 'zone');

  it('reads what readFileSync(path, "utf8") reads, ASCII or not, valid UTF-8 or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')), fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))), (bytes) => {
        writeFileSync(file, bytes);
        expect(readTextFile(file)).toBe(readFileSync(file, 'utf8'));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a byte-order mark and accents as Node does', () => {
    writeFileSync(file, '\uFEFF$ORIGIN exämple.com.\n');
    expect(readTextFile(file)).toBe('\uFEFF$ORIGIN exämple.com.\n');
  });
});
