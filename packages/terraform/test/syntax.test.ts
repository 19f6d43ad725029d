// Syntax errors: one `syntax` finding per error node, and the rest of the file is still read.
import { describe, expect, it } from 'vitest';
import { readFixture, reader } from './helpers.js';

describe('syntax errors', () => {
  it('reports a missing bracket and still reads both records', async () => {
    const { result } = await readFixture('syntax-error.tf');
    expect(result.findings.map((f) => [f.id, f.severity, f.message])).toEqual([
      ['syntax', 'error', 'Syntax error: missing "]" here.'],
    ]);
    expect(result.findings[0]?.range).toEqual({
      file: 'syntax-error.tf',
      start: { line: 5, character: 0 },
      end: { line: 5, character: 0 },
    });
    expect(result.records.map((r) => r.rdata.map((f) => f.text))).toEqual([
      ['10', 'mail.example.com'],
      ['20', 'backup.example.com'],
    ]);
  });

  it('skips garbage between blocks with one finding per error and reads the blocks around it', async () => {
    const text = `resource "hetznerdns_record" "a" {
  zone_id = "z"
  name    = "a.example.de."
  type    = "MX"
  value   = "10 a.example.de."
}
}}} @@ not hcl ]]]
resource "hetznerdns_record" "b" {
  zone_id = "z"
  name    = "b.example.de."
  type    = "MX"
  value   = "20 b.example.de."
}
`;
    const result = (await reader()).read(text, 'g.tf');
    // The grammar's own recovery swallows the rest of the file here; the reader restarts at `resource`.
    expect(result.findings).toEqual([
      {
        id: 'syntax',
        severity: 'error',
        message: 'Syntax error: unexpected "}}} @@ not hcl ]]]"; this part of the file was skipped.',
        subject: 'g.tf',
        range: { file: 'g.tf', start: { line: 6, character: 0 }, end: { line: 6, character: 18 } },
      },
    ]);
    expect(result.records.map((r) => r.owner)).toEqual(['a.example.de', 'b.example.de']);
  });

  it('reads an empty file and a file of only comments', async () => {
    const r = await reader();
    expect(r.read('', 'e.tf')).toEqual({ records: [], findings: [] });
    expect(r.read('# nothing\n// here\n/* at all */\n', 'c.tf')).toEqual({ records: [], findings: [] });
  });
});
