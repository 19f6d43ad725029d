/**
 * A small in-memory Resolver for the SPF tests: answers from a map keyed "TYPE name", records every
 * question, and measures how many questions were in flight at once (to prove a level's includes
 * go out together). Unknown names are NXDOMAIN; `fail` makes a name SERVFAIL.
 */
import type { DnsRecord, LookupResult, RecordType, Resolver } from '../../src/dns/types.js';

export type Zone = Record<string, readonly string[] | readonly (readonly string[])[]>;

export class FakeResolver implements Resolver {
  readonly asked: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly failing = new Set<string>();
  /** Names that exist (answer NODATA for types they lack) beyond those with records. */
  readonly existing = new Set<string>();

  constructor(
    private readonly txt: Record<string, readonly (string | readonly string[])[]> = {},
    private readonly other: Record<string, readonly string[]> = {},
  ) {}

  async lookup(name: string, type: RecordType): Promise<LookupResult> {
    const key = `${type} ${name}`;
    this.asked.push(key);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight -= 1;
    return answer(name, type, this.txt, this.other, this.failing, this.existing);
  }
}

export function answer(
  name: string,
  type: RecordType,
  txt: Record<string, readonly (string | readonly string[])[]>,
  other: Record<string, readonly string[]> = {},
  failing: ReadonlySet<string> = new Set(),
  existing: ReadonlySet<string> = new Set(),
): LookupResult {
  const question = { name, type };
  if (failing.has(name) || failing.has(`${type} ${name}`)) {
    return { kind: 'failed', question, reason: 'servfail', detail: 'SERVFAIL from test resolver' };
  }
  const records: DnsRecord[] = [];
  for (const value of txt[name] ?? []) {
    if (type === 'TXT') records.push({ name, ttl: 300, type: 'TXT', data: typeof value === 'string' ? [value] : value });
  }
  for (const [key, values] of Object.entries(other)) {
    const [recordType, owner] = key.split(' ');
    if (owner !== name || recordType !== type) continue;
    for (const value of values) {
      if (type === 'MX') {
        const [preference, exchange] = value.split(' ');
        records.push({ name, ttl: 300, type: 'MX', data: { preference: Number(preference), exchange: exchange ?? '' } });
      } else if (type === 'A' || type === 'AAAA') {
        records.push({ name, ttl: 300, type, data: value });
      }
    }
  }
  const exists = existing.has(name) || name in txt || Object.keys(other).some((key) => key.split(' ')[1] === name);
  if (!exists) return { kind: 'nxdomain', question, records: [] };
  return { kind: 'answer', question, records };
}

/** The TXT answer at `name` (what the query plan would hand to gatherSpf). */
export function txtAnswer(name: string, ...values: (string | readonly string[])[]): LookupResult {
  if (values.length === 0) return { kind: 'answer', question: { name, type: 'TXT' }, records: [] };
  return answer(name, 'TXT', { [name]: values });
}

export function failedTxt(name: string): LookupResult {
  return { kind: 'failed', question: { name, type: 'TXT' }, reason: 'timeout', detail: 'timed out after 5 s' };
}
