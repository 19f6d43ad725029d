/**
 * `dmarc-invalid`: a `v=DMARC1` record that does not parse (RFC 7489 §6.3, §6.4: missing or
 * invalid `p=`, v not first, p not right after v, bad tag values, rua/ruf not URIs), or several
 * DMARC records at one name (§6.6.3: then no policy applies). `dmarcInvalid` is the text-level core,
 * shared with the file checks.
 */
import type { SourceRange } from '../../findings/finding.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { AppliedDmarc } from './applied-dmarc.js';
import { clip, dmarcName } from './dmarc-records.js';
import { parseDmarc } from './parse-dmarc.js';
import { defineCheck } from '../check.js';

/** The records that apply to `domain` (its own, or its organisational domain's, §6.6.3). */
export function checkDmarcInvalid(domain: string, applied: AppliedDmarc): Finding[] {
  if (applied.kind !== 'own' && applied.kind !== 'inherited') return [];
  return dmarcInvalid(domain, applied.name, applied.texts.map((text) => ({ text })));
}

/**
 * Findings for the DMARC records of one name. `subject` is what the findings are about (the mail
 * domain for live checks, the owner for files); `name` is where the records live.
 */
export function dmarcInvalid(subject: string, name: string, records: readonly { text: string; range?: SourceRange }[]): Finding[] {
  if (records.length > 1) {
    return [
      finding(dmarcInvalidCheck, {
        message: `${name} publishes ${records.length} DMARC records, so no DMARC policy applies to ${subject}.`,
        subject,
        evidence: records.map((record) => `"${clip(record.text, 100)}"`).join(' | '),
        rfc: 'RFC 7489 §6.6.3',
        fix: `Keep exactly one TXT record starting with "v=DMARC1" at ${name}.`,
        ...(records[1]?.range !== undefined && { range: records[1].range }),
      }),
    ];
  }
  const [record] = records;
  if (record === undefined) return [];
  const parsed = parseDmarc(record.text);
  return parsed.errors.map((error) =>
    finding(dmarcInvalidCheck, {
      message: `${name === dmarcName(subject) || name === subject ? `The DMARC record of ${subject}` : `The DMARC record at ${name}, which applies to ${subject},`} does not parse: ${error.message}.`,
      subject,
      evidence: `"${clip(record.text)}" (offset ${error.offset})`,
      rfc: 'RFC 7489 §6.4',
      fix: `Publish a record of the form \`${name}. TXT "v=DMARC1; p=${parsed.policy ?? 'none'}; rua=mailto:dmarc-reports@${name.replace(/^_dmarc\./, '')}"\` (v first, p right after it, tags separated by ";").`,
      ...(record.range !== undefined && { range: record.range }),
    }),
  );
}

export const dmarcInvalidCheck = defineCheck({
  id: 'dmarc-invalid',
  severity: 'error',
  scope: 'live+file',
  title: 'DMARC record does not parse',
  rfc: 'RFC 7489 §6.3',
  live: [{ on: 'dmarc', run: checkDmarcInvalid }],
  file: [{ on: 'dmarc-records', run: (owner, records) => dmarcInvalid(owner, owner, records) }],
});
