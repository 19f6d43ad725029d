/** Hover (hoverAt) called directly on small zone texts checked offline: what it says, and where it says nothing. */
import { describe, expect, it } from 'vitest';
import { hoverAt, type HoverContext } from '../src/hover.js';
import { checkZone, type Checked } from './editor-helpers.js';

const ZONE = [
  '$ORIGIN example.com.',
  '$TTL 3600',
  '@ IN MX 10 aspmx.l.google.com.',
  '@ IN MX 20 alt1.aspmx.l.google.com.',
  '@ IN MX 20 alt2.aspmx.l.google.com.',
  '@ IN MX 30 aspmx2.googlemail.com.',
  '@ IN MX 30 aspmx3.googlemail.com.',
  'mail IN A 192.0.2.10',
  '; a comment line',
  '@ IN TXT "v=spf1 include:_spf.google.com -all"',
];

const contextOf = (zone: Checked): HoverContext => ({ read: zone.read, check: zone.check, findings: zone.check.findings });
const hoverText = (zone: Checked, line: number, character: number) => {
  const hover = hoverAt(contextOf(zone), zone.file, { line, character });
  if (hover === null) return null;
  const contents = hover.contents;
  if (typeof contents !== 'object' || !('kind' in contents) || contents.kind !== 'markdown') throw new Error(`not markdown: ${JSON.stringify(contents)}`);
  return { value: contents.value, range: hover.range };
};

describe('hoverAt on an MX record', () => {
  const zone = checkZone(ZONE);

  it('(the zone is the whole of one provider\'s set: no finding on any of its MX records)', () => {
    expect(zone.check.findings.map((f) => f.id)).toEqual([]);
  });

  it('the primary: its rank, the provider it belongs to, the TTL in words, and no live facts offline', () => {
    const hover = hoverText(zone, 2, 15)!;
    expect(hover.value.split('\n')).toEqual([
      '**MX** `example.com.` → `aspmx.l.google.com.` (preference 10)',
      '',
      '- Rank: primary',
      '- Provider: Google Workspace',
      '- TTL: 1 hour (3600 s)',
    ]);
    // The hover covers the whole record.
    expect(hover.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 30 } });
  });

  it('a backup shared at one preference: its rank and its peers', () => {
    expect(hoverText(zone, 4, 3)!.value).toContain('- Rank: backup 1 of 2, load-balanced among 2 at preference 20');
    expect(hoverText(zone, 6, 3)!.value).toContain('- Rank: backup 2 of 2, load-balanced among 2 at preference 30');
  });

  it('an MX with a finding on its target lists the finding, and no provider for an unknown host', () => {
    const relative = checkZone(['$ORIGIN example.com.', '@ 3600 IN MX 10 mx1.example.net.', '@ 3600 IN MX 20 mail.example.com', 'mail IN A 192.0.2.10']);
    const value = hoverText(relative, 2, 20)!.value;
    expect(value).toContain('**MX** `example.com.` → `mail.example.com.example.com.` (preference 20)');
    expect(value).toContain('- Rank: backup 1 of 1');
    expect(value).toContain('- Provider: not a recognised provider');
    expect(value).toContain('**Findings**\n- `mx-target-relative` (warning): ');
    expect(value).not.toContain('Live DNS');
  });

  it('the only MX host, and a null MX', () => {
    expect(hoverText(checkZone(['$ORIGIN a.test.', '@ 300 IN MX 10 mx.a.test.']), 1, 2)!.value).toContain('- Rank: the only MX host');
    const nullMx = hoverText(checkZone(['$ORIGIN a.test.', '@ 300 IN MX 0 .']), 1, 2)!.value;
    expect(nullMx).toContain('→ `.` (preference 0)');
    expect(nullMx).toContain('- Rank: null MX: this domain does not accept mail (RFC 7505)');
    expect(nullMx).not.toContain('Provider');
  });
});

describe('hoverAt elsewhere', () => {
  const zone = checkZone(ZONE);

  it('nothing on an A record, a directive, a comment, past the end of a line or of the file', () => {
    expect(hoverText(zone, 7, 3)).toBeNull(); // mail IN A
    expect(hoverText(zone, 0, 3)).toBeNull(); // $ORIGIN
    expect(hoverText(zone, 8, 4)).toBeNull(); // a comment
    expect(hoverText(zone, 2, 31)).toBeNull(); // after the MX record on its line
    expect(hoverText(zone, 40, 0)).toBeNull();
  });

  it('nothing for a position in another file', () => {
    expect(hoverAt(contextOf(zone), '/zones/other.zone', { line: 2, character: 15 })).toBeNull();
  });

  it('nothing on a TXT record that is neither SPF nor DMARC, and on a DMARC record outside _dmarc', () => {
    const other = checkZone(['$ORIGIN example.com.', '@ IN TXT "google-site-verification=abc"', 'x IN TXT "v=DMARC1; p=none"']);
    expect(hoverText(other, 1, 12)).toBeNull();
    expect(hoverText(other, 2, 12)).toBeNull();
  });

  it('(positive control for the above) an SPF record on the same kind of line is hovered', () => {
    expect(hoverText(zone, 9, 12)!.value).toContain('1. mail that the SPF record of `_spf.google.com` passes: **pass**');
  });
});
