/**
 * `mx-target-invalid-name`: an MX target must be a host name (RFC 5321 §5.1, RFC 1123 §2.1 LDH
 * rule, RFC 1035 §2.3.4 length limits). IP literals are left to `mx-target-ip-literal`.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { hasUsableTarget, hostNameProblem, isIpLiteral } from './host-name.js';
import { formatMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

export function mxTargetInvalidName(owner: string, entries: readonly MxEntry[]): Finding[] {
  // A usable target (remembered per host) is a valid name: most sets stop here.
  if (entries.every(hasUsableTarget)) return [];
  const findings: Finding[] = [];
  for (const entry of entries) {
    if (entry.exchange === '' || isIpLiteral(entry.exchange)) continue;
    const problem = hostNameProblem(entry.exchange);
    if (problem === undefined) continue;
    findings.push(
      finding(mxTargetInvalidNameCheck, {
        message: `The MX target "${entry.exchange}" of ${owner} is not a valid host name: ${problem}.`,
        subject: entry.exchange,
        evidence: `MX ${formatMx(entry)}`,
        fix: `Point the MX at a host name made of letters, digits and hyphens, e.g. \`${owner}. MX ${entry.preference} mx.${owner}.\`.`,
        range: entry.range,
      }),
    );
  }
  return findings;
}

export const mxTargetInvalidNameCheck = defineCheck({
  id: 'mx-target-invalid-name',
  severity: 'error',
  scope: 'live+file',
  title: 'MX target is not a valid host name',
  rfc: 'RFC 1035 §2.3.1',
  live: [{ on: 'mx-set', run: mxTargetInvalidName }],
  file: [{ on: 'mx-set', place: 'target' }],
});
