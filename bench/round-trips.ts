/**
 * Critical path of one `check`, in round trips: a proxy in front of the real BIND fixture adds a
 * fixed delay to every DoH request, so wall time ÷ delay counts the sequential waits. Compared, in
 * the same run, with the naive order a person follows with `dig`: the same questions, one at a time.
 */
import { checkDomain, createResolver, type AuthoritativeQuerier, type DirectReply, type LookupOptions, type LookupResult, type Question, type RecordType, type Resolver } from '@mx-doctor/core';
import { DirectQuerier } from '@mx-doctor/dns-direct';
import type { TestDns } from '../test/dns/fixture.js';

/** Lets one question out at a time, in the order they are asked: the `dig` walk. */
class OneAtATime implements Resolver {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly inner: Resolver) {}
  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const next = this.queue.then(() => this.inner.lookup(name, type, options));
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Counts questions and notes when each was asked, to find the deepest wave. */
class Recorder implements Resolver {
  readonly starts: number[] = [];
  constructor(private readonly inner: Resolver, private readonly t0: () => number) {}
  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    this.starts.push(performance.now() - this.t0());
    return this.inner.lookup(name, type, options);
  }
}

/** Direct questions with the same added delay as the DoH requests, counted like them. */
class DelayedQuerier implements AuthoritativeQuerier {
  asked = 0;
  constructor(private readonly inner: AuthoritativeQuerier, private readonly delayMs: number) {}
  async ask(address: string, question: Question, options?: LookupOptions): Promise<DirectReply> {
    this.asked++;
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.inner.ask(address, question, options);
  }
}

export interface RoundTripResult {
  readonly label: string;
  readonly wallMs: number;
  readonly ratio: number;
  readonly queries: number;
  readonly failures: number;
}

async function timeOnce(label: string, url: string, delayMs: number, domain: string, serial: boolean, authority?: { port: number }): Promise<RoundTripResult> {
  let start = 0;
  const { resolver } = createResolver({ urls: [url], timeoutMs: 20_000 });
  const recorder = new Recorder(serial ? new OneAtATime(resolver) : resolver, () => start);
  const querier = authority && new DelayedQuerier(new DirectQuerier({ port: authority.port, timeoutMs: 20_000 }), delayMs);
  start = performance.now();
  const report = await checkDomain(domain, { resolver: recorder, ...(querier && { authoritative: querier }) });
  const wallMs = performance.now() - start;
  const failures = report.findings.filter((f) => f.id === 'lookup-failed' || f.id === 'ns-lame').length;
  return { label, wallMs, ratio: wallMs / delayMs, queries: recorder.starts.length + (querier?.asked ?? 0), failures };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchRoundTrips(dns: TestDns, { delayMs = 100, runs = 3, domain = 'bench5.good.test' } = {}) {
  const url = dns.faultUrl(`delay-${delayMs}`);
  const results: RoundTripResult[] = [];
  for (const [label, serial, authority] of [
    ['MX Doctor query plan', false, false],
    ['naive one-at-a-time (dig walk)', true, false],
    ['MX Doctor query plan with the authority step (2 name servers)', false, true],
  ] as const) {
    const samples: RoundTripResult[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timeOnce(label, url, delayMs, domain, serial, authority ? { port: dns.dnsPort } : undefined));
    const wall = median(samples.map((s) => s.wallMs));
    const pick = samples.find((s) => s.wallMs === wall)!;
    if (pick.failures > 0) throw new Error(`${label}: ${pick.failures} lookups failed; the benchmark needs a healthy fixture`);
    results.push(pick);
  }
  return { delayMs, domain, results };
}
