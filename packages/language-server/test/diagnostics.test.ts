/** What the server publishes for a file with very many findings: the most severe 1,000 and a note. */
import { checkFile, readZone } from '@mx-doctor/core';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticsByUri, MAX_DIAGNOSTICS_PER_DOCUMENT } from '../src/diagnostics.js';

const FILE = '/zones/db.many.test';
const URI = pathToFileURL(FILE).href;

function diagnosticsOf(text: string) {
  const read = readZone(text, { file: FILE });
  const check = checkFile(read);
  return { count: check.findings.length, diagnostics: diagnosticsByUri(check.findings, read, check, [URI]).get(URI)! };
}

describe('diagnosticsByUri: at most 1,000 per document', () => {
  it('keeps the errors among 1,500 warnings and says how many more there are', () => {
    const lines = ['$ORIGIN many.test.'];
    // One warning each (mx-single: one MX host) ...
    for (let i = 0; i < 1500; i++) lines.push(`w${i} IN MX 10 mx.example.net.`);
    // ... and, last in the file, five errors.
    for (let i = 0; i < 5; i++) lines.push(`e${i} IN BOGUS x`);
    const { count, diagnostics } = diagnosticsOf(`${lines.join('\n')}\n`);
    expect(count).toBe(1505);
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_DOCUMENT + 1);
    expect(diagnostics.filter((d) => d.code === 'syntax')).toHaveLength(5);
    const note = diagnostics.at(-1)!;
    expect(note).toMatchObject({ severity: 3, source: 'mx-doctor', range: { start: { line: 0, character: 0 } } });
    expect(note.message).toBe('505 more findings in this file are not shown (at most 1,000 per file); `mx-doctor lint` lists them all.');
  });

  it('publishes exactly 1,000 with no note', () => {
    const lines = ['$ORIGIN many.test.'];
    for (let i = 0; i < 1000; i++) lines.push(`w${i} IN MX 10 mx.example.net.`);
    const { count, diagnostics } = diagnosticsOf(`${lines.join('\n')}\n`);
    expect(count).toBe(1000);
    expect(diagnostics).toHaveLength(1000);
    expect(diagnostics.every((d) => d.code === 'mx-single')).toBe(true);
  });
});
