import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesHostPattern, matchProvider } from '../../src/providers/match-provider.js';
import { PROVIDERS } from '../../src/providers/providers.js';

/** The definition the index must agree with: the first provider, in table order, with a matching pattern. */
const linear = (host: string) => PROVIDERS.find((p) => p.suffixes.some((pattern) => matchesHostPattern(host, pattern)));

const suffixes = PROVIDERS.flatMap((p) => p.suffixes);
const label = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
const host = fc.oneof(
  fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom(...suffixes)).map(([prefix, suffix]) =>
    [...prefix, ...suffix.split('.').map((l) => (l === '*' ? 'eu-west-1' : l))].join('.'),
  ),
  fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.')),
  fc.tuple(label, fc.constantFrom(...suffixes)).map(([a, suffix]) => `${a}${suffix.replace(/\*/g, 'x')}`), // no label boundary
);

describe('matchProvider (indexed)', () => {
  it('agrees with a linear search over the table', () => {
    fc.assert(
      fc.property(host, fc.boolean(), (name, upper) => {
        const asked = upper ? `${name.toUpperCase()}.` : name;
        expect(matchProvider(asked)?.id).toBe(linear(asked)?.id);
      }),
      { numRuns: 3000 },
    );
  });
});
