/**
 * `spf-missing`: the domain answered its TXT query but publishes no `v=spf1` record (RFC 7208
 * §4.5: result "none"), so receivers cannot tell its senders from forgers. Rule zero: a failed
 * TXT lookup is not "no record" (nothing is said), and a domain that does not exist is
 * `domain-nxdomain`'s business.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { SpfFacts } from './spf-facts.js';
import { clip, looksLikeSpf, txtTexts } from './spf-records.js';
import { defineCheck } from '../check.js';

export function checkSpfMissing(facts: SpfFacts): Finding[] {
  const { root, domain } = facts;
  if (root.status !== 'no-spf' || root.lookup === undefined) return [];
  const texts = txtTexts(root.lookup);
  const nearMiss = texts.find(looksLikeSpf);
  const evidence =
    nearMiss !== undefined
      ? `TXT "${clip(nearMiss)}" is not an SPF record: it must start with "v=spf1" followed by a space`
      : texts.length === 0
        ? `no TXT records at ${domain}`
        : `${texts.length} TXT record${texts.length === 1 ? '' : 's'} at ${domain}, none starting with "v=spf1"`;
  return [
    finding(spfMissingCheck, {
      message: `${domain} publishes no SPF record, so receivers cannot tell its real senders from forgers.`,
      subject: domain,
      evidence,
      fix:
        nearMiss !== undefined
          ? `Rewrite the record so it starts with "v=spf1 " and its terms are separated by plain spaces, e.g. \`${domain}. TXT "v=spf1 mx -all"\`.`
          : `Publish one TXT record listing the servers that send for ${domain}, e.g. \`${domain}. TXT "v=spf1 mx -all"\`, or \`"v=spf1 -all"\` if it sends no mail.`,
    }),
  ];
}

export const spfMissingCheck = defineCheck({
  id: 'spf-missing',
  severity: 'warning',
  scope: 'live',
  title: 'No SPF record',
  rfc: 'RFC 7208 §4.5',
  live: [{ on: 'spf', run: checkSpfMissing }],
});
