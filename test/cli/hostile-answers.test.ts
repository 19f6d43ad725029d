/**
 * Issue #13 end to end: the built `mx-doctor check` against a hostile DoH resolver on loopback
 * (the test DoH server of the core package, answering what each test says). An answer that holds
 * another owner's MX does not make that host the domain's MX: the MX lookup failed, so the verdict
 * is could-not-check and the exit status 2. The same when every MX target's lookups fail, or the
 * domain's CNAME chain loops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDohServer } from '../../packages/core/test/dns/doh-test-server.js';
import type { DohTestServer } from '../../packages/core/test/dns/doh-test-server.js';
import { HEALTHY_ZONE, VICTIM, VICTIM_MX, asked, wire, zoneHandler } from '../../packages/core/test/dns/hostile-zone.js';
import type { Zone } from '../../packages/core/test/dns/hostile-zone.js';
import { idsOf, runCli } from './run-cli.js';

interface JsonReport {
  domain: string;
  verdict: string;
  mx: { preference: number; exchange: string; status: string }[];
  findings: { id: string; severity: string; message: string; subject: string; evidence?: string }[];
}

const ATTACKER_MX = 'mx.attacker.example';
const ABSENCE_IDS = ['mx-missing', 'spf-missing', 'dmarc-missing', 'mx-target-no-address', 'mx-target-nxdomain', 'domain-nxdomain', 'mx-target-ptr-missing'];

let server: DohTestServer;

beforeAll(async () => {
  server = await startDohServer(zoneHandler(HEALTHY_ZONE));
});
afterAll(async () => {
  await server.close();
});

async function check(overrides: Zone): Promise<{ code: number | null; report: JsonReport }> {
  server.handler = zoneHandler({ ...HEALTHY_ZONE, ...overrides });
  server.requests.length = 0;
  const run = await runCli(['check', VICTIM, '--resolver', server.url, '--format', 'json', '--timeout', '2000']);
  let reports: JsonReport[];
  try {
    reports = JSON.parse(run.stdout) as JsonReport[];
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { code: run.code, report: reports[0]! };
}

describe('mx-doctor check under hostile answers', () => {
  it('the healthy zone receives mail (exit 0)', async () => {
    const { code, report } = await check({});
    expect(report.verdict).toBe('receives-mail');
    expect(report.mx.map((row) => row.exchange)).toEqual([VICTIM_MX]);
    expect(code).toBe(0);
  });

  it('an answer with only the attacker’s MX: not used; lookup-failed, could-not-check, exit 2', async () => {
    const { code, report } = await check({
      [`${VICTIM} MX`]: { answers: [wire.mx('evil.example', 10, ATTACKER_MX)] },
      [`${ATTACKER_MX} A`]: { answers: [wire.a(ATTACKER_MX, '185.66.6.6')] },
    });
    expect(report.verdict).toBe('could-not-check');
    expect(report.mx).toEqual([]);
    expect(JSON.stringify(report)).not.toContain(`"exchange":"${ATTACKER_MX}"`);
    const failed = report.findings.filter((f) => f.id === 'lookup-failed' && f.evidence?.startsWith(`MX ${VICTIM}:`));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.evidence).toMatch(/does not answer victim\.example MX/);
    expect(idsOf(report).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
    expect(asked(server)).not.toContain(`${ATTACKER_MX} A`);
    expect(code).toBe(2);
  });

  it('every MX target’s address lookups fail: could-not-check, exit 2', async () => {
    const { code, report } = await check({ [`${VICTIM_MX} A`]: { rcode: 2 }, [`${VICTIM_MX} AAAA`]: { rcode: 2 } });
    expect(report.verdict).toBe('could-not-check');
    expect(idsOf(report)).toContain('lookup-failed');
    expect(idsOf(report).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
    expect(code).toBe(2);
  });

  it('a CNAME loop at the mail domain: lookup-failed "alias loop", not mx-missing, exit 2', async () => {
    const loop = { answers: [wire.cname(VICTIM, 'b.example'), wire.cname('b.example', VICTIM)] };
    const { code, report } = await check({ [`${VICTIM} MX`]: loop, [`${VICTIM} TXT`]: loop, [`${VICTIM} A`]: loop, [`${VICTIM} AAAA`]: loop });
    const failed = report.findings.find((f) => f.id === 'lookup-failed' && f.evidence?.startsWith(`MX ${VICTIM}:`));
    expect(failed?.message).toMatch(/alias loop/);
    expect(failed?.evidence).toContain('victim.example. → CNAME → b.example. → CNAME → victim.example.');
    expect(idsOf(report).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
    expect(report.verdict).toBe('could-not-check');
    expect(code).toBe(2);
  });
});
