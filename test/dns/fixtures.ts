/**
 * What a correct checker must report for each test domain served by the fixture (zones generated
 * by zones/generate.ts). Ids exactly as in shared/checks.md. `expected` is the EXACT set of ids.
 *
 * How the sets were derived (from the catalogue's triggers):
 * - A fault domain `<id>.broken.test` is the clean baseline (MX 10 mx1 + MX 20 mx2 of the domain's
 *   own hosts, TTL 3600, public IPv4 + IPv6 with forward-confirmed PTRs, `v=spf1 ip4:… -all`,
 *   DMARC `p=reject`) with ONE thing changed. A broken target is always paired with a working one,
 *   so `mx-all-targets-broken` and `mx-single` do not come along unless listed.
 * - A target "cannot receive mail" (for `mx-all-targets-broken`) when it is an IP literal, an invalid
 *   name, NXDOMAIN, has no address, or has only non-public addresses.
 * - `mx-null` is reported for every domain whose MX records are all null (target `.`), whatever the
 *   preference (mx-null-nonzero-preference calls `10 .` "a null MX" too); a null MX beside other
 *   MX records is `mx-null-mixed` only, not `mx-null`.
 * - `~all` is not permissive (only `+all`, `?all`, or neither `all` nor `redirect`).
 * - Known single-MX providers (Google `smtp.google.com`, Microsoft 365) do not get `mx-single`.
 * - The live table is meant to be checked with BOTH resolvers (dohUrl and altDohUrl); with only one,
 *   resolvers-disagree.broken.test yields [].
 */

export interface LiveFixture {
  /** The domain to check. */
  domain: string;
  /** The exact set of finding ids a correct checker reports. */
  expected: string[];
  /** What the domain contains. */
  note: string;
}

export interface FaultFixture extends LiveFixture {
  /** The fault proxy path segment: check against `${faultBaseUrl}/${fault}/dns-query`. */
  fault: string;
}

const BASE = 'otherwise the clean baseline (MX 10 mx1/20 mx2, own hosts, IPv4+IPv6, PTR ok, SPF ip4 -all, DMARC reject)';

export const LIVE_FIXTURES: LiveFixture[] = [
  // ----------------------------------------------------------------------------- good domains
  {
    domain: 'google.good.test',
    expected: [],
    note: 'Google Workspace, current set: MX 1 smtp.google.com (known single-MX provider); SPF include:_spf.google.com ~all (4 lookups); DMARC reject',
  },
  {
    domain: 'google-legacy.good.test',
    expected: [],
    note: 'Google legacy set complete: 1 aspmx.l, 5 alt1, 5 alt2, 10 alt3, 10 alt4 (several priorities, so no mx-same-priority); SPF Google ~all; DMARC quarantine',
  },
  {
    domain: 'm365.good.test',
    expected: [],
    note: 'Microsoft 365: MX 0 m365-good-test.mail.protection.outlook.com (IPv4 only, as real tenants; PTR forward-confirmed); SPF include:spf.protection.outlook.com -all; DMARC reject',
  },
  {
    domain: 'selfhosted.good.test',
    expected: [],
    note: 'two own MX hosts at 10 and 20, IPv4 46.23.80.x + IPv6 2a01:4f8:1c1c:80::, PTR forward-confirmed; SPF ip4+ip6 -all; DMARC reject; apex A too',
  },
  {
    domain: 'nullmx.good.test',
    expected: ['mx-null'],
    note: 'correct null MX: MX 0 ., v=spf1 -all, DMARC p=reject',
  },
  {
    domain: 'spf-split.good.test',
    expected: [],
    note: 'self-hosted like selfhosted.good.test; the SPF TXT is three strings "v=spf1 ip4:46.23.81.0/2" "4 ip6:…/64" " -all" that join (with nothing between) into valid SPF',
  },
  {
    domain: 'bench5.good.test',
    expected: [],
    note: 'benchmark domain: 5 own MX hosts at 10..50, each IPv4 + IPv6 with forward-confirmed PTR; SPF ip4 -all; DMARC reject',
  },

  // ----------------------------------------------------------------------------- MX faults
  {
    domain: 'domain-nxdomain.broken.test',
    expected: ['domain-nxdomain'],
    note: 'does not exist (NXDOMAIN for every type, nothing below it either)',
  },
  {
    domain: 'mx-missing.broken.test',
    expected: ['mx-missing'],
    note: `no MX RRset; the domain has A 185.101.2.80 and AAAA (implicit MX), both PTR-confirmed; ${BASE.replace('MX 10 mx1/20 mx2, ', '')}`,
  },
  {
    domain: 'mx-null.broken.test',
    expected: ['mx-null'],
    note: 'correct null MX: MX 0 ., v=spf1 -all, DMARC reject',
  },
  {
    domain: 'mx-null-mixed.broken.test',
    expected: ['mx-null-mixed'],
    note: 'MX 0 . beside MX 10 mx1 and 20 mx2 (working hosts); SPF v=spf1 -all; DMARC reject',
  },
  {
    domain: 'mx-null-nonzero-preference.broken.test',
    expected: ['mx-null', 'mx-null-nonzero-preference'],
    note: 'only MX 10 . (null MX with preference 10); SPF v=spf1 -all; DMARC reject',
  },
  {
    domain: 'mx-null-incomplete.broken.test',
    expected: ['mx-null', 'mx-null-incomplete'],
    note: 'MX 0 . and v=spf1 -all, but DMARC p=quarantine (not reject)',
  },
  {
    domain: 'domain-cname.broken.test',
    expected: ['domain-cname'],
    note: 'the domain is a CNAME to domain-cname-target.broken.test (a clean baseline domain); _dmarc.domain-cname.broken.test has p=reject',
  },
  {
    domain: 'domain-cname-target.broken.test',
    expected: [],
    note: 'the alias target of domain-cname.broken.test: the clean baseline itself (a control)',
  },
  {
    domain: 'mx-target-ip-literal.broken.test',
    expected: ['mx-target-ip-literal'],
    note: `MX 5 203.0.113.10 (the exchange is literally that name; looked up it is NXDOMAIN) beside the good MX 10 mx1 + 20 mx2, so two valid hosts remain (no mx-single whichever way a checker counts); ${BASE}`,
  },
  {
    domain: 'mx-target-invalid-name.broken.test',
    expected: ['mx-target-invalid-name'],
    note: `MX 5 mail_1.mx-target-invalid-name.broken.test ("_" outside LDH; it has a public A/AAAA with forward-confirmed PTR) beside the good MX 10 mx1 + 20 mx2 (no mx-single whichever way a checker counts); ${BASE}`,
  },
  {
    domain: 'mx-target-cname.broken.test',
    expected: ['mx-target-cname'],
    note: `mx1 is a CNAME to real-mx1.mx-target-cname.broken.test (which has A/AAAA and PTR); mx2 normal; ${BASE}`,
  },
  {
    domain: 'mx-target-nxdomain.broken.test',
    expected: ['mx-target-nxdomain'],
    note: `MX 10 mxl.mx-target-nxdomain.broken.test (typo, does not exist) + MX 20 mx2; ${BASE}`,
  },
  {
    domain: 'mx-target-no-address.broken.test',
    expected: ['mx-target-no-address'],
    note: `mx1 exists (it has a TXT) but has no A/AAAA; mx2 normal; ${BASE}`,
  },
  {
    domain: 'mx-target-private-address.broken.test',
    expected: ['mx-target-private-address'],
    note: `mx1 has only A 10.20.30.40 and A 192.168.20.25 (PTRs forward-confirmed); mx2 normal; ${BASE}`,
  },
  {
    domain: 'mx-target-ipv6-only.broken.test',
    expected: ['mx-target-ipv6-only'],
    note: `mx1 has AAAA (PTR-confirmed) but no A; mx2 normal; ${BASE}`,
  },
  {
    domain: 'mx-all-targets-broken.broken.test',
    expected: ['mx-target-nxdomain', 'mx-target-no-address', 'mx-all-targets-broken'],
    note: 'MX 10 mx1 (does not exist) + MX 20 mx2 (exists, TXT only, no address); SPF ip4 -all; DMARC reject',
  },
  {
    domain: 'mx-duplicate.broken.test',
    expected: ['mx-duplicate'],
    note: `MX 10 mx1, 20 mx2, 30 mx1 (mx1 twice, different preferences); ${BASE}`,
  },
  {
    domain: 'mx-single.broken.test',
    expected: ['mx-single'],
    note: 'only MX 10 mx1 (own host, IPv4+IPv6, PTR ok); SPF ip4 -all; DMARC reject',
  },
  {
    domain: 'mx-same-priority.broken.test',
    expected: ['mx-same-priority'],
    note: `MX 10 mx1 and MX 10 mx2; ${BASE}`,
  },
  {
    domain: 'mx-split-delivery.broken.test',
    expected: ['mx-split-delivery'],
    note: 'MX 1 smtp.google.com and MX 1 mx-split-delivery-broken-test.mail.protection.outlook.com: Google and Microsoft share the lowest priority (both hosts are at 1, but mx-same-priority does not fire on a set the split already reports); SPF includes both (5 lookups) -all; DMARC reject',
  },
  {
    domain: 'mx-mixed-providers.broken.test',
    expected: ['mx-mixed-providers'],
    note: 'MX 1 smtp.google.com + MX 20 mail.mx-mixed-providers.broken.test (old own host, IPv4+IPv6, PTR ok); SPF include:_spf.google.com -all; DMARC reject',
  },
  {
    domain: 'mx-provider-incomplete.broken.test',
    expected: ['mx-provider-incomplete'],
    note: 'Google legacy set with only MX 1 aspmx.l.google.com + MX 5 alt1.aspmx.l.google.com (alt2-4 missing); SPF Google ~all; DMARC reject',
  },
  {
    domain: 'mx-ttl-high.broken.test',
    expected: ['mx-ttl-high'],
    note: `MX TTL 172800; ${BASE}`,
  },
  {
    domain: 'mx-target-ptr-missing.broken.test',
    expected: ['mx-target-ptr-missing'],
    note: `mx1 has A 185.101.23.10 (no AAAA) and no PTR for it; mx2 normal; ${BASE}`,
  },
  {
    domain: 'mx-target-ptr-mismatch.broken.test',
    expected: ['mx-target-ptr-mismatch'],
    note: `mx1 has A 185.101.24.10 whose PTR names mx1-old.mx-target-ptr-mismatch.broken.test, which resolves to 185.101.24.99; mx2 normal; ${BASE}`,
  },
  {
    domain: 'resolvers-disagree.broken.test',
    expected: ['resolvers-disagree'],
    note: 'view main (dohUrl): MX 10 mx1, 20 mx2; view alt (altDohUrl): MX 10 mx1, 20 mx3; all three hosts clean. Expected with BOTH resolvers; with one resolver: []',
  },

  // ----------------------------------------------------------------------------- SPF faults
  {
    domain: 'spf-missing.broken.test',
    expected: ['spf-missing'],
    note: `no v=spf1 TXT (only a google-site-verification TXT); ${BASE}`,
  },
  {
    domain: 'spf-multiple.broken.test',
    expected: ['spf-multiple'],
    note: `two v=spf1 records ("ip4:185.101.27.0/24 -all" and "include:_spf.google.com ~all"); ${BASE}`,
  },
  {
    domain: 'spf-syntax.broken.test',
    expected: ['spf-syntax'],
    note: `SPF "v=spf1 ip4:185.101.28.0/24 ipv4:185.101.28.10 -all" (unknown mechanism ipv4); ${BASE}`,
  },
  {
    domain: 'spf-include-missing.broken.test',
    expected: ['spf-include-missing'],
    note: `include:_spf.spf-include-missing.broken.test, a name with a TXT but no SPF record; ${BASE}`,
  },
  {
    domain: 'spf-include-nxdomain.broken.test',
    expected: ['spf-include-missing'],
    note: `include:_spf.mail-provider-gone.broken.test, which does not exist (1 void lookup, within the limit); ${BASE}`,
  },
  {
    domain: 'spf-include-loop.broken.test',
    expected: ['spf-include-missing'],
    note: `includes loop._spf.spf-include-loop.broken.test, which includes the domain again (include loop); ${BASE}`,
  },
  {
    domain: 'spf-redirect-missing.broken.test',
    expected: ['spf-include-missing'],
    note: `SPF "v=spf1 redirect=_spf.mail-provider-gone.broken.test" (redirect to NXDOMAIN; no all, but a redirect, so not permissive); ${BASE}`,
  },
  {
    domain: 'spf-too-many-lookups.broken.test',
    expected: ['spf-too-many-lookups'],
    note: `3 includes, each with 3 more includes of valid leaf records: 12 DNS-querying terms; ${BASE}`,
  },
  {
    domain: 'spf-permissive-all.broken.test',
    expected: ['spf-permissive-all'],
    note: `SPF "v=spf1 ip4:185.101.34.0/24 +all"; ${BASE}`,
  },
  {
    domain: 'spf-permissive-all-neutral.broken.test',
    expected: ['spf-permissive-all'],
    note: `SPF "v=spf1 ip4:185.101.35.0/24 ?all"; ${BASE}`,
  },
  {
    domain: 'spf-permissive-all-missing.broken.test',
    expected: ['spf-permissive-all'],
    note: `SPF "v=spf1 ip4:185.101.36.0/24" (no all, no redirect); ${BASE}`,
  },
  {
    domain: 'spf-too-many-void-lookups.broken.test',
    expected: ['spf-too-many-void-lookups'],
    note: `SPF with a:gone1 and a:gone2 (NXDOMAIN) and a:noaddr (exists, no A): 3 void lookups, 3 lookups in all; ${BASE}`,
  },

  // ----------------------------------------------------------------------------- DMARC faults
  {
    domain: 'dmarc-missing.broken.test',
    expected: ['dmarc-missing'],
    note: `no _dmarc TXT (and none at _dmarc.broken.test either); ${BASE}`,
  },
  {
    domain: 'dmarc-invalid.broken.test',
    expected: ['dmarc-invalid'],
    note: `DMARC "v=DMARC1; p=bogus"; ${BASE}`,
  },
  {
    domain: 'dmarc-invalid-no-policy.broken.test',
    expected: ['dmarc-invalid'],
    note: `DMARC "v=DMARC1; rua=mailto:…" (no p=); ${BASE}`,
  },
  {
    domain: 'dmarc-not-enforced.broken.test',
    expected: ['dmarc-not-enforced'],
    note: `DMARC "v=DMARC1; p=none; rua=mailto:…"; ${BASE}`,
  },
  {
    domain: 'xss.broken.test',
    expected: ['spf-syntax', 'dmarc-invalid'],
    note: `markup in DNS data: SPF "v=spf1 ip4:… <img src=x onerror=alert(1)> -all" (term "<img" does not parse), DMARC "v=DMARC1; p=<img src=x onerror=alert(1)>"; ${BASE}`,
  },
  // Hostile text for the renderers (issue #13: terminal escapes, Markdown injection).
  {
    domain: 'terminal-escapes.broken.test',
    expected: ['mx-target-invalid-name', 'spf-syntax', 'dmarc-invalid'],
    note: `control octets in DNS data: MX 30 "\\027]0\\;mx-title\\007.fake\\010line\\194\\155" (ESC ]0;… BEL retitles a terminal, a newline, the C1 control U+009B) beside the good mx1/mx2; SPF with the same three (terms do not parse); DMARC "v=DMARC1; p=reject; x=\\027]0;dmarc-title\\007\\010" (tag value outside printable ASCII); ${BASE}`,
  },
  {
    domain: 'markdown-injection.broken.test',
    expected: ['mx-target-invalid-name', 'spf-syntax'],
    note: `Markdown in DNS data: MX 30 "[x](http://evil)", 40 "<img src=x onerror=alert(1)>", 50 "\`\`<b>code</b>\`" (labels outside LDH) beside the good mx1/mx2; SPF with a link, an image, an autolink, a tag and a code span (terms do not parse); ${BASE}`,
  },

  // ----------------------------------------------------------------------------- issue #13, items 12–13
  {
    domain: 'dmarc-inherited.good.test',
    expected: ['dmarc-inherited'],
    note: 'self-hosted like selfhosted.good.test (46.23.83.x) but no _dmarc of its own: the organisational domain good.test has "v=DMARC1; p=reject; sp=quarantine; …", whose sp=quarantine applies (RFC 7489 §6.6.3)',
  },
  {
    domain: 'mx-hosts-truncated.broken.test',
    expected: ['mx-hosts-truncated'],
    note: 'forty working MX hosts mx1…mx40 at preferences 10…400 (one IPv4 each, forward-confirmed PTR): one check examines the 32 most preferred and says the other 8 were not looked up',
  },
  {
    domain: 'spf-mx-many.broken.test',
    expected: ['spf-too-many-lookups'],
    note: `SPF "v=spf1 ip4:… mx:many.spf-mx-many.broken.test -all" where many.… has 11 MX records (ten for mail.many.…, preferences 0–9, and one for many.… itself, as the RFC 7208 suite's mx-limit): more than 10 for one mx term (RFC 7208 §4.6.4); ${BASE}`,
  },
];

/**
 * The SMTP domains, checked with the transport probe on (`--smtp`, port = smtpPort) and one
 * resolver. Their MX hosts resolve to 127.0.0.x, so every one also has `mx-target-private-address`
 * and (no target has a public address) `mx-all-targets-broken`. Each has MX 10 mx1 and 20 mx2 of its
 * own name, PTRs of 127.0.0.25–29 are forward-confirmed, SPF "v=spf1 ip4:127.0.0.25 -all", DMARC
 * reject.
 */
export const SMTP_FIXTURES: LiveFixture[] = [
  {
    domain: 'smtp-ok.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-cert-invalid'],
    note: 'mx1 and mx2 -> 127.0.0.25 (good server, offers STARTTLS, with smtp-server\'s built-in self-signed certificate: smtp-cert-invalid)',
  },
  {
    domain: 'smtp-no-starttls.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-no-starttls', 'smtp-cert-invalid'],
    note: 'mx1 -> 127.0.0.26 (EHLO without STARTTLS), mx2 -> 127.0.0.25 (good)',
  },
  {
    domain: 'smtp-bad-greeting.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-bad-greeting', 'smtp-cert-invalid'],
    note: 'mx1 -> 127.0.0.27 (greets "554 go away"), mx2 -> 127.0.0.25 (good)',
  },
  {
    domain: 'smtp-bad-greeting-close.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-bad-greeting', 'smtp-cert-invalid'],
    note: 'mx1 -> 127.0.0.28 (accepts the connection and closes it at once), mx2 -> 127.0.0.25 (good)',
  },
  {
    domain: 'smtp-host-unreachable.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-host-unreachable', 'smtp-cert-invalid'],
    note: 'mx1 -> 127.0.0.29 (nothing listens), mx2 -> 127.0.0.25 (good)',
  },
  {
    domain: 'smtp-unreachable.broken.test',
    expected: ['mx-target-private-address', 'mx-all-targets-broken', 'smtp-unreachable'],
    note: 'mx1 and mx2 -> 127.0.0.29 (nothing listens on either)',
  },
];

/**
 * Rule zero through the fault proxy: check `domain` with `${faultBaseUrl}/${fault}/dns-query` as the
 * only resolver. A failed query is never an absent record: `lookup-failed` and nothing that would
 * need the answer.
 */
export const FAULT_FIXTURES: FaultFixture[] = [
  ...(['servfail', 'refused', 'timeout', 'garbage', 'http500', 'content-type', 'truncated', 'wrong-question'] as const).map(
    (fault): FaultFixture => ({
      fault,
      domain: 'selfhosted.good.test',
      expected: ['lookup-failed'],
      note: `every query answered with the "${fault}" fault`,
    }),
  ),
  { fault: 'ok', domain: 'selfhosted.good.test', expected: [], note: 'pass-through: as the plain DoH URL' },
  { fault: 'delay-50', domain: 'selfhosted.good.test', expected: [], note: 'pass-through after 50 ms per query' },
  {
    fault: 'servfail-only-TXT',
    domain: 'selfhosted.good.test',
    expected: ['lookup-failed'],
    note: 'only TXT fails: SPF and DMARC cannot be checked (no spf-missing / dmarc-missing), the MX checks run',
  },
  {
    fault: 'servfail-only-TXT',
    domain: 'mx-target-cname.broken.test',
    expected: ['lookup-failed', 'mx-target-cname'],
    note: 'only TXT fails: the MX fault is still found',
  },
  {
    fault: 'servfail-only-PTR',
    domain: 'selfhosted.good.test',
    expected: ['lookup-failed'],
    note: 'only PTR fails: no mx-target-ptr-missing / -mismatch',
  },
  {
    fault: 'servfail-only-PTR',
    domain: 'mx-target-ipv6-only.broken.test',
    expected: ['lookup-failed', 'mx-target-ipv6-only'],
    note: 'only PTR fails: the address checks still run',
  },
];
