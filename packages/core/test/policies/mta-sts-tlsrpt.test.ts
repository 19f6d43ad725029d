/** The MTA-STS and TLS-RPT records (RFC 8461 §3.1, RFC 8460 §3) and the checks on them. */
import { describe, expect, it } from 'vitest';
import { readStsRecord } from '../../src/checks/mta-sts/sts-record.js';
import { readTlsRptRecord } from '../../src/checks/tlsrpt/tlsrpt-record.js';
import { mtaStsRecordInvalid } from '../../src/checks/mta-sts/mta-sts-record-invalid.js';
import { tlsrptInvalid } from '../../src/checks/tlsrpt/tlsrpt-invalid.js';
import { tlsrptMissing } from '../../src/checks/tlsrpt/tlsrpt-missing.js';
import { DOMAIN, failed, secure, snapshot, tlsa, txt } from './facts.js';

describe('the MTA-STS record', () => {
  it('reads a valid record, with extensions, spaces and a final ";"', () => {
    expect(readStsRecord(['v=STSv1; id=20261203T1;'])).toEqual({ kind: 'valid', id: '20261203T1', text: 'v=STSv1; id=20261203T1;' });
    expect(readStsRecord(['v=STSv1;id=abc; ext_1=x-y.z '])).toMatchObject({ kind: 'valid', id: 'abc' });
  });
  it('discards records of other kinds (no error): only v=STSv1 ones count', () => {
    expect(readStsRecord(['google-site-verification=abc', 'v=spf1 -all'])).toEqual({ kind: 'none' });
    expect(readStsRecord(['v=STSv10; id=1'])).toEqual({ kind: 'none' });
  });
  it('finds two records, no id, a bad id, a repeated id, and a field that is not name=value', () => {
    expect(readStsRecord(['v=STSv1; id=1', 'v=STSv1; id=2'])).toMatchObject({ kind: 'invalid', problems: ['there are 2 "v=STSv1" records; there must be exactly one'] });
    expect(readStsRecord(['v=STSv1;'])).toMatchObject({ kind: 'invalid', problems: ['the required id field is missing'] });
    expect(readStsRecord(['v=STSv1; id=2026-12-03'])).toMatchObject({ kind: 'invalid', problems: ['id "2026-12-03" must be 1 to 32 letters and digits'] });
    expect(readStsRecord([`v=STSv1; id=${'a'.repeat(33)}`])).toMatchObject({ kind: 'invalid' });
    expect(readStsRecord(['v=STSv1; id=1; id=2'])).toMatchObject({ kind: 'invalid', problems: ['id is given more than once'] });
    expect(readStsRecord(['v=STSv1; id=1; mode'])).toMatchObject({ kind: 'invalid', problems: ['"mode" is not a name=value field'] });
    expect(readStsRecord(['v=STSv1 id=1'])).toMatchObject({ kind: 'invalid' });
  });
});

describe('the TLS-RPT record', () => {
  it('reads mailto: and https: URIs, an https URI may hold "="', () => {
    expect(readTlsRptRecord(['v=TLSRPTv1; rua=mailto:a@example.net, https://r.example.net/report?k=v'])).toEqual({
      kind: 'valid',
      rua: ['mailto:a@example.net', 'https://r.example.net/report?k=v'],
      text: 'v=TLSRPTv1; rua=mailto:a@example.net, https://r.example.net/report?k=v',
    });
  });
  it('finds a missing rua, another scheme, a mailto without address, and two records', () => {
    expect(readTlsRptRecord(['v=TLSRPTv1;'])).toMatchObject({ kind: 'invalid', problems: ['the required rua field is missing'] });
    expect(readTlsRptRecord(['v=TLSRPTv1; rua=ftp://x.example/'])).toMatchObject({ kind: 'invalid', problems: ['"ftp://x.example/" is neither mailto: nor https:'] });
    expect(readTlsRptRecord(['v=TLSRPTv1; rua=mailto:nobody'])).toMatchObject({ kind: 'invalid', problems: ['"mailto:nobody" has no mail address'] });
    expect(readTlsRptRecord(['v=TLSRPTv1; rua=mailto:a@b.example', 'v=TLSRPTv1; rua=mailto:c@d.example'])).toMatchObject({ kind: 'invalid' });
  });
});

describe('mta-sts-record-invalid, tlsrpt-invalid, tlsrpt-missing', () => {
  const withRecords = (sts: string[], rpt: string[]) => snapshot({ policy: { mtaSts: txt(`_mta-sts.${DOMAIN}`, sts), tlsRpt: txt(`_smtp._tls.${DOMAIN}`, rpt) } });

  it('mta-sts-record-invalid names the problems and the records', () => {
    const [found] = mtaStsRecordInvalid(withRecords(['v=STSv1; id=1', 'v=STSv1; id=2'], []));
    expect(found).toMatchObject({ id: 'mta-sts-record-invalid', severity: 'warning', subject: `_mta-sts.${DOMAIN}` });
    expect(found!.evidence).toBe(`TXT _mta-sts.${DOMAIN}: "v=STSv1; id=1"; TXT _mta-sts.${DOMAIN}: "v=STSv1; id=2"`);
    expect(mtaStsRecordInvalid(withRecords(['v=STSv1; id=1'], []))).toEqual([]);
  });

  it('tlsrpt-invalid names the problem', () => {
    const [found] = tlsrptInvalid(withRecords([], ['v=TLSRPTv1; rua=ftp://x.example/']));
    expect(found).toMatchObject({ id: 'tlsrpt-invalid', severity: 'warning', subject: `_smtp._tls.${DOMAIN}` });
    expect(found!.message).toContain('"ftp://x.example/" is neither mailto: nor https:');
  });

  it('tlsrpt-missing: MTA-STS without TLS-RPT; DANE without TLS-RPT; neither or with TLS-RPT: nothing', () => {
    expect(tlsrptMissing(withRecords(['v=STSv1; id=1'], []))[0]).toMatchObject({ id: 'tlsrpt-missing', severity: 'info', subject: `_smtp._tls.${DOMAIN}` });
    const dane = snapshot({ hosts: [{ name: `mx1.${DOMAIN}`, tlsa: secure(`_25._tcp.mx1.${DOMAIN}`, 'TLSA', tlsa(`mx1.${DOMAIN}`, [3, 1, 1])) }] });
    expect(tlsrptMissing(dane)[0]!.message).toBe(`${DOMAIN} uses DANE but publishes no TLS-RPT record, so senders that fail to deliver under the policy tell nobody.`);
    expect(tlsrptMissing(withRecords([], []))).toEqual([]);
    expect(tlsrptMissing(withRecords(['v=STSv1; id=1'], ['v=TLSRPTv1; rua=mailto:r@example.net']))).toEqual([]);
  });

  it('a failed lookup is no evidence: nothing is reported', () => {
    const facts = snapshot({ policy: { mtaSts: txt(`_mta-sts.${DOMAIN}`, ['v=STSv1; id=1']), tlsRpt: failed(`_smtp._tls.${DOMAIN}`, 'TXT', 'timeout') } });
    expect(tlsrptMissing(facts)).toEqual([]);
    expect(mtaStsRecordInvalid(snapshot({ policy: { mtaSts: failed(`_mta-sts.${DOMAIN}`, 'TXT', 'timeout') } }))).toEqual([]);
  });
});
