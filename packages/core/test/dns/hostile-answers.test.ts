/**
 * Issue #13, item 1: an answer must answer the question. A NOERROR whose answer section holds only
 * records of another type or another owner (and no CNAME from the question) is malformed, never
 * "no records"; records off the question's CNAME chain are dropped, never used. Served by a real
 * DoH server on loopback, through the DoH client and through the whole plan.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DohResolver } from '../../src/dns/doh-client.js';
import { createResolver } from '../../src/dns/resolver-list.js';
import type { LookupResult } from '../../src/dns/types.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import type { DomainReport } from '../../src/plan/report.js';
import { startDohServer } from './doh-test-server.js';
import type { DohTestServer } from './doh-test-server.js';
import { HEALTHY_ZONE, VICTIM, VICTIM_MX, VICTIM_MX_REVERSE, asked, wire, zoneHandler } from './hostile-zone.js';
import type { Zone } from './hostile-zone.js';

const ATTACKER_MX = 'mx.attacker.example';
/** The attacker's host looks like a working mail server, so using its MX would say "receives mail". */
const ATTACKER_HOST: Zone = {
  [`${ATTACKER_MX} A`]: { answers: [wire.a(ATTACKER_MX, '185.66.6.6')] },
  ['6.6.66.185.in-addr.arpa PTR']: { answers: [wire.ptr('6.6.66.185.in-addr.arpa', ATTACKER_MX)] },
};

let server: DohTestServer;
let honest: DohTestServer;

beforeAll(async () => {
  server = await startDohServer(zoneHandler(HEALTHY_ZONE));
  honest = await startDohServer(zoneHandler(HEALTHY_ZONE));
});
afterAll(async () => {
  await Promise.all([server.close(), honest.close()]);
});
beforeEach(() => {
  server.requests.length = 0;
  honest.requests.length = 0;
});

function serve(overrides: Zone): DohResolver {
  server.handler = zoneHandler({ ...HEALTHY_ZONE, ...ATTACKER_HOST, ...overrides });
  return new DohResolver({ url: server.url, timeoutMs: 2000 });
}

function failure(result: LookupResult): Extract<LookupResult, { kind: 'failed' }> {
  if (result.kind !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

const ABSENCE_IDS = ['mx-missing', 'spf-missing', 'dmarc-missing', 'mx-target-no-address', 'mx-target-nxdomain', 'domain-nxdomain', 'mx-target-ptr-missing'];

function ids(report: DomainReport): string[] {
  return [...new Set(report.findings.map((f) => f.id))].sort();
}

function failedLookups(report: DomainReport): string[] {
  return report.findings.filter((f) => f.id === 'lookup-failed').map((f) => (f.evidence ?? '').split(':', 1)[0]!);
}

describe('the DoH client returns only the records on the question’s chain', () => {
  it('a NOERROR whose answer holds only another owner’s MX is a mismatch, not an empty answer', async () => {
    const resolver = serve({ [`${VICTIM} MX`]: { answers: [wire.mx('evil.example', 10, ATTACKER_MX)] } });
    const result = failure(await resolver.lookup(VICTIM, 'MX'));
    expect(result.reason).toBe('mismatch');
    expect(result.detail).toMatch(/evil\.example/);
  });

  it('an answer of another type only (AAAA for an A question) is a mismatch', async () => {
    const resolver = serve({ [`${VICTIM_MX} A`]: { answers: [wire.aaaa(VICTIM_MX, '2a01:4f8::10')] } });
    expect(failure(await resolver.lookup(VICTIM_MX, 'A')).reason).toBe('mismatch');
  });

  it('a CNAME that does not start at the question is not a chain', async () => {
    const resolver = serve({ [`${VICTIM} MX`]: { answers: [wire.cname('evil.example', 'mx.attacker.example')] } });
    expect(failure(await resolver.lookup(VICTIM, 'MX')).reason).toBe('mismatch');
  });

  it('two different CNAMEs at one name, or data beside a CNAME, are malformed (RFC 2181 §10.1, RFC 1034 §3.6.2)', async () => {
    const twoAliases = serve({ [`${VICTIM} MX`]: { answers: [wire.cname(VICTIM, 'a.provider.example'), wire.cname(VICTIM, 'b.provider.example')] } });
    expect(failure(await twoAliases.lookup(VICTIM, 'MX')).reason).toBe('malformed');
    const beside = serve({ [`${VICTIM} MX`]: { answers: [wire.cname(VICTIM, 'a.provider.example'), wire.mx(VICTIM, 10, ATTACKER_MX)] } });
    expect(failure(await beside.lookup(VICTIM, 'MX')).reason).toBe('malformed');
  });

  it('drops records of other owners beside the real ones', async () => {
    const resolver = serve({
      [`${VICTIM} MX`]: { answers: [wire.mx('evil.example', 1, ATTACKER_MX), wire.mx(VICTIM, 10, VICTIM_MX), wire.a(ATTACKER_MX, '185.66.6.6')] },
    });
    const result = await resolver.lookup(VICTIM, 'MX');
    expect(result.kind).toBe('answer');
    if (result.kind === 'failed') return;
    expect(result.records).toEqual([{ name: VICTIM, ttl: 300, type: 'MX', data: { preference: 10, exchange: VICTIM_MX } }]);
  });

  it('keeps a CNAME-only partial chain (the plan finishes it) and drops what is off the chain', async () => {
    const resolver = serve({
      [`${VICTIM} MX`]: { answers: [wire.cname(VICTIM, 'alias.provider.example'), wire.mx('evil.example', 10, ATTACKER_MX)] },
    });
    const result = await resolver.lookup(VICTIM, 'MX');
    expect(result.kind).toBe('answer');
    if (result.kind === 'failed') return;
    expect(result.records).toEqual([{ name: VICTIM, ttl: 300, type: 'CNAME', data: 'alias.provider.example' }]);
  });

  it('keeps the records at the end of a whole chain, and only those', async () => {
    const resolver = serve({
      [`${VICTIM} MX`]: {
        answers: [
          wire.cname(VICTIM, 'alias.provider.example'),
          wire.mx('alias.provider.example', 10, 'mx.provider.example'),
          wire.mx('other.provider.example', 5, ATTACKER_MX),
        ],
      },
    });
    const result = await resolver.lookup(VICTIM, 'MX');
    expect(result.kind).toBe('answer');
    if (result.kind === 'failed') return;
    expect(result.records.map((r) => `${r.name} ${r.type}`)).toEqual([`${VICTIM} CNAME`, 'alias.provider.example MX']);
  });
});

describe('the whole plan under answers that answer another question', () => {
  it('an attacker’s MX in the answer is not the domain’s MX: lookup-failed, could not check', async () => {
    const resolver = serve({ [`${VICTIM} MX`]: { answers: [wire.mx('evil.example', 10, ATTACKER_MX)] } });
    const report = await checkDomain(VICTIM, { resolver });
    expect(report.verdict).toBe('could-not-check');
    expect(report.mx).toEqual([]);
    expect(failedLookups(report)).toContain(`MX ${VICTIM}`);
    expect(ids(report).filter((id) => ABSENCE_IDS.includes(id))).toEqual([]);
    expect(asked(server)).not.toContain(`${ATTACKER_MX} A`);
  });

  it('fails over to the next resolver instead of believing the mismatched answer', async () => {
    server.handler = zoneHandler({ ...HEALTHY_ZONE, ...ATTACKER_HOST, [`${VICTIM} MX`]: { answers: [wire.mx('evil.example', 10, ATTACKER_MX)] } });
    const { resolver } = createResolver({ urls: [server.url, honest.url], timeoutMs: 2000 });
    const report = await checkDomain(VICTIM, { resolver });
    expect(report.mx.map((row) => row.exchange)).toEqual([VICTIM_MX]);
    expect(report.verdict).toBe('receives-mail');
    expect(ids(report)).not.toContain('lookup-failed');
    expect(asked(honest)).toContain(`${VICTIM} MX`);
  });

  it('a TXT answer holding another owner’s SPF is not the domain’s SPF, nor "no SPF"', async () => {
    const resolver = serve({
      [`${VICTIM} TXT`]: { answers: [wire.txt('evil.example', 'v=spf1 +all')] },
      [`_dmarc.${VICTIM} TXT`]: { answers: [wire.txt('_dmarc.evil.example', 'v=DMARC1; p=none')] },
    });
    const report = await checkDomain(VICTIM, { resolver });
    expect(failedLookups(report)).toEqual(expect.arrayContaining([`TXT ${VICTIM}`, `TXT _dmarc.${VICTIM}`]));
    expect(ids(report)).not.toContain('spf-missing');
    expect(ids(report)).not.toContain('spf-permissive-all');
    expect(ids(report)).not.toContain('dmarc-missing');
    expect(ids(report)).not.toContain('dmarc-not-enforced');
  });

  it('an SPF include whose TXT answer is the first CNAME hop only is followed to its end, not "no SPF"', async () => {
    // Found by the property test: the SPF gatherer read a partial chain as "no TXT records".
    const include = 'alias.example';
    const end = 'spf.provider.example';
    const zone = {
      [`${VICTIM} TXT`]: { answers: [wire.txt(VICTIM, `v=spf1 include:${include} -all`)] },
      [`${include} TXT`]: { answers: [wire.cname(include, end)] },
    };
    const failing = await checkDomain(VICTIM, { resolver: serve({ ...zone, [`${end} TXT`]: { rcode: 2 } }) });
    expect(ids(failing)).not.toContain('spf-include-missing');
    expect(failing.findings.some((f) => f.id === 'lookup-failed' && (f.evidence ?? '').includes(end))).toBe(true);

    const working = await checkDomain(VICTIM, { resolver: serve({ ...zone, [`${end} TXT`]: { answers: [wire.txt(end, 'v=spf1 ip4:185.12.64.0/24 -all')] } }) });
    expect(ids(working)).not.toContain('spf-include-missing');
    expect(ids(working)).not.toContain('lookup-failed');
    expect(asked(server)).toContain(`${end} TXT`);
  });

  it('each compared resolver’s MX answer is followed to its chain’s end: a first-hop-only answer is not a different MX set', async () => {
    const target = 'mail.provider.example';
    const zone = {
      [`${VICTIM} MX`]: { answers: [wire.cname(VICTIM, target)] },
      [`${target} MX`]: { answers: [wire.mx(target, 10, VICTIM_MX)] },
    };
    const one = serve(zone);
    honest.handler = zoneHandler({ ...HEALTHY_ZONE, ...zone });
    const two = new DohResolver({ url: honest.url, timeoutMs: 2000 });
    const report = await checkDomain(VICTIM, { resolver: one, compareResolvers: [{ url: server.url, resolver: one }, { url: honest.url, resolver: two }] });
    expect(ids(report)).not.toContain('resolvers-disagree');
    expect(asked(honest)).toContain(`${target} MX`);
  });

  it('an A answer holding only AAAA records is not "no address"', async () => {
    const resolver = serve({ [`${VICTIM_MX} A`]: { answers: [wire.aaaa(VICTIM_MX, '2a01:4f8::10')] } });
    const report = await checkDomain(VICTIM, { resolver });
    expect(failedLookups(report)).toContain(`A ${VICTIM_MX}`);
    expect(ids(report)).not.toContain('mx-target-no-address');
    expect(ids(report)).not.toContain('mx-target-ipv6-only');
    expect(report.mx[0]?.status).toBe('unknown');
  });

  it('a PTR answer for another address is not "no PTR", and its name is not used', async () => {
    const resolver = serve({ [`${VICTIM_MX_REVERSE} PTR`]: { answers: [wire.ptr('11.64.12.185.in-addr.arpa', 'host.attacker.example')] } });
    const report = await checkDomain(VICTIM, { resolver });
    expect(failedLookups(report)).toContain(`PTR ${VICTIM_MX_REVERSE}`);
    expect(ids(report)).not.toContain('mx-target-ptr-missing');
    expect(ids(report)).not.toContain('mx-target-ptr-mismatch');
    expect(asked(server)).not.toContain('host.attacker.example A');
  });
});
