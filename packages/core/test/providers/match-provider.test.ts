import { describe, expect, it } from 'vitest';
import { isSingleMxRedundant, matchesHostPattern, matchProvider } from '../../src/providers/match-provider.js';
import { PROVIDERS, type Provider } from '../../src/providers/providers.js';

describe('matchProvider', () => {
  it.each([
    ['smtp.google.com', 'google'],
    ['ASPMX.L.GOOGLE.COM.', 'google'],
    ['aspmx2.googlemail.com', 'google'],
    ['example-com.mail.protection.outlook.com', 'microsoft'],
    ['example-com.o-v1.mx.microsoft', 'microsoft'],
    ['mail.eo.outlook.com', 'microsoft'],
    ['mx.zoho.eu', 'zoho'],
    ['mx2.zohocloud.ca', 'zoho'],
    ['in1-smtp.messagingengine.com', 'fastmail'],
    ['mailsec.protonmail.ch', 'proton'],
    ['mx01.mail.icloud.com', 'icloud'],
    ['mta5.am0.yahoodns.net', 'yahoo'],
    ['eu-smtp-inbound-1.mimecast.com', 'mimecast'],
    ['mx0a-001234.pphosted.com', 'proofpoint'],
    ['mx1.ppe-hosted.com', 'proofpoint'],
    ['d12345.a.ess.barracudanetworks.com', 'barracuda'],
    ['mx1.hc1234-56.iphmx.com', 'cisco'],
    ['inbound-smtp.eu-west-1.amazonaws.com', 'amazon-ses'],
    ['mxa.eu.mailgun.org', 'mailgun'],
    ['mx.sendgrid.net', 'sendgrid'],
    ['inbound.postmarkapp.com', 'postmark'],
    ['mx.yandex.net', 'yandex'],
    ['mx3.mail.ovh.net', 'ovh'],
    ['smtp.secureserver.net', 'godaddy'],
    ['route2.mx.cloudflare.net', 'cloudflare'],
  ])('%s is %s', (host, id) => {
    expect(matchProvider(host)?.id).toBe(id);
  });

  it.each([
    'evil-google.com', // not on a label boundary
    'google.com.attacker.net',
    'mail.example.com',
    'amazonaws.com',
    'inbound-smtp.amazonaws.com', // the region label is required
    'mx.cloudflare.com',
    '',
    '.',
  ])('%s is no provider', (host) => {
    expect(matchProvider(host)).toBeUndefined();
  });

  it('matches on whole labels, with * standing for exactly one label', () => {
    expect(matchesHostPattern('a.b.example.com', 'example.com')).toBe(true);
    expect(matchesHostPattern('example.com', 'example.com')).toBe(true);
    expect(matchesHostPattern('xexample.com', 'example.com')).toBe(false);
    expect(matchesHostPattern('inbound-smtp.us-east-1.amazonaws.com', 'inbound-smtp.*.amazonaws.com')).toBe(true);
    expect(matchesHostPattern('inbound-smtp.a.b.amazonaws.com', 'inbound-smtp.*.amazonaws.com')).toBe(false);
  });

  it('takes a different table, so adding a provider is adding a line', () => {
    const table: Provider[] = [...PROVIDERS, { id: 'acme', name: 'Acme Mail', kind: 'mailbox', suffixes: ['mx.acme.test'] }];
    expect(matchProvider('in.mx.acme.test', table)?.name).toBe('Acme Mail');
    expect(matchProvider('in.mx.acme.test')).toBeUndefined();
    // The same host asked again of each table in turn (no answer of one table leaks into the other).
    expect(matchProvider('in.mx.acme.test', table)?.name).toBe('Acme Mail');
    expect(matchProvider('in.mx.acme.test', table)?.name).toBe('Acme Mail');
    expect(matchProvider('in.mx.acme.test')).toBeUndefined();
  });
});

describe('the provider table', () => {
  it('has unique ids and lower-case patterns without dots at the ends', () => {
    expect(new Set(PROVIDERS.map((p) => p.id)).size).toBe(PROVIDERS.length);
    for (const provider of PROVIDERS) {
      for (const pattern of provider.suffixes) expect(pattern).toMatch(/^[a-z0-9*][a-z0-9.*-]*[a-z0-9]$/);
    }
  });

  it('covers every documented-set host and deprecated host by its own suffixes', () => {
    for (const provider of PROVIDERS) {
      for (const set of provider.mxSets ?? []) {
        for (const host of set.hosts) expect(matchProvider(host.exchange)?.id, host.exchange).toBe(provider.id);
      }
      for (const retired of provider.deprecated ?? []) expect(matchProvider(retired.pattern)?.id).toBe(provider.id);
    }
  });

  it('knows which single hosts are redundant behind one name', () => {
    expect(isSingleMxRedundant('smtp.google.com')).toBe(true);
    expect(isSingleMxRedundant('aspmx.l.google.com')).toBe(false);
    expect(isSingleMxRedundant('example-com.mail.protection.outlook.com')).toBe(true);
    expect(isSingleMxRedundant('inbound-smtp.us-east-1.amazonaws.com')).toBe(true);
    expect(isSingleMxRedundant('mx.sendgrid.net')).toBe(true);
    expect(isSingleMxRedundant('inbound.postmarkapp.com')).toBe(true);
    expect(isSingleMxRedundant('mx.zoho.com')).toBe(false);
    expect(isSingleMxRedundant('mail.example.com')).toBe(false);
  });

  it('lists the gateways as gateways', () => {
    for (const id of ['mimecast', 'proofpoint', 'barracuda', 'cisco']) {
      expect(PROVIDERS.find((p) => p.id === id)?.kind).toBe('gateway');
    }
  });
});
