/**
 * A tiny "zone" for the loopback DoH test server: a table from `name TYPE` to the response the
 * server sends for that question, hostile or not. A question the table does not list gets NODATA
 * when the table lists the name with another type, else NXDOMAIN, like an authoritative server.
 */
import type * as dnsPacket from '@leichtgewicht/dns-packet';
import { afterAll, beforeAll } from 'vitest';
import { DohResolver } from '../../src/dns/doh-client.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import type { DomainReport } from '../../src/plan/report.js';
import { respond, startDohServer } from './doh-test-server.js';
import type { AnswerSpec, DohTestServer, Handler, Reply, SeenRequest } from './doh-test-server.js';

/** `name TYPE` (name lower case, no trailing dot) → the response to send. */
export type Zone = Readonly<Record<string, AnswerSpec | ((request: SeenRequest) => Reply)>>;

export function zoneHandler(zone: Zone): Handler {
  return (request) => {
    const question = request.query?.questions?.[0];
    if (question === undefined) return { body: respond(request, { rcode: 1 }) };
    const name = question.name.toLowerCase().replace(/\.$/, '');
    const entry = zone[`${name} ${question.type}`];
    if (typeof entry === 'function') return entry(request);
    if (entry !== undefined) return { body: respond(request, entry) };
    const exists = Object.keys(zone).some((key) => key.startsWith(`${name} `));
    return { body: respond(request, { rcode: exists ? 0 : 3 }) };
  };
}

export function startZoneServer(zone: Zone): Promise<DohTestServer> {
  return startDohServer(zoneHandler(zone));
}

/** The questions the server was asked, as `name TYPE`. */
export function asked(server: DohTestServer): string[] {
  return server.requests.flatMap((request) => {
    const question = request.query?.questions?.[0];
    return question === undefined ? [] : [`${question.name.toLowerCase()} ${question.type}`];
  });
}

const TTL = 300;

/** Records in dns-packet's form, for `AnswerSpec.answers`. */
export const wire = {
  mx: (name: string, preference: number, exchange: string): dnsPacket.Answer => ({ type: 'MX', name, ttl: TTL, data: { preference, exchange } }),
  a: (name: string, address: string): dnsPacket.Answer => ({ type: 'A', name, ttl: TTL, data: address }),
  aaaa: (name: string, address: string): dnsPacket.Answer => ({ type: 'AAAA', name, ttl: TTL, data: address }),
  cname: (name: string, target: string): dnsPacket.Answer => ({ type: 'CNAME', name, ttl: TTL, data: target }),
  ptr: (name: string, target: string): dnsPacket.Answer => ({ type: 'PTR', name, ttl: TTL, data: target }),
  txt: (name: string, text: string): dnsPacket.Answer => ({ type: 'TXT', name, ttl: TTL, data: [text] }),
};

/** A CNAME chain `start → hop1 → … → hopN` as N records, and the names it visits. */
export function chainOf(start: string, hops: number, hopName: (index: number) => string): { records: dnsPacket.Answer[]; names: string[] } {
  const names = [start];
  for (let index = 1; index <= hops; index++) names.push(hopName(index));
  const records = names.slice(0, -1).map((name, index) => wire.cname(name, names[index + 1]!));
  return { records, names };
}

/** The mail domain of these tests and a healthy zone for it: one MX host with an address and a PTR. */
export const VICTIM = 'victim.example';
export const VICTIM_MX = 'mx.victim.example';
export const VICTIM_MX_ADDRESS = '185.12.64.10';
export const VICTIM_MX_REVERSE = '10.64.12.185.in-addr.arpa';

export const HEALTHY_ZONE: Zone = {
  [`${VICTIM} MX`]: { answers: [wire.mx(VICTIM, 10, VICTIM_MX)] },
  [`${VICTIM} A`]: { answers: [wire.a(VICTIM, '185.12.64.1')] },
  [`${VICTIM} TXT`]: { answers: [wire.txt(VICTIM, 'v=spf1 mx -all')] },
  [`_dmarc.${VICTIM} TXT`]: { answers: [wire.txt(`_dmarc.${VICTIM}`, 'v=DMARC1; p=reject')] },
  [`${VICTIM_MX} A`]: { answers: [wire.a(VICTIM_MX, VICTIM_MX_ADDRESS)] },
  [`${VICTIM_MX_REVERSE} PTR`]: { answers: [wire.ptr(VICTIM_MX_REVERSE, VICTIM_MX)] },
};

/**
 * A loopback DoH server for one test file (started before its tests, closed after), serving the
 * healthy zone with a test's overrides; `check` runs the whole plan for `VICTIM` against it.
 */
export function useVictimServer() {
  let started: DohTestServer | undefined;
  beforeAll(async () => {
    started = await startDohServer(zoneHandler(HEALTHY_ZONE));
  });
  afterAll(async () => {
    await started?.close();
  });
  const server = (): DohTestServer => {
    if (started === undefined) throw new Error('the victim server is used outside its tests');
    return started;
  };
  return {
    server,
    resolver: (): DohResolver => new DohResolver({ url: server().url, timeoutMs: 2000 }),
    check(overrides: Zone): Promise<DomainReport> {
      server().handler = zoneHandler({ ...HEALTHY_ZONE, ...overrides });
      return checkDomain(VICTIM, { resolver: this.resolver() });
    },
  };
}
