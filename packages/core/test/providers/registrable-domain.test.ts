import { afterEach, describe, expect, it } from 'vitest';
import { operatorOf } from '../../src/checks/mx/provider-groups.js';
import { organisationalDomain, parentDomain, registrableDomain, useRegistrableDomain } from '../../src/providers/registrable-domain.js';

afterEach(() => useRegistrableDomain(undefined));

describe('grouping unrecognised MX hosts into operators', () => {
  it('without a suffix list: the parent domain', () => {
    expect(parentDomain('mx1.example.com')).toBe('example.com');
    expect(parentDomain('mx1.mail.example.co.uk')).toBe('mail.example.co.uk');
    expect(parentDomain('example.com')).toBe('example.com');
    expect(operatorOf('mx2.example.com')).toMatchObject({ key: 'domain:example.com', label: 'the servers at example.com' });
  });

  it('with an injected suffix list: its answer, forgetting answers from before', () => {
    expect(registrableDomain('mx.eu.example.co.uk')).toBe('eu.example.co.uk');
    // A stand-in list that knows "co.uk" is a public suffix.
    useRegistrableDomain((host) => host.split('.').slice(-3).join('.'));
    expect(registrableDomain('mx.eu.example.co.uk')).toBe('example.co.uk');
    expect(operatorOf('mx.eu.example.co.uk').key).toBe('domain:example.co.uk');
  });

  it('a recognised provider is keyed by the table, not by domain', () => {
    useRegistrableDomain(() => 'ignored.example');
    expect(operatorOf('alt1.aspmx.l.google.com').key).toBe('provider:google');
  });
});

describe('the organisational domain of a mail domain (RFC 7489 §3.2)', () => {
  it('with the suffix list: the registrable domain; none for a public suffix itself', () => {
    // A stand-in for tldts's getDomain: knows co.uk; an unknown top-level label is one label (the PSL's "*" rule).
    useRegistrableDomain((host) => {
      const labels = host.split('.');
      const suffix = host.endsWith('.co.uk') || host === 'co.uk' ? 2 : 1;
      return labels.length > suffix ? labels.slice(-(suffix + 1)).join('.') : null;
    });
    expect(organisationalDomain('mail.eu.example.co.uk')).toBe('example.co.uk');
    expect(organisationalDomain('sub.broken.test')).toBe('broken.test');
    expect(organisationalDomain('example.com')).toBe('example.com');
    expect(organisationalDomain('co.uk')).toBeUndefined();
  });

  it('without the list (the browser popup): the last two labels; none for one label', () => {
    expect(organisationalDomain('a.b.example.com')).toBe('example.com');
    expect(organisationalDomain('sub.broken.test')).toBe('broken.test');
    expect(organisationalDomain('example.com')).toBe('example.com');
    expect(organisationalDomain('localhost')).toBeUndefined();
  });
});
