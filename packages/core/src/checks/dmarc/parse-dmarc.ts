/**
 * The DMARC record parser (RFC 7489 §6.3, §6.4; tag-list syntax from DKIM, RFC 6376 §3.2). Pure.
 *
 *   dmarc-record = dmarc-version dmarc-sep [dmarc-request] [dmarc-sep dmarc-srequest] … [dmarc-sep]
 *   dmarc-sep    = *WSP ";" *WSP
 * §6.4: "v" and "p" MUST be present and appear in that order: v first, p right after it. Values:
 * p/sp none|quarantine|reject, adkim/aspf r|s, pct 0–100, fo 0|1|d|s (colon list), rf keywords
 * (colon list), ri a 32-bit unsigned integer, rua/ruf comma-separated URIs with an optional `!size`.
 * Unknown tags are ignored (§6.3); a tag written twice makes the tag-list invalid (RFC 6376 §3.2).
 * Empty tag-specs (`;;`, trailing `;`) are tolerated, as receivers do. Never throws.
 */

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcTag {
  /** Lower case. */
  readonly name: string;
  readonly value: string;
  /** Character offset of the tag name in the record. */
  readonly offset: number;
}

export interface DmarcSyntaxError {
  readonly offset: number;
  readonly length: number;
  /** The tag at fault, when there is one. */
  readonly tag?: string;
  /** What is wrong, for a person. */
  readonly message: string;
}

export interface ParsedDmarc {
  readonly tags: DmarcTag[];
  readonly errors: DmarcSyntaxError[];
  /** `p=`, when valid. */
  readonly policy?: DmarcPolicy;
  /** `sp=`, when valid. */
  readonly subdomainPolicy?: DmarcPolicy;
  /** `pct=`, when valid. */
  readonly pct?: number;
  /** `rua=` URIs that parse. */
  readonly rua: string[];
  /** `ruf=` URIs that parse. */
  readonly ruf: string[];
}

/** RFC 7489 §6.4: the record at `_dmarc.<domain>` that starts with `v=DMARC1` (WSP around "=" allowed). */
export function isDmarcRecord(text: string): boolean {
  return /^v[ \t]*=[ \t]*DMARC1/i.test(text);
}

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];
const TAG = /^([A-Za-z][A-Za-z0-9_]*)[ \t]*=[ \t]*/;
const MISSING_SEPARATOR = /[ \t]+([A-Za-z][A-Za-z0-9_]*)[ \t]*=/;

export function parseDmarc(text: string): ParsedDmarc {
  const tags: DmarcTag[] = [];
  const errors: DmarcSyntaxError[] = [];
  const result = { tags, errors, rua: [] as string[], ruf: [] as string[] } as {
    tags: DmarcTag[];
    errors: DmarcSyntaxError[];
    policy?: DmarcPolicy;
    subdomainPolicy?: DmarcPolicy;
    pct?: number;
    rua: string[];
    ruf: string[];
  };

  let start = 0;
  for (const segment of text.split(';')) {
    const lead = segment.length - segment.replace(/^[ \t\r\n]+/, '').length;
    const body = segment.trim();
    const offset = start + lead;
    start += segment.length + 1;
    if (body === '') continue;
    const match = TAG.exec(body);
    if (match === null) {
      errors.push({ offset, length: body.length, message: `"${clip(body)}" is not a tag=value pair` });
      continue;
    }
    const name = (match[1] ?? '').toLowerCase();
    const value = body.slice(match[0].length);
    const valueOffset = offset + match[0].length;
    if (tags.some((tag) => tag.name === name)) {
      errors.push({ offset, length: body.length, tag: name, message: `the ${name}= tag appears more than once` });
      continue;
    }
    tags.push({ name, value, offset });
    const bad = /[^\x20-\x3a\x3c-\x7e\t]/u.exec(value);
    if (bad !== null) {
      errors.push({ offset: valueOffset + bad.index, length: bad[0].length, tag: name, message: `${name}= holds a character outside printable ASCII` });
      continue;
    }
    const problem = valueProblem(name, value, result);
    if (problem !== undefined) {
      const missing = MISSING_SEPARATOR.exec(value);
      const message =
        missing !== null
          ? `a ";" is missing before "${missing[1] ?? ''}=" (in ${name}=${clip(value)})`
          : problem;
      errors.push({ offset: valueOffset, length: Math.max(value.length, 1), tag: name, message });
    }
  }

  // §6.4 ordering: v first, p second.
  const first = tags[0];
  if (first === undefined || first.name !== 'v') {
    errors.unshift({ offset: first?.offset ?? 0, length: 1, ...(first !== undefined && { tag: first.name }), message: 'the record must start with v=DMARC1' });
  }
  const p = tags.findIndex((tag) => tag.name === 'p');
  const hiddenP = tags.some((tag) => /[ \t]p[ \t]*=/i.test(tag.value));
  if (p < 0 && !hiddenP) {
    errors.push({ offset: 0, length: text.length, message: 'the required p= tag (none, quarantine or reject) is missing' });
  } else if (p > 1 && first?.name === 'v') {
    const tag = tags[p];
    errors.push({ offset: tag?.offset ?? 0, length: 1, tag: 'p', message: 'p= must come right after v=DMARC1 (RFC 7489 §6.4)' });
  }
  return result;
}

function valueProblem(
  name: string,
  value: string,
  result: { policy?: DmarcPolicy; subdomainPolicy?: DmarcPolicy; pct?: number; rua: string[]; ruf: string[] },
): string | undefined {
  switch (name) {
    case 'v':
      return value === 'DMARC1' || value.toUpperCase() === 'DMARC1' ? undefined : `v= must be "DMARC1", not "${clip(value)}"`;
    case 'p':
    case 'sp': {
      const policy = value.toLowerCase();
      if (!POLICIES.includes(policy)) return `${name}= must be none, quarantine or reject, not "${clip(value)}"`;
      if (name === 'p') result.policy = policy as DmarcPolicy;
      else result.subdomainPolicy = policy as DmarcPolicy;
      return undefined;
    }
    case 'adkim':
    case 'aspf':
      return /^[rs]$/i.test(value) ? undefined : `${name}= must be r (relaxed) or s (strict), not "${clip(value)}"`;
    case 'pct': {
      if (!/^[0-9]{1,3}$/.test(value) || Number(value) > 100) return `pct= must be a whole number from 0 to 100, not "${clip(value)}"`;
      result.pct = Number(value);
      return undefined;
    }
    case 'fo':
      return /^[01ds](?:[ \t]*:[ \t]*[01ds])*$/i.test(value) ? undefined : `fo= must be a colon-separated list of 0, 1, d and s, not "${clip(value)}"`;
    case 'rf':
      return /^[A-Za-z0-9-]+(?:[ \t]*:[ \t]*[A-Za-z0-9-]+)*$/.test(value) ? undefined : `rf= must be a colon-separated list of report formats (afrf), not "${clip(value)}"`;
    case 'ri':
      return /^[0-9]{1,10}$/.test(value) && Number(value) <= 4294967295 ? undefined : `ri= must be a number of seconds, not "${clip(value)}"`;
    case 'rua':
    case 'ruf': {
      const uris = value.split(',').map((uri) => uri.trim());
      for (const uri of uris) {
        const problem = uriProblem(uri);
        if (problem !== undefined) return `${name}= ${problem}`;
      }
      result[name].push(...uris);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ] (RFC 7489 §6.4, URI from RFC 3986). */
function uriProblem(uri: string): string | undefined {
  if (uri === '') return 'has an empty URI';
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):([^\s!]+)(?:!([0-9]+)([kmgtKMGT])?)?$/.exec(uri);
  if (match === null) {
    if (/^[^\s:@]+@[^\s@]+\.[^\s@]+$/.test(uri)) return `"${clip(uri)}" is not a URI: write mailto:${uri}`;
    return `"${clip(uri)}" is not a URI (e.g. mailto:dmarc@example.com)`;
  }
  if ((match[1] ?? '').toLowerCase() === 'mailto' && !/^[^@]+@[^@]+$/.test(match[2] ?? '')) {
    return `"${clip(uri)}" is not a mail address`;
  }
  return undefined;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
