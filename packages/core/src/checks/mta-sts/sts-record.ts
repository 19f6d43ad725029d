/**
 * The MTA-STS TXT record at `_mta-sts.<domain>` (RFC 8461 §3.1): records not beginning with
 * `v=STSv1` are discarded; if the rest is not exactly one record, or that one breaks the grammar,
 * senders assume there is no policy. `id` (1–32 letters and digits) is required, once; other
 * fields are extensions and allowed.
 */
import { parseTagRecord, startsWithVersion } from './tag-record.js';

export type StsRecord =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[]; readonly texts: readonly string[] }
  | { readonly kind: 'valid'; readonly id: string; readonly text: string };

export const STS_VERSION = 'v=STSv1';

export function readStsRecord(texts: readonly string[]): StsRecord {
  const records = texts.filter((text) => startsWithVersion(text, STS_VERSION));
  if (records.length === 0) return { kind: 'none' };
  if (records.length > 1) return { kind: 'invalid', problems: [`there are ${records.length} "v=STSv1" records; there must be exactly one`], texts: records };
  const text = records[0]!;
  const { fields, problems } = parseTagRecord(text, STS_VERSION);
  const ids = fields.filter((field) => field.name === 'id');
  const all = [...problems];
  if (ids.length === 0) all.push('the required id field is missing');
  if (ids.length > 1) all.push('id is given more than once');
  const id = ids[0]?.value ?? '';
  if (ids.length === 1 && !/^[A-Za-z0-9]{1,32}$/.test(id)) all.push(`id "${id}" must be 1 to 32 letters and digits`);
  const seen = new Set<string>();
  for (const field of fields) {
    if (field.name !== 'id' && seen.has(field.name)) all.push(`${field.name} is given more than once`);
    seen.add(field.name);
  }
  return all.length > 0 ? { kind: 'invalid', problems: all.slice(0, 10), texts: records } : { kind: 'valid', id, text };
}
