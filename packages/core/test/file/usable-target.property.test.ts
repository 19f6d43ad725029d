/**
 * The speed trick of the file checks: an MX record's target is judged once, when the file's MX
 * record is built (`entry.usableTarget`), instead of by each set check in turn (it replaced a
 * module-level memo of the last answer). It must always agree with the plain rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileMx } from '../../src/checks/file/file-mx.js';
import { hasUsableTarget, isUsableTarget } from '../../src/checks/mx/host-name.js';
import type { Finding } from '../../src/findings/finding.js';
import { readZone } from '../../src/readers/zone/index.js';

/** Targets as a zone might write them: names, IP literals, broken names, the null MX, relative names. */
const piece = fc.constantFrom('mx', 'MX1', 'a-b', '-x', 'y-', '0', '203', '113', '10', 'example', 'com', '', 'x'.repeat(64), '[', ']', '2001:db8::1', 'ipv6:', '_', '*');
const target = fc.oneof(
  // Not '' (a record without a target is mx-syntax, and no MX record is built from it).
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((labels) => labels.join('.')).filter((name) => name !== ''),
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((labels) => `${labels.join('.')}.`),
  fc.constant('.'),
  fc.stringMatching(/^[a-z0-9.\-[\]:]{1,20}$/),
);

describe('an MX target judged once per record', () => {
  it('agrees with isUsableTarget for every target a zone can write', () => {
    fc.assert(
      fc.property(fc.array(target, { minLength: 1, maxLength: 6 }), (targets) => {
        const text = ['$ORIGIN example.org.', '$TTL 300', ...targets.map((t, k) => `host${k} MX ${k} ${t}`)].join('\n');
        const { table } = readZone(text, { file: 'db.example.org' });
        if (table === undefined) throw new Error('a zone read always has its table');
        const findings: Finding[] = [];
        let built = 0;
        for (let i = 0; i < table.size; i++) {
          if (table.type(i) !== 'MX') continue;
          const mx = readFileMx(table, i, findings);
          if (mx === undefined) continue;
          built++;
          expect(mx.entry.usableTarget).toBe(isUsableTarget(mx.entry.exchange));
          expect(hasUsableTarget(mx.entry)).toBe(isUsableTarget(mx.entry.exchange));
        }
        expect(built).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('an entry without the fact (a live answer) is judged when asked', () => {
    for (const exchange of ['mx.example.com', '', '203.0.113.10', 'bad_name.example', '[2001:db8::1]']) {
      expect(hasUsableTarget({ exchange })).toBe(isUsableTarget(exchange));
    }
    expect(hasUsableTarget({ exchange: 'mx.example.com' })).toBe(true);
    expect(hasUsableTarget({ exchange: '203.0.113.10' })).toBe(false);
  });
});
