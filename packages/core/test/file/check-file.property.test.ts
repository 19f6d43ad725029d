/**
 * Lint never throws or hangs: mutated zone files (with MX, SPF, DMARC, CNAME and address records,
 * the shapes the file checks read) go through the reader and every file check, and every finding's
 * range lies inside its file; checking the reader's record table gives what checking the same
 * records as objects gives. 5,000 cases here; the readers' own property tests add 20,000 more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { plainFinding } from '../../src/findings/finding.js';
import { readZone } from '../../src/readers/zone/index.js';

const SEED = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )',
  '@ IN MX 10 mx1',
  '@ IN MX 10 mx1',
  '@ 172800 IN MX 20 mx2.example.com',
  '@ IN MX 0 .',
  '@ IN MX 70000 192.0.2.1',
  '@ IN MX 5 smtp.google.com.',
  '@ IN MX 1 aspmx.l.google.com.',
  'mx1 IN CNAME mx2',
  'mx2 IN A 185.1.1.2',
  'mx3 IN AAAA 2a01::3',
  '@ IN TXT "v=spf1 ip4:185.1.1.0/24 include:%{d}.x +all"',
  '@ IN TXT "v=spf1 " "mx ?all"',
  '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:a@example.com"',
  'sub IN NS ns.sub',
  'mail.sub IN MX 10 mail.sub',
  '$GENERATE 1-3 h$ IN MX $ mx$',
].join('\n');

const PIECES = ['(', ')', '"', '\\', ';', ' ', '\n', '@', '.', 'MX ', 'TXT ', 'CNAME ', 'v=spf1 ', 'v=DMARC1; ', 'p=', '+all', '0 ', '65536 ', '..', '_', '$ORIGIN ', '$GENERATE 1-2 '];

const mutation = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), remove: fc.constant(0) }),
  fc.record({ at: fc.nat(), insert: fc.constant(''), remove: fc.integer({ min: 1, max: 30 }) }),
);

describe('checkFile over mutated zone files', () => {
  it('never throws, and every range lies inside the file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 8 }), (mutations) => {
        let text = SEED;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
        }
        const lines = text.split('\n');
        const read = readZone(text, { file: 'db.example.com' });
        const { findings } = checkFile(read);
        // The zone reader's columns and the same records as objects must check alike.
        const asObjects = { records: read.records, findings: read.findings, ...(read.origin !== undefined && { origin: read.origin }) };
        expect(checkFile(asObjects).findings.map(plainFinding)).toEqual(findings.map(plainFinding));
        for (const found of findings) {
          if (!found.range) continue;
          expect(found.range.file).toBe('db.example.com');
          const { start, end } = found.range;
          expect(start.line).toBeLessThan(lines.length);
          expect(end.line).toBeLessThan(lines.length);
          expect(start.character).toBeLessThanOrEqual(lines[start.line]!.length + 1);
          expect(end.character).toBeLessThanOrEqual(lines[end.line]!.length + 1);
        }
      }),
      { numRuns: 5000 },
    );
    // Thousands of cases: a few seconds alone, more on a loaded 2-core machine; speed is for `pnpm bench`.
  }, 60_000);
});
