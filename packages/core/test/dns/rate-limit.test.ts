/**
 * The per-resolver request budget: questions reach the resolver at most `perSecond` a second after
 * a burst of as many, in arrival order, on a clock of the test's own (so no test waits real time).
 * The resolver behind it is the repo's DoH test server, counting what arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DohResolver } from '../../src/dns/doh-client.js';
import { RateLimitedResolver } from '../../src/dns/rate-limit.js';
import type { LookupResult } from '../../src/dns/types.js';
import { respond, startDohServer, type DohTestServer } from './doh-test-server.js';

/** A clock that moves only when a question sleeps, and the times at which questions left. */
function virtualClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

let server: DohTestServer;
beforeAll(async () => {
  server = await startDohServer((request) => ({ body: respond(request) }));
});
afterAll(() => server.close());

describe('RateLimitedResolver', () => {
  it('lets a burst of perSecond through at once, then one question per 1/perSecond s, each answered by the resolver', async () => {
    const clock = virtualClock();
    const sent: number[] = [];
    const inner = new DohResolver({ url: server.url });
    const limited = new RateLimitedResolver({ lookup: (n, t, o) => (sent.push(clock.now()), inner.lookup(n, t, o)) }, { perSecond: 4, ...clock });
    const results: LookupResult[] = [];
    // One after another, as a fleet run's questions arrive: each waits for its slot.
    for (let k = 0; k < 10; k++) results.push(await limited.lookup(`q${k}.example.com`, 'A'));
    expect(sent).toEqual([0, 0, 0, 0, 250, 500, 750, 1000, 1250, 1500]);
    expect(results.every((r) => r.kind !== 'failed')).toBe(true);
    expect(server.requests.length).toBe(10);
  });

  it('never lets more than the burst plus perSecond × t through in any window of t seconds (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }), async (perSecond, gaps) => {
        const clock = virtualClock();
        const sent: number[] = [];
        const limited = new RateLimitedResolver(
          { lookup: async (name, type) => (sent.push(clock.now()), { kind: 'answer', question: { name, type }, records: [] }) },
          { perSecond, now: clock.now, sleep: clock.sleep },
        );
        for (const gap of gaps) {
          await clock.sleep(gap);
          await limited.lookup('x.example', 'A');
        }
        for (let i = 0; i < sent.length; i++) {
          for (let j = i; j < sent.length; j++) {
            const window = sent[j]! - sent[i]!;
            expect(j - i + 1).toBeLessThanOrEqual(perSecond + Math.floor((window * perSecond) / 1000) + 1);
          }
        }
        expect(sent.length).toBe(gaps.length);
      }),
      { numRuns: 200 },
    );
  });

  it('fails a question at once, as a timeout of the budget, when its slot would come after the deadline; later ones still get slots', async () => {
    const clock = virtualClock();
    let asked = 0;
    const limited = new RateLimitedResolver({ lookup: async (name, type) => (asked++, { kind: 'answer', question: { name, type }, records: [] }) }, { perSecond: 1, ...clock });
    expect((await limited.lookup('a.example', 'MX', { deadline: 500 })).kind).toBe('answer');
    const late = await limited.lookup('b.example', 'MX', { deadline: 500 });
    expect(late).toMatchObject({ kind: 'failed', reason: 'timeout', question: { name: 'b.example', type: 'MX' } });
    expect(late.kind === 'failed' && late.detail).toBe("the request budget (1 a second) had no slot for it before the check's time ran out");
    expect((await limited.lookup('c.example', 'MX')).kind).toBe('answer');
    expect(asked).toBe(2);
  });

  it('refuses a budget that is not a positive number', () => {
    const inner = { lookup: async () => ({ kind: 'answer' as const, question: { name: 'x', type: 'A' as const }, records: [] }) };
    for (const perSecond of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => new RateLimitedResolver(inner, { perSecond })).toThrow(/Invalid request budget/);
  });
});
