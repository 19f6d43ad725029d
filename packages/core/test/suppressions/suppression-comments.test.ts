/** Reading suppression comments: where they are, what they name, what line they apply to. */
import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/suppressions/suppression-comments.js';

const brief = (text: string, syntax: 'zone' | 'terraform') =>
  findSuppressions(text, 'f', syntax).map((s) => ({
    scope: s.scope,
    line: s.line,
    ids: s.ids.map((named) => `${named.id}@${named.range.start.line}:${named.range.start.character}-${named.range.end.character}`),
    range: `${s.range.start.line}:${s.range.start.character}-${s.range.end.character}`,
  }));

describe('findSuppressions in zone files', () => {
  it('reads next-line and file-wide directives, ids separated by commas or blanks, with their columns', () => {
    const text = [
      '$ORIGIN example.com.',
      '; mx-doctor-disable-next-line mx-single, mx-ttl-high',
      '@ IN MX 10 mail',
      '   ;mx-doctor-disable spf-permissive-all mx-duplicate -- legacy, see ticket 12',
    ].join('\n');
    expect(brief(text, 'zone')).toEqual([
      { scope: 'next-line', line: 2, ids: ['mx-single@1:30-39', 'mx-ttl-high@1:41-52'], range: '1:2-52' },
      { scope: 'file', line: undefined, ids: ['spf-permissive-all@3:22-40', 'mx-duplicate@3:41-53'], range: '3:4-53' },
    ]);
  });

  it('applies to the next line that is not blank or a comment, so directives stack', () => {
    const text = '; mx-doctor-disable-next-line mx-single\n\n; mx-doctor-disable-next-line mx-ttl-high\n@ MX 10 mail\n';
    expect(brief(text, 'zone').map((s) => s.line)).toEqual([3, 3]);
  });

  it('has no line to apply to at the end of the file, and no ids means every id', () => {
    expect(brief('@ MX 10 mail\n; mx-doctor-disable-next-line\n', 'zone')).toEqual([{ scope: 'next-line', line: undefined, ids: [], range: '1:2-29' }]);
  });

  it('reads a comment after a record, but not the word inside quotes, escaped, or not opening the comment', () => {
    const text = [
      '@ TXT "; mx-doctor-disable mx-single"',
      '@ TXT a\\; mx-doctor-disable mx-single',
      '; see mx-doctor-disable mx-single in the docs',
      '; mx-doctor-disabled mx-single',
      '@ MX 10 mail ; mx-doctor-disable mx-ttl-high',
    ].join('\n');
    expect(brief(text, 'zone').map((s) => s.ids)).toEqual([['mx-ttl-high@4:33-44']]);
  });

  it('costs nothing without the directive (no lines are split)', () => {
    expect(findSuppressions('@ MX 10 mail\n'.repeat(10_000), 'f', 'zone')).toEqual([]);
  });
});

describe('findSuppressions in Terraform', () => {
  it('reads # and // comments and one-line block comments, not strings or heredocs', () => {
    const text = [
      '# mx-doctor-disable-next-line mx-target-relative',
      'resource "x" "y" {',
      '  // mx-doctor-disable mx-single',
      '  name = "# mx-doctor-disable mx-ttl-high"',
      '  /* mx-doctor-disable mx-duplicate */ records = []',
      '  value = <<EOF',
      '# mx-doctor-disable spf-syntax',
      'EOF',
      '}',
    ].join('\n');
    expect(brief(text, 'terraform').map((s) => [s.scope, s.line, s.ids.map((i) => i.split('@')[0])])).toEqual([
      ['next-line', 1, ['mx-target-relative']],
      ['file', undefined, ['mx-single']],
      ['file', undefined, ['mx-duplicate']],
    ]);
  });
});
