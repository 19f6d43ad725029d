/**
 * Shared by the transport checks: results grouped by MX host and each result described for a
 * finding's evidence. A host is judged by its addresses: it is reachable if any address connected.
 */

import type { SmtpProbeResult } from './types.js';

export interface HostResults {
  /** The host name as first seen in the results. */
  readonly host: string;
  readonly results: readonly SmtpProbeResult[];
}

/** Host names compare without regard to case or a trailing dot (RFC 4343). */
function hostKey(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** Groups results by host, hosts in order of first appearance, results in input order. */
export function groupByHost(results: readonly SmtpProbeResult[]): HostResults[] {
  const groups = new Map<string, { host: string; results: SmtpProbeResult[] }>();
  for (const result of results) {
    const key = hostKey(result.host);
    const group = groups.get(key);
    if (group) group.results.push(result);
    else groups.set(key, { host: result.host, results: [result] });
  }
  return [...groups.values()];
}

/** A host is reachable when at least one of its addresses accepted a connection. */
export function isHostReachable(group: HostResults): boolean {
  return group.results.some((result) => result.outcome === 'connected');
}

const MAX_TEXT = 160;

/** Server text for evidence: one line, shortened. */
export function shortText(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' | ').trim();
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

/** How the connection attempt to one address ended, for `smtp-unreachable` evidence. */
export function describeConnection(result: SmtpProbeResult): string {
  const detail = result.detail !== undefined ? ` (${shortText(result.detail)})` : '';
  switch (result.outcome) {
    case 'connected':
      return `${result.address}: connected`;
    case 'refused':
      return `${result.address}: connection refused${detail}`;
    case 'timeout':
      return `${result.address}: timed out after ${Math.round(result.elapsedMs)} ms${detail}`;
    case 'error':
      return `${result.address}: failed${detail}`;
  }
}

/** Joins per-address evidence parts. */
export function joinEvidence(parts: readonly string[]): string {
  return parts.join('; ');
}
