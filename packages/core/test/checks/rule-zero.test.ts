/**
 * Rule zero (shared/checks.md): a failed lookup is never read as an absent record. Each case
 * builds a snapshot where a "could not check" would look like "nothing there" to a careless check.
 */
import { describe, expect, it } from 'vitest';
import { runLiveMxChecks } from '../../src/checks/mx/run-mx-checks.js';
import { buildMxTable } from '../../src/checks/mx/mx-table.js';
import type { FailureReason } from '../../src/dns/types.js';
import { addressFacts, answer, failed, ids, nxdomain, snapshot, target, withTarget } from './helpers.js';

const D = 'example.com';
const ABSENCE = ['mx-missing', 'domain-nxdomain', 'mx-target-nxdomain', 'mx-target-no-address', 'mx-target-ptr-missing', 'mx-target-ptr-mismatch', 'mx-all-targets-broken', 'mx-target-ipv6-only', 'mx-target-private-address'];
const REASONS: FailureReason[] = ['timeout', 'servfail', 'refused', 'rcode', 'http-status', 'content-type', 'malformed', 'mismatch', 'truncated', 'too-large', 'network', 'aborted'];

describe('rule zero', () => {
  it.each(REASONS)('a failed MX lookup (%s) yields only lookup-failed', (reason) => {
    const findings = runLiveMxChecks(snapshot(D, failed(D, 'MX', reason), { a: answer(D, 'A'), aaaa: answer(D, 'AAAA') }));
    expect(ids(findings)).toEqual(['lookup-failed']);
    expect(findings[0]?.evidence).toContain(`MX ${D}`);
    expect(buildMxTable(snapshot(D, failed(D, 'MX', reason)))).toEqual([]);
  });

  it('a failed A lookup of the target claims neither nxdomain nor no-address, nor ipv6-only', () => {
    const t = target('mx.example.com', { a: failed('mx.example.com', 'A'), aaaa: answer('mx.example.com', 'AAAA') });
    const findings = runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), t));
    expect(ids(findings).filter((id) => ABSENCE.includes(id))).toEqual([]);
    expect(ids(findings)).toContain('lookup-failed');
    // Positive control: the same target answered NXDOMAIN for A and AAAA is reported as such.
    const gone = target('mx.example.com', { a: nxdomain('mx.example.com', 'A'), aaaa: nxdomain('mx.example.com', 'AAAA') });
    expect(ids(runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), gone)))).toContain('mx-target-nxdomain');
  });

  it('a failed AAAA beside an A-NXDOMAIN is not an nxdomain verdict', () => {
    const t = target('mx.example.com', { a: nxdomain('mx.example.com', 'A'), aaaa: failed('mx.example.com', 'AAAA', 'timeout') });
    const findings = runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), t));
    expect(ids(findings).filter((id) => ABSENCE.includes(id))).toEqual([]);
    expect(ids(findings)).toContain('lookup-failed');
    // Positive control: the same snapshot with the AAAA answered NXDOMAIN too is the nxdomain verdict.
    const both = target('mx.example.com', { a: nxdomain('mx.example.com', 'A'), aaaa: nxdomain('mx.example.com', 'AAAA') });
    expect(ids(runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), both)))).toContain('mx-target-nxdomain');
  });

  it('a failed A beside an IPv6-only private AAAA is not "only private" nor "IPv6 only"', () => {
    const t = target('mx.example.com', { a: failed('mx.example.com', 'A'), v6: ['fd00::1'] });
    const findings = runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), t));
    expect(ids(findings).filter((id) => ABSENCE.includes(id))).toEqual([]);
    expect(ids(findings)).toContain('lookup-failed');
    // Positive control: with the A answered empty, the same AAAA is reported.
    const answered = target('mx.example.com', { v4: [], v6: ['fd00::1'] });
    expect(ids(runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com']), answered))).filter((id) => ABSENCE.includes(id)).length).toBeGreaterThan(0);
  });

  it('a failed PTR lookup is not ptr-missing', () => {
    const t = target('mx.example.com', {
      v4: ['20.0.0.9'],
      addresses: [addressFacts('20.0.0.9', 'mx.example.com', { ptr: failed('9.0.0.20.in-addr.arpa', 'PTR'), forward: [] })],
    });
    const findings = runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com', '20 mx2.example.com']), t));
    expect(ids(findings)).toEqual(['lookup-failed']);
  });

  it('a failed forward lookup of the PTR name is not ptr-mismatch', () => {
    const t = target('mx.example.com', {
      v4: ['20.0.0.9'],
      addresses: [addressFacts('20.0.0.9', 'host.isp.net', { forward: [{ ptrName: 'host.isp.net', result: failed('host.isp.net', 'A') }] })],
    });
    const findings = runLiveMxChecks(withTarget(snapshot(D, ['10 mx.example.com', '20 mx2.example.com']), t));
    expect(ids(findings)).toEqual(['lookup-failed']);
  });

  it('a failed own-address lookup does not change mx-missing into "no implicit MX"', () => {
    const findings = runLiveMxChecks(snapshot(D, answer(D, 'MX'), { a: failed(D, 'A'), aaaa: failed(D, 'AAAA') }));
    expect(ids(findings).sort()).toEqual(['lookup-failed', 'lookup-failed', 'mx-missing']);
    expect(findings.find((f) => f.id === 'mx-missing')?.evidence).not.toContain('no A');
  });

  it('all targets unknown: no summary, the table says unknown', () => {
    const snap = snapshot(D, ['10 mx1.example.com'], {
      targets: [target('mx1.example.com', { a: failed('mx1.example.com', 'A'), aaaa: failed('mx1.example.com', 'AAAA') })],
    });
    expect(ids(runLiveMxChecks(snap)).filter((id) => ABSENCE.includes(id))).toEqual([]);
    expect(ids(runLiveMxChecks(snap))).toContain('lookup-failed');
    expect(buildMxTable(snap).map((row) => row.status)).toEqual(['unknown']);
  });
});
