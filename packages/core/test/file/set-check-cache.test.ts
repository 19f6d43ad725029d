import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { SetCheckCache } from '../../src/checks/file/set-check-cache.js';
import { plainFinding } from '../../src/findings/finding.js';
import { readZone } from '../../src/readers/zone/index.js';

const FIXTURE = readFileSync(new URL('../../../../test/lint/fixtures/faults.zone', import.meta.url), 'utf8');
const EDITS = ['', '.', ' 20', ' mx2', 'x', '\n@ IN MX 10 mx1', '\nsame IN MX 20 mx3', ' ; c', '0'];

describe('SetCheckCache', () => {
  it('gives, for every version of an edited file, exactly the findings of a fresh check', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ line: fc.nat(), cut: fc.nat(6), insert: fc.constantFrom(...EDITS) }), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const cache = new SetCheckCache();
          let lines = FIXTURE.split('\n');
          for (const edit of [{ line: 0, cut: 0, insert: '' }, ...edits]) {
            const at = edit.line % lines.length;
            const text = lines[at]!;
            lines[at] = text.slice(0, Math.max(0, text.length - edit.cut)) + edit.insert;
            lines = lines.join('\n').split('\n');
            const read = () => readZone(lines.join('\n'), { file: 'faults.zone' });
            // As data (a fresh check may give findings whose texts are written when read).
            expect(checkFile(read(), { cache }).findings.map(plainFinding)).toEqual(checkFile(read()).findings.map(plainFinding));
          }
        },
      ),
      { numRuns: 300 },
    );
    // Property cases over whole files: seconds, more on a loaded machine; speed is for `pnpm bench`.
  }, 60_000);

  it('re-checks only the RRsets an edit touched, and forgets RRsets that are gone', () => {
    const cache = new SetCheckCache();
    checkFile(readZone('$ORIGIN t.\na IN MX 10 mx1\nb IN MX 10 mx1\n', { file: 'z' }), { cache });
    expect(cache.size).toBe(2);
    const { findings } = checkFile(readZone('$ORIGIN t.\na IN MX 10 mx1\nc IN MX 10 mx1\n', { file: 'z' }), { cache });
    expect(cache.size).toBe(2); // a (remembered) and c (new); b is forgotten
    expect(findings.filter((f) => f.id === 'mx-single').map((f) => [f.subject, f.range?.start.line])).toEqual([
      ['a.t', 1],
      ['c.t', 2],
    ]);
  });
});
