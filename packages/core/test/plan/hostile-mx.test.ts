/**
 * One check's work is bounded, against real loopback DoH servers. A hostile server publishes a
 * domain with 3,000 MX hosts (as many as fit in one 65,535-octet DNS message with 18-octet MX
 * records, RFC 1035 §4.2.2: 5,000 cannot be sent at all), each with an address, a PTR and its
 * forward record. We count what reaches the server, never how long it took.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { checkDomain } from '../../src/plan/check-domain.js';
import { createResolver } from '../../src/dns/resolver-list.js';
import { DohResolver } from '../../src/dns/doh-client.js';
import { MAX_MX_HOSTS } from '../../src/checks/mx/mx-hosts-truncated.js';
import { dnsHandler, startRawServer, type RawServer, type ZoneAnswer } from '../dns/raw-http-server.js';

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const DOMAIN = 'hostile.test';

/** Host i: `h<i>.hostile.test`, address 20.x.y.z (public), PTR back to itself. */
function hostileZone(hosts: number) {
  const address = (i: number) => `20.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const reverse = new Map<string, number>();
  for (let i = 0; i < hosts; i++) reverse.set(address(i).split('.').reverse().join('.') + '.in-addr.arpa', i);
  return (name: string, type: string): ZoneAnswer => {
    if (name === DOMAIN && type === 'MX') {
      return Array.from({ length: hosts }, (_, i): dnsPacket.Answer => ({ type: 'MX', name: DOMAIN, ttl: 300, data: { preference: hosts - i, exchange: `h${i}.${DOMAIN}` } }));
    }
    const host = /^h(\d+)\.hostile\.test$/.exec(name);
    if (host !== null && type === 'A') return [{ type: 'A', name, ttl: 300, data: address(Number(host[1])) }];
    const ptr = reverse.get(name);
    if (ptr !== undefined && type === 'PTR') return [{ type: 'PTR', name, ttl: 300, data: `h${ptr}.${DOMAIN}` }];
    if (name === DOMAIN && type === 'TXT') return [{ type: 'TXT', name, ttl: 300, data: ['v=spf1 mx -all'] }];
    if (name === `_dmarc.${DOMAIN}` && type === 'TXT') return [{ type: 'TXT', name, ttl: 300, data: ['v=DMARC1; p=reject'] }];
    if (name.endsWith(DOMAIN)) return [];
    return 'nxdomain';
  };
}

/** dns-packet compresses nothing; compress the MX answer ourselves so 3,000 hosts fit (as BIND would). */
function compressedMx(hosts: number): Uint8Array {
  const out: number[] = [0, 0, 0x81, 0x80, 0, 1, hosts >> 8, hosts & 0xff, 0, 0, 0, 0];
  for (const label of DOMAIN.split('.')) out.push(label.length, ...Buffer.from(label));
  out.push(0, 0, 15, 0, 1);
  for (let i = 0; i < hosts; i++) {
    const label = Buffer.from(`h${i}`);
    const rdata = [(hosts - i) >> 8, (hosts - i) & 0xff, label.length, ...label, 0xc0, 12];
    out.push(0xc0, 12, 0, 15, 0, 1, 0, 0, 1, 44, 0, rdata.length, ...rdata);
  }
  return new Uint8Array(out);
}

describe('a domain with thousands of MX hosts', () => {
  it('looks up at most 32 hosts, never more than 32 requests at once, and says so with mx-hosts-truncated', async () => {
    const HOSTS = 3000;
    const zone = dnsHandler(hostileZone(HOSTS));
    const mxBody = compressedMx(HOSTS);
    expect(mxBody.length).toBeLessThanOrEqual(65535);
    const server = await startRawServer(async (req, res) => {
      const wire = Buffer.from(new URL(req.url ?? '/', 'http://x').searchParams.get('dns') ?? '', 'base64url');
      const question = dnsPacket.decode(wire).questions?.[0];
      await new Promise((resolve) => setTimeout(resolve, 5)); // answers take a moment, so requests overlap
      if (question?.type === 'MX' && question.name.toLowerCase() === DOMAIN) {
        res.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': String(mxBody.length) });
        res.end(mxBody);
        return;
      }
      return zone(req, res);
    });
    servers.push(server);
    const { resolver, endpoints } = createResolver({ urls: [server.url], timeoutMs: 5000 });
    const report = await checkDomain(DOMAIN, { resolver, compareResolvers: endpoints.map((endpoint) => ({ url: (endpoint as DohResolver).url, resolver: endpoint })) });

    expect(report.findings.map((f) => f.id)).toContain('mx-hosts-truncated');
    expect(report.findings.map((f) => f.id)).not.toContain('lookup-failed');
    expect(report.mx.length).toBeLessThanOrEqual(MAX_MX_HOSTS);
    expect(server.maxInFlight).toBeLessThanOrEqual(32);
    expect(server.maxInFlight).toBeGreaterThan(1); // still in parallel, just not all at once
    // Per examined host: A, AAAA, PTR, forward A = 4; the apex questions and the SPF `mx` term's
    // own MX and A lookups (RFC 7208 §4.6.4: at most 10) come on top.
    expect(server.count).toBeLessThanOrEqual(MAX_MX_HOSTS * 4 + 40);
  });
});

describe('a first resolver that never answers, during a whole check', () => {
  it('costs a few timeouts at the dead server, not two per question', async () => {
    const dead = await startRawServer(() => new Promise<void>(() => undefined));
    servers.push(dead);
    const working = await startRawServer(dnsHandler(hostileZone(6)));
    servers.push(working);
    const { resolver } = createResolver({ urls: [dead.url, working.url], timeoutMs: 500 });
    const report = await checkDomain(DOMAIN, { resolver });
    expect(report.findings.map((f) => f.id)).not.toContain('lookup-failed');
    expect(report.mx).toHaveLength(6);
    // Wave 1 (10 questions at once) meets the dead server, one of them retries there; after that
    // every question goes to the working one first. Before: two requests per question (≈ 80).
    expect(dead.count).toBeLessThanOrEqual(13);
    expect(working.count).toBeGreaterThan(20);
  });
});
