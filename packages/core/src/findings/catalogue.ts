/**
 * The finding catalogue: every id MX Doctor can report, with its severity and the rule it
 * rests on. This table mirrors `shared/checks.md`, the product's contract; a test keeps the two
 * in step. A new check gets its row here (and in the contract) first.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface CatalogueEntry {
  /** How bad it is: `error` = mail is or will be lost, `warning` = fragile, `info` = worth knowing. */
  readonly severity: Severity;
  /** A short title for rule lists (SARIF rules, docs). */
  readonly title: string;
  /** The rule it rests on, where there is one. */
  readonly rfc?: string;
  /** Where the check applies. */
  readonly scope: 'live' | 'transport' | 'file' | 'live+file';
}

export const CATALOGUE = {
  // Live checks (a domain, over DNS-over-HTTPS)
  'domain-nxdomain': { severity: 'error', scope: 'live', title: 'The domain does not exist', rfc: 'RFC 1035 §4.1.1' },
  'mx-missing': { severity: 'error', scope: 'live', title: 'No MX records', rfc: 'RFC 5321 §5.1' },
  'mx-null': { severity: 'info', scope: 'live', title: 'Null MX: the domain accepts no mail', rfc: 'RFC 7505' },
  'mx-null-mixed': { severity: 'error', scope: 'live+file', title: 'Null MX beside other MX records', rfc: 'RFC 7505 §3' },
  'mx-null-nonzero-preference': { severity: 'warning', scope: 'live+file', title: 'Null MX with a preference other than 0', rfc: 'RFC 7505 §3' },
  'domain-cname': { severity: 'warning', scope: 'live+file', title: 'The mail domain is a CNAME', rfc: 'RFC 1034 §3.6.2' },
  'mx-target-ip-literal': { severity: 'error', scope: 'live+file', title: 'MX target is an IP address', rfc: 'RFC 5321 §5.1' },
  'mx-target-invalid-name': { severity: 'error', scope: 'live+file', title: 'MX target is not a valid host name', rfc: 'RFC 1035 §2.3.1' },
  'mx-target-cname': { severity: 'error', scope: 'live+file', title: 'MX target is a CNAME', rfc: 'RFC 2181 §10.3' },
  'mx-target-nxdomain': { severity: 'error', scope: 'live', title: 'MX target does not exist', rfc: 'RFC 5321 §5.1' },
  'mx-target-no-address': { severity: 'error', scope: 'live+file', title: 'MX target has no address', rfc: 'RFC 5321 §5.1' },
  'mx-target-private-address': { severity: 'error', scope: 'live', title: 'MX target resolves only to non-public addresses', rfc: 'RFC 6890' },
  'mx-target-ipv6-only': { severity: 'warning', scope: 'live', title: 'MX target has IPv6 addresses only' },
  'mx-all-targets-broken': { severity: 'error', scope: 'live', title: 'No MX target can receive mail', rfc: 'RFC 5321 §5.1' },
  'mx-duplicate': { severity: 'warning', scope: 'live+file', title: 'The same MX target appears twice', rfc: 'RFC 2181 §5' },
  'mx-single': { severity: 'warning', scope: 'live+file', title: 'Only one MX host' },
  'mx-same-priority': { severity: 'info', scope: 'live+file', title: 'All MX hosts share one priority', rfc: 'RFC 5321 §5.1' },
  'mx-split-delivery': { severity: 'error', scope: 'live+file', title: 'Mail is split between providers' },
  'mx-mixed-providers': { severity: 'warning', scope: 'live+file', title: 'MX hosts of different providers' },
  'mx-provider-incomplete': { severity: 'warning', scope: 'live+file', title: "A provider's MX set is only partly present" },
  'mx-ttl-high': { severity: 'info', scope: 'live+file', title: 'MX TTL above one day' },
  'mx-target-ptr-missing': { severity: 'warning', scope: 'live', title: 'MX address has no PTR record', rfc: 'RFC 1912 §2.1' },
  'mx-target-ptr-mismatch': { severity: 'warning', scope: 'live', title: 'Forward-confirmed reverse DNS fails', rfc: 'RFC 8601 §3' },
  'resolvers-disagree': { severity: 'warning', scope: 'live', title: 'Resolvers return different MX sets' },
  'spf-missing': { severity: 'warning', scope: 'live', title: 'No SPF record', rfc: 'RFC 7208 §4.5' },
  'spf-multiple': { severity: 'error', scope: 'live+file', title: 'More than one SPF record', rfc: 'RFC 7208 §3.2' },
  'spf-syntax': { severity: 'error', scope: 'live+file', title: 'SPF record does not parse', rfc: 'RFC 7208 §4.6.1' },
  'spf-include-missing': { severity: 'error', scope: 'live', title: 'SPF include or redirect target has no SPF record', rfc: 'RFC 7208 §5.2' },
  'spf-too-many-lookups': { severity: 'error', scope: 'live', title: 'SPF needs more than 10 DNS lookups', rfc: 'RFC 7208 §4.6.4' },
  'spf-permissive-all': { severity: 'warning', scope: 'live+file', title: 'SPF lets anyone send', rfc: 'RFC 7208 §5.1' },
  'spf-too-many-void-lookups': { severity: 'warning', scope: 'live', title: 'SPF has more than 2 void lookups', rfc: 'RFC 7208 §4.6.4' },
  'mx-null-incomplete': { severity: 'warning', scope: 'live', title: 'Null MX domain does not say "no mail" everywhere', rfc: 'RFC 7505 §4' },
  'dmarc-missing': { severity: 'warning', scope: 'live', title: 'No DMARC record', rfc: 'RFC 7489 §6.1' },
  'dmarc-invalid': { severity: 'error', scope: 'live+file', title: 'DMARC record does not parse', rfc: 'RFC 7489 §6.3' },
  'dmarc-not-enforced': { severity: 'info', scope: 'live', title: 'DMARC policy is none', rfc: 'RFC 7489 §6.3' },
  'dmarc-inherited': { severity: 'info', scope: 'live', title: "The organisational domain's DMARC record applies", rfc: 'RFC 7489 §6.6.3' },
  'mx-hosts-truncated': { severity: 'info', scope: 'live', title: 'More MX hosts than are examined' },
  'lookup-failed': { severity: 'warning', scope: 'live', title: 'A DNS query failed' },
  // Transport checks (opt-in SMTP probe)
  'smtp-unreachable': { severity: 'error', scope: 'transport', title: 'No MX host accepts SMTP connections', rfc: 'RFC 5321 §3.1' },
  'smtp-host-unreachable': { severity: 'warning', scope: 'transport', title: 'An MX host does not accept SMTP connections', rfc: 'RFC 5321 §3.1' },
  'smtp-bad-greeting': { severity: 'warning', scope: 'transport', title: 'An MX host does not greet with 220', rfc: 'RFC 5321 §4.2' },
  'smtp-no-starttls': { severity: 'warning', scope: 'transport', title: 'An MX host does not offer STARTTLS', rfc: 'RFC 3207' },
  // File checks only
  syntax: { severity: 'error', scope: 'file', title: 'The file cannot be parsed here' },
  'mx-syntax': { severity: 'error', scope: 'file', title: 'MX data malformed', rfc: 'RFC 1035 §3.3.9' },
  'mx-priority-range': { severity: 'error', scope: 'file', title: 'MX preference out of range', rfc: 'RFC 1035 §3.3.9' },
  'mx-target-relative': { severity: 'warning', scope: 'file', title: 'MX target is relative where a FQDN is meant', rfc: 'RFC 1035 §5.1' },
  'mx-target-unresolved-expression': { severity: 'info', scope: 'file', title: 'MX target is an expression that cannot be evaluated' },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingId = keyof typeof CATALOGUE;

export const FINDING_IDS = Object.keys(CATALOGUE) as FindingId[];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders severities worst first; use as a sort key. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}
