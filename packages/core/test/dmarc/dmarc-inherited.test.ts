/**
 * DMARC of subdomains (RFC 7489 §6.6.3): with no record at `_dmarc.<domain>`, receivers apply the
 * organisational domain's record, its `sp=` else its `p=`. `dmarc-missing` only when neither
 * exists; `dmarc-inherited` (info) names the record that applies; rule zero for the second lookup.
 */
import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/dns/types.js';
import { appliedDmarc } from '../../src/checks/dmarc/applied-dmarc.js';
import { describeDmarc } from '../../src/checks/dmarc/describe-dmarc.js';
import { runDmarcChecks } from '../../src/checks/dmarc/run-dmarc-checks.js';
import type { Finding } from '../../src/findings/finding.js';

const SUB = 'mail.example.com';
const ORG = 'example.com';

const txtAnswer = (name: string, ...records: string[]): LookupResult => ({
  kind: 'answer',
  question: { name, type: 'TXT' },
  records: records.map((data) => ({ name, ttl: 300, type: 'TXT', data: [data] })),
});
const nx = (name: string): LookupResult => ({ kind: 'nxdomain', question: { name, type: 'TXT' }, records: [] });
const fail = (name: string): LookupResult => ({ kind: 'failed', question: { name, type: 'TXT' }, reason: 'servfail', detail: 'SERVFAIL from https://dns.example/' });
const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);

const own = nx(`_dmarc.${SUB}`);
const org = (result: LookupResult) => ({ domain: ORG, dmarc: result });

describe('dmarc-inherited (RFC 7489 §6.6.3)', () => {
  it('no record at the subdomain, one at the organisational domain: info dmarc-inherited naming the record, not dmarc-missing', () => {
    const findings = runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=reject; rua=mailto:d@example.com')));
    expect(ids(findings)).toEqual(['dmarc-inherited']);
    expect(findings[0]).toMatchObject({ severity: 'info', subject: SUB, rfc: 'RFC 7489 §6.6.3' });
    expect(findings[0]!.evidence).toBe('TXT _dmarc.mail.example.com → NXDOMAIN; TXT _dmarc.example.com → "v=DMARC1; p=reject; rua=mailto:d@example.com"');
    expect(findings[0]!.message).toContain('p=reject');
    expect(findings[0]!.message).toContain('example.com');
  });

  it('the subdomain policy sp= is the one that applies, and p=none via sp is dmarc-not-enforced', () => {
    const findings = runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=reject; sp=none')));
    // In catalogue order, as the registry runs them.
    expect(ids(findings)).toEqual(['dmarc-not-enforced', 'dmarc-inherited']);
    expect(findings[0]!.message).toContain('sp=none');
    expect(findings[1]!.message).toContain('sp=none');
    expect(findings[0]!.subject).toBe(SUB);
    // sp=reject under p=none: enforced for the subdomain.
    expect(ids(runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=none; sp=reject'))))).toEqual(['dmarc-inherited']);
    // No sp=: p= applies.
    expect(ids(runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=none'))))).toEqual(['dmarc-not-enforced', 'dmarc-inherited']);
  });

  it('dmarc-missing only when neither exists, with both names in the evidence', () => {
    const findings = runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'google-site-verification=abc')));
    expect(ids(findings)).toEqual(['dmarc-missing']);
    expect(findings[0]!.evidence).toBe('TXT _dmarc.mail.example.com → NXDOMAIN; TXT _dmarc.example.com → 1 record, none starting with "v=DMARC1"');
    expect(ids(runDmarcChecks(SUB, own, org(nx(`_dmarc.${ORG}`))))).toEqual(['dmarc-missing']);
  });

  it('rule zero: a failed organisational lookup is lookup-failed, never dmarc-missing', () => {
    const findings = runDmarcChecks(SUB, own, org(fail(`_dmarc.${ORG}`)));
    expect(ids(findings)).toEqual(['lookup-failed']);
    expect(findings[0]!.evidence).toBe('TXT _dmarc.example.com: SERVFAIL from https://dns.example/');
    expect(describeDmarc(own, org(fail(`_dmarc.${ORG}`)))).toBe('DMARC: none at _dmarc.mail.example.com; the lookup of _dmarc.example.com failed (SERVFAIL from https://dns.example/)');
  });

  it('a record of its own wins: the organisational answer is not looked at, even when it failed', () => {
    const mine = txtAnswer(`_dmarc.${SUB}`, 'v=DMARC1; p=quarantine');
    expect(runDmarcChecks(SUB, mine, org(fail(`_dmarc.${ORG}`)))).toEqual([]);
    expect(appliedDmarc(SUB, mine, org(fail(`_dmarc.${ORG}`)))).toMatchObject({ kind: 'own', policy: 'quarantine' });
  });

  it('several or broken records at the organisational domain: dmarc-invalid, no policy applies', () => {
    const several = runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=reject', 'v=DMARC1; p=none')));
    expect(ids(several)).toEqual(['dmarc-invalid']);
    expect(several[0]!.message).toContain('_dmarc.example.com publishes 2 DMARC records, so no DMARC policy applies to mail.example.com');
    expect(ids(runDmarcChecks(SUB, own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=maybe'))))).toEqual(['dmarc-invalid']);
  });

  it('without an organisational domain (the domain is its own), no record is dmarc-missing as before', () => {
    expect(ids(runDmarcChecks(ORG, nx(`_dmarc.${ORG}`)))).toEqual(['dmarc-missing']);
  });

  it('the one-liner speaks of the policy that applies', () => {
    expect(describeDmarc(own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com')))).toBe(
      'DMARC: inherited from example.com: sp=quarantine, reports to mailto:d@example.com',
    );
    expect(describeDmarc(own, org(txtAnswer(`_dmarc.${ORG}`, 'v=DMARC1; p=reject')))).toBe('DMARC: inherited from example.com: p=reject, no reports');
    expect(describeDmarc(own, org(nx(`_dmarc.${ORG}`)))).toBe('DMARC: none (nor at example.com)');
  });
});
