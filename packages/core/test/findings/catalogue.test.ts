/**
 * The catalogue in code must match the contract, id for id and severity for severity.
 * docs/checks.md is the repo's copy of the contract; where the team's shared/checks.md sits
 * beside the repo (as in CI), the copy must equal it. Ids about MX Doctor's own input (suppression
 * comments) are not mail-DNS findings: docs/configuration.md lists them, in the same table form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/checks/catalogue.js';

const repoRoot = new URL('../../../../', import.meta.url);
const contract = readFileSync(new URL('docs/checks.md', repoRoot), 'utf8');
const configurationPage = readFileSync(new URL('docs/configuration.md', repoRoot), 'utf8');

/**
 * Sections of the contract whose ids are still being built, with the issue that builds them: an id
 * there may be missing from the catalogue (and joins it, with its module, when built). Every other
 * contract id must be in the catalogue. A section leaves this list when its last id is built.
 */
const SECTIONS_BEING_BUILT: Record<string, string> = {

};

/** The contract's text under the `## ` heading that starts with `heading`, up to the next one. */
function section(heading: string): string {
  const start = contract.indexOf(`\n${heading}`);
  if (start < 0) return '';
  const end = contract.indexOf('\n## ', start + 1);
  return contract.slice(start, end < 0 ? undefined : end);
}

/** Rows of the contract's tables: `| \`id\` | severity | when |` (a severity cell may say more after its first word). */
function contractRows(text = contract): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of text.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info)\b[^|]*\|/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}

describe('the finding catalogue', () => {
  it('has exactly the ids and severities of the contract, less ids not built yet in the sections being built', () => {
    const rows = contractRows();
    expect(rows.size).toBeGreaterThan(70);
    for (const [heading, issue] of Object.entries(SECTIONS_BEING_BUILT)) {
      const text = section(heading);
      expect(text, `the contract has no section "${heading}"`).not.toBe('');
      const unbuilt = [...text.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!).filter((id) => !(id in CATALOGUE));
      expect(unbuilt.length, `every id of "${heading}" (${issue}) is built: take the section off SECTIONS_BEING_BUILT`).toBeGreaterThan(0);
      for (const id of unbuilt) rows.delete(id);
    }
    const outsideContract = contractRows(configurationPage);
    expect([...outsideContract.keys()]).toEqual(['suppression-unused']);
    for (const [id, severity] of outsideContract) {
      expect(rows.has(id), `${id} is in the contract and in docs/configuration.md`).toBe(false);
      rows.set(id, severity);
    }
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
