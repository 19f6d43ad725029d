/**
 * The authority checks end to end: `mx-doctor check` through Unbound recursing a real delegation
 * (test/dns/authority: a fake root, `test.`, children on their own named processes at
 * 127.B.x.y:53), every planted fault found with its id, and mx-propagation-pending after an MX
 * change while Unbound still caches the old set. Ids outside the authority step (PTR of the
 * public-looking MX targets, SPF, …) are not this test's subject and are left out of the comparison.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthorityWorld, type AuthorityWorld } from '../dns/authority/fixture.js';
import { DOMAINS, MOVING_AFTER_CHANGE, type DomainKey } from '../dns/authority/world.js';
import { runCli } from './run-cli.js';

const AUTHORITY_IDS = new Set(['ns-lame', 'ns-delegation-mismatch', 'ns-mx-inconsistent', 'ns-spf-inconsistent', 'ns-dmarc-inconsistent', 'ns-serial-mismatch', 'ns-single', 'mx-propagation-pending', 'lookup-failed']);

interface Finding {
  id: string;
  severity: string;
  message: string;
  evidence?: string;
}

let world: AuthorityWorld;
beforeAll(async () => {
  world = await startAuthorityWorld();
});
afterAll(async () => {
  await world?.stop();
});

async function check(domain: string): Promise<{ findings: Finding[]; authority?: unknown }> {
  const run = await runCli(['check', domain, '--resolver', world.dohUrl, '--format', 'json', '--timeout', '1000'], { MXD_DNS_PORT: String(world.authoritativePort) });
  const [report] = JSON.parse(run.stdout) as { findings: Finding[]; authority?: unknown }[];
  return report!;
}

const authorityFindings = (findings: readonly Finding[]) => findings.filter((f) => AUTHORITY_IDS.has(f.id));

describe('the authority step through a real delegation', () => {
  const keys = (Object.keys(DOMAINS) as DomainKey[]).filter((key) => key !== 'moving');
  it.each(keys)('%s: the planted fault and nothing else', async (key) => {
    const domain = world.domains[key];
    const report = await check(domain.name);
    expect([...new Set(authorityFindings(report.findings).map((f) => f.id))].sort(), domain.fault).toEqual([...domain.expectedIds].sort());
  });

  it('names each lame server and why, as a warning when one serves', async () => {
    const lame = (await check('lame.test')).findings.find((f) => f.id === 'ns-lame')!;
    expect(lame.severity).toBe('warning');
    expect(lame.evidence).toMatch(/REFUSED/);
    expect(lame.evidence).toMatch(/does not answer \(timeout\)/);
    expect(lame.evidence).toMatch(/without authority \(no AA bit\)/);
  });

  it('is an error when no server serves the zone', async () => {
    expect((await check('all-lame.test')).findings.find((f) => f.id === 'ns-lame')?.severity).toBe('error');
  });

  it('shows each server\'s MX set when they differ, and the serials', async () => {
    const findings = (await check('split.test')).findings;
    expect(findings.find((f) => f.id === 'ns-mx-inconsistent')?.evidence).toMatch(/^MX split\.test: ns1\.split\.test \(127\.\d+\.1\.1\): .+; ns2\.split\.test \(127\.\d+\.2\.1\): .+$/);
    expect(findings.find((f) => f.id === 'ns-serial-mismatch')?.evidence).toMatch(/serial \d+; .*serial \d+/);
  });

  it('an error for a delegation that shares no server with the zone', async () => {
    expect((await check('disjoint.test')).findings.find((f) => f.id === 'ns-delegation-mismatch')?.severity).toBe('error');
  });

  it('after an MX change, says the resolver still serves the old set and until when', async () => {
    const before = await check('moving.test');
    expect(authorityFindings(before.findings)).toEqual([]);
    await world.changeMx('moving.test', ['10 mx-new.moving.test.']);
    // A cached copy counts down: let at least a second pass so its TTL is below the servers'.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await check('moving.test');
    expect(authorityFindings(after.findings).map((f) => f.id)).toEqual([...MOVING_AFTER_CHANGE]);
    const pending = after.findings.find((f) => f.id === 'mx-propagation-pending')!;
    expect(pending.evidence).toMatch(/^MX moving\.test at the name servers: 10 mx-new\.moving\.test\.; cached at .+: 10 mx-old\.moving\.test\. \(TTL (\d+) s left\)$/);
    const left = Number(/TTL (\d+) s left/.exec(pending.evidence!)![1]);
    expect(left).toBeLessThan(3600);
    expect(left).toBeGreaterThan(3500);
    expect(pending.message).toMatch(/until about \d\d:\d\d UTC \(\d+ min from now\)/);
  });
});

describe('the file against the live zone (lint --live)', () => {
  it('says what loading the file would add and drop, for the zone the file is authoritative for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-live-zone-'));
    try {
      const file = join(dir, 'db.healthy.test');
      writeFileSync(
        file,
        [
          '$ORIGIN healthy.test.',
          '$TTL 3600',
          '@ SOA ns1 hostmaster 2026120302 3600 600 604800 300',
          '@ NS ns1',
          '@ NS ns2',
          '@ MX 10 mx1',
          '@ MX 30 mx3',
          '@ TXT "v=spf1 ip4:185.102.1.0/24 -all"',
          'mx1 A 185.102.1.10',
          'mx3 A 185.102.1.30',
          'ns1 A 127.0.0.1',
          'ns2 A 127.0.1.1',
          '',
        ].join('\n'),
      );
      const env = { MXD_DNS_PORT: String(world.authoritativePort) };
      const run = await runCli(['lint', file, '--live', '--resolver', world.dohUrl, '--format', 'json'], env);
      const findings = JSON.parse(run.stdout) as (Finding & { range: { start: { line: number } } })[];
      const differs = findings.filter((f) => f.id === 'file-differs-from-live');
      expect(differs).toHaveLength(1);
      expect(differs[0]!.evidence).toMatch(/^the file adds MX 30 mx3\.healthy\.test\.; drops MX 20 mx2\.healthy\.test\. \(live: ns1\.healthy\.test \(127\.\d+\.1\.1\)\)$/);
      expect(differs[0]!.range.start.line).toBe(5);
      // Offline, nothing is said about the live zone.
      const offline = JSON.parse((await runCli(['lint', file, '--format', 'json'], env)).stdout) as Finding[];
      expect(offline.map((f) => f.id)).not.toContain('file-differs-from-live');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
