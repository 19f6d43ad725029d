/**
 * The MX table the CLI and the popup show: one row per MX record, sorted by preference then name
 * (RFC 5321 §5.1 order), with the provider, the addresses and their PTR names, and a status taken
 * from the findings about that host: `problem` for any warning or error (and for a host the MTA-STS
 * policy does not cover: `mta-sts-mx-mismatch` is about the domain and names its hosts), `unknown`
 * when a lookup it needs failed (rule zero) or it was not looked up, else `ok`.
 *
 * Bounded: the hosts a check looks up (the `MAX_MX_HOSTS` most preferred, see
 * `mx-hosts-truncated`, whose finding beside the table says how many more there are) and the
 * records that name no host to look up (null MX, IP literals, invalid names), at most
 * `MAX_MX_TABLE_ROWS` rows in all.
 */
import { normalizeName, recordsOf } from '../../dns/types.js';
import type { Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { matchProvider } from '../../providers/match-provider.js';
import { hasUsableTarget } from './host-name.js';
import { mxEntriesFrom, sortEntries } from './mx-entry.js';
import { MAX_MX_HOSTS, mxHostsToExamine } from './mx-hosts-truncated.js';
import { runLiveMxChecks } from './run-mx-checks.js';
import { mtaStsUnmatchedHosts } from '../mta-sts/mta-sts-mx-mismatch.js';

export interface MxTableAddress {
  readonly address: string;
  readonly family: 4 | 6;
  /** PTR names, when the PTR lookup answered (absent when it failed). */
  readonly ptr?: string[];
}

export interface MxTableRow {
  readonly preference: number;
  /** Lower case, no trailing dot; `''` for the null MX. */
  readonly exchange: string;
  /** Provider display name, when recognised. */
  readonly provider?: string;
  readonly addresses: MxTableAddress[];
  readonly status: 'ok' | 'problem' | 'unknown';
}

/** Rows shown at most: the examined hosts, with room for a few duplicates and unusable targets. */
export const MAX_MX_TABLE_ROWS = 2 * MAX_MX_HOSTS;

export function buildMxTable(snapshot: MailDnsSnapshot, findings: readonly Finding[] = runLiveMxChecks(snapshot)): MxTableRow[] {
  if (snapshot.mx.kind !== 'answer') return [];
  const entries = sortEntries(mxEntriesFrom(snapshot.mx, snapshot.domain));
  const examined = new Set(mxHostsToExamine(entries));
  const shown = entries.filter((entry) => examined.has(entry.exchange) || !hasUsableTarget(entry)).slice(0, MAX_MX_TABLE_ROWS);
  const rows: MxTableRow[] = [];
  const notCoveredBySts = new Set(mtaStsUnmatchedHosts(snapshot)?.unmatched ?? []);
  for (const entry of shown) {
    const provider = entry.exchange === '' ? undefined : matchProvider(entry.exchange);
    const target = snapshot.targets.find((facts) => facts.name === entry.exchange);
    const addresses: MxTableAddress[] = (target?.addresses ?? []).map((facts) => {
      const row: MxTableAddress = { address: facts.address, family: facts.family };
      return facts.ptr.kind === 'failed'
        ? row
        : { ...row, ptr: recordsOf(facts.ptr, 'PTR').map((record) => normalizeName(record.data)) };
    });
    const about = findings.filter((item) => item.subject === entry.exchange && item.id !== 'lookup-failed');
    let status: MxTableRow['status'];
    if (entry.exchange === '') {
      status = entries.length > 1 || entry.preference !== 0 ? 'problem' : 'ok';
    } else if (about.some((item) => item.severity !== 'info') || !hasUsableTarget(entry) || notCoveredBySts.has(entry.exchange)) {
      status = 'problem';
    } else if (
      target === undefined ||
      target.a.kind === 'failed' ||
      target.aaaa.kind === 'failed' ||
      target.addresses.some((facts) => facts.ptr.kind === 'failed' || facts.forward.some((item) => item.result.kind === 'failed'))
    ) {
      status = 'unknown';
    } else {
      status = 'ok';
    }
    rows.push({
      preference: entry.preference,
      exchange: entry.exchange,
      ...(provider !== undefined && { provider: provider.name }),
      addresses,
      status,
    });
  }
  return rows;
}
