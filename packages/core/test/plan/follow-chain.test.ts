import { describe, expect, it } from 'vitest';
import type { LookupResult, RecordType, Resolver } from '../../src/dns/types.js';
import { cnameChain, lookupFollowingChain } from '../../src/plan/follow-chain.js';
import { rr } from '../support/memory-resolver.js';

/** Answers like an authoritative server: a CNAME only, never the target's data. */
class AuthoritativeOnly implements Resolver {
  asked: string[] = [];
  constructor(private readonly answers: Record<string, LookupResult>) {}
  async lookup(name: string, type: RecordType): Promise<LookupResult> {
    this.asked.push(`${name} ${type}`);
    return this.answers[name] ?? { kind: 'nxdomain', question: { name, type }, records: [] };
  }
}

describe('cnameChain', () => {
  it('walks every hop and stops at a loop', () => {
    expect(cnameChain([rr.cname('a', 'b'), rr.cname('b', 'c')], 'a')).toEqual(['a', 'b', 'c']);
    expect(cnameChain([rr.cname('a', 'b'), rr.cname('b', 'a')], 'a')).toEqual(['a', 'b', 'a']); // the loop shown once
    expect(cnameChain([rr.a('a', '185.1.1.1')], 'a')).toEqual(['a']);
  });
});

describe('lookupFollowingChain', () => {
  it('asks again for a CNAME target the answer left out, and merges the records', async () => {
    const q = (name: string) => ({ name, type: 'A' as const });
    const resolver = new AuthoritativeOnly({
      'mx.example.com': { kind: 'answer', question: q('mx.example.com'), records: [rr.cname('mx.example.com', 'host.example.net')] },
      'host.example.net': { kind: 'answer', question: q('host.example.net'), records: [rr.a('host.example.net', '185.1.1.1')] },
    });
    const result = await lookupFollowingChain(resolver, 'mx.example.com', 'A');
    expect(resolver.asked).toEqual(['mx.example.com A', 'host.example.net A']);
    expect(result.kind).toBe('answer');
    expect(result.question.name).toBe('mx.example.com');
    if (result.kind !== 'failed') expect(result.records.map((r) => r.type)).toEqual(['CNAME', 'A']);
  });

  it('keeps NXDOMAIN at the end of a chain; a loop is a failure naming it, asked once', async () => {
    const q = (name: string) => ({ name, type: 'A' as const });
    const resolver = new AuthoritativeOnly({
      a: { kind: 'answer', question: q('a'), records: [rr.cname('a', 'b')] },
      b: { kind: 'answer', question: q('b'), records: [rr.cname('b', 'a')] },
    });
    const result = await lookupFollowingChain(resolver, 'a', 'A');
    expect(resolver.asked).toEqual(['a A', 'b A']);
    expect(result).toMatchObject({ kind: 'failed', reason: 'alias-loop', question: { name: 'a' }, detail: 'alias loop: a. → CNAME → b. → CNAME → a.' });
    const dangling = new AuthoritativeOnly({ x: { kind: 'answer', question: q('x'), records: [rr.cname('x', 'gone')] } });
    expect((await lookupFollowingChain(dangling, 'x', 'A')).kind).toBe('nxdomain');
  });

  it('reports a failure further down the chain as a failure of the question asked', async () => {
    const resolver: Resolver = {
      lookup: async (name, type) =>
        name === 'a'
          ? { kind: 'answer', question: { name, type }, records: [rr.cname('a', 'b')] }
          : { kind: 'failed', question: { name, type }, reason: 'timeout', detail: 'timed out' },
    };
    const result = await lookupFollowingChain(resolver, 'a', 'A');
    expect(result).toMatchObject({ kind: 'failed', reason: 'timeout', question: { name: 'a' } });
  });
});
