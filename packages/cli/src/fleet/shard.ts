/**
 * `--shard I/N`: which slice of a domain list this worker checks. The slice is decided by a stable
 * hash of the domain alone (32-bit FNV-1a over its lower-case ASCII form), not by line numbers, so
 * N workers given the same list — or lists in another order, or with duplicates — split it with no
 * domain twice and none left out, with no coordination between them.
 */

export interface Shard {
  /** 1-based, as the option is written. */
  readonly index: number;
  readonly count: number;
}

/** Parses `I/N` (1 ≤ I ≤ N ≤ 1,000,000); a message for anything else. */
export function parseShard(text: string): Shard | { readonly error: string } {
  const match = /^(\d{1,7})\/(\d{1,7})$/.exec(text.trim());
  if (!match) return { error: `--shard must be I/N (for example 2/8), not "${text}"` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > 1_000_000) return { error: `--shard ${text}: N must be from 1 to 1000000` };
  if (index < 1 || index > count) return { error: `--shard ${text}: I must be from 1 to ${count}` };
  return { index, count };
}

/** 32-bit FNV-1a of a string's UTF-16 code units (domains here are ASCII, so bytes). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Whether `domain` (ASCII, as `parseDomainInput` gives it) belongs to `shard`. */
export function inShard(domain: string, shard: Shard): boolean {
  return fnv1a32(domain.toLowerCase()) % shard.count === shard.index - 1;
}
