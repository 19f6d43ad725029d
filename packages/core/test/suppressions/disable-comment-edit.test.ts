/** The "Disable <id> for this line" edit: a new comment line above, indented, or the id added to one there. */
import { describe, expect, it } from 'vitest';
import { disableNextLineEdit } from '../../src/suppressions/disable-comment-edit.js';
import { findSuppressions } from '../../src/suppressions/suppression-comments.js';

/** The text with the edit applied (one insertion). */
function applied(text: string, edit: ReturnType<typeof disableNextLineEdit>): string {
  const lines = text.split('\n');
  const { line, character } = edit.range.start;
  lines[line] = lines[line]!.slice(0, character) + edit.newText + lines[line]!.slice(character);
  return lines.join('\n');
}

describe('disableNextLineEdit', () => {
  it('inserts a zone comment above the line, with its indentation, that suppresses the id on it', () => {
    const text = '$ORIGIN example.test.\n@ MX 10 mail\n\tMX 20 mx2\n';
    const edit = disableNextLineEdit({ id: 'mx-single', syntax: 'zone', line: 2, lineText: '\tMX 20 mx2', previousLineText: '@ MX 10 mail' });
    expect(edit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '\t; mx-doctor-disable-next-line mx-single\n' });
    const after = findSuppressions(applied(text, edit), 'f', 'zone');
    expect(after.map((s) => [s.line, s.ids.map((i) => i.id)])).toEqual([[3, ['mx-single']]]);
  });

  it('writes # in Terraform, and the document’s line ending', () => {
    expect(disableNextLineEdit({ id: 'mx-target-relative', syntax: 'terraform', line: 0, lineText: '  records = ["10 mail"]', eol: '\r\n' }).newText).toBe('  # mx-doctor-disable-next-line mx-target-relative\r\n');
  });

  it('adds the id to a next-line comment already above the line', () => {
    const text = '  ; mx-doctor-disable-next-line mx-ttl-high -- slow rollout\n  @ MX 10 mail\n';
    const edit = disableNextLineEdit({ id: 'mx-single', syntax: 'zone', line: 1, lineText: '  @ MX 10 mail', previousLineText: '  ; mx-doctor-disable-next-line mx-ttl-high -- slow rollout' });
    expect(applied(text, edit)).toBe('  ; mx-doctor-disable-next-line mx-ttl-high, mx-single -- slow rollout\n  @ MX 10 mail\n');
  });
});
