/**
 * `mx-null-nonzero-preference`: RFC 7505 §3 defines the null MX as preference 0 with target `.`.
 * Another preference suggests a mistyped record rather than a deliberate "no mail".
 */
import { finding, type Finding } from '../../findings/finding.js';
import { isNullMx, type MxEntry } from './mx-entry.js';
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';

export function mxNullNonzeroPreference(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (!entries.some(isNullMx)) return [];
  return entries
    .filter((entry) => isNullMx(entry) && entry.preference !== 0)
    .map((entry) =>
      finding('mx-null-nonzero-preference', {
        message: `${owner} has a null MX (target ".") with preference ${entry.preference}; RFC 7505 requires preference 0.`,
        subject: owner,
        evidence: `MX ${entry.preference} .`,
        fix: `Write the null MX as \`${owner}. MX 0 .\`.`,
        range: entry.range,
      }),
    );
}

export const mxNullNonzeroPreferenceCheck: Check<'mx-null-nonzero-preference'> = {
  id: 'mx-null-nonzero-preference',
  entry: CATALOGUE['mx-null-nonzero-preference'],
  live: [{ on: 'mx-set', run: mxNullNonzeroPreference }],
  file: [{ on: 'mx-set', place: 'preference' }],
};
