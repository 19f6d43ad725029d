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

/**
 * Ids the contract already names whose checks are not built yet, with the issue that builds them.
 * An id leaves this list in the commit that adds it to the catalogue (the test below fails on an
 * id that is in both, and on a contract id that is in neither).
 */
const NOT_YET_BUILT: Record<string, string> = {
  // #14: the authoritative servers
  'ns-lame': '#14',
  'ns-delegation-mismatch': '#14',
  'ns-mx-inconsistent': '#14',
  'ns-spf-inconsistent': '#14',
  'ns-dmarc-inconsistent': '#14',
  'ns-serial-mismatch': '#14',
  'ns-single': '#14',
  'mx-propagation-pending': '#14',
  'file-differs-from-live': '#14',
  // #15: DNSSEC, MTA-STS, TLS-RPT, DANE
  'dnssec-missing': '#15',
  'dnssec-bogus': '#15',
  'mx-target-dnssec-bogus': '#15',
  'dnssec-signature-expiring': '#15',
  'mta-sts-record-invalid': '#15',
  'mta-sts-policy-unavailable': '#15',
  'mta-sts-policy-invalid': '#15',
  'mta-sts-mx-mismatch': '#15',
  'tlsrpt-invalid': '#15',
  'tlsrpt-missing': '#15',
  'dane-tlsa-insecure': '#15',
  'dane-tlsa-unusable': '#15',
  'dane-partial': '#15',
  'tlsa-lookup-failed': '#15',
  'dane-no-rollover': '#15',
  'tlsa-syntax': '#15',
  'smtp-cert-invalid': '#15',
  'dane-tlsa-mismatch': '#15',
  'smtp-tls-old': '#15',
};

/** Rows of the contract's tables: `| \`id\` | severity | when |` (a severity cell may say more after its first word). */
function contractRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of contract.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info)\b[^|]*\|/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}

describe('the finding catalogue', () => {
  it('has exactly the ids and severities of the contract, less the ids not built yet', () => {
    const rows = contractRows();
    expect(rows.size).toBeGreaterThan(70);
    for (const id of Object.keys(NOT_YET_BUILT)) {
      expect(rows.has(id), `${id} is listed as not built yet but the contract does not name it`).toBe(true);
      expect(id in CATALOGUE, `${id} is in the catalogue: take it off NOT_YET_BUILT`).toBe(false);
      rows.delete(id);
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
