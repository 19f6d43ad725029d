import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSmtpReply } from '../../src/checks/smtp/parse-reply.js';
import { offersStarttls } from '../../src/checks/smtp/ehlo.js';

function expectMalformed(text: string): void {
  const reply = parseSmtpReply(text);
  expect(reply.complete).toBe(true);
  expect(reply.code).toBeUndefined();
}

describe('parseSmtpReply (RFC 5321 §4.2)', () => {
  it('reads a one-line reply', () => {
    expect(parseSmtpReply('220 mx.example.com ESMTP ready\r\n')).toEqual({
      complete: true,
      code: 220,
      lines: ['mx.example.com ESMTP ready'],
    });
  });

  it('reads a multi-line reply up to the line without a hyphen', () => {
    const text = '250-mx.example.com Hello\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n';
    expect(parseSmtpReply(text)).toEqual({
      complete: true,
      code: 250,
      lines: ['mx.example.com Hello', 'PIPELINING', 'STARTTLS', '8BITMIME'],
    });
  });

  it('is incomplete until the last line has arrived', () => {
    expect(parseSmtpReply('')).toEqual({ complete: false, lines: [] });
    expect(parseSmtpReply('220 mx.exa')).toEqual({ complete: false, lines: [] });
    expect(parseSmtpReply('250-mx.example.com\r\n250-PIPE')).toEqual({
      complete: false,
      code: 250,
      lines: ['mx.example.com'],
    });
    expect(parseSmtpReply('250-mx.example.com\r\n250 8BITMIME')).toMatchObject({ complete: false });
  });

  it('accepts a bare code and bare LF line ends', () => {
    expect(parseSmtpReply('250\r\n')).toEqual({ complete: true, code: 250, lines: [''] });
    expect(parseSmtpReply('220-a\n220 b\n')).toEqual({ complete: true, code: 220, lines: ['a', 'b'] });
  });

  it('ignores what follows the reply', () => {
    expect(parseSmtpReply('221 bye\r\n250 extra\r\n')).toEqual({ complete: true, code: 221, lines: ['bye'] });
  });

  it('marks malformed replies complete without a code', () => {
    expect(parseSmtpReply('HTTP/1.1 400 Bad Request\r\n')).toEqual({
      complete: true,
      lines: ['HTTP/1.1 400 Bad Request'],
    });
    expectMalformed('600 out of range\r\n');
    expectMalformed('260 second digit out of range\r\n');
    expectMalformed('250x\r\n');
    expectMalformed('250-a\r\ngarbage\r\n');
    // All lines of one reply share the code (§4.2.1).
    expectMalformed('250-a\r\n251 b\r\n');
  });

  it('never throws and keeps its invariants on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const reply = parseSmtpReply(text);
        expect(Array.isArray(reply.lines)).toBe(true);
        if (reply.code !== undefined) {
          expect(reply.code).toBeGreaterThanOrEqual(200);
          expect(reply.code).toBeLessThanOrEqual(559);
        }
        if (!reply.complete) expect(text.endsWith('\n')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any well-formed reply it is given', () => {
    const code = fc.integer({ min: 200, max: 559 }).filter((n) => Math.floor(n / 10) % 10 <= 5);
    const text = fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ''));
    fc.assert(
      fc.property(code, fc.array(text, { minLength: 1, maxLength: 6 }), (c, lines) => {
        const wire = lines.map((line, i) => `${c}${i === lines.length - 1 ? ' ' : '-'}${line}\r\n`).join('');
        expect(parseSmtpReply(wire)).toEqual({ complete: true, code: c, lines });
      }),
    );
  });
});

describe('offersStarttls (RFC 3207 §4)', () => {
  it('finds the keyword in any case, not on the first line', () => {
    expect(offersStarttls({ code: 250, lines: ['mx.example.com', 'PIPELINING', 'starttls'] })).toBe(true);
    expect(offersStarttls({ code: 250, lines: ['mx.example.com', '  STARTTLS  '] })).toBe(true);
    expect(offersStarttls({ code: 250, lines: ['STARTTLS.example.com', 'PIPELINING'] })).toBe(false);
    expect(offersStarttls({ code: 250, lines: ['mx.example.com', 'X-STARTTLS'] })).toBe(false);
    expect(offersStarttls({ code: 502, lines: ['mx', 'STARTTLS'] })).toBe(false);
  });
});
