/**
 * Issue #13, property: random DNS responses — valid messages with random owners, types, counts,
 * RCODEs and header faults, CNAMEs among them — served by the loopback DoH test server, through
 * the DoH client and through the whole plan (`checkDomain`). Whatever comes back: no throw, no
 * hang, and no finding that claims something is absent unless the response for that question was
 * a well-formed NXDOMAIN/NODATA for it (rule zero); no MX host is shown that is not an MX of the
 * domain's own chain.
 *
 * `judge` below is the reference: the rules of `answer-chain.ts` and `follow-chain.ts` written
 * plainly over the generated specs, not over the decoder's output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as dnsPacket from '@leichtgewicht/dns-packet';
import { DohResolver } from '../../src/dns/doh-client.js';
import type { DnsRecord, RecordType } from '../../src/dns/types.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import { reverseName } from '../../src/checks/ptr/reverse-name.js';
import { respond, startDohServer } from '../dns/doh-test-server.js';
import type { DohTestServer, Handler } from '../dns/doh-test-server.js';

const MAX_HOPS = 16;
const D = 'victim.example';
const HOSTS = ['mx1.victim.example', 'mx2.victim.example', 'alias.example', 'evil.example'];
const V4 = ['185.12.64.10', '185.12.64.20'];
const V6 = ['2a01:4f8::10'];
const REVERSES = [...V4, ...V6].map((address) => reverseName(address)!);
/** Every name a generated record may be owned by or point at; `gone.example` is never served. */
const NAMES = [D, `_dmarc.${D}`, ...HOSTS, ...REVERSES];
const TARGETS = [...NAMES, 'gone.example'];
const TEXTS = ['v=spf1 mx -all', 'v=spf1 include:alias.example -all', 'v=DMARC1; p=reject', 'hello'];
const ASKED: RecordType[] = ['MX', 'A', 'AAAA', 'TXT', 'PTR'];
const ANY_TYPE = ['MX', 'A', 'AAAA', 'TXT', 'PTR', 'CNAME'] as const;

type Fault = 'none' | 'id' | 'tc' | 'question' | 'query';

interface Spec {
  readonly rcode: number;
  readonly answers: readonly dnsPacket.Answer[];
  readonly fault: Fault;
}

type Table = Readonly<Record<string, Spec>>;

const NOT_SERVED: Spec = { rcode: 3, answers: [], fault: 'none' };

function specFor(table: Table, name: string, type: string): Spec {
  return table[`${name} ${type}`] ?? NOT_SERVED;
}

function makeRecord(owner: string, type: (typeof ANY_TYPE)[number], pick: number): dnsPacket.Answer {
  const from = <T>(values: readonly T[]): T => values[pick % values.length]!;
  switch (type) {
    case 'MX':
      return { type, name: owner, ttl: 300, data: { preference: pick % 3 === 0 ? 0 : 10, exchange: from([...HOSTS, '.']) } };
    case 'A':
      return { type, name: owner, ttl: 300, data: from(V4) };
    case 'AAAA':
      return { type, name: owner, ttl: 300, data: from(V6) };
    case 'TXT':
      return { type, name: owner, ttl: 300, data: [from(TEXTS)] };
    case 'PTR':
      return { type, name: owner, ttl: 300, data: from(HOSTS) };
    case 'CNAME':
      return { type, name: owner, ttl: 300, data: from(TARGETS) };
  }
}

/** A response to `name type`, biased towards records of that name and type, and CNAMEs. */
function specArbitrary(name: string, type: RecordType): fc.Arbitrary<Spec> {
  const record = fc
    .record({
      owner: fc.oneof({ weight: 3, arbitrary: fc.constant(name) }, { weight: 2, arbitrary: fc.constantFrom(...NAMES) }),
      type: fc.oneof(
        { weight: 3, arbitrary: fc.constant(type as (typeof ANY_TYPE)[number]) },
        { weight: 2, arbitrary: fc.constant('CNAME' as const) },
        { weight: 2, arbitrary: fc.constantFrom(...ANY_TYPE) },
      ),
      pick: fc.nat(1000),
    })
    .map(({ owner, type: recordType, pick }) => makeRecord(owner, recordType, pick));
  const hostile = fc.record({
    rcode: fc.constantFrom(0, 0, 0, 0, 3, 3, 2),
    answers: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 5, arbitrary: fc.array(record, { maxLength: 4 }) }),
    fault: fc.constantFrom<Fault>('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'id', 'tc', 'question', 'query'),
  });
  // Honest answers too, so that the plan goes on to MX targets, addresses and PTRs.
  const honest = fc.record({
    rcode: fc.constant(0),
    answers: fc.array(fc.nat(1000).map((pick) => makeRecord(name, type as (typeof ANY_TYPE)[number], pick)), { minLength: 1, maxLength: 2 }),
    fault: fc.constant<Fault>('none'),
  });
  return fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: honest });
}

const tableArbitrary: fc.Arbitrary<Table> = fc.record(
  Object.fromEntries(NAMES.flatMap((name) => ASKED.map((type) => [`${name} ${type}`, specArbitrary(name, type)]))),
) as fc.Arbitrary<Table>;

function handlerFor(table: Table): Handler {
  return (request) => {
    const question = request.query?.questions?.[0];
    if (question === undefined) return { body: respond(request, { rcode: 1 }) };
    const spec = specFor(table, question.name.toLowerCase(), question.type);
    return {
      body: respond(request, {
        rcode: spec.rcode,
        answers: structuredClone([...spec.answers]), // dns-packet's encoder rewrites TXT data in place
        ...(spec.fault === 'id' && { id: 7 }),
        ...(spec.fault === 'tc' && { flags: 1 << 9 }),
        ...(spec.fault === 'question' && { questions: [{ name: 'other.example', type: 'A', class: 'IN' }] }),
        ...(spec.fault === 'query' && { notResponse: true }),
      }),
    };
  };
}

const norm = (name: string) => name.toLowerCase().replace(/\.$/, '');
const dataOf = (record: dnsPacket.Answer): string => {
  const data = record.data as unknown;
  if (typeof data === 'string') return norm(data);
  if (Array.isArray(data)) return data.join('');
  const mx = data as { preference: number; exchange: string };
  return `${mx.preference} ${norm(mx.exchange)}`;
};

/** What one response says about `name type`, by the rules written plainly. */
type OneAnswer =
  | { readonly ok: false }
  | { readonly ok: true; readonly nxdomain: boolean; readonly chain: string[]; readonly cnames: dnsPacket.Answer[]; readonly data: dnsPacket.Answer[] };

function judgeOne(spec: Spec, name: string, type: RecordType): OneAnswer {
  if (spec.fault !== 'none' || (spec.rcode !== 0 && spec.rcode !== 3)) return { ok: false };
  const targetsByOwner = new Map<string, Set<string>>();
  for (const record of spec.answers) {
    if (record.type !== 'CNAME') continue;
    const targets = targetsByOwner.get(norm(record.name)) ?? new Set<string>();
    targets.add(dataOf(record));
    targetsByOwner.set(norm(record.name), targets);
  }
  if ([...targetsByOwner.values()].some((targets) => targets.size > 1)) return { ok: false }; // two CNAMEs at one name
  const chain = [name];
  const cnames: dnsPacket.Answer[] = [];
  for (;;) {
    const here = chain[chain.length - 1]!;
    const alias = spec.answers.find((record) => record.type === 'CNAME' && norm(record.name) === here);
    if (alias === undefined) break;
    const next = dataOf(alias);
    if (chain.includes(next) || chain.length > MAX_HOPS) return { ok: false }; // loop, or too long
    cnames.push(alias);
    chain.push(next);
  }
  const end = chain[chain.length - 1]!;
  const ofType = spec.answers.filter((record) => record.type === type);
  if (ofType.some((record) => chain.slice(0, -1).includes(norm(record.name)))) return { ok: false }; // data beside a CNAME
  const data = ofType.filter((record) => norm(record.name) === end);
  if (spec.answers.length > 0 && cnames.length === 0 && data.length === 0) return { ok: false }; // answers another question
  if (spec.rcode === 3 && data.length > 0) return { ok: false }; // an NXDOMAIN that holds the records
  return { ok: true, nxdomain: spec.rcode === 3, chain, cnames, data };
}

/** The whole question, following the chain over further answers as the plan does. */
type Outcome = { readonly kind: 'bad' } | { readonly kind: 'nxdomain' | 'nodata' } | { readonly kind: 'data'; readonly data: dnsPacket.Answer[] };

function judge(table: Table, name: string, type: RecordType): Outcome {
  const chain = [name];
  for (;;) {
    const here = chain[chain.length - 1]!;
    const one = judgeOne(specFor(table, here, type), here, type);
    if (!one.ok) return { kind: 'bad' };
    for (const next of one.chain.slice(1)) {
      if (chain.includes(next) || chain.length > MAX_HOPS) return { kind: 'bad' };
      chain.push(next);
    }
    if (one.nxdomain) return { kind: 'nxdomain' };
    if (one.data.length > 0) return { kind: 'data', data: one.data };
    if (one.cnames.length === 0) return { kind: 'nodata' };
  }
}

const negative = (outcome: Outcome) => outcome.kind === 'nxdomain' || outcome.kind === 'nodata';
const wellFormed = (outcome: Outcome) => outcome.kind !== 'bad';

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

let server: DohTestServer;

beforeAll(async () => {
  server = await startDohServer(() => ({ status: 500 }));
});
afterAll(async () => {
  await server.close();
});

function sameRecords(actual: readonly DnsRecord[], expected: readonly dnsPacket.Answer[]): void {
  const show = (name: string, type: string, data: string) => `${name} ${type} ${data}`;
  const actualText = actual.map((record) => {
    const data = record.data as unknown;
    const text =
      typeof data === 'string' ? data : Array.isArray(data) ? data.join('') : `${(data as { preference: number }).preference} ${(data as { exchange: string }).exchange}`;
    return show(record.name, record.type, text);
  });
  expect(actualText).toEqual(expected.map((record) => show(norm(record.name), record.type, dataOf(record))));
}

describe('hostile answers, at random', () => {
  it('the DoH client keeps exactly the question’s chain and its end, or fails', async () => {
    const question = fc.record({ name: fc.constantFrom(...NAMES), type: fc.constantFrom(...ASKED) });
    const caseArbitrary = question.chain(({ name, type }) => fc.record({ name: fc.constant(name), type: fc.constant(type), spec: specArbitrary(name, type) }));
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ name, type, spec }) => {
        server.handler = handlerFor({ [`${name} ${type}`]: spec });
        const result = await withTimeout(new DohResolver({ url: server.url, timeoutMs: 2000 }).lookup(name, type), 3000, 'lookup');
        const expected = judgeOne(spec, name, type);
        if (!expected.ok) {
          expect(result.kind).toBe('failed');
          return;
        }
        expect(result.kind).toBe(expected.nxdomain ? 'nxdomain' : 'answer');
        if (result.kind === 'failed') return;
        sameRecords(result.records, [...expected.cnames, ...expected.data]);
      }),
      { numRuns: 300 },
    );
  });

  it('the whole plan claims nothing absent without a well-formed NXDOMAIN/NODATA, and shows only the domain’s MX', async () => {
    let absenceSeen = 0;
    await fc.assert(
      fc.asyncProperty(tableArbitrary, async (table) => {
        server.handler = handlerFor(table);
        const report = await withTimeout(checkDomain(D, { resolver: new DohResolver({ url: server.url, timeoutMs: 2000 }) }), 8000, 'checkDomain');
        const mx = judge(table, D, 'MX');
        for (const f of report.findings) {
          const about = (why: boolean) => {
            if (!why) throw new Error(`${f.id} about ${f.subject} without a well-formed negative answer: ${f.evidence ?? ''}`);
            absenceSeen++;
          };
          switch (f.id) {
            case 'domain-nxdomain':
              about(mx.kind === 'nxdomain');
              break;
            case 'mx-missing':
              about(mx.kind === 'nodata');
              break;
            case 'spf-missing':
              about(wellFormed(judge(table, D, 'TXT')));
              break;
            case 'dmarc-missing':
              about(wellFormed(judge(table, `_dmarc.${D}`, 'TXT')));
              break;
            case 'mx-target-nxdomain':
            case 'mx-target-no-address':
              about(negative(judge(table, f.subject, 'A')) && negative(judge(table, f.subject, 'AAAA')));
              break;
            case 'mx-target-ipv6-only':
              about(negative(judge(table, f.subject, 'A')) && wellFormed(judge(table, f.subject, 'AAAA')));
              break;
            case 'mx-target-ptr-missing': {
              const reverse = /^PTR (\S+):/.exec(f.evidence ?? '')?.[1] ?? '';
              about(negative(judge(table, reverse, 'PTR')));
              break;
            }
            case 'mx-target-ptr-mismatch': {
              const reverse = /^(\S+)\. PTR/.exec(f.evidence ?? '')?.[1] ?? '';
              const forwards = [...(f.evidence ?? '').matchAll(/; (\S+)\. (A|AAAA):/g)].map((m) => judge(table, m[1]!, m[2] as RecordType));
              about(judge(table, reverse, 'PTR').kind === 'data' && forwards.every(wellFormed));
              break;
            }
            case 'spf-include-missing': {
              const child = /: TXT (\S+) →/.exec(f.evidence ?? '')?.[1];
              if (child !== undefined) about(wellFormed(judge(table, child, 'TXT')));
              break;
            }
          }
        }
        // Every MX host shown is an MX record at the end of the domain's own chain.
        const exchanges = mx.kind === 'data' ? mx.data.map((record) => dataOf(record).split(' ')[1]!) : [];
        for (const row of report.mx) expect(exchanges).toContain(row.exchange);
        if (mx.kind === 'bad') expect(report.verdict).toBe('could-not-check');
      }),
      { numRuns: 200 },
    );
    // The generator reaches the legitimate cases too: the property is not vacuous.
    expect(absenceSeen).toBeGreaterThan(0);
  });
});
