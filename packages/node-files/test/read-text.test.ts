import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../src/index.js';

describe('readTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-read-text-'));
  const file = join(dir, 'zone');

  it('reads what readFileSync(path, "utf8") reads, ASCII or not, valid UTF-8 or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }).map((s) => Buffer.from(s, 'utf8')), fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))), (bytes) => {
        writeFileSync(file, bytes);
        expect(readTextFile(file)).toEqual({ text: readFileSync(file, 'utf8') });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a byte-order mark and accents as Node does', () => {
    writeFileSync(file, '\uFEFF$ORIGIN exämple.com.\n');
    expect(readTextFile(file)).toEqual({ text: '\uFEFF$ORIGIN exämple.com.\n' });
  });

  it('refuses a file above the cap before reading it (a sparse file: no disk used)', () => {
    const big = join(dir, 'nuls.zone');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 400 * 1024 * 1024);
    expect(readTextFile(big)).toEqual({ error: 'it is 400 MiB, above the 64 MiB limit for one file' });
    expect(MAX_TEXT_FILE_BYTES).toBe(64 * 1024 * 1024);
  });

  it('reads /proc files (size 0 in stat) to their end', () => {
    const read = readTextFile('/proc/self/status');
    expect('text' in read && read.text).toMatch(/^Name:/);
  });

  it('refuses devices and FIFOs unless streams are allowed, and caps a stream that never ends', () => {
    expect(readTextFile('/dev/zero')).toEqual({ error: 'it is a character device, not a regular file' });
    expect(readTextFile('/dev/zero', { streams: true, maxBytes: 1_000_000 })).toEqual({ error: 'it grew past the 1000000 bytes limit for one file while being read' });
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readTextFile(fifo)).toEqual({ error: 'it is a FIFO, not a regular file' });
    expect(readTextFile(join(dir, 'missing'))).toEqual({ error: 'ENOENT' });
  });
});
