import { describe, expect, it } from 'vitest';
import { MAX_MX_HOSTS, mxHostsToExamine, mxHostsTruncated } from '../../src/checks/mx/mx-hosts-truncated.js';
import { runLiveMxChecks } from '../../src/checks/mx/run-mx-checks.js';
import { buildMxTable } from '../../src/checks/mx/mx-table.js';
import { mxTargetNames } from '../../src/plan/gather.js';
import { entries, ids, mxAnswer, only, snapshot, target } from './helpers.js';

const D = 'example.com';
/** `count` hosts, listed with the highest preference first so that order in the answer does not help. */
const many = (count: number) => Array.from({ length: count }, (_, i) => `${count - i} mx${count - i}.example.com`);

describe('mx-hosts-truncated', () => {
  it('the cap is 32 hosts', () => {
    expect(MAX_MX_HOSTS).toBe(32);
  });

  it('examines the 32 most preferred distinct hosts; the rest are named as not looked up', () => {
    const set = entries([...many(100), '1 mx1.example.com']); // a duplicate does not count twice
    const examined = mxHostsToExamine(set);
    expect(examined).toHaveLength(32);
    expect(examined).toEqual(Array.from({ length: 32 }, (_, i) => `mx${i + 1}.example.com`));
    const found = mxHostsTruncated(D, set, examined.length);
    expect(found.map((f) => [f.id, f.severity, f.subject])).toEqual([['mx-hosts-truncated', 'info', D]]);
    expect(found[0]!.message).toContain('100');
    expect(found[0]!.message).toContain('32');
    expect(found[0]!.evidence).toContain('mx33.example.com');
    expect(found[0]!.evidence).toMatch(/and 6\d more/);
    expect(found[0]!.evidence!.length).toBeLessThan(400);
  });

  it('is silent at or under the cap, and skips the null MX, IP literals and invalid names', () => {
    expect(mxHostsTruncated(D, entries(many(32)), 32)).toEqual([]);
    const odd = entries([...many(32), '0 192.0.2.1', '0 bad_name..example.com']);
    expect(mxHostsToExamine(odd)).toHaveLength(32);
    expect(mxHostsTruncated(D, odd, 32)).toEqual([]);
  });

  it('the plan looks up exactly those hosts', () => {
    const planned = mxTargetNames(mxAnswer(D, many(500)), D);
    // Two empty lists would be equal too: the cap is what both must give.
    expect(planned).toHaveLength(32);
    expect(planned).toEqual(mxHostsToExamine(entries(many(500))));
  });

  it('runs with the live MX checks; the MX table lists the examined hosts only', () => {
    const lines = many(40);
    const examined = mxHostsToExamine(entries(lines));
    const snap = snapshot(D, lines, { targets: examined.map((name) => target(name)) });
    const findings = runLiveMxChecks(snap);
    expect(only(findings, 'mx-hosts-truncated')).toHaveLength(1);
    expect(ids(findings)).not.toContain('lookup-failed');
    const rows = buildMxTable(snap, findings);
    expect(rows.map((row) => row.exchange)).toEqual(examined);
    expect(rows.every((row) => row.status === 'ok')).toBe(true);
  });
});
