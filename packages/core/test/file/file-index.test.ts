import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileIndex } from '../../src/checks/file/file-index.js';
import { tableOf } from '../../src/facts/read-result.js';
import { readZone } from '../../src/readers/zone/index.js';

const NAMES = ['a', 'b', 'mail', 'mx1', 'mx2', 'deep.mx3', 'ns1', 'x'];
const TYPES = ['A', 'AAAA', 'MX', 'TXT', 'NS', 'CNAME'];
const DATA: Record<string, string> = { A: '192.0.2.1', AAAA: '2001:db8::1', MX: '10 mx1', TXT: '"v=spf1 -all"', NS: 'ns1', CNAME: 'a' };

describe('FileIndex', () => {
  it('answers hasAddress and hasNs as the records say', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ owner: fc.constantFrom(...NAMES), type: fc.constantFrom(...TYPES) }), { maxLength: 30 }),
        fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 12 }),
        (records, questions) => {
          const text = ['$ORIGIN example.com.', '$TTL 300', ...records.map(({ owner, type }) => `${owner} ${type} ${DATA[type]}`)].join('\n');
          const read = readZone(text, { file: 'z' });
          const index = new FileIndex(tableOf(read));
          for (const name of questions) {
            const full = `${name}.example.com`;
            const expected = read.records.some((r) => r.owner === full && (r.type === 'A' || r.type === 'AAAA'));
            expect(index.hasAddress(full), `${full} has an address`).toBe(expected);
            expect(index.hasNs(full)).toBe(read.records.some((r) => r.owner === full && r.type === 'NS'));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
