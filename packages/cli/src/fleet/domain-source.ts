/**
 * The domains of a fleet run, in input order: the command line's, then `--from`'s lines (blank
 * lines and `#` comments skipped; a domain, e-mail address or URL each, as `check` takes them).
 * Each domain comes once (the first time it is named), only if it is in this worker's shard, and
 * not if `--resume` found it already reported. A line that names no domain is handed on as
 * `invalid` with the reason, so the run reports it and goes on.
 */
import { parseDomainInput } from '@mx-doctor/core';
import type { Readable } from 'node:stream';
import { boundedLines } from './line-reader.js';
import { inShard, type Shard } from './shard.js';

/** Longest line read as a domain: a name is at most 253 octets; a URL or address may carry more. */
export const MAX_LINE_LENGTH = 2048;

export type SourceItem =
  | { readonly kind: 'domain'; readonly domain: string; readonly input: string }
  | { readonly kind: 'invalid'; readonly where: string; readonly input: string; readonly error: string };

export interface DomainSourceOptions {
  /** Domains named on the command line. */
  readonly given: readonly string[];
  /** `--from`'s stream and its name for messages ("domains.txt", "stdin"). */
  readonly from?: { readonly stream: Readable; readonly name: string };
  readonly shard?: Shard;
  /** Domains already reported (`--resume`): skipped. */
  readonly done?: ReadonlySet<string>;
}

type RawInput = { where: string; text: string } | { where: string; tooLong: string } | { where: string; unreadable: string };

async function* rawInputs(options: DomainSourceOptions): AsyncGenerator<RawInput> {
  for (const [i, text] of options.given.entries()) yield { where: `argument ${i + 1}`, text };
  if (!options.from) return;
  let lastLine = 0;
  try {
    for await (const line of boundedLines(options.from.stream, MAX_LINE_LENGTH)) {
      lastLine = line.number;
      const where = `${options.from.name}:${line.number}`;
      if ('tooLong' in line) {
        yield { where, tooLong: line.tooLong };
        continue;
      }
      const text = line.text.trim();
      if (text === '' || text.startsWith('#')) continue;
      yield { where, text };
    }
  } catch (error) {
    // An unreadable list (a directory, a read error, /dev/zero) ends the list, said as its last line.
    yield { where: `${options.from.name}:${lastLine + 1}`, unreadable: error instanceof Error ? error.message : String(error) };
  }
}

export async function* domainSource(options: DomainSourceOptions): AsyncGenerator<SourceItem> {
  // One entry per distinct domain seen: what "duplicates checked once" costs (~100 bytes each).
  const seen = new Set<string>();
  for await (const raw of rawInputs(options)) {
    if ('unreadable' in raw) {
      yield { kind: 'invalid', where: raw.where, input: '', error: `reading stopped: ${raw.unreadable}` };
      continue;
    }
    if ('tooLong' in raw) {
      yield { kind: 'invalid', where: raw.where, input: `${raw.tooLong}…`, error: `line longer than ${MAX_LINE_LENGTH} characters` };
      continue;
    }
    const parsed = parseDomainInput(raw.text);
    if (!parsed.ok) {
      yield { kind: 'invalid', where: raw.where, input: raw.text, error: parsed.error };
      continue;
    }
    if (seen.has(parsed.domain)) continue;
    seen.add(parsed.domain);
    if (options.shard && !inShard(parsed.domain, options.shard)) continue;
    if (options.done?.has(parsed.domain)) continue;
    yield { kind: 'domain', domain: parsed.domain, input: parsed.input };
  }
}
