/**
 * `mx-null-nonzero-preference`: RFC 7505 §3 defines the null MX as preference 0 with target `.`.
 * Another preference suggests a mistyped record rather than a deliberate "no mail".
 */
import { finding, type Finding } from '../../findings/finding.js';
import { isNullMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

export function mxNullNonzeroPreference(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (!entries.some(isNullMx)) return [];
  return entries
    .filter((entry) => isNullMx(entry) && entry.preference !== 0)
    .map((entry) =>
      finding(mxNullNonzeroPreferenceCheck, {
        message: `${owner} has a null MX (target ".") with preference ${entry.preference}; RFC 7505 requires preference 0.`,
        subject: owner,
        evidence: `MX ${entry.preference} .`,
        fix: `Write the null MX as \`${owner}. MX 0 .\`.`,
        range: entry.range,
      }),
    );
}

export const mxNullNonzeroPreferenceCheck = defineCheck({
  id: 'mx-null-nonzero-preference',
  severity: 'warning',
  scope: 'live+file',
  title: 'Null MX with a preference other than 0',
  rfc: 'RFC 7505 §3',
  live: [{ on: 'mx-set', run: mxNullNonzeroPreference }],
  file: [{ on: 'mx-set', place: 'preference' }],
});
