/**
 * The DNS query we send over DoH.
 * - RD set: we ask a recursive resolver (RFC 1035 §4.1.1). AD set, so a validating resolver says
 *   whether it validated the answer (RFC 6840 §5.7); DO and CD only when asked (`QueryOptions`).
 * - Message ID 0, so identical GET requests are cacheable by HTTP caches (RFC 8484 §4.1).
 * - An EDNS(0) OPT record (RFC 6891 §6.1) carrying a PADDING option (RFC 7830) that pads the
 *   whole query to a multiple of 128 octets, the block-length strategy recommended for clients
 *   (RFC 8467 §4.1), so the query's size says little about the name asked for.
 */

import * as dnsPacket from '@leichtgewicht/dns-packet';
import type { RecordType } from './types.js';

/** Queries are padded to a multiple of this many octets (RFC 8467 §4.1). */
export const QUERY_PADDING_BLOCK = 128;

/** EDNS(0) UDP payload size we advertise; meaningless over HTTP, 1232 is the usual safe value. */
const UDP_PAYLOAD_SIZE = 1232;

/** Thrown when a name cannot be put on the wire (RFC 1035 §2.3.4 size limits). */
export class QueryEncodingError extends Error {
  override readonly name = 'QueryEncodingError';
}

const utf8 = new TextEncoder();

/** Why `name` (lower case, no trailing dot, `''` for the root) cannot be asked, or `undefined`. */
export function queryNameProblem(name: string): string | undefined {
  if (name === '') return undefined;
  let wireLength = 1; // the root label
  for (const label of name.split('.')) {
    const octets = utf8.encode(label).length;
    if (octets === 0) return `"${name}" has an empty label`;
    if (octets > 63) return `"${name}" has a label longer than 63 octets`;
    wireLength += octets + 1;
  }
  if (wireLength > 255) return `"${name}" is longer than 255 octets on the wire`;
  return undefined;
}

/**
 * Encode a query for `name` (lower case, no trailing dot, `''` for the root) and `type`,
 * padded to a multiple of 128 octets. Throws `QueryEncodingError` for a name that does not fit.
 */
export interface QueryOptions {
  /** Message ID (default 0, as DoH wants; a direct UDP/TCP query uses a random one, RFC 5452 §9.2). */
  readonly id?: number;
  /** RD bit (default set: a recursive resolver; clear for a question to an authoritative server). */
  readonly recursionDesired?: boolean;
  /** DO bit in the OPT record: send the RRSIGs (RFC 3225 §3). */
  readonly dnssecOk?: boolean;
  /** CD bit: do not validate (RFC 4035 §3.2.2). */
  readonly checkingDisabled?: boolean;
}

export function encodeQuery(name: string, type: RecordType, options: QueryOptions = {}): Uint8Array {
  const problem = queryNameProblem(name);
  if (problem !== undefined) throw new QueryEncodingError(problem);

  const padding: dnsPacket.PaddingOptionData = { code: 'PADDING', length: 0 };
  const opt = {
    type: 'OPT' as const,
    name: '.',
    udpPayloadSize: UDP_PAYLOAD_SIZE,
    flags: options.dnssecOk === true ? dnsPacket.DNSSEC_OK : 0,
    // dns-packet sizes an OPT record from `data` and writes it from `options`.
    data: [padding],
    options: [padding],
  };
  const packet: dnsPacket.Packet = {
    type: 'query',
    id: options.id ?? 0,
    // AD set in the query asks a validating resolver to report its verdict in AD (RFC 6840 §5.7).
    flags:
      (options.recursionDesired === false ? 0 : dnsPacket.RECURSION_DESIRED) |
      dnsPacket.AUTHENTIC_DATA |
      (options.checkingDisabled === true ? dnsPacket.CHECKING_DISABLED : 0),
    questions: [{ name: name === '' ? '.' : name, type, class: 'IN' }],
    additionals: [opt],
  };
  const unpadded = dnsPacket.encodingLength(packet);
  padding.length = (QUERY_PADDING_BLOCK - (unpadded % QUERY_PADDING_BLOCK)) % QUERY_PADDING_BLOCK;
  const bytes = dnsPacket.encode(packet);
  if (bytes.length % QUERY_PADDING_BLOCK !== 0) {
    throw new QueryEncodingError(`padded query has ${bytes.length} octets, not a multiple of ${QUERY_PADDING_BLOCK}`);
  }
  return bytes;
}
