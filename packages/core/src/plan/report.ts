import type { Finding } from '../findings/finding.js';

/** The one-word answer to "can this domain receive mail?", shown first by every front end. */
export type Verdict = 'receives-mail' | 'problems' | 'no-mail' | 'could-not-check';

export interface MxTableAddress {
  readonly address: string;
  readonly family: 4 | 6;
  /** PTR names of the address, when the reverse lookup answered. */
  readonly ptr?: readonly string[];
}

/** One MX record as the front ends list it, in priority order. */
export interface MxTableRow {
  readonly preference: number;
  /** Target host; `.` for the null MX. */
  readonly exchange: string;
  /** Display name of the recognised provider. */
  readonly provider?: string;
  readonly addresses: readonly MxTableAddress[];
  /** `problem` when a finding names this target; `unknown` when its lookups failed. */
  readonly status: 'ok' | 'problem' | 'unknown';
}

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
  /** Worst first. */
  readonly findings: readonly Finding[];
}
