import { describe, expect, it } from 'vitest';
import { buildMxTable } from '../../src/checks/mx/mx-table.js';
import { addressFacts, failed, nxdomain, publicV4, snapshot, target, withTarget } from './helpers.js';
import { snapshot as policySnapshot } from '../policies/facts.js';

const D = 'example.com';

describe('buildMxTable', () => {
  it('sorts by preference then name, names the provider, lists addresses and PTRs', () => {
    const snap = snapshot(D, ['10 alt2.aspmx.l.google.com', '5 alt1.aspmx.l.google.com', '10 alt1b.aspmx.l.google.com', '1 aspmx.l.google.com']);
    const rows = buildMxTable(snap);
    expect(rows.map((row) => `${row.preference} ${row.exchange}`)).toEqual([
      '1 aspmx.l.google.com',
      '5 alt1.aspmx.l.google.com',
      '10 alt1b.aspmx.l.google.com',
      '10 alt2.aspmx.l.google.com',
    ]);
    expect(rows[0]).toEqual({
      preference: 1,
      exchange: 'aspmx.l.google.com',
      provider: 'Google Workspace',
      addresses: [{ address: publicV4('aspmx.l.google.com'), family: 4, ptr: ['aspmx.l.google.com'] }],
      status: 'ok',
    });
  });

  it('marks a broken host as a problem, and one not fully checked as unknown', () => {
    const snap = withTarget(
      withTarget(
        snapshot(D, ['10 mx1.example.com', '20 mx2.example.com', '30 mx3.example.com']),
        target('mx1.example.com', { a: nxdomain('mx1.example.com', 'A'), aaaa: nxdomain('mx1.example.com', 'AAAA') }),
      ),
      target('mx3.example.com', {
        v4: ['20.0.0.3'],
        addresses: [addressFacts('20.0.0.3', 'mx3.example.com', { ptr: failed('3.0.0.20.in-addr.arpa', 'PTR'), forward: [] })],
      }),
    );
    const rows = buildMxTable(snap);
    expect(rows.map((row) => [row.exchange, row.status])).toEqual([
      ['mx1.example.com', 'problem'],
      ['mx2.example.com', 'ok'],
      ['mx3.example.com', 'unknown'],
    ]);
    expect(rows[0]?.provider).toBeUndefined();
    expect(rows[2]?.addresses).toEqual([{ address: '20.0.0.3', family: 4 }]);
  });

  it('shows the null MX and IP literals as rows', () => {
    expect(buildMxTable(snapshot(D, ['0 .']))).toEqual([{ preference: 0, exchange: '', addresses: [], status: 'ok' }]);
    expect(buildMxTable(snapshot(D, ['10 192.0.2.1'])).map((row) => row.status)).toEqual(['problem']);
  });

  it('is empty for NXDOMAIN', () => {
    expect(buildMxTable(snapshot(D, nxdomain(D, 'MX')))).toEqual([]);
  });

  it('marks a host the MTA-STS policy (testing or enforce) does not cover as a problem: the finding is about the domain', () => {
    const snap = snapshot(D, ['10 mx1.example.com', '20 mx2.example.com']);
    const withPolicy = (mode: string) => ({
      ...snap,
      policy: {
        ...policySnapshot().policy!,
        mtaStsPolicy: { kind: 'fetched' as const, url: `https://mta-sts.${D}/.well-known/mta-sts.txt`, address: '127.0.0.1', contentType: 'text/plain', body: `version: STSv1\r\nmode: ${mode}\r\nmx: mx1.${D}\r\nmax_age: 86400\r\n` },
      },
    });
    const statuses = (s: Parameters<typeof buildMxTable>[0]) => buildMxTable(s).map((row) => [row.exchange, row.status]);
    expect(statuses(snap)).toEqual([['mx1.example.com', 'ok'], ['mx2.example.com', 'ok']]);
    for (const mode of ['enforce', 'testing']) expect(statuses(withPolicy(mode))).toEqual([['mx1.example.com', 'ok'], ['mx2.example.com', 'problem']]);
    expect(statuses(withPolicy('none'))).toEqual([['mx1.example.com', 'ok'], ['mx2.example.com', 'ok']]);
  });
});
