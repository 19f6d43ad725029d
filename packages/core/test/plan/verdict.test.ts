/**
 * Issue #13, item 5: the verdict. When no MX target could be looked up (every target's address
 * lookups failed), whether the domain receives mail is unknown: "could-not-check", never
 * "receives-mail" (rule zero). Served by the loopback DoH test server through the whole plan.
 */
import { describe, expect, it } from 'vitest';
import type { DomainReport } from '../../src/plan/report.js';
import { VICTIM, VICTIM_MX, wire, useVictimServer } from '../dns/hostile-zone.js';
import type { Zone } from '../dns/hostile-zone.js';

const victim = useVictimServer();
const check = (overrides: Zone): Promise<DomainReport> => victim.check(overrides);

const SERVFAIL = { rcode: 2 };
const BACKUP_MX = 'mx2.victim.example';

describe('the verdict when the MX targets could not be looked up', () => {
  it('the healthy zone receives mail', async () => {
    expect((await check({})).verdict).toBe('receives-mail');
  });

  it('every target’s A and AAAA failed: could-not-check', async () => {
    const report = await check({ [`${VICTIM_MX} A`]: SERVFAIL, [`${VICTIM_MX} AAAA`]: SERVFAIL });
    expect(report.findings.some((f) => f.id === 'lookup-failed')).toBe(true);
    expect(report.verdict).toBe('could-not-check');
  });

  it('A failed and AAAA empty: the target may still have an IPv4 address, so could-not-check', async () => {
    const report = await check({ [`${VICTIM_MX} A`]: SERVFAIL });
    expect(report.verdict).toBe('could-not-check');
  });

  it('two targets, both failed: could-not-check', async () => {
    const report = await check({
      [`${VICTIM} MX`]: { answers: [wire.mx(VICTIM, 10, VICTIM_MX), wire.mx(VICTIM, 20, BACKUP_MX)] },
      [`${VICTIM_MX} A`]: SERVFAIL,
      [`${VICTIM_MX} AAAA`]: SERVFAIL,
      [`${BACKUP_MX} A`]: SERVFAIL,
      [`${BACKUP_MX} AAAA`]: SERVFAIL,
    });
    expect(report.verdict).toBe('could-not-check');
  });

  it('one target failed, the other has an address: receives mail (with lookup-failed beside)', async () => {
    const report = await check({
      [`${VICTIM} MX`]: { answers: [wire.mx(VICTIM, 10, VICTIM_MX), wire.mx(VICTIM, 20, BACKUP_MX)] },
      [`${VICTIM_MX} A`]: SERVFAIL,
      [`${VICTIM_MX} AAAA`]: SERVFAIL,
      [`${BACKUP_MX} A`]: { answers: [wire.a(BACKUP_MX, '185.12.64.20')] },
    });
    expect(report.findings.some((f) => f.id === 'lookup-failed')).toBe(true);
    expect(report.verdict).toBe('receives-mail');
  });

  it('one target failed, the other known broken: problems (a known error stands)', async () => {
    const report = await check({
      [`${VICTIM} MX`]: { answers: [wire.mx(VICTIM, 10, VICTIM_MX), wire.mx(VICTIM, 20, 'typo.victim-mail.example')] },
      [`${VICTIM_MX} A`]: SERVFAIL,
      [`${VICTIM_MX} AAAA`]: SERVFAIL,
    });
    expect(report.findings.some((f) => f.id === 'mx-target-nxdomain')).toBe(true);
    expect(report.verdict).toBe('problems');
  });
});
