import { describe, expect, it } from 'vitest';
import { looksLikeZoneText, ZONE_SNIFF_CHARS } from '../../src/readers/zone/sniff.js';

describe('looksLikeZoneText', () => {
  it.each([
    '$ORIGIN example.com.\n@ IN MX 10 mx1\n',
    '  $ttl 1h\n',
    '; comment\n$INCLUDE hosts.inc\n',
    '@ 3600 IN SOA ns1 hostmaster 1 2 3 4 5\n',
    'www IN A 192.0.2.1\n',
    'example.com. 300 in mx 10 mail.example.com.\n',
  ])('claims %j', (text) => {
    expect(looksLikeZoneText(text)).toBe(true);
  });

  it.each([
    'SQLite format 3\0\0\0$ORIGIN x.',
    'key=value\nother=1\n',
    '{"json": true}',
    '',
  ])('leaves %j alone', (text) => {
    expect(looksLikeZoneText(text)).toBe(false);
  });

  it('judges only the start of the file', () => {
    expect(looksLikeZoneText(`${'x'.repeat(ZONE_SNIFF_CHARS)}\n$ORIGIN late.example.\n`)).toBe(false);
  });
});
