/**
 * `tlsa-syntax` (files): a TLSA record whose data a DANE sender cannot use (RFC 6698 §2.1): the
 * certificate usage must be 0–3, the selector 0–1, the matching type 0–2, and the certificate
 * association data hexadecimal (whitespace allowed, §2.2) of the length its matching type gives:
 * 32 octets for SHA-256 (1), 64 for SHA-512 (2), any whole number of octets for the full data (0).
 * A sender that finds no usable TLSA record for a DANE host defers the mail (RFC 7672 §2.2).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import { defineCheck, type FileRdata } from '../check.js';

const FIELDS = [
  { name: 'certificate usage', max: 3 },
  { name: 'selector', max: 1 },
  { name: 'matching type', max: 2 },
] as const;

/** Hex digits of the certificate association data for each matching type with a fixed length. */
const DIGEST_HEX_LENGTH: Readonly<Record<number, { readonly hex: number; readonly name: string }>> = {
  1: { hex: 64, name: 'SHA-256' },
  2: { hex: 128, name: 'SHA-512' },
};

/** What is wrong with one record's data, and the range of the first field at fault. */
function problemsOf(record: FileRdata): { problems: string[]; range: SourceRange } | undefined {
  const { fields } = record;
  const problems: string[] = [];
  let at: number | undefined;
  const fault = (field: number, problem: string) => {
    problems.push(problem);
    at ??= field;
  };
  if (fields.length < 4) {
    return { problems: [`it has ${fields.length} field${fields.length === 1 ? '' : 's'}; a TLSA record is a usage, a selector, a matching type and the certificate association data`], range: record.range };
  }
  const values = FIELDS.map((spec, k) => {
    const text = fields[k]!;
    const value = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (!(value <= spec.max)) fault(k, `the ${spec.name} is ${JSON.stringify(text)}, not a number from 0 to ${spec.max}`);
    return value;
  });
  const data = fields.slice(3).join('');
  const matching = values[2]!;
  if (!/^[0-9a-fA-F]+$/.test(data)) fault(3, 'the certificate association data is not hexadecimal');
  else if (DIGEST_HEX_LENGTH[matching] !== undefined && data.length !== DIGEST_HEX_LENGTH[matching].hex) {
    const { hex, name } = DIGEST_HEX_LENGTH[matching];
    fault(3, `matching type ${matching} is ${name}, whose digest is ${hex} hex digits (${hex / 2} octets), but the data has ${data.length}`);
  } else if (matching === 0 && data.length % 2 !== 0) fault(3, `the certificate association data has an odd number of hex digits (${data.length})`);
  if (at === undefined) return undefined;
  return { problems, range: record.fieldRange(at) };
}

function tlsaSyntax(owner: string, records: readonly FileRdata[]): Finding[] {
  const findings: Finding[] = [];
  for (const record of records) {
    const found = problemsOf(record);
    if (found === undefined) continue;
    findings.push(
      finding(tlsaSyntaxCheck, {
        message: `The TLSA record of ${owner} cannot be used: ${found.problems.join('; ')}. DANE senders that find no usable record defer mail to this host.`,
        subject: owner,
        evidence: `${owner}. TLSA ${record.fields.join(' ')}`,
        fix: `Write it as \`${owner}. TLSA 3 1 1 <SHA-256 of the server's public key, 64 hex digits>\` (DANE-EE, SPKI, SHA-256: the form RFC 7671 §5.1 recommends), e.g. from \`openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | sha256sum\`.`,
        range: found.range,
      }),
    );
  }
  return findings;
}

export const tlsaSyntaxCheck = defineCheck({
  id: 'tlsa-syntax',
  severity: 'error',
  scope: 'file',
  title: 'TLSA data malformed',
  rfc: 'RFC 6698 §2.1',
  file: [{ on: 'rrset', type: 'TLSA', run: tlsaSyntax }],
});
