/**
 * The "MTA-STS: …" line every front end shows beside SPF, DMARC and DNSSEC, and, when the record
 * announces a policy that was not fetched (a browser without the host permission), its URL, so
 * the front end can offer to fetch it.
 */
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { txtTexts } from './mta-sts-record-invalid.js';
import { readStsRecord } from './sts-record.js';
import { parseStsPolicy } from './sts-policy.js';

export interface MtaStsLine {
  readonly line: string;
  /** The policy URL, when the record announces a policy nobody fetched. */
  readonly notFetched?: string;
}

export function describeMtaSts(snapshot: MailDnsSnapshot): MtaStsLine | undefined {
  const { policy, domain } = snapshot;
  if (policy === undefined) return undefined;
  const texts = txtTexts(policy.mtaSts);
  if (texts === undefined) return { line: 'MTA-STS: not checked (the lookup failed)' };
  const record = readStsRecord(texts);
  if (record.kind === 'none') return { line: 'MTA-STS: none' };
  if (record.kind === 'invalid') return { line: 'MTA-STS: the record is not valid, so senders apply no policy' };
  const url = `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
  const fetched = policy.mtaStsPolicy;
  if (fetched === undefined) return { line: `MTA-STS: announced (id ${record.id}); the policy was not fetched`, notFetched: url };
  if (fetched.kind === 'failed') return { line: `MTA-STS: announced, but the policy cannot be fetched (${fetched.reason})` };
  const parsed = parseStsPolicy(fetched.body, fetched.contentType).policy;
  return { line: parsed === undefined ? 'MTA-STS: announced, but the policy is not valid' : `MTA-STS: ${parsed.mode} (mx: ${parsed.mx.join(', ') || 'none'})` };
}
