import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../../src/dns/types.js';
import { lookupFailedFinding } from '../../src/checks/resolver/lookup-failed.js';

const failed = (reason: FailureReason) =>
  lookupFailedFinding({ kind: 'failed', question: { name: 'example.com', type: 'MX' }, reason, detail: `${reason} from https://r.example/dns-query` });

describe('lookup-failed says who to look at', () => {
  it.each(['servfail', 'refused', 'rcode'] as const)('%s: the domain\'s name servers', (reason) => {
    expect(failed(reason).fix).toMatch(/dig \+trace example\.com MX/);
  });
  it.each(['timeout', 'network', 'http-status', 'content-type', 'malformed', 'truncated', 'mismatch', 'too-large'] as const)(
    '%s: the resolver or the network, not the domain',
    (reason) => {
      const found = failed(reason);
      expect(found.fix).toMatch(/--resolver/);
      expect(found.fix).not.toMatch(/dig/);
      expect(found.id).toBe('lookup-failed');
      expect(found.evidence).toContain(reason);
    },
  );
});

describe('lookup-failed for a broken CNAME chain names the chain, not the resolver', () => {
  it.each([
    ['alias-loop', /alias loop/],
    ['chain-too-long', /longer than 16 aliases/],
  ] as const)('%s', (reason, words) => {
    const found = failed(reason);
    expect(found.message).toMatch(words);
    expect(found.fix).toMatch(/CNAME|alias|chain/);
    expect(found.fix).not.toMatch(/--resolver/);
  });
});
