/**
 * `mx-target-ip-literal`: RFC 5321 §5.1 — the MX data is a domain name that is looked up for
 * address records; an address written there is read as a host name (`203.0.113.10.`), which does
 * not exist, so the mail is not delivered.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { hasUsableTarget, isIpLiteral } from './host-name.js';
import { formatMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

export function mxTargetIpLiteral(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (entries.every(hasUsableTarget)) return [];
  return entries
    .filter((entry) => entry.exchange !== '' && isIpLiteral(entry.exchange))
    .map((entry) => {
      const address = entry.exchange.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '');
      const type = address.includes(':') ? 'AAAA' : 'A';
      return finding(mxTargetIpLiteralCheck, {
        message: `The MX target "${entry.exchange}" of ${owner} is an IP address; an MX must name a host, which then has the address.`,
        subject: entry.exchange,
        evidence: `MX ${formatMx(entry)}`,
        fix: `Give the address a name and point the MX at it: \`mx.${owner}. ${type} ${address}\` and \`${owner}. MX ${entry.preference} mx.${owner}.\`.`,
        range: entry.range,
      });
    });
}

export const mxTargetIpLiteralCheck = defineCheck({
  id: 'mx-target-ip-literal',
  severity: 'error',
  scope: 'live+file',
  title: 'MX target is an IP address',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'mx-set', run: mxTargetIpLiteral }],
  file: [{ on: 'mx-set', place: 'target' }],
});
