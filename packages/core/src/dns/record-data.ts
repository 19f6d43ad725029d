/**
 * Turning one resource record's RDATA into our `DnsRecord`, strictly: the decoded data must use
 * exactly RDLENGTH octets (RFC 1035 §3.2.1), or the message is malformed. Names come back lower
 * case without the trailing dot (the root is `''`, so a null MX `0 .` has exchange `''`, RFC 7505).
 * TXT character-strings stay apart and are decoded as UTF-8, replacing invalid sequences
 * (RFC 1035 §3.3.14, RFC 7208 §3.3). TTLs with the top bit set count as 0 (RFC 2181 §8).
 */

import * as dnsPacket from '@leichtgewicht/dns-packet';
import type { DnsRecord, RecordType, SignatureData } from './types.js';
import { normalizeName } from './types.js';
import { MalformedMessageError } from './malformed.js';
import type { NameReader } from './name-reader.js';

export { MalformedMessageError } from './malformed.js';

const txtDecoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Decode a (possibly compressed, RFC 1035 §4.1.4) name at `offset` with the message's bounded
 * `NameReader` (see name-reader.ts for why it is not dns-packet's); returns it and the octets it
 * takes here.
 */
export function readName(names: NameReader, offset: number): { name: string; length: number } {
  const { name, length } = names.read(offset);
  return { name: normalizeName(name), length };
}

/** TTL as a number of seconds; values with the most significant bit set are treated as 0 (RFC 2181 §8). */
export function effectiveTtl(raw: number): number {
  return raw > 0x7fffffff ? 0 : raw;
}

function readUint16(message: Uint8Array, offset: number): number {
  return (message[offset]! << 8) | message[offset + 1]!;
}

function readUint32(message: Uint8Array, offset: number): number {
  return readUint16(message, offset) * 0x10000 + readUint16(message, offset + 2);
}

/**
 * Decode the RDATA of a record of `type` that starts at `rdataOffset` and is `rdLength` octets
 * long (the caller has checked that it lies inside `message`). Throws `MalformedMessageError` when
 * the data does not use exactly `rdLength` octets.
 */
export function decodeRecord(
  message: Uint8Array,
  names: NameReader,
  owner: string,
  ttl: number,
  type: RecordType,
  rdataOffset: number,
  rdLength: number,
): DnsRecord {
  const end = rdataOffset + rdLength;
  const exact = (used: number, what: string): void => {
    if (used !== rdLength) throw new MalformedMessageError(`${what} record data is ${rdLength} octets but decodes as ${used}`);
  };
  const nameAt = (offset: number): { name: string; length: number } => {
    const result = readName(names, offset);
    if (offset + result.length > end) throw new MalformedMessageError(`${type} record data runs past its length`);
    return result;
  };
  switch (type) {
    case 'A':
      exact(4, 'A'); // A is exactly 4 octets (RFC 1035 §3.4.1)
      return { name: owner, ttl, type, data: dnsPacket.a.decode(message, rdataOffset - 2) };
    case 'AAAA':
      exact(16, 'AAAA'); // AAAA is exactly 16 octets (RFC 3596 §2.2)
      return { name: owner, ttl, type, data: dnsPacket.aaaa.decode(message, rdataOffset - 2) };
    case 'CNAME':
    case 'PTR':
    case 'NS': {
      const target = nameAt(rdataOffset);
      exact(target.length, type);
      return { name: owner, ttl, type, data: target.name };
    }
    case 'MX': {
      if (rdLength < 3) throw new MalformedMessageError('MX record data is too short');
      const preference = readUint16(message, rdataOffset);
      const exchange = nameAt(rdataOffset + 2);
      exact(2 + exchange.length, 'MX');
      return { name: owner, ttl, type, data: { preference, exchange: exchange.name } };
    }
    case 'SOA': {
      const mname = nameAt(rdataOffset);
      const rname = nameAt(rdataOffset + mname.length);
      const fixed = rdataOffset + mname.length + rname.length;
      exact(mname.length + rname.length + 20, 'SOA');
      return { name: owner, ttl, type, data: { mname: mname.name, serial: readUint32(message, fixed), minimum: readUint32(message, fixed + 16) } };
    }
    case 'TXT': {
      // One or more <character-string>s, each a length octet and that many octets (RFC 1035 §3.3).
      const strings: string[] = [];
      let offset = rdataOffset;
      while (offset < end) {
        const length = message[offset]!;
        if (offset + 1 + length > end) throw new MalformedMessageError('TXT character-string runs past the record data');
        strings.push(txtDecoder.decode(message.subarray(offset + 1, offset + 1 + length)));
        offset += 1 + length;
      }
      return { name: owner, ttl, type, data: strings };
    }
    case 'TLSA': {
      // usage, selector, matching type, then the certificate association data (RFC 6698 §2.1).
      if (rdLength < 4) throw new MalformedMessageError('TLSA record data is too short');
      const certificateData = hex(message.subarray(rdataOffset + 3, end));
      return { name: owner, ttl, type, data: { usage: message[rdataOffset]!, selector: message[rdataOffset + 1]!, matchingType: message[rdataOffset + 2]!, certificateData } };
    }
    case 'DNSKEY': {
      // flags, protocol, algorithm, then the key (RFC 4034 §2.1); the key itself is not needed.
      if (rdLength < 5) throw new MalformedMessageError('DNSKEY record data is too short');
      return { name: owner, ttl, type, data: { flags: readUint16(message, rdataOffset), protocol: message[rdataOffset + 2]!, algorithm: message[rdataOffset + 3]! } };
    }
  }
}

/**
 * An RRSIG's fixed fields and signer (RFC 4034 §3.1); the signature itself is not kept. Throws
 * `MalformedMessageError` when the data is shorter than its fields.
 */
export function decodeSignature(message: Uint8Array, names: NameReader, rdataOffset: number, rdLength: number): SignatureData {
  const end = rdataOffset + rdLength;
  if (rdLength < 19) throw new MalformedMessageError('RRSIG record data is too short');
  const signer = readName(names, rdataOffset + 18);
  if (rdataOffset + 18 + signer.length > end) throw new MalformedMessageError('RRSIG signer name runs past its record data');
  return {
    typeCovered: readUint16(message, rdataOffset),
    algorithm: message[rdataOffset + 2]!,
    expiration: readUint32(message, rdataOffset + 8),
    inception: readUint32(message, rdataOffset + 12),
    keyTag: readUint16(message, rdataOffset + 16),
    signerName: signer.name,
  };
}

/** Octets as lower-case hex (bounded by the message: at most 65,535 octets). */
function hex(octets: Uint8Array): string {
  let text = '';
  for (const octet of octets) text += octet.toString(16).padStart(2, '0');
  return text;
}
