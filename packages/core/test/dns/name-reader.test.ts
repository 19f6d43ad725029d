/**
 * The bounded name decoder (RFC 1035 §4.1.4 compression): it reads what dns-packet reads on valid
 * messages, and a message built to make a naive decoder walk pointer chains again and again fails
 * at once as malformed, having done only a bounded amount of work.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { MalformedMessageError } from '../../src/dns/record-data.js';
import { NameReader } from '../../src/dns/name-reader.js';
import { decodeResponse } from '../../src/dns/response-message.js';

const utf8 = new TextEncoder();

/**
 * Writes names one after another after a 12-octet header, compressing each against the suffixes
 * written before (as servers do: a pointer to the longest earlier suffix, RFC 1035 §4.1.4).
 * Returns the message and where each name starts.
 */
function compressedNames(names: readonly string[][]): { message: Uint8Array; starts: number[] } {
  const out: number[] = new Array<number>(12).fill(0);
  const suffixes = new Map<string, number>();
  const starts: number[] = [];
  for (const labels of names) {
    starts.push(out.length);
    let i = 0;
    for (; i < labels.length; i++) {
      const key = labels.slice(i).join('\u0000').toLowerCase();
      const earlier = suffixes.get(key);
      if (earlier !== undefined) {
        out.push(0xc0 | (earlier >> 8), earlier & 0xff);
        break;
      }
      if (out.length < 0x3fff) suffixes.set(key, out.length);
      const bytes = utf8.encode(labels[i]!);
      out.push(bytes.length, ...bytes);
    }
    if (i === labels.length) out.push(0);
  }
  return { message: new Uint8Array(out), starts };
}

const label = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,12}$/),
  fc.constantFrom('mx', 'mail', 'example', 'com', 'net', 'a', 'b', 'xn--bcher-kva', '_dmarc', 'Mail'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((text) => utf8.encode(text).length <= 63 && !text.includes('.')),
);
/** Names that fit in 255 octets; drawn from a few suffixes so that compression really happens. */
const nameList = fc
  .array(fc.array(label, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 40 })
  .map((names) => names.map((labels, index) => (index % 3 === 0 ? labels : [...labels, ...(names[0] ?? [])])))
  .map((names) => names.filter((labels) => labels.reduce((sum, text) => sum + utf8.encode(text).length + 1, 1) <= 255));

describe('NameReader', () => {
  it('reads exactly what dns-packet reads, name and length, on compressed valid messages', () => {
    fc.assert(
      fc.property(nameList, (names) => {
        const { message, starts } = compressedNames(names);
        const reader = new NameReader(message);
        for (const start of starts) {
          const ours = reader.read(start);
          const theirs = dnsPacket.name.decode(message, start);
          expect(ours.name).toBe(theirs === '.' ? '' : theirs);
          expect(ours.length).toBe((dnsPacket.name.decode as unknown as { bytes: number }).bytes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a whole compressed response decodes to the names dns-packet finds in it', () => {
    // Exchange names compressed against the question name (offset 12), as BIND writes them.
    const hosts = ['mx1.example.com', 'mx2.example.com', 'backup.mail.example.net'];
    const out = [0, 0, 0x81, 0x80, 0, 1, 0, hosts.length, 0, 0, 0, 0];
    out.push(7, ...utf8.encode('example'), 3, ...utf8.encode('com'), 0, 0, 15, 0, 1);
    for (const host of hosts) {
      out.push(0xc0, 12, 0, 15, 0, 1, 0, 0, 1, 44);
      const inZone = host.endsWith('.example.com');
      const labels = inZone ? host.split('.').slice(0, -2) : host.split('.');
      const rdata: number[] = [0, 10];
      for (const part of labels) rdata.push(part.length, ...utf8.encode(part));
      rdata.push(...(inZone ? [0xc0, 12] : [0]));
      out.push(rdata.length >> 8, rdata.length & 0xff, ...rdata);
    }
    const message = new Uint8Array(out);
    const ours = decodeResponse(message).answers.map((entry) => (entry.record?.type === 'MX' ? entry.record.data.exchange : ''));
    const theirs = dnsPacket.decode(message).answers?.map((answer) => (answer.type === 'MX' ? answer.data.exchange : ''));
    expect(ours).toEqual(hosts);
    expect(theirs).toEqual(hosts);
  });

  it('refuses pointers forward, to itself, into the header or into the middle of a label', () => {
    const base = [...new Array<number>(12).fill(0), 7, ...utf8.encode('example'), 3, ...utf8.encode('com'), 0];
    const cases: [string, number[]][] = [
      ['forward', [0xc0, 40]],
      ['itself', [0xc0, base.length]],
      ['into the header', [0xc0, 4]],
      ['into a label', [0xc0, 14]],
    ];
    for (const [what, tail] of cases) {
      const message = new Uint8Array([...base, ...tail, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      const reader = new NameReader(message);
      expect(reader.read(12).name).toBe('example.com');
      expect(() => reader.read(base.length), what).toThrow(MalformedMessageError);
    }
  });

  it('refuses names longer than 255 octets and labels of the reserved 01/10 kinds', () => {
    const long = [...new Array<number>(12).fill(0)];
    for (let i = 0; i < 5; i++) long.push(63, ...new Array<number>(63).fill(0x61));
    long.push(0);
    expect(() => new NameReader(new Uint8Array(long)).read(12)).toThrow(/255/);
    expect(() => new NameReader(new Uint8Array([...new Array<number>(12).fill(0), 0x40, 0])).read(12)).toThrow(MalformedMessageError);
  });

  it('a message of many names pointing into a long pointer chain fails fast as malformed', () => {
    // A chain of 2-octet pointers, each to the one before, ending in the root, hidden in the RDATA
    // of a type we do not decode; then thousands of MX records whose exchange points at the
    // chain's far end. dns-packet walks the whole chain again for every record (quadratic).
    const chainLength = 8000;
    const out: number[] = [0, 0, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0];
    out.push(7, ...utf8.encode('example'), 3, ...utf8.encode('com'), 0, 0, 15, 0, 1); // example.com MX
    const rdLength = 1 + 2 * chainLength;
    out.push(0xc0, 12, 0xff, 0x00, 0, 1, 0, 0, 1, 44, rdLength >> 8, rdLength & 0xff); // type 65280 (private use)
    const chainStart = out.length;
    out.push(0);
    for (let k = 1; k <= chainLength; k++) {
      const previous = k === 1 ? chainStart : chainStart + 1 + 2 * (k - 2);
      out.push(0xc0 | (previous >> 8), previous & 0xff);
    }
    const far = chainStart + 1 + 2 * (chainLength - 1);
    let count = 1;
    while (out.length + 16 <= 65535) {
      out.push(0xc0, 12, 0, 15, 0, 1, 0, 0, 1, 44, 0, 4, 0, 10, 0xc0 | (far >> 8), far & 0xff);
      count++;
    }
    out[6] = count >> 8;
    out[7] = count & 0xff;
    const message = new Uint8Array(out);
    // dns-packet itself follows the chain (and would for every record): it is a valid decode for it.
    expect(dnsPacket.name.decode(message, far)).toBe('.');

    expect(() => decodeResponse(message)).toThrow(MalformedMessageError);
    // The same walk on its own: refused after a bounded number of hops, not after the chain.
    const reader = new NameReader(message);
    reader.markOpaque(chainStart, chainStart + rdLength);
    expect(() => reader.read(far)).toThrow(/pointer/);
    expect(reader.work).toBeLessThanOrEqual(256);
  });

  it('the work of one message is bounded however its names are built', () => {
    // Many distinct valid names, each a new label in front of the previous name: linear work.
    const names: string[][] = [];
    for (let i = 0; i < 2000; i++) names.push([`l${i % 100}`, ...(names[i - 1]?.slice(0, 20) ?? ['example', 'com'])]);
    const { message, starts } = compressedNames(names);
    const reader = new NameReader(message);
    for (const start of starts) reader.read(start);
    expect(reader.work).toBeLessThanOrEqual(2 * message.length);
  });
});
