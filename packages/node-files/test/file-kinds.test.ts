import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKind, findZoneAndTerraformFiles, matchesPattern, ZONE_FILE_PATTERNS } from '../src/index.js';

const ZONE = '$ORIGIN example.com.\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n';

describe('findZoneAndTerraformFiles', () => {
  it('searches each folder once: symbolic links that loop end the search instead of branching for ever', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-find-loop-'));
    writeFileSync(join(dir, 'example.com.zone'), ZONE);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'main.tf'), 'locals {}\n');
    // Two links to the top in each folder: without the real-path check, 2^40 paths before ELOOP.
    symlinkSync('.', join(dir, 'a'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync(dir, join(dir, 'sub', 'top'));
    const found = findZoneAndTerraformFiles(dir).map((file) => [relative(dir, file.path), file.kind]);
    expect(found).toEqual([
      ['example.com.zone', 'zone'],
      ['sub/main.tf', 'terraform'],
    ]);
  });

  it('skips dependency and tool folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-find-skip-'));
    for (const skipped of ['node_modules', '.terraform', '.git', 'dist']) {
      mkdirSync(join(dir, skipped));
      writeFileSync(join(dir, skipped, 'db.example.com'), ZONE);
    }
    writeFileSync(join(dir, 'db.example.com'), ZONE);
    expect(findZoneAndTerraformFiles(dir).map((file) => relative(dir, file.path))).toEqual(['db.example.com']);
  });
});

describe('fileKind', () => {
  it('reads the start only when the name does not settle it', () => {
    let reads = 0;
    const head = () => {
      reads++;
      return ZONE;
    };
    expect(fileKind('main.tf', head)).toBe('terraform');
    expect(fileKind('README.md', head)).toBeUndefined();
    expect(reads).toBe(0);
    expect(fileKind('db.example.com', head)).toBe('zone');
    expect(reads).toBe(1);
  });

  it('judges only the first 16 KiB: a zone file that turns binary later is still a zone file, a sniff after them is not seen', () => {
    const padding = ';'.repeat(16_384);
    expect(fileKind('example.com.zone', () => `${ZONE}${padding}\0`)).toBe('zone');
    expect(fileKind('zones.db', () => `${padding}\n${ZONE}`)).toBeUndefined();
    expect(fileKind('zones.db', () => undefined)).toBeUndefined();
  });

  it('takes other patterns (the editor setting), matched against the whole name, ignoring case', () => {
    expect(fileKind('example.dns', () => ZONE, ['*.dns'])).toBe('zone');
    expect(fileKind('example.com.zone', () => ZONE, ['*.dns'])).toBeUndefined();
    expect(matchesPattern('DB.Example.COM', 'db.*')).toBe(true);
    expect(matchesPattern('xdb.example', 'db.*')).toBe(false);
    expect(matchesPattern('a+b.zone', 'a+b.zone')).toBe(true);
    expect(matchesPattern('aab.zone', 'a+b.zone')).toBe(false);
    expect(ZONE_FILE_PATTERNS).toContain('*.zone');
  });
});
