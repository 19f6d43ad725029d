/**
 * The catalogue in code must match the contract, id for id and severity for severity.
 * docs/checks.md is the repo's copy of the contract; where the team's shared/checks.md sits
 * beside the repo (as in CI), the copy must equal it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/findings/catalogue.js';

const repoRoot = new URL('../../../../', import.meta.url);
const contract = readFileSync(new URL('docs/checks.md', repoRoot), 'utf8');

/** Rows of the contract's tables: `| \`id\` | severity | when |`. */
function contractRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of contract.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}

describe('the finding catalogue', () => {
  it('has exactly the ids and severities of the contract', () => {
    const rows = contractRows();
    expect(rows.size).toBeGreaterThan(40);
    expect(Object.fromEntries(Object.entries(CATALOGUE).map(([id, entry]) => [id, entry.severity]))).toEqual(Object.fromEntries(rows));
  });

  it('lists every file-check id the contract names in its "same ids apply" paragraph as live+file', () => {
    const paragraph = contract.slice(contract.indexOf('The same ids apply where a file shows'), contract.indexOf('Only files have these'));
    const ids = [...paragraph.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!).filter((id) => id in CATALOGUE);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(CATALOGUE[id as keyof typeof CATALOGUE].scope, id).toBe('live+file');
  });

  // Outside the team's workspace only the copy exists.
  const shared = new URL('../shared/checks.md', repoRoot);
  it.skipIf(!existsSync(shared))('docs/checks.md is the current contract', () => {
    expect(contract).toBe(readFileSync(shared, 'utf8'));
  });
});
