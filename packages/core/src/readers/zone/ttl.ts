/**
 * TTL values as zone files write them: plain seconds (RFC 1035 §5.1), or BIND's units
 * `1w2d3h4m5s` (case-insensitive; each number needs a unit once units are used, so `1h30` is an
 * error as in BIND). RFC 2181 §8 caps a TTL at 2^31 − 1 seconds; more is an error here.
 */
import { quoteToken } from './quote.js';

export const MAX_TTL = 2147483647;

export type TtlResult = { readonly value: number } | { readonly error: string };

const UNIT_SECONDS: Record<number, number> = {
  119: 604800, // w
  100: 86400, // d
  104: 3600, // h
  109: 60, // m
  115: 1, // s
};

/** Reads a TTL; the error says what was expected. */
export function parseTtl(raw: string): TtlResult {
  const n = raw.length;
  if (n === 0) return { error: 'Expected a TTL, found nothing.' };
  let total = 0;
  let i = 0;
  let units = false;
  while (i < n) {
    const from = i;
    let value = 0;
    while (i < n) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    if (i === from || i - from > 20) return badTtl(raw);
    if (i === n) {
      // A plain number, or a trailing number without its unit (`1h30`: BIND refuses it).
      if (units) return badTtl(raw);
      total = value;
      break;
    }
    const unit = UNIT_SECONDS[raw.charCodeAt(i) | 0x20];
    if (unit === undefined) return badTtl(raw);
    if (value > 0xffffffff) return tooLarge(raw);
    total += value * unit;
    units = true;
    i++;
  }
  if (total > MAX_TTL) return tooLarge(raw);
  return { value: total };
}

function badTtl(raw: string): TtlResult {
  return {
    error: `Expected a TTL (seconds, or units such as 1h30m or 2w), found \`${quoteToken(raw)}\`.`,
  };
}

function tooLarge(raw: string): TtlResult {
  return { error: `The TTL \`${quoteToken(raw)}\` is above 2147483647 seconds, the largest RFC 2181 §8 allows.` };
}
