/** The outline (documentSymbols) called directly on small zone and Terraform texts. */
import { SymbolKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { documentSymbols } from '../src/symbols.js';
import { checkTerraform, checkZone } from './editor-helpers.js';

const line = (l: number, from: number, to: number) => ({ start: { line: l, character: from }, end: { line: l, character: to } });

describe('documentSymbols', () => {
  it('a zone with several owners: one namespace per owner in file order, records as children', () => {
    const zone = checkZone([
      '$ORIGIN example.com.',
      '@ IN MX 10 mx1.example.com.',
      'mx1 IN A 192.0.2.1',
      '@ IN MX 20 mx2.example.net.',
      '@ IN TXT "v=spf1 mx -all"',
      '_dmarc IN TXT "v=DMARC1; p=none"',
    ]);
    const symbols = documentSymbols(zone.read, zone.file);
    expect(symbols.map((s) => [s.name, s.kind, s.range])).toEqual([
      ['example.com', SymbolKind.Namespace, { start: { line: 1, character: 0 }, end: { line: 4, character: 25 } }],
      ['mx1.example.com', SymbolKind.Namespace, line(2, 0, 18)],
      ['_dmarc.example.com', SymbolKind.Namespace, line(5, 0, 32)],
    ]);
    expect(symbols[0]!.children?.map((c) => [c.name, c.detail, c.kind, c.range.start.line])).toEqual([
      ['MX', '10 mx1.example.com.', SymbolKind.Event, 1],
      ['MX', '20 mx2.example.net.', SymbolKind.Event, 3],
      ['TXT', '"v=spf1 mx -all"', SymbolKind.String, 4],
    ]);
    expect(symbols[1]!.children?.map((c) => [c.name, c.detail, c.kind])).toEqual([['A', '192.0.2.1', SymbolKind.Field]]);
    // The owner's selection range is the owner field of its first record; a child's is its type.
    expect(symbols[2]!.selectionRange).toEqual(line(5, 0, 6));
    expect(symbols[0]!.children![0]!.selectionRange).toEqual(line(1, 5, 7));
  });

  it('a TXT\'s data is always quoted (one string with no space too), other data as written', () => {
    const zone = checkZone(['$ORIGIN example.com.', 'x IN TXT "token"', 'x IN TXT "a b" "c"', 'x IN MX 10 mx.example.net.']);
    expect(documentSymbols(zone.read, zone.file)[0]!.children?.map((c) => c.detail)).toEqual(['"token"', '"a b" "c"', '10 mx.example.net.']);
  });

  it('only the records of the file asked for', () => {
    const zone = checkZone(['$ORIGIN example.com.', '@ IN MX 10 mx1.example.com.']);
    expect(documentSymbols(zone.read, '/zones/other.zone')).toEqual([]);
  });

  it('a Terraform file: its records under the domain they belong to, each at its value', async () => {
    const tf = await checkTerraform([
      'resource "digitalocean_domain" "default" {',
      '  name = "example.dev"',
      '}',
      'resource "digitalocean_record" "mx1" {',
      '  domain   = digitalocean_domain.default.id',
      '  type     = "MX"',
      '  name     = "@"',
      '  priority = 10',
      '  value    = "mx1.example.dev."',
      '}',
      'resource "digitalocean_record" "spf" {',
      '  domain = digitalocean_domain.default.id',
      '  type   = "TXT"',
      '  name   = "@"',
      '  value  = "v=spf1 mx -all"',
      '}',
    ]);
    const symbols = documentSymbols(tf.read, tf.file);
    expect(symbols.map((s) => s.name)).toEqual(['example.dev']);
    // A Terraform record's range is its value (where the fault is shown), so the outline points there.
    expect(symbols[0]!.children?.map((c) => [c.name, c.detail, c.kind, c.range])).toEqual([
      ['MX', '10 mx1.example.dev.', SymbolKind.Event, line(8, 13, 31)],
      ['TXT', '"v=spf1 mx -all"', SymbolKind.String, line(14, 11, 27)],
    ]);
    expect(symbols[0]!.range).toEqual({ start: { line: 8, character: 13 }, end: { line: 14, character: 27 } });
  });
});
