/**
 * `dmarc-not-enforced`: the one valid DMARC record says `p=none` (RFC 7489 §6.3): receivers send
 * reports but still deliver mail that forges the domain. Worth knowing, often a deliberate first
 * step. Not reported when the record is invalid (that is `dmarc-invalid`).
 */
import type { LookupResult } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { clip, dmarcName, dmarcTexts } from './dmarc-records.js';
import { parseDmarc } from './parse-dmarc.js';

export function checkDmarcNotEnforced(domain: string, dmarc: LookupResult): Finding[] {
  if (dmarc.kind === 'failed') return [];
  const texts = dmarcTexts(dmarc);
  const [text] = texts;
  if (texts.length !== 1 || text === undefined) return [];
  const parsed = parseDmarc(text);
  if (parsed.errors.length > 0 || parsed.policy !== 'none') return [];
  const rest = text.replace(/;[ \t]*p[ \t]*=[ \t]*none/i, '; p=quarantine');
  return [
    finding('dmarc-not-enforced', {
      message: `The DMARC policy of ${domain} is p=none: receivers report on forged mail but still deliver it.`,
      subject: domain,
      evidence: `"${clip(text)}"`,
      fix: `Once the reports show all real senders pass, move to \`${dmarcName(domain)}. TXT "${rest}"\`, then to p=reject.`,
    }),
  ];
}
