import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, readIncludeFile, type IncludeRule } from '../src/index.js';

describe('isInside', () => {
  it.each([
    ['/z/a.inc', '/z', true],
    ['/z', '/z', true],
    ['/z/sub/deep/b.inc', '/z', true],
    ['/z/..a', '/z', true], // a name starting with two dots is still inside
    ['/zone/a.inc', '/z', false], // a sibling sharing the prefix is not
    ['/a.inc', '/z', false],
    ['/z/../etc/passwd', '/z', false],
  ])('%s in %s: %s', (file, root, inside) => {
    expect(isInside(file, root)).toBe(inside);
  });
});

describe('readIncludeFile: regular files inside the roots only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-node-files-'));
  const zoneDir = join(dir, 'zones');
  mkdirSync(join(zoneDir, 'sub'), { recursive: true });
  const from = join(zoneDir, 'db.example.test');
  writeFileSync(from, '$INCLUDE x\n');
  writeFileSync(join(zoneDir, 'hosts.inc'), 'mail IN A 192.0.2.1\n');
  writeFileSync(join(zoneDir, 'sub', 'deep.inc'), 'deep IN A 192.0.2.2\n');
  writeFileSync(join(dir, 'outside.zone'), 'SECRET-OUTSIDE\n');
  symlinkSync(join(dir, 'outside.zone'), join(zoneDir, 'link-out.inc'));
  symlinkSync(join(zoneDir, 'hosts.inc'), join(zoneDir, 'link-in.inc'));
  expect(spawnSync('mkfifo', [join(zoneDir, 'pipe.inc')]).status).toBe(0);
  const rule: IncludeRule = { roots: [zoneDir], rootsName: "the zone's folder" };
  const read = (path: string, r: IncludeRule = rule) => readIncludeFile(path, from, r);
  const OUTSIDE = /^\$INCLUDE outside the zone's folder is not read/;

  it('reads a relative path, a subfolder, an absolute path inside, and a link that stays inside', () => {
    expect(read('hosts.inc')).toEqual({ text: 'mail IN A 192.0.2.1\n', file: join(zoneDir, 'hosts.inc') });
    expect(read('sub/deep.inc')).toEqual({ text: 'deep IN A 192.0.2.2\n', file: join(zoneDir, 'sub', 'deep.inc') });
    expect(read(join(zoneDir, 'hosts.inc'))).toEqual({ text: 'mail IN A 192.0.2.1\n', file: join(zoneDir, 'hosts.inc') });
    expect(read('sub/../hosts.inc')).toMatchObject({ text: 'mail IN A 192.0.2.1\n' });
    expect(read('link-in.inc')).toEqual({ text: 'mail IN A 192.0.2.1\n', file: join(zoneDir, 'link-in.inc') });
  });

  it.each(['../outside.zone', join(dir, 'outside.zone'), '/etc/passwd', '/proc/self/environ', '/dev/zero', 'sub/../../outside.zone'])('refuses %s, outside the folder', (path) => {
    const result = read(path);
    expect(result).toEqual({ error: expect.stringMatching(OUTSIDE) });
  });

  it('refuses a symbolic link that leads out, and says so', () => {
    expect(read('link-out.inc')).toEqual({ error: "$INCLUDE outside the zone's folder is not read (a symbolic link leads there)" });
  });

  it('refuses a FIFO without opening it (opening would wait for a writer for ever)', () => {
    expect(read('pipe.inc')).toEqual({ error: 'it is a FIFO, not a regular file' });
  });

  it('refuses a directory and a file above the size cap', () => {
    expect(read('sub')).toEqual({ error: 'it is a directory, not a regular file' });
    expect(read('hosts.inc', { ...rule, maxBytes: 8 })).toEqual({ error: 'it is 20 bytes, above the 8 bytes limit for one file' });
  });

  it('gives a missing file its error code, or an open document held in memory', () => {
    expect(read('missing.inc')).toEqual({ error: 'ENOENT' });
    const openText = (full: string) => (full === join(zoneDir, 'missing.inc') ? 'unsaved IN A 192.0.2.3\n' : undefined);
    expect(read('missing.inc', { ...rule, openText })).toEqual({ text: 'unsaved IN A 192.0.2.3\n', file: join(zoneDir, 'missing.inc') });
    // An open document outside the roots is refused like the file on disk.
    expect(read('../outside.zone', { ...rule, openText: () => 'held' })).toEqual({ error: expect.stringMatching(OUTSIDE) });
  });

  it('takes any of several roots, and names the included file as asked', () => {
    const two: IncludeRule = { roots: [join(dir, 'elsewhere'), dir], rootsName: 'the workspace folders', fileName: (full) => `named:${full}` };
    expect(read('../outside.zone', two)).toEqual({ text: 'SECRET-OUTSIDE\n', file: `named:${join(dir, 'outside.zone')}` });
    expect(read('/etc/passwd', two)).toEqual({ error: '$INCLUDE outside the workspace folders is not read' });
  });
});
