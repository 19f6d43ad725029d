/** One line about a domain's DMARC for display: "DMARC: p=reject, reports to mailto:…". */
import type { LookupResult } from '../../dns/types.js';
import { dmarcTexts } from './dmarc-records.js';
import { parseDmarc } from './parse-dmarc.js';

export function describeDmarc(result: LookupResult): string {
  if (result.kind === 'failed') return `DMARC: lookup failed (${result.detail})`;
  const texts = dmarcTexts(result);
  const [text] = texts;
  if (text === undefined) return 'DMARC: none';
  if (texts.length > 1) return `DMARC: ${texts.length} records (no policy applies)`;
  const parsed = parseDmarc(text);
  if (parsed.policy === undefined) return 'DMARC: invalid (no valid p=)';
  const parts = [`p=${parsed.policy}`];
  if (parsed.subdomainPolicy !== undefined && parsed.subdomainPolicy !== parsed.policy) parts.push(`sp=${parsed.subdomainPolicy}`);
  if (parsed.pct !== undefined && parsed.pct !== 100) parts.push(`pct=${parsed.pct}`);
  parts.push(parsed.rua.length > 0 ? `reports to ${parsed.rua.map((uri) => uri.replace(/!.*$/, '')).join(', ')}` : 'no reports');
  if (parsed.errors.length > 0) parts.push(`${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}`);
  return `DMARC: ${parts.join(', ')}`;
}
