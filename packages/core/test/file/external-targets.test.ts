import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile, externalTargets } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

const zone = [
  '$ORIGIN example.com.',
  '@ IN MX 10 mx1',                      // in the zone, with an address: judged from the file
  '@ IN MX 20 mx.provider.net.',         // outside: needs a live lookup
  '@ IN MX 30 alias',                    // in the zone, an alias: judged from the file
  '@ IN MX 40 mx.example.com',           // relative by mistake: not looked up
  '@ IN MX 50 192.0.2.1',                // IP literal: not looked up
  'sub IN MX 10 mx.other.org.',
  'sub IN MX 20 mx.provider.net.',       // asked once
  'mx1 IN A 185.1.1.1',
  'alias IN CNAME mx1',
].join('\n');

describe('targets a file cannot judge itself', () => {
  it('are the names outside the zone, each once, and checkFile reports the same set', () => {
    const read = readZone(zone, { file: 'db.example.com' });
    expect(externalTargets(read).sort()).toEqual(['mx.other.org', 'mx.provider.net']);
    expect([...checkFile(read).external].sort()).toEqual(externalTargets(read).sort());
  });

  it('agree on the lint fixture', () => {
    const text = readFileSync(new URL('../../../../test/lint/fixtures/faults.zone', import.meta.url), 'utf8');
    const read = readZone(text, { file: 'faults.zone' });
    expect([...checkFile(read).external].sort()).toEqual(externalTargets(read).sort());
    expect(externalTargets(read)).toContain('smtp.google.com');
  });
});
