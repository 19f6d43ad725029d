import type { Finding } from '../findings/finding.js';
import type { LookupResult } from '../dns/types.js';
import type { Verdict } from './report.js';

/**
 * Could not check: the MX question itself failed (rule zero: we do not know, so we do not guess).
 * No mail: a clean null MX (RFC 7505). Problems: any error. Otherwise the domain receives mail.
 */
export function verdictOf(mx: LookupResult, findings: readonly Finding[]): Verdict {
  if (mx.kind === 'failed') return 'could-not-check';
  if (findings.some((f) => f.severity === 'error')) return 'problems';
  if (findings.some((f) => f.id === 'mx-null')) return 'no-mail';
  return 'receives-mail';
}
