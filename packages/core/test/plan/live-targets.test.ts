/** `lint --live` and the language server look up at most MAX_LIVE_TARGETS external MX targets of a file. */
import { describe, expect, it } from 'vitest';
import { liveTargetNames, lookupExternalTargets, MAX_LIVE_TARGETS } from '../../src/plan/live-targets.js';
import { readZone } from '../../src/readers/zone/index.js';
import type { LookupResult, RecordType, Resolver } from '../../src/dns/types.js';

/** Answers every question "no such name", and remembers which names it was asked about. */
class CountingResolver implements Resolver {
  readonly asked = new Set<string>();
  async lookup(name: string, type: RecordType): Promise<LookupResult> {
    this.asked.add(name);
    return { kind: 'nxdomain', question: { name, type }, records: [] };
  }
}

const zoneWithTargets = (count: number) =>
  ['$ORIGIN example.com.', '$TTL 3600', '@ SOA ns hostmaster 1 3600 600 604800 300', '@ NS ns.example.net.', ...Array.from({ length: count }, (_, i) => `host${i} MX 10 mx${i}.elsewhere.test.`), ''].join('\n');

describe('live lookups of a file\'s external MX targets', () => {
  it('the first MAX_LIVE_TARGETS names, in file order, and how many were left out', () => {
    const names = Array.from({ length: MAX_LIVE_TARGETS + 5 }, (_, i) => `mx${i}.test`);
    expect(liveTargetNames(names)).toEqual({ asked: names.slice(0, MAX_LIVE_TARGETS), skipped: 5 });
    expect(liveTargetNames(names.slice(0, 3))).toEqual({ asked: names.slice(0, 3), skipped: 0 });
  });

  it('a zone naming 1,000 external targets asks about 64 of them, not 1,000', async () => {
    const resolver = new CountingResolver();
    const { targets, skipped } = await lookupExternalTargets(readZone(zoneWithTargets(1000), { file: 'db.example.com' }), resolver);
    expect(targets.size).toBe(MAX_LIVE_TARGETS);
    expect(skipped).toBe(1000 - MAX_LIVE_TARGETS);
    const targetNames = [...resolver.asked].filter((name) => /^mx\d+\.elsewhere\.test$/.test(name));
    expect(targetNames.sort()).toEqual(Array.from({ length: MAX_LIVE_TARGETS }, (_, i) => `mx${i}.elsewhere.test`).sort());
  });
});
