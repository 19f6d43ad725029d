import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeControls } from '../../src/report/escape-controls.js';

/** Characters that must never reach a terminal raw: C0, DEL, C1, bidi/line separators, lone surrogates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Reads the output back (the test's own decoder): `\\` is a backslash, `\DDD` an octet of UTF-8 (or a lone surrogate's three). */
function readBack(shown: string): string {
  let out = '';
  let octets: number[] = [];
  const flush = () => {
    for (let i = 0; i < octets.length; ) {
      const b = octets[i]!;
      if (b < 0x80) {
        out += String.fromCharCode(b);
        i += 1;
      } else if (b < 0xe0) {
        out += String.fromCharCode(((b & 0x1f) << 6) | (octets[i + 1]! & 0x3f));
        i += 2;
      } else {
        out += String.fromCharCode(((b & 0x0f) << 12) | ((octets[i + 1]! & 0x3f) << 6) | (octets[i + 2]! & 0x3f));
        i += 3;
      }
    }
    octets = [];
  };
  for (let i = 0; i < shown.length; ) {
    if (shown[i] === '\\' && shown[i + 1] === '\\') {
      flush();
      out += '\\';
      i += 2;
    } else if (shown[i] === '\\' && /^\d{3}$/.test(shown.slice(i + 1, i + 4))) {
      octets.push(Number(shown.slice(i + 1, i + 4)));
      i += 4;
    } else {
      flush();
      out += shown[i];
      i += 1;
    }
  }
  flush();
  return out;
}

const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\\', '0', '7', '\x1b', '\x07', '\n', '\r', '\t', '\x7f', '\x85', '\x9b', '\u2028', '\u202e', '\u2066', '\u200f', '\ud800', '\udc00', 'é', '😀', ']', ';'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('escapeControls', () => {
  it('shows controls as dig does: decimal \\DDD of each octet', () => {
    expect(escapeControls('a\x1b]0;title\x07b')).toBe('a\\027]0;title\\007b');
    expect(escapeControls('line1\nline2\r')).toBe('line1\\010line2\\013');
    expect(escapeControls('\x00\x7f')).toBe('\\000\\127');
    // C1 controls are code points U+0080–U+009F: their UTF-8 octets, as dig shows the wire.
    expect(escapeControls('x\u009by\u0085')).toBe('x\\194\\155y\\194\\133');
  });

  it('escapes the bidi overrides, isolates, marks and line separators that fake output', () => {
    expect(escapeControls('a\u202eb')).toBe('a\\226\\128\\174b');
    expect(escapeControls('\u2028\u2029\u202a\u2066\u2069\u200e\u200f\u061c')).not.toMatch(UNSAFE);
  });

  it('leaves Unicode text (IDN U-labels, non-ASCII TXT) readable, and plain text untouched', () => {
    for (const text of ['bücher.example', 'почта.рф', '例え.テスト', 'v=spf1 -all', 'emoji 😀 ok', '_dmarc.example.com']) {
      expect(escapeControls(text)).toBe(text);
    }
  });

  it('doubles a backslash only where it could be read as part of an escape', () => {
    expect(escapeControls('a\\.b')).toBe('a\\.b'); // a master-file escape already shown stays readable
    expect(escapeControls('tab \\t')).toBe('tab \\t');
    expect(escapeControls('\\027')).toBe('\\\\027'); // the text "\027" is not ESC
    expect(escapeControls('\\\\')).toBe('\\\\\\');
    expect(escapeControls('\\\x1b')).toBe('\\\\\\027'); // a backslash, then ESC
    expect(escapeControls('a\\')).toBe('a\\');
  });

  it('keeps tabs only when asked', () => {
    expect(escapeControls('a\tb')).toBe('a\\009b');
    expect(escapeControls('a\tb\x1b', { keepTabs: true })).toBe('a\tb\\027');
  });

  it('property: the output never holds a control, bidi character or lone surrogate', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(escapeControls(text)).not.toMatch(UNSAFE);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the output reads back to the input, so two different texts never print the same', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(readBack(escapeControls(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        fc.pre(a !== b);
        expect(escapeControls(a)).not.toBe(escapeControls(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: with tabs kept, only tabs are left raw and the output still reads back', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = escapeControls(text, { keepTabs: true });
        expect(shown.replace(/\t/g, '')).not.toMatch(UNSAFE);
        expect(readBack(shown)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
