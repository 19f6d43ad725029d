/**
 * checkFile remembers that an SPF text is clean on its own and skips it at the next owner that
 * publishes it (zones repeat one record on many names). What must not change: a dirty record is
 * reported at every owner, and an owner with two SPF records is still `spf-multiple`.
 */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

function idsByOwner(zone: string): Record<string, string[]> {
  const { findings } = checkFile(readZone(`$ORIGIN example.com.\n${zone}`, { file: 'db.example.com' }));
  const by: Record<string, string[]> = {};
  for (const found of findings) (by[found.subject] ??= []).push(found.id);
  return by;
}

describe('a repeated SPF record', () => {
  it('clean: no finding at any owner, with or without other TXT beside it', () => {
    const zone = ['a TXT "v=spf1 mx -all"', 'b TXT "v=spf1 mx -all"', '  TXT "site-verification=x"', 'c TXT "v=spf1 " "mx -all"'].join('\n');
    expect(idsByOwner(zone)).toEqual({});
  });

  it('dirty: reported at every owner that publishes it', () => {
    const zone = ['a TXT "v=spf1 mx -all"', 'b TXT "v=spf1 mx +all"', 'c TXT "v=spf1 mx +all"', '  TXT "other"', 'd TXT "v=spf1 mx -all"'].join('\n');
    expect(idsByOwner(zone)).toEqual({ 'b.example.com': ['spf-permissive-all'], 'c.example.com': ['spf-permissive-all'] });
  });

  it('twice at one owner: spf-multiple, though each record is clean alone', () => {
    const zone = ['a TXT "v=spf1 mx -all"', 'b TXT "v=spf1 mx -all"', '  TXT "v=spf1 mx -all"'].join('\n');
    expect(idsByOwner(zone)).toEqual({ 'b.example.com': ['spf-multiple'] });
  });
});
