import { describe, expect, it } from 'vitest';
import { parseDomainInput } from '../../src/input/domain-input.js';

const domainOf = (input: string) => {
  const parsed = parseDomainInput(input);
  return parsed.ok ? parsed.domain : `error: ${parsed.error}`;
};

describe('parseDomainInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM.  ', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['postmaster@bücher.de', 'xn--bcher-kva.de'],
    ['Jane.Doe+tag@Mail.Example.org', 'mail.example.org'],
    ['mailto:someone@example.net', 'example.net'],
    ['https://www.example.co.uk/contact?x=1#top', 'www.example.co.uk'],
    ['http://user:pw@shop.example.com:8080/', 'shop.example.com'],
    ['example.com/path', 'example.com'],
    ['example.com:443', 'example.com'],
    ['_dmarc.example.com', '_dmarc.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(domainOf(input)).toBe(expected);
  });

  it.each([
    ['', /Enter a domain/],
    ['192.0.2.1', /IP address/],
    ['https://[2001:db8::1]/', /IP address/],
    ['localhost', /not a valid domain/],
    ['exa mple.com', /not a valid domain/],
    ['a..b.com', /not a valid domain/],
    [`${'a'.repeat(64)}.com`, /not a valid domain/],
    ['http://', /not a valid URL/],
  ])('%j is refused with a clear message', (input, message) => {
    const parsed = parseDomainInput(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
