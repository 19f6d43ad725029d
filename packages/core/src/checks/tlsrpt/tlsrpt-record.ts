/**
 * The TLS-RPT TXT record at `_smtp._tls.<domain>` (RFC 8460 §3): records not beginning with
 * `v=TLSRPTv1` are discarded; if the rest is not exactly one record, or it breaks the grammar,
 * senders assume the domain does not want reports. `rua` is required, once: one or more
 * comma-separated `mailto:` or `https:` URIs (§3: "rua" … "mailto" or "https").
 */
import { parseTagRecord, startsWithVersion } from '../mta-sts/tag-record.js';

export type TlsRptRecord =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[]; readonly texts: readonly string[] }
  | { readonly kind: 'valid'; readonly rua: readonly string[]; readonly text: string };

export const TLSRPT_VERSION = 'v=TLSRPTv1';

/** Why a `rua` URI is not one a sender can report to, or `undefined`. */
function uriProblem(uri: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return `"${uri}" is not a URI`;
  }
  if (parsed.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(parsed.pathname)) ? undefined : `"${uri}" has no mail address`;
  if (parsed.protocol === 'https:') return parsed.hostname === '' ? `"${uri}" has no host` : undefined;
  return `"${uri}" is neither mailto: nor https:`;
}

export function readTlsRptRecord(texts: readonly string[]): TlsRptRecord {
  const records = texts.filter((text) => startsWithVersion(text, TLSRPT_VERSION));
  if (records.length === 0) return { kind: 'none' };
  if (records.length > 1) return { kind: 'invalid', problems: [`there are ${records.length} "v=TLSRPTv1" records; there must be exactly one`], texts: records };
  const text = records[0]!;
  const { fields, problems } = parseTagRecord(text, TLSRPT_VERSION, ['rua']);
  const all = [...problems];
  const ruas = fields.filter((field) => field.name === 'rua');
  if (ruas.length === 0) all.push('the required rua field is missing');
  if (ruas.length > 1) all.push('rua is given more than once');
  const rua = (ruas[0]?.value ?? '').split(',').map((uri) => uri.trim()).filter((uri) => uri !== '').slice(0, 20);
  if (ruas.length === 1) for (const uri of rua) {
    const problem = uriProblem(uri);
    if (problem !== undefined) all.push(problem);
  }
  return all.length > 0 ? { kind: 'invalid', problems: all.slice(0, 10), texts: records } : { kind: 'valid', rua, text };
}
