import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpfTexts } from '../../src/checks/spf/check-spf-texts.js';
import { parseSpf } from '../../src/checks/spf/parse-spf.js';

// Arbitrary text, and text shaped like SPF so the grammar's deeper paths are reached.
const spfish = fc
  .array(
    fc.oneof(
      fc.constantFrom('+', '-', '~', '?', 'all', 'include:', 'a', 'mx', 'ptr', 'ip4:', 'ip6:', 'exists:', 'redirect=', 'exp=', 'x=', '%{', '}', '%', '/', '//', ':', '.', '=', ' ', '\t', 'ir', 'd2', '–', '192.0.2.1', '::1', 'example.com', '123'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 20 },
  )
  .map((parts) => `v=spf1 ${parts.join('')}`);

describe('parseSpf never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), spfish), (text) => {
        const parsed = parseSpf(text);
        expect(Array.isArray(parsed.terms)).toBe(true);
        for (const error of parsed.errors) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
        }
        expect(() => checkSpfTexts('example.com', [{ text }])).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});
