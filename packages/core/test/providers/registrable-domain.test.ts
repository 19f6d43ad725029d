import { afterEach, describe, expect, it } from 'vitest';
import { operatorOf } from '../../src/checks/mx/provider-groups.js';
import { parentDomain, registrableDomain, useRegistrableDomain } from '../../src/providers/registrable-domain.js';

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
