/**
 * `mx-ttl-high`: resolvers may keep an MX RRset for its TTL (RFC 1035 §3.2.1, RFC 2181 §8). Above
 * a day, a change of mail provider or a rollback takes that long to reach every sender.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MxEntry } from './mx-entry.js';
import { largestOf } from '../../util/append.js';
import { defineCheck } from '../check.js';

export const MX_TTL_LIMIT = 86_400;

function humanDuration(seconds: number): string {
  const days = seconds / 86_400;
  return Number.isInteger(days) ? `${days} day${days === 1 ? '' : 's'}` : `${(seconds / 3600).toFixed(1)} hours`;
}

function isHigh(entry: MxEntry): boolean {
  return entry.ttl > MX_TTL_LIMIT;
}

export function mxTtlHigh(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (!entries.some(isHigh)) return [];
  const high = entries.filter((entry) => entry.ttl > MX_TTL_LIMIT);
  const [first] = high;
  if (first === undefined) return [];
  const max = largestOf(high, (entry) => entry.ttl);
  return [
    finding(mxTtlHighCheck, {
      message: `The MX records of ${owner} have a TTL of ${max} s (${humanDuration(max)}): a change takes that long to reach every sender.`,
      subject: owner,
      evidence: `TTL ${high.map((entry) => entry.ttl).filter((ttl, i, all) => all.indexOf(ttl) === i).join(', ')} s`,
      fix: `Lower the MX TTL to at most ${MX_TTL_LIMIT} s (3600 s is common), e.g. \`${owner}. 3600 IN MX …\`, well before the next change.`,
      range: first.range,
    }),
  ];
}

export const mxTtlHighCheck = defineCheck({
  id: 'mx-ttl-high',
  severity: 'info',
  scope: 'live+file',
  title: 'MX TTL above one day',
  live: [{ on: 'mx-set', run: mxTtlHigh }],
  file: [{ on: 'mx-set', place: 'ttl' }],
});
