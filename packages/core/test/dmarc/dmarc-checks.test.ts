import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/dns/types.js';
import { checkDmarcTexts } from '../../src/checks/dmarc/check-dmarc-texts.js';
import { describeDmarc } from '../../src/checks/dmarc/describe-dmarc.js';
import { runDmarcChecks } from '../../src/checks/dmarc/run-dmarc-checks.js';
import type { Finding } from '../../src/findings/finding.js';

const NAME = '_dmarc.example.com';
const answer = (...records: (string | string[])[]): LookupResult => ({
  kind: 'answer',
  question: { name: NAME, type: 'TXT' },
  records: records.map((data) => ({ name: NAME, ttl: 300, type: 'TXT', data: typeof data === 'string' ? [data] : data })),
});
const nxdomain: LookupResult = { kind: 'nxdomain', question: { name: NAME, type: 'TXT' }, records: [] };
const failed: LookupResult = { kind: 'failed', question: { name: NAME, type: 'TXT' }, reason: 'servfail', detail: 'SERVFAIL from https://dns.example/' };
const ids = (findings: readonly Finding[]): string[] => findings.map((item) => item.id);
const run = (result: LookupResult) => runDmarcChecks('example.com', result);

describe('dmarc-missing', () => {
  it('fires on NXDOMAIN and on TXT without v=DMARC1', () => {
    const [nx] = run(nxdomain);
    expect(nx).toMatchObject({ id: 'dmarc-missing', severity: 'warning', subject: 'example.com', evidence: 'TXT _dmarc.example.com → NXDOMAIN' });
    expect(nx?.fix).toContain('_dmarc.example.com. TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"');
    const other = run(answer('some verification token'));
    expect(ids(other)).toEqual(['dmarc-missing']);
    expect(other[0]?.evidence).toMatch(/1 record, none starting with "v=DMARC1"/);
  });
  it('does not fire when a DMARC record is there beside other TXT', () => {
    expect(run(answer('hello', 'v=DMARC1; p=reject'))).toEqual([]);
  });
  it('rule zero: a failed lookup yields nothing', () => {
    expect(run(failed)).toEqual([]);
  });
});

describe('dmarc-invalid', () => {
  it('fires for a record without p=', () => {
    const findings = run(answer('v=DMARC1; rua=mailto:d@example.com'));
    expect(ids(findings)).toEqual(['dmarc-invalid']);
    expect(findings[0]).toMatchObject({ severity: 'error', subject: 'example.com' });
    expect(findings[0]?.message).toMatch(/required p= tag/);
  });
  it('fires for an unknown policy', () => {
    expect(ids(run(answer('v=DMARC1; p=block')))).toEqual(['dmarc-invalid']);
  });
  it('fires for several DMARC records: no policy applies', () => {
    const findings = run(answer('v=DMARC1; p=reject', 'v=DMARC1; p=none'));
    expect(ids(findings)).toEqual(['dmarc-invalid']);
    expect(findings[0]?.message).toMatch(/2 DMARC records, so no DMARC policy applies/);
    expect(findings[0]?.rfc).toBe('RFC 7489 §6.6.3');
  });
  it('joins a record split into several strings before parsing', () => {
    expect(run(answer(['v=DMARC1; p=rej', 'ect; rua=mailto:d@example.com']))).toEqual([]);
  });
});

describe('dmarc-not-enforced', () => {
  it('fires for p=none', () => {
    const findings = run(answer('v=DMARC1; p=none; rua=mailto:d@example.com'));
    expect(ids(findings)).toEqual(['dmarc-not-enforced']);
    expect(findings[0]).toMatchObject({ severity: 'info', subject: 'example.com' });
    expect(findings[0]?.fix).toContain('"v=DMARC1; p=quarantine; rua=mailto:d@example.com"');
  });
  it('does not fire for quarantine or reject, nor for an invalid record', () => {
    expect(run(answer('v=DMARC1; p=quarantine'))).toEqual([]);
    expect(run(answer('v=DMARC1; p=reject; sp=none'))).toEqual([]);
    expect(ids(run(answer('v=DMARC1; p=none; pct=200')))).toEqual(['dmarc-invalid']);
  });
});

describe('checkDmarcTexts (file records)', () => {
  const range = { file: 'main.tf', start: { line: 4, character: 2 }, end: { line: 4, character: 30 } };
  it('reports dmarc-invalid with the range', () => {
    const findings = checkDmarcTexts('_dmarc.example.com.', [{ text: 'v=DMARC1; p=maybe', range }]);
    expect(ids(findings)).toEqual(['dmarc-invalid']);
    expect(findings[0]).toMatchObject({ subject: '_dmarc.example.com', range });
  });
  it('ignores other TXT and sound records', () => {
    expect(checkDmarcTexts('_dmarc.example.com', [{ text: 'v=DMARC1; p=none', range }, { text: 'hello', range }])).toEqual([]);
  });
});

describe('describeDmarc', () => {
  it('summarises in one line', () => {
    expect(describeDmarc(answer('v=DMARC1; p=reject; rua=mailto:d@example.com!10m'))).toBe('DMARC: p=reject, reports to mailto:d@example.com');
    expect(describeDmarc(answer('v=DMARC1; p=quarantine; sp=none; pct=20'))).toBe('DMARC: p=quarantine, sp=none, pct=20, no reports');
    expect(describeDmarc(nxdomain)).toBe('DMARC: none');
    expect(describeDmarc(failed)).toBe('DMARC: lookup failed (SERVFAIL from https://dns.example/)');
    expect(describeDmarc(answer('v=DMARC1; p=x'))).toBe('DMARC: invalid (no valid p=)');
  });
});
