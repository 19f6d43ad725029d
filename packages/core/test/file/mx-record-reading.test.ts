/**
 * What reading an MX record of a file can find before any check runs (`readFileMx`): `mx-syntax`
 * (not a preference and one host, RFC 1035 §3.3.9) and `mx-priority-range` (not 0–65535). The rest
 * of the file is still checked.
 */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

const zone = (...lines: string[]) => readZone(`$ORIGIN example.com.\n$TTL 300\n${lines.join('\n')}\n`, { file: 'db.example' });
const about = (id: string, text: string[]) => checkFile(zone(...text)).findings.filter((f) => f.id === id);

describe('reading MX records in files', () => {
  it('mx-syntax: a record with only a preference, on the whole record', () => {
    const [found, ...rest] = about('mx-syntax', ['@ MX 10', 'mail A 192.0.2.1']);
    expect(rest).toEqual([]);
    expect(found?.severity).toBe('error');
    expect(found?.message).toBe('This MX record needs a preference and a target host; only "10" is given.');
    expect(found?.range).toMatchObject({ file: 'db.example', start: { line: 2, character: 0 } });
  });

  it('mx-syntax: a record with a field too many, on the extra field; the record is still read', () => {
    const findings = checkFile(zone('@ MX 10 mail.example.com. extra', 'mail A 192.0.2.1')).findings;
    const syntax = findings.filter((f) => f.id === 'mx-syntax');
    expect(syntax.map((f) => f.message)).toEqual(['This MX record has 1 field too many: an MX is a preference and one host.']);
    expect(syntax[0]!.range).toMatchObject({ start: { line: 2, character: 26 }, end: { line: 2, character: 31 } });
    // Read as `10 mail.example.com.`: its set checks still run.
    expect(findings.map((f) => f.id)).toContain('mx-single');
  });

  it('mx-priority-range: a preference above 65535 or not a number, on the preference; the record is dropped', () => {
    for (const preference of ['65536', 'ten', '-1']) {
      const findings = checkFile(zone(`@ MX ${preference} mail.example.com.`, '@ MX 20 mx2.example.com.', 'mail A 192.0.2.1', 'mx2 A 192.0.2.2')).findings;
      const range = findings.filter((f) => f.id === 'mx-priority-range');
      expect(range.map((f) => f.message), preference).toEqual([`MX preference "${preference}" is not a whole number from 0 to 65535.`]);
      expect(range[0]!.range).toMatchObject({ start: { line: 2, character: 5 }, end: { line: 2, character: 5 + preference.length } });
      // The other record is alone in its RRset now.
      expect(findings.filter((f) => f.id === 'mx-single').map((f) => f.evidence), preference).toEqual(['MX 20 mx2.example.com.']);
    }
  });

  it('takes 0 and 65535 as preferences', () => {
    expect(about('mx-priority-range', ['@ MX 0 mail.example.com.', '@ MX 65535 mx2.example.com.', 'mail A 192.0.2.1', 'mx2 A 192.0.2.2'])).toEqual([]);
  });
});
