/**
 * `file-differs-from-live` (info; files, with live checks on): an MX or SPF RRset the file writes
 * differs from what the zone's authoritative servers serve now. Before a zone file is loaded or a
 * Terraform plan applied, this is the change senders will see: the records the file adds and the
 * ones it drops. Only for zones the file is authoritative for (its origin, the Terraform zone name).
 */
import { recordsOf, txtText } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { LiveRRsets } from '../../facts/authority.js';
import { defineCheck, type FileMailRRsets } from '../check.js';
import { formatMx } from '../mx/mx-entry.js';
import { isSpfRecord } from '../spf/parse-spf.js';

/** `adds …; drops …` between two sets of record texts, or `undefined` when they are equal. */
function change(file: readonly string[], live: readonly string[]): string | undefined {
  const added = [...new Set(file.filter((text) => !live.includes(text)))];
  const dropped = [...new Set(live.filter((text) => !file.includes(text)))];
  if (added.length === 0 && dropped.length === 0) return undefined;
  const parts: string[] = [];
  if (added.length > 0) parts.push(`the file adds ${added.join(', ')}`);
  if (dropped.length > 0) parts.push(`drops ${dropped.join(', ')}`);
  return parts.join('; ');
}

export function fileDiffersFromLive(owner: string, file: FileMailRRsets, live: LiveRRsets): Finding[] {
  const differences: string[] = [];
  // Only an authoritative answer says what is live; a failed or non-AA one says nothing (rule zero).
  if (live.mx?.authoritative && live.mx.result.kind !== 'failed') {
    const served = recordsOf(live.mx.result, 'MX').map((record) => `MX ${formatMx(record.data)}`);
    const written = file.mx.map((entry) => `MX ${formatMx(entry)}`);
    const mx = change(written, served);
    if (mx !== undefined) differences.push(mx);
  }
  if (live.txt?.authoritative && live.txt.result.kind !== 'failed') {
    const served = recordsOf(live.txt.result, 'TXT').map(txtText).filter(isSpfRecord).map((text) => `TXT "${text}"`);
    const written = file.spf.map((item) => `TXT "${item.text}"`);
    const spf = change(written, served);
    if (spf !== undefined) differences.push(spf);
  }
  if (differences.length === 0) return [];
  return [
    finding(fileDiffersFromLiveCheck, {
      message: `The mail records of ${owner} in this file differ from what its name servers serve now: loading the file changes them for senders.`,
      subject: owner,
      evidence: `${differences.join('; ')} (live: ${live.server})`,
      fix: `Nothing to fix if this is the change you mean to make; otherwise bring the file in line with the live zone before loading or applying it.`,
      range: file.range,
    }),
  ];
}

export const fileDiffersFromLiveCheck = defineCheck({
  id: 'file-differs-from-live',
  severity: 'info',
  scope: 'file',
  title: 'The file changes what the name servers serve',
  file: [{ on: 'live-rrsets', run: fileDiffersFromLive }],
});
