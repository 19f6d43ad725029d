/**
 * A Resolver over records held in memory, answering like a recursive resolver (CNAME chains
 * followed, NXDOMAIN vs NODATA). For unit tests of the plan; end-to-end tests use real BIND.
 * Answers are released in rounds by the test, so the number of rounds a plan needs is its
 * critical path in round trips, measured without clocks.
 */
import type { DnsRecord, LookupResult, RecordType, Resolver } from '../../src/dns/types.js';

export class MemoryResolver implements Resolver {
  readonly asked: { name: string; type: RecordType; round: number }[] = [];
  private pending: { name: string; type: RecordType; resolve: (r: LookupResult) => void }[] = [];
  private round = 0;
  failures = new Map<string, LookupResult['kind']>();

  constructor(private readonly records: readonly DnsRecord[]) {}

  lookup(name: string, type: RecordType): Promise<LookupResult> {
    this.asked.push({ name, type, round: this.round });
    return new Promise((resolve) => this.pending.push({ name, type, resolve }));
  }

  /** Answers everything asked so far; returns how many questions that was. */
  flush(): number {
    const batch = this.pending;
    this.pending = [];
    this.round++;
    for (const { name, type, resolve } of batch) resolve(this.answer(name, type));
    return batch.length;
  }

  /** Runs `work` to completion, releasing answers round by round; returns the result and the rounds used. */
  async run<T>(work: Promise<T>): Promise<{ value: T; rounds: number }> {
    let done = false;
    let value: T | undefined;
    void work.then((v) => {
      done = true;
      value = v;
    });
    let rounds = 0;
    for (let idle = 0; !done && idle < 50; ) {
      await new Promise((r) => setImmediate(r));
      if (this.pending.length > 0) {
        this.flush();
        rounds++;
        idle = 0;
      } else idle++;
    }
    if (!done) throw new Error('work did not finish');
    return { value: value as T, rounds };
  }

  answer(name: string, type: RecordType): LookupResult {
    const question = { name, type };
    if (this.failures.get(`${name} ${type}`) === 'failed') {
      return { kind: 'failed', question, reason: 'servfail', detail: `SERVFAIL for ${name} ${type}` };
    }
    const chain: DnsRecord[] = [];
    let current = name;
    for (let hop = 0; hop < 8; hop++) {
      const alias = this.records.find((r) => r.name === current && r.type === 'CNAME');
      if (!alias || type === 'CNAME' || alias.type !== 'CNAME') break;
      chain.push(alias);
      current = alias.data;
    }
    const own = this.records.filter((r) => r.name === current && r.type === type);
    const exists = this.records.some((r) => r.name === current || r.name.endsWith(`.${current}`));
    return { kind: exists ? 'answer' : 'nxdomain', question, records: [...chain, ...own] };
  }
}

export const rr = {
  mx: (name: string, preference: number, exchange: string, ttl = 3600): DnsRecord => ({ name, type: 'MX', ttl, data: { preference, exchange } }),
  a: (name: string, address: string, ttl = 3600): DnsRecord => ({ name, type: 'A', ttl, data: address }),
  aaaa: (name: string, address: string, ttl = 3600): DnsRecord => ({ name, type: 'AAAA', ttl, data: address }),
  cname: (name: string, target: string, ttl = 3600): DnsRecord => ({ name, type: 'CNAME', ttl, data: target }),
  ptr: (name: string, target: string, ttl = 3600): DnsRecord => ({ name, type: 'PTR', ttl, data: target }),
  txt: (name: string, ...strings: string[]): DnsRecord => ({ name, type: 'TXT', ttl: 3600, data: strings }),
};
