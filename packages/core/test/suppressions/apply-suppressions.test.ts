/**
 * The suppression filter: what next-line and file-wide comments hide, which are reported unused
 * (`suppression-unused`), and two properties: no comments keep every finding; a file-wide disable
 * of one id removes exactly that id's findings in that file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../../src/checks/catalogue.js';
import type { Finding } from '../../src/findings/finding.js';
import { applySuppressions } from '../../src/suppressions/apply-suppressions.js';
import { findSuppressions } from '../../src/suppressions/suppression-comments.js';
import { filterFileFindings } from '../../src/suppressions/filter-file-findings.js';

const at = (id: string, line: number, file = 'db.test', severity: Finding['severity'] = 'warning'): Finding => ({
  id,
  severity,
  message: `${id} here`,
  subject: 'example.test',
  range: { file, start: { line, character: 0 }, end: { line, character: 4 } },
});

const ZONE = [
  '$ORIGIN example.test.', // 0
  '; mx-doctor-disable-next-line mx-single', // 1
  '@ MX 10 mail', // 2
  '; mx-doctor-disable-next-line mx-ttl-high, mx-duplicate', // 3
  '@ MX 20 mail', // 4
  '; mx-doctor-disable spf-permissive-all', // 5
  '; mx-doctor-disable-next-line mx-singel', // 6
  'mail A 192.0.2.1', // 7
].join('\n');

describe('applySuppressions', () => {
  const suppressions = findSuppressions(ZONE, 'db.test', 'zone');

  it('hides the named ids on the next line and in the whole file, and nothing else', () => {
    const findings = [at('mx-single', 2), at('mx-single', 4), at('mx-ttl-high', 4), at('spf-permissive-all', 0), at('spf-permissive-all', 7), at('mx-single', 2, 'other.zone')];
    const { kept } = applySuppressions(findings, suppressions);
    expect(kept.map((f) => `${f.id}@${f.range!.file}:${f.range!.start.line}`)).toEqual(['mx-single@db.test:4', 'mx-single@other.zone:2']);
  });

  it('reports each id that hid nothing, and an unknown id with the id it resembles', () => {
    const { unused } = applySuppressions([at('mx-single', 2), at('mx-ttl-high', 4), at('spf-permissive-all', 0)], suppressions);
    expect(unused.map((f) => [f.id, f.severity, f.subject, f.range!.start.line, f.range!.start.character])).toEqual([
      ['suppression-unused', 'info', 'mx-duplicate', 3, 43],
      ['suppression-unused', 'info', 'mx-singel', 6, 30],
    ]);
    expect(unused[0]!.message).toBe('`mx-doctor-disable-next-line mx-duplicate` suppresses nothing: there is no mx-duplicate finding on line 5.');
    expect(unused[0]!.fix).toBe('Remove mx-duplicate from the comment.');
    expect(unused[1]!.message).toBe('`mx-singel` is not an MX Doctor finding id, so this comment suppresses nothing (did you mean mx-single?).');
  });

  it('does not call a comment for a live-only id unused when live checks did not run, but does when they did', () => {
    const live = findSuppressions('; mx-doctor-disable-next-line mx-target-nxdomain\n@ MX 10 gone.example.\n; mx-doctor-disable\n', 'db.test', 'zone');
    expect(applySuppressions([], live).unused).toEqual([]);
    expect(applySuppressions([], live, { liveChecksRan: true }).unused.map((f) => f.subject)).toEqual(['mx-target-nxdomain', 'mx-doctor-disable']);
  });

  it('reports a next-line comment with no line after it, and a comment without ids hides every id', () => {
    const end = findSuppressions('; mx-doctor-disable-next-line\n@ MX 10 mail\n; mx-doctor-disable-next-line mx-single\n', 'db.test', 'zone');
    const { kept, unused } = applySuppressions([at('mx-single', 1), at('mx-ttl-high', 1)], end);
    expect(kept).toEqual([]);
    expect(unused.map((f) => f.message)).toEqual(['`mx-doctor-disable-next-line mx-single` suppresses nothing: there is no mx-single finding after it (no line follows).']);
  });

  it('keeps findings without a range (live findings of a domain)', () => {
    const { range: _range, ...live } = at('mx-single', 2);
    expect(applySuppressions([live], suppressions).kept).toEqual([live]);
  });
});

const findingArb = fc.record({
  id: fc.constantFrom(...FINDING_IDS.filter((id) => id !== 'suppression-unused')),
  line: fc.integer({ min: 0, max: 30 }),
  file: fc.constantFrom('a.zone', 'b.zone'),
});

describe('applySuppressions properties', () => {
  it('suppressing nothing keeps every finding, in order, and reports nothing', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 40 }), (specs) => {
        const findings = specs.map((s) => at(s.id, s.line, s.file));
        expect(applySuppressions(findings, [])).toEqual({ kept: findings, unused: [] });
        // A file with no comments at all is the same through the front ends' filter.
        expect(filterFileFindings(findings, { textOf: () => '@ MX 10 mail\n', files: ['a.zone'] })).toEqual(findings);
      }),
    );
  });

  it('a file-wide disable of id X removes exactly the X findings of that file', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 40 }), findingArb, (specs, target) => {
        const findings = specs.map((s) => at(s.id, s.line, s.file));
        const comments = findSuppressions(`@ MX 10 mail\n; mx-doctor-disable ${target.id}\n`, target.file, 'zone');
        const { kept, unused } = applySuppressions(findings, comments, { liveChecksRan: true });
        expect(kept).toEqual(findings.filter((f) => !(f.id === target.id && f.range!.file === target.file)));
        // And the comment is unused exactly when there was nothing to hide.
        expect(unused.length).toBe(findings.length > kept.length ? 0 : 1);
      }),
    );
  });
});
