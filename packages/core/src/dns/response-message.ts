/**
 * Strict decoding of a DNS response message (RFC 1035 §4.1). We walk the header, the question
 * section and every resource record ourselves, bounds-checking each RDLENGTH, and only then hand
 * known RDATA to the decoders: a lenient decoder that reads past the end or ignores RDLENGTH would
 * turn a broken answer into a plausible-looking one, and rule zero says a malformed answer must
 * never be read as data. A message with trailing octets, or with more than one OPT record
 * (RFC 6891 §6.1.1), is malformed as well.
 */

import type { DnsRecord, ExtendedDnsError, SignatureData } from './types.js';
import { CLASS_IN, OPTION_EDE, TYPE_OPT, TYPE_RRSIG, recordTypeOf } from './record-types.js';
import { MalformedMessageError, decodeRecord, decodeSignature, effectiveTtl, readName } from './record-data.js';
import { NameReader } from './name-reader.js';

export { MalformedMessageError } from './record-data.js';

export interface WireQuestion {
  /** Lower case, no trailing dot. */
  readonly name: string;
  readonly type: number;
  readonly klass: number;
}

export interface WireRecord {
  readonly name: string;
  readonly type: number;
  readonly klass: number;
  /** Seconds, already clamped per RFC 2181 §8. */
  readonly ttl: number;
  /** The record as our type, for class IN records of a type we understand; otherwise absent. */
  readonly record?: DnsRecord;
  /** For an RRSIG (class IN): what it covers and until when. */
  readonly signature?: SignatureData;
}

/** Extended DNS Errors kept per message, and characters of EXTRA-TEXT kept per error. */
const MAX_EXTENDED_ERRORS = 8;
const MAX_EXTRA_TEXT = 300;
const extraTextDecoder = new TextDecoder('utf-8', { fatal: false });

export interface ResponseMessage {
  readonly id: number;
  /** QR bit: 1 = response (RFC 1035 §4.1.1). */
  readonly isResponse: boolean;
  readonly opcode: number;
  readonly truncated: boolean;
  /** AA bit: the responding server is an authority for the name (RFC 1035 §4.1.1). */
  readonly authoritative: boolean;
  /** AD bit: the resolver validated the answer and authority sections (RFC 4035 §3.2.3). */
  readonly authenticData: boolean;
  /** CD bit, echoed from the query (RFC 4035 §3.2.2). */
  readonly checkingDisabled: boolean;
  /** Extended DNS Errors (EDNS option 15, RFC 8914), at most eight. */
  readonly extendedErrors: readonly ExtendedDnsError[];
  /** Full RCODE: the header's 4 bits plus the OPT record's extended bits (RFC 6891 §6.1.3). */
  readonly rcode: number;
  readonly questions: readonly WireQuestion[];
  readonly answers: readonly WireRecord[];
  readonly authorities: readonly WireRecord[];
  /** The additional section, less the OPT record (glue addresses of a referral, RFC 1034 §4.3.2). */
  readonly additionals: readonly WireRecord[];
}

function readUint16(message: Uint8Array, offset: number): number {
  return (message[offset]! << 8) | message[offset + 1]!;
}

/** Decode a response message, or throw `MalformedMessageError` saying why it does not decode. */
export function decodeResponse(message: Uint8Array): ResponseMessage {
  if (message.length < 12) throw new MalformedMessageError(`message is ${message.length} octets, shorter than a DNS header`);
  const id = readUint16(message, 0);
  const flags = readUint16(message, 2);
  const counts = [readUint16(message, 4), readUint16(message, 6), readUint16(message, 8), readUint16(message, 10)] as const;
  let offset = 12;
  // One reader per message: its work is bounded by the message's size (compression, RFC 1035 §4.1.4).
  const names = new NameReader(message);

  const questions: WireQuestion[] = [];
  for (let i = 0; i < counts[0]; i++) {
    const owner = readName(names, offset);
    offset += owner.length;
    if (offset + 4 > message.length) throw new MalformedMessageError('question runs past the end of the message');
    questions.push({ name: owner.name, type: readUint16(message, offset), klass: readUint16(message, offset + 2) });
    offset += 4;
  }

  let extendedRcode = 0;
  let optSeen = false;
  const extendedErrors: ExtendedDnsError[] = [];
  const sections: WireRecord[][] = [[], [], []];
  for (let section = 0; section < 3; section++) {
    for (let i = 0; i < counts[section + 1]!; i++) {
      const owner = readName(names, offset);
      offset += owner.length;
      if (offset + 10 > message.length) throw new MalformedMessageError('record header runs past the end of the message');
      const type = readUint16(message, offset);
      const klass = readUint16(message, offset + 2);
      const rawTtl = readUint16(message, offset + 4) * 0x10000 + readUint16(message, offset + 6);
      const rdLength = readUint16(message, offset + 8);
      const rdataOffset = offset + 10;
      if (rdataOffset + rdLength > message.length) throw new MalformedMessageError('record data runs past the end of the message');
      offset = rdataOffset + rdLength;

      if (type === TYPE_OPT) {
        // OPT: only in the additional section, once, owned by the root (RFC 6891 §6.1.1).
        if (section !== 2 || optSeen || owner.name !== '') throw new MalformedMessageError('misplaced or repeated OPT record');
        optSeen = true;
        extendedRcode = message[rdataOffset - 6]!; // EXTENDED-RCODE: first octet of the TTL field
        readOptions(message, rdataOffset, rdLength, extendedErrors);
        continue;
      }
      if (type === TYPE_RRSIG && klass === CLASS_IN) {
        sections[section]!.push({ name: owner.name, type, klass, ttl: effectiveTtl(rawTtl), signature: decodeSignature(message, names, rdataOffset, rdLength) });
        continue;
      }
      const ttl = effectiveTtl(rawTtl);
      const known = klass === CLASS_IN ? recordTypeOf(type) : undefined;
      // RDATA we do not decode may hold names that later names point into (e.g. DNAME).
      if (known === undefined) names.markOpaque(rdataOffset, rdataOffset + rdLength);
      const record =
        known === undefined ? undefined : decodeRecord(message, names, owner.name, ttl, known, rdataOffset, rdLength);
      sections[section]!.push(record === undefined ? { name: owner.name, type, klass, ttl } : { name: owner.name, type, klass, ttl, record });
    }
  }
  if (offset !== message.length) throw new MalformedMessageError(`${message.length - offset} octets after the end of the message`);

  return {
    id,
    isResponse: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    truncated: (flags & 0x0200) !== 0,
    authoritative: (flags & 0x0400) !== 0,
    authenticData: (flags & 0x0020) !== 0,
    checkingDisabled: (flags & 0x0010) !== 0,
    extendedErrors,
    rcode: (extendedRcode << 4) | (flags & 0xf),
    questions,
    answers: sections[0]!,
    authorities: sections[1]!,
    additionals: sections[2]!,
  };
}

/**
 * The OPT record's options (RFC 6891 §6.1.2: OPTION-CODE, OPTION-LENGTH, data), each inside the
 * record's data or the message is malformed; Extended DNS Errors (RFC 8914 §2: INFO-CODE, then
 * EXTRA-TEXT in UTF-8) are kept.
 */
function readOptions(message: Uint8Array, start: number, length: number, errors: ExtendedDnsError[]): void {
  const end = start + length;
  let offset = start;
  while (offset < end) {
    if (offset + 4 > end) throw new MalformedMessageError('EDNS option header runs past the OPT record');
    const code = readUint16(message, offset);
    const size = readUint16(message, offset + 2);
    const data = offset + 4;
    if (data + size > end) throw new MalformedMessageError('EDNS option runs past the OPT record');
    if (code === OPTION_EDE) {
      if (size < 2) throw new MalformedMessageError('Extended DNS Error option shorter than its INFO-CODE');
      if (errors.length < MAX_EXTENDED_ERRORS) {
        const text = extraTextDecoder.decode(message.subarray(data + 2, data + size)).replace(/\0+$/, '');
        errors.push({ code: readUint16(message, data), text: text.length > MAX_EXTRA_TEXT ? `${text.slice(0, MAX_EXTRA_TEXT)}…` : text });
      }
    }
    offset = data + size;
  }
}
