/**
 * DMARC in files: the contract gives files `dmarc-invalid` only. A file is not the whole DNS (the
 * organisational domain's record may live in another zone), so a subdomain without `_dmarc` is
 * neither `dmarc-missing` nor `dmarc-inherited` here; those are live findings.
 */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('DMARC in zone files', () => {
  it('a subdomain without _dmarc, with or without the apex record, gives no missing/inherited finding', () => {
    for (const apex of ['_dmarc TXT "v=DMARC1; p=reject"', '; no DMARC at the apex either']) {
      const read = readZone(lines('$ORIGIN example.com.', apex, 'sub MX 10 mx1', 'sub MX 20 mx2', 'mx1 A 185.1.1.1', 'mx2 A 185.1.1.2', 'sub TXT "v=spf1 -all"'), { file: 'db.example.com' });
      expect(checkFile(read).findings.map((f) => f.id), apex).toEqual([]);
    }
  });

  it('still judges the records a file has: dmarc-invalid on the record', () => {
    const read = readZone(lines('$ORIGIN example.com.', '_dmarc TXT "v=DMARC1; p=maybe"', '_dmarc.sub TXT "v=DMARC1; p=none"'), { file: 'db.example.com' });
    expect(checkFile(read).findings.map((f) => `${f.id} ${f.subject} ${f.range?.start.line}`)).toEqual(['dmarc-invalid _dmarc.example.com 1']);
  });
});
