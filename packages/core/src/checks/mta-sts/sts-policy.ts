/**
 * The MTA-STS policy file (RFC 8461 §3.2): `key: value` lines separated by CRLF (LF accepted, as
 * senders do), keys case-sensitive. `version: STSv1`, `mode` (`enforce`, `testing` or `none`) and
 * `max_age` (1–10 digits, at most 31557600 s) once each; `mx` once per pattern (a host name, or
 * `*.` and a host name), at least one unless the mode is `none`. Other keys are extensions a sender
 * ignores; they are listed (`unknownKeys`) because one is usually a misspelt key (`max-age`,
 * `Mode`) whose value then does not count. §3.3: the media type must be `text/plain`.
 * Hand-written: the one npm implementation (mailauth's lib/mta-sts) parses inside its own fetch
 * and resolver and stops at the first error; a checker must list every problem.
 */

export type StsMode = 'enforce' | 'testing' | 'none';

export interface StsPolicy {
  readonly mode: StsMode;
  readonly maxAge: number;
  readonly mx: readonly string[];
}

export interface ParsedStsPolicy {
  /** The policy as a sender reads it, when it has a valid version and mode (even with other problems). */
  readonly policy?: StsPolicy;
  /** What breaks §3.2–3.3, in words (at most 10). */
  readonly problems: readonly string[];
  readonly unknownKeys: readonly string[];
}

/** RFC 8461 §3.2: max_age is at most 31557600 (about a year). */
export const MAX_AGE_LIMIT = 31_557_600;
/** The policy body we read (RFC 8461 §3.3: senders should not read more than 64 KB). */
export const MAX_POLICY_BYTES = 64 * 1024;
const MAX_LINES = 1000;
const MAX_MX = 100;
const MAX_PROBLEMS = 10;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+\.?$/i;

export function parseStsPolicy(body: string, contentType: string | undefined): ParsedStsPolicy {
  const problems: string[] = [];
  const problem = (words: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(words);
  };
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'text/plain') problem(contentType === undefined ? 'the response has no Content-Type (it must be text/plain)' : `the Content-Type is "${contentType}", not text/plain`);

  const values = new Map<string, string[]>();
  const unknownKeys: string[] = [];
  const lines = body.slice(0, MAX_POLICY_BYTES).split(/\r?\n/);
  if (lines.length > MAX_LINES) problem(`the policy has more than ${MAX_LINES} lines; the rest was not read`);
  for (const [index, raw] of lines.slice(0, MAX_LINES).entries()) {
    const line = raw.replace(/[ \t]+$/, '');
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problem(`line ${index + 1} is not "key: value"`);
      continue;
    }
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^[ \t]+/, '');
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/.test(key)) {
      problem(`line ${index + 1}: "${key}" is not a key`);
      continue;
    }
    if (!['version', 'mode', 'max_age', 'mx'].includes(key) && !unknownKeys.includes(key)) unknownKeys.push(key);
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  for (const key of unknownKeys) problem(`"${key}" is not a policy key (senders ignore it; keys are version, mode, max_age and mx, in lower case)`);

  const single = (key: string): string | undefined => {
    const list = values.get(key) ?? [];
    if (list.length === 0) problem(`the required ${key} line is missing`);
    // RFC 8461 §3.2: of a repeated field but mx, senders use the first and ignore the rest (no fault).
    return list[0];
  };
  const version = single('version');
  if (version !== undefined && version !== 'STSv1') problem(`version is "${version}", not STSv1`);
  const modeText = single('mode');
  const mode: StsMode | undefined = modeText === 'enforce' || modeText === 'testing' || modeText === 'none' ? modeText : undefined;
  if (modeText !== undefined && mode === undefined) problem(`mode is "${modeText}", not enforce, testing or none`);
  const maxAgeText = single('max_age');
  let maxAge = 0;
  if (maxAgeText !== undefined) {
    if (!/^\d{1,10}$/.test(maxAgeText)) problem(`max_age "${maxAgeText}" is not a number of seconds`);
    else if ((maxAge = Number(maxAgeText)) > MAX_AGE_LIMIT) problem(`max_age ${maxAgeText} is more than ${MAX_AGE_LIMIT} (a year)`);
  }
  const mxValues = values.get('mx') ?? [];
  if (mxValues.length > MAX_MX) problem(`the policy has ${mxValues.length} mx lines; only the first ${MAX_MX} were read`);
  const mx = mxValues.slice(0, MAX_MX);
  for (const pattern of mx) {
    const host = pattern.startsWith('*.') ? pattern.slice(2) : pattern;
    if (!HOST_NAME.test(host)) problem(`mx "${pattern}" is not a host name or "*." and a host name`);
  }
  if (mode !== undefined && mode !== 'none' && mx.length === 0) problem(`mode ${mode} needs at least one mx line`);
  const policy = version === 'STSv1' && mode !== undefined ? { mode, maxAge, mx } : undefined;
  return { ...(policy && { policy }), problems, unknownKeys };
}
