/**
 * The contract's answers on MX sets, in files as in live checks (they share the set checks):
 * no `mx-same-priority` beside `mx-split-delivery`; `mx-single` when only one target is usable,
 * naming it; Microsoft's retired hosts are `mx-provider-incomplete`.
 */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

const check = (...lines: string[]) => checkFile(readZone(`$ORIGIN example.com.\n${lines.join('\n')}\n`, { file: 'db.example.com' })).findings;
const ids = (findings: ReturnType<typeof check>) => findings.map((f) => f.id).sort();

describe('MX set answers in a zone file', () => {
  it('a split at one priority is mx-split-delivery alone', () => {
    expect(ids(check('@ MX 1 smtp.google.com.', '@ MX 1 example-com.mail.protection.outlook.com.'))).toEqual(['mx-split-delivery']);
    // Without a split, one priority is still mx-same-priority.
    expect(ids(check('@ MX 10 mx1', '@ MX 10 mx2', 'mx1 A 185.1.1.1', 'mx2 A 185.1.1.2'))).toEqual(['mx-same-priority']);
  });

  it('one usable target beside an IP literal is mx-single, naming the usable host', () => {
    const findings = check('@ MX 10 192.0.2.1.', '@ MX 20 mail', 'mail A 185.1.1.1');
    expect(ids(findings)).toEqual(['mx-single', 'mx-target-ip-literal']);
    expect(findings.find((f) => f.id === 'mx-single')!.message).toContain('mail.example.com is the only usable MX host of example.com');
  });

  it('a retired Microsoft host is mx-provider-incomplete on its record', () => {
    const findings = check('@ MX 0 example-com.mail.eo.outlook.com.');
    expect(ids(findings)).toEqual(['mx-provider-incomplete']);
    expect(findings[0]!.range?.start.line).toBe(1);
  });
});
