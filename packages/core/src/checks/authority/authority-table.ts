/**
 * The "Authoritative servers" table front ends show: each server of the zone with its address,
 * SOA serial, the MX set it serves and whether it serves the zone at all.
 */
import { recordsOf } from '../../dns/types.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { lameReason, renderMx } from './served.js';

export interface AuthorityTableRow {
  readonly server: string;
  readonly address?: string;
  readonly serial?: number;
  /** The MX set as this server serves it (`10 mx1.example.net., …`, `no MX records`), when it answered. */
  readonly mx?: string;
  /** `serves the zone`, or why not (`does not answer (timeout)`, …). */
  readonly status: string;
  readonly serving: boolean;
}

export interface AuthorityTable {
  readonly zone: string;
  /** Where the parent delegates the zone, when that was found. */
  readonly delegatedTo?: readonly string[];
  readonly rows: readonly AuthorityTableRow[];
}

export function buildAuthorityTable(facts: AuthorityFacts): AuthorityTable {
  const rows = facts.servers.map((server): AuthorityTableRow => {
    const reason = lameReason(server);
    const soa = server.soa?.result.kind === 'answer' ? recordsOf(server.soa.result, 'SOA')[0] : undefined;
    const mx = server.mx !== undefined && server.mx.authoritative ? renderMx(server.mx) : undefined;
    return {
      server: server.name,
      ...(server.address !== undefined && { address: server.address }),
      ...(soa !== undefined && reason === undefined && { serial: soa.data.serial }),
      ...(mx !== undefined && reason === undefined && { mx }),
      status: reason === undefined ? 'serves the zone' : reason.replace(/^it /, ''),
      serving: reason === undefined,
    };
  });
  return { zone: facts.zone, ...(facts.delegation.kind === 'found' && { delegatedTo: facts.delegation.ns }), rows };
}
