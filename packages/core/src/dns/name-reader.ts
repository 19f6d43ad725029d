/**
 * Reading the (possibly compressed, RFC 1035 §4.1.4) domain names of one DNS message, with the
 * work bounded by the message's size.
 *
 * Hand-written, not dns-packet's `name.decode`: that decoder follows pointers with no budget
 * across a message, so a 64 KB answer whose thousands of names each point into one long pointer
 * chain makes it walk the chain again for every name (quadratic: seconds of CPU and hundreds of
 * MB per answer). Here:
 *
 * - a pointer must point strictly backwards (before the start of the labels that contain it,
 *   as dns-packet requires too) and to the start of a label: a length octet of a name already
 *   read in this message, or, inside RDATA we do not decode (where names we cannot see may live),
 *   at least a length octet — never into the header, into a label's text, or to another pointer;
 * - at most 127 pointer hops per name (a name has at most 127 labels, and every hop of a real
 *   encoder adds one) and at most 255 octets per name (RFC 1035 §2.3.4);
 * - every suffix read is remembered by its offset, so a later pointer to it costs one step, and
 *   the steps of the whole message (labels and pointers read) are capped at twice its length plus
 *   a little: a valid message needs at most one step per octet plus one per name.
 *
 * Labels are decoded as UTF-8 (invalid sequences replaced) and joined with '.', as dns-packet
 * does; the root is ''. The caller normalises case.
 */

import { MalformedMessageError } from './malformed.js';

/** A name has at most 127 labels; a real encoder adds one per pointer hop. */
const MAX_POINTER_HOPS = 127;
/** RFC 1035 §2.3.4: 255 octets or less, counting length octets and the root. */
const MAX_NAME_OCTETS = 255;

const labelDecoder = new TextDecoder('utf-8', { fatal: false });

interface Suffix {
  /** The name from this offset on, labels joined with '.' ('' for the root). */
  readonly text: string;
  /** Its uncompressed wire length, root octet included. */
  readonly octets: number;
  /** Octets it takes at this offset: up to and including its terminating zero or first pointer. */
  readonly inPlace: number;
}

const ROOT: Suffix = { text: '', octets: 1, inPlace: 1 };

export class NameReader {
  /** Steps taken so far in this message: labels and pointers read, one per remembered suffix used. */
  work = 0;
  private readonly budget: number;
  private readonly suffixes = new Map<number, Suffix>();
  /** [start, end) of RDATA not decoded, in message order. */
  private readonly opaque: (readonly [number, number])[] = [];

  constructor(private readonly message: Uint8Array) {
    this.budget = 2 * message.length + 64;
  }

  /** Mark RDATA that is not decoded (an unknown type or class): names in it may be pointed at. */
  markOpaque(start: number, end: number): void {
    if (end > start) this.opaque.push([start, end]);
  }

  /** The name at `offset` and the octets it takes there. Throws `MalformedMessageError`. */
  read(offset: number): { name: string; length: number } {
    const message = this.message;
    /** Offsets visited, in order, with the index of the segment (run between pointers) each is in. */
    const visited: number[] = [];
    const segmentOf: number[] = [];
    /** Where each segment ends: one past its terminating zero or its pointer. */
    const segmentEnds: number[] = [];
    let position = offset;
    let segmentStart = offset;
    let hops = 0;
    let suffix: Suffix | undefined;
    for (;;) {
      if (++this.work > this.budget) throw new MalformedMessageError('the names of this message take too much work to read (compression pointer abuse)');
      const known = this.suffixes.get(position);
      if (known !== undefined) {
        suffix = known;
        segmentEnds.push(position + known.inPlace);
        break;
      }
      if (position >= message.length) throw new MalformedMessageError('name runs past the end of the message');
      const octet = message[position]!;
      if (octet === 0) {
        visited.push(position);
        segmentOf.push(hops);
        segmentEnds.push(position + 1);
        suffix = ROOT;
        break;
      }
      const kind = octet & 0xc0;
      if (kind === 0) {
        if (position + 1 + octet > message.length) throw new MalformedMessageError('label runs past the end of the message');
        visited.push(position);
        segmentOf.push(hops);
        position += 1 + octet;
        continue;
      }
      if (kind !== 0xc0) throw new MalformedMessageError(`reserved label type 0x${octet.toString(16)} at offset ${position}`);
      if (position + 1 >= message.length) throw new MalformedMessageError('compression pointer runs past the end of the message');
      const target = ((octet & 0x3f) << 8) | message[position + 1]!;
      visited.push(position);
      segmentOf.push(hops);
      segmentEnds.push(position + 2);
      if (target >= segmentStart) throw new MalformedMessageError(`compression pointer at offset ${position} does not point backwards`);
      if (++hops > MAX_POINTER_HOPS) throw new MalformedMessageError(`name at offset ${offset} follows more than ${MAX_POINTER_HOPS} compression pointers`);
      if (!this.isLabelStart(target)) throw new MalformedMessageError(`compression pointer at offset ${position} does not point to the start of a label`);
      position = target;
      segmentStart = target;
    }

    // Build the suffixes from the end back to `offset`, remembering each.
    for (let i = visited.length - 1; i >= 0; i--) {
      const at = visited[i]!;
      const inPlace = segmentEnds[segmentOf[i]!]! - at;
      const octet = message[at]!;
      let next: Suffix;
      if (octet === 0) {
        next = ROOT;
      } else if ((octet & 0xc0) === 0xc0) {
        next = { text: suffix.text, octets: suffix.octets, inPlace };
      } else {
        const octets = suffix.octets + 1 + octet;
        if (octets > MAX_NAME_OCTETS) throw new MalformedMessageError(`name at offset ${offset} is longer than ${MAX_NAME_OCTETS} octets`);
        const label = labelDecoder.decode(message.subarray(at + 1, at + 1 + octet));
        next = { text: suffix.text === '' ? label : `${label}.${suffix.text}`, octets, inPlace };
      }
      this.suffixes.set(at, next);
      suffix = next;
    }
    return { name: suffix.text, length: suffix.inPlace };
  }

  /** A label's length octet (or the root) read before, or a length octet inside RDATA we do not decode. */
  private isLabelStart(target: number): boolean {
    if ((this.message[target]! & 0xc0) !== 0) return false;
    return this.suffixes.has(target) || this.inOpaque(target);
  }

  private inOpaque(target: number): boolean {
    // Regions come in message order and do not overlap: binary search.
    let low = 0;
    let high = this.opaque.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = this.opaque[middle]!;
      if (target < start) high = middle - 1;
      else if (target >= end) low = middle + 1;
      else return true;
    }
    return false;
  }
}
