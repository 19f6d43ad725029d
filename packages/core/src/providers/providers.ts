/**
 * The mail providers MX Doctor recognises, as data: one line per provider. Matching is on the MX
 * host's suffix (see `match-provider.ts`); sources are the providers' own setup pages, collected in
 * `shared/reference.md`. A pattern is a host name suffix matched on label boundaries; `*` stands
 * for exactly one label (`inbound-smtp.*.amazonaws.com`).
 */

/** `mailbox` hosts the mailboxes, `gateway` filters in front of one, `relay` forwards or parses mail. */
export type ProviderKind = 'mailbox' | 'gateway' | 'relay';

/** One host of a documented MX set. `optional` hosts may be left out without the set being incomplete. */
export interface DocumentedMxHost {
  readonly preference: number;
  readonly exchange: string;
  readonly optional?: boolean;
}

/** An MX set a provider documents; publish one set whole, never parts of two (e.g. Google legacy vs current). */
export interface DocumentedMxSet {
  readonly name: string;
  readonly hosts: readonly DocumentedMxHost[];
}

/** A host pattern the provider has retired, and what happens to mail sent there. */
export interface DeprecatedHost {
  readonly pattern: string;
  readonly note: string;
}

export interface Provider {
  /** Stable id, kebab-case. */
  readonly id: string;
  /** Name to show a person. */
  readonly name: string;
  readonly kind: ProviderKind;
  /** Host suffix patterns (lower case, no trailing dot). Deprecated hosts must be covered too. */
  readonly suffixes: readonly string[];
  /**
   * The provider is redundant behind a single MX name, so one MX is not fragile (no `mx-single`):
   * `true` for every host of the provider, or the patterns of the hosts it holds for.
   */
  readonly singleMxRedundant?: true | readonly string[];
  /** Documented MX sets, first = currently recommended; `mx-provider-incomplete` compares against them. */
  readonly mxSets?: readonly DocumentedMxSet[];
  /** Retired hosts: listing one is reported as `mx-provider-incomplete` (the documented set is not in place). */
  readonly deprecated?: readonly DeprecatedHost[];
}

const h = (preference: number, exchange: string, optional?: true): DocumentedMxHost =>
  optional ? { preference, exchange, optional } : { preference, exchange };

const GOOGLE_SETS: readonly DocumentedMxSet[] = [
  { name: 'current (smtp.google.com)', hosts: [h(1, 'smtp.google.com')] },
  { name: 'legacy (aspmx.l.google.com)', hosts: [h(1, 'aspmx.l.google.com'), h(5, 'alt1.aspmx.l.google.com'), h(5, 'alt2.aspmx.l.google.com'), h(10, 'alt3.aspmx.l.google.com'), h(10, 'alt4.aspmx.l.google.com')] },
  { name: 'old (googlemail.com)', hosts: [h(10, 'aspmx.l.google.com'), h(20, 'alt1.aspmx.l.google.com'), h(20, 'alt2.aspmx.l.google.com'), h(30, 'aspmx2.googlemail.com'), h(30, 'aspmx3.googlemail.com'), h(30, 'aspmx4.googlemail.com', true), h(30, 'aspmx5.googlemail.com', true)] },
];

const MICROSOFT_DEPRECATED: readonly DeprecatedHost[] = [
  { pattern: 'mail.eo.outlook.com', note: 'retired by Microsoft; senders get 451 4.4.62' },
  { pattern: 'mail.messaging.microsoft.com', note: 'retired by Microsoft; senders get 451 4.4.62' },
  { pattern: 'mail.global.frontbridge.com', note: 'retired by Microsoft; senders get 451 4.4.62' },
];

const MAILGUN_SETS: readonly DocumentedMxSet[] = [
  { name: 'US', hosts: [h(10, 'mxa.mailgun.org'), h(10, 'mxb.mailgun.org')] },
  { name: 'EU', hosts: [h(10, 'mxa.eu.mailgun.org'), h(10, 'mxb.eu.mailgun.org')] },
];

/** Adding a provider is adding one line here. Order matters only when patterns overlap: first match wins. */
export const PROVIDERS: readonly Provider[] = [
  { id: 'google', name: 'Google Workspace', kind: 'mailbox', suffixes: ['google.com', 'googlemail.com'], singleMxRedundant: ['smtp.google.com'], mxSets: GOOGLE_SETS },
  { id: 'microsoft', name: 'Microsoft 365', kind: 'mailbox', suffixes: ['mail.protection.outlook.com', 'mx.microsoft', 'mail.eo.outlook.com', 'mail.messaging.microsoft.com', 'mail.global.frontbridge.com'], singleMxRedundant: true, deprecated: MICROSOFT_DEPRECATED },
  { id: 'zoho', name: 'Zoho Mail', kind: 'mailbox', suffixes: ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zohocloud.ca'] },
  { id: 'fastmail', name: 'Fastmail', kind: 'mailbox', suffixes: ['messagingengine.com'], mxSets: [{ name: 'standard', hosts: [h(10, 'in1-smtp.messagingengine.com'), h(20, 'in2-smtp.messagingengine.com')] }] },
  { id: 'proton', name: 'Proton Mail', kind: 'mailbox', suffixes: ['protonmail.ch'], mxSets: [{ name: 'standard', hosts: [h(10, 'mail.protonmail.ch'), h(20, 'mailsec.protonmail.ch')] }] },
  { id: 'icloud', name: 'iCloud Mail', kind: 'mailbox', suffixes: ['mail.icloud.com'], mxSets: [{ name: 'standard', hosts: [h(10, 'mx01.mail.icloud.com'), h(10, 'mx02.mail.icloud.com')] }] },
  { id: 'yahoo', name: 'Yahoo Mail', kind: 'mailbox', suffixes: ['yahoodns.net'] },
  { id: 'yandex', name: 'Yandex Mail', kind: 'mailbox', suffixes: ['mx.yandex.net', 'mx.yandex.ru'] },
  { id: 'ovh', name: 'OVHcloud Mail', kind: 'mailbox', suffixes: ['mail.ovh.net'] },
  { id: 'godaddy', name: 'GoDaddy', kind: 'mailbox', suffixes: ['secureserver.net'] },
  { id: 'mimecast', name: 'Mimecast', kind: 'gateway', suffixes: ['mimecast.com'] },
  { id: 'proofpoint', name: 'Proofpoint', kind: 'gateway', suffixes: ['pphosted.com', 'ppe-hosted.com'] },
  { id: 'barracuda', name: 'Barracuda', kind: 'gateway', suffixes: ['barracudanetworks.com'] },
  { id: 'cisco', name: 'Cisco Secure Email', kind: 'gateway', suffixes: ['iphmx.com'] },
  { id: 'amazon-ses', name: 'Amazon SES', kind: 'relay', suffixes: ['inbound-smtp.*.amazonaws.com'], singleMxRedundant: true },
  { id: 'mailgun', name: 'Mailgun', kind: 'relay', suffixes: ['mailgun.org'], mxSets: MAILGUN_SETS },
  { id: 'sendgrid', name: 'SendGrid', kind: 'relay', suffixes: ['mx.sendgrid.net'], singleMxRedundant: true },
  { id: 'postmark', name: 'Postmark', kind: 'relay', suffixes: ['inbound.postmarkapp.com'], singleMxRedundant: true },
  // (check) HubSpot's inbound host is not in reference.md; its mail domain is hubspotemail.net.
  { id: 'hubspot', name: 'HubSpot', kind: 'relay', suffixes: ['hubspotemail.net'], singleMxRedundant: true },
  { id: 'cloudflare', name: 'Cloudflare Email Routing', kind: 'relay', suffixes: ['mx.cloudflare.net'], mxSets: [{ name: 'standard', hosts: [h(1, 'route1.mx.cloudflare.net'), h(2, 'route2.mx.cloudflare.net'), h(3, 'route3.mx.cloudflare.net')] }] },
];
