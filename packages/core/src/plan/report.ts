import type { Finding } from '../findings/finding.js';
import type { MxTableRow } from '../checks/mx/mx-table.js';

export type { MxTableAddress, MxTableRow } from '../checks/mx/mx-table.js';
import type { AuthorityTable } from '../checks/authority/authority-table.js';
export type { AuthorityTable, AuthorityTableRow } from '../checks/authority/authority-table.js';

/** The one-word answer to "can this domain receive mail?", shown first by every front end. */
export type Verdict = 'receives-mail' | 'problems' | 'no-mail' | 'could-not-check';

/** Everything a front end shows for one domain. */
export interface DomainReport {
  /** The domain checked, ASCII (punycode). */
  readonly domain: string;
  /** What the person typed, when it differs (an e-mail address, a URL, a Unicode name). */
  readonly input?: string;
  readonly verdict: Verdict;
  readonly mx: readonly MxTableRow[];
  /** One line each, in words. */
  readonly spf: string;
  readonly dmarc: string;
  /** `DNSSEC: signed / unsigned / …`, when the plan asked the DNSSEC questions. */
  readonly dnssec?: string;
  /** `MTA-STS: enforce (mx: …) / none / …`, when the plan asked the policy questions. */
  readonly mtaSts?: string;
  /** The policy URL when `_mta-sts` announces a policy that was not fetched (a browser without the permission). */
  readonly mtaStsNotFetched?: string;
  /** Worst first. */
  readonly findings: readonly Finding[];
  /**
   * What the zone's authoritative servers serve, asked directly (CLI and language server); absent
   * when the step did not run (a browser, `--no-authoritative`). `notChecked` says why it stopped.
   */
  readonly authority?: AuthorityTable | { readonly notChecked: string };
}
