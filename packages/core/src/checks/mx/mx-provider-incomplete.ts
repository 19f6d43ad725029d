/**
 * `mx-provider-incomplete`: a recognised provider documents a whole MX set (Google's legacy five
 * hosts, or `smtp.google.com` alone), and only part of it is published, or parts of two sets are
 * mixed, or a host the provider has retired is still listed (Microsoft's `mail.eo.outlook.com`:
 * 451 4.4.62). Source: the providers' setup pages, collected in `shared/reference.md`.
 * Preferences are not compared: providers accept any order that keeps their hosts.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { matchesHostPattern, matchProvider } from '../../providers/match-provider.js';
import type { DocumentedMxSet, Provider } from '../../providers/providers.js';
import { formatMx, formatMxSet, type MxEntry } from './mx-entry.js';
import { hasUsableTarget } from './host-name.js';
import { appendAll } from '../../util/append.js';
import { defineCheck } from '../check.js';

function setHosts(set: DocumentedMxSet): string[] {
  return set.hosts.map((host) => host.exchange);
}

function missingFrom(set: DocumentedMxSet, present: ReadonlySet<string>): string[] {
  return set.hosts.filter((host) => !host.optional && !present.has(host.exchange)).map(formatMx);
}

function judgeSets(owner: string, provider: Provider, entries: readonly MxEntry[]): Finding[] {
  const sets = provider.mxSets ?? [];
  const known = new Set(sets.flatMap(setHosts));
  // Hosts we have no set for (gmail.com's own MX, a typo) are judged by other checks; with none of
  // the documented hosts present there is no verdict.
  const present = new Set(entries.map((entry) => entry.exchange).filter((host) => known.has(host)));
  if (present.size === 0) return [];
  const containing = sets.filter((set) => [...present].every((host) => setHosts(set).includes(host)));
  if (containing.some((set) => missingFrom(set, present).length === 0)) return [];
  const recommended = sets[0];
  const range = entries[0]?.range;
  const evidence = `MX ${formatMxSet(entries)}`;
  const best = [...containing].sort((a, b) => missingFrom(a, present).length - missingFrom(b, present).length)[0];
  if (best !== undefined) {
    const missing = missingFrom(best, present);
    return [
      finding(mxProviderIncompleteCheck, {
        message: `${owner} publishes only part of ${provider.name}'s ${best.name} MX set: ${missing.length} host${missing.length === 1 ? '' : 's'} missing.`,
        subject: owner,
        evidence,
        fix:
          recommended !== undefined && recommended !== best
            ? `Replace the MX records with ${provider.name}'s current set: ${recommended.hosts.map(formatMx).join(', ')}; or add the missing ${missing.join(', ')}.`
            : `Add the missing records: ${missing.map((mx) => `\`${owner}. MX ${mx}\``).join(', ')}.`,
        range,
      }),
    ];
  }
  const mixed = sets.filter((set) => setHosts(set).some((host) => present.has(host))).map((set) => set.name);
  return [
    finding(mxProviderIncompleteCheck, {
      message: `${owner} mixes ${provider.name} MX sets (${mixed.join(' and ')}); publish one set, never parts of two.`,
      subject: owner,
      evidence,
      fix: `Publish exactly one set; ${provider.name} recommends ${recommended?.hosts.map((host) => `\`${owner}. MX ${formatMx(host)}\``).join(', ') ?? 'its current set'} and no other ${provider.name} records.`,
      range,
    }),
  ];
}

function judgeDeprecated(provider: Provider, entries: readonly MxEntry[]): Finding[] {
  const findings: Finding[] = [];
  for (const entry of entries) {
    const retired = provider.deprecated?.find((host) => matchesHostPattern(entry.exchange, host.pattern));
    if (retired === undefined) continue;
    findings.push(
      finding(mxProviderIncompleteCheck, {
        message: `The MX target ${entry.exchange} is a ${provider.name} host that is no longer in service (${retired.note}).`,
        subject: entry.exchange,
        evidence: `MX ${formatMx(entry)}`,
        fix: `Replace it with the MX record ${provider.name} shows for your domain in its admin centre${provider.id === 'microsoft' ? ' (`0 <domain-with-hyphens>.mail.protection.outlook.com.`)' : ''}.`,
        range: entry.range,
      }),
    );
  }
  return findings;
}

export function mxProviderIncomplete(owner: string, entries: readonly MxEntry[]): Finding[] {
  let byProvider: Map<string, { provider: Provider; entries: MxEntry[] }> | undefined;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    const provider = hasUsableTarget(entry) ? matchProvider(entry.exchange) : undefined;
    if (provider === undefined) continue;
    byProvider ??= new Map();
    const group = byProvider.get(provider.id) ?? { provider, entries: [] };
    group.entries.push(entry);
    byProvider.set(provider.id, group);
  }
  if (byProvider === undefined) return [];
  const findings: Finding[] = [];
  for (const { provider, entries: own } of byProvider.values()) {
    const deprecated = judgeDeprecated(provider, own);
    appendAll(findings, deprecated.length > 0 ? deprecated : judgeSets(owner, provider, own));
  }
  return findings;
}

export const mxProviderIncompleteCheck = defineCheck({
  id: 'mx-provider-incomplete',
  severity: 'warning',
  scope: 'live+file',
  title: "A provider's MX set is only partly present",
  live: [{ on: 'mx-set', run: mxProviderIncomplete }],
  file: [{ on: 'mx-set', place: 'record' }],
});
