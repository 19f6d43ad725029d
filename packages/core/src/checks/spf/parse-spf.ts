/**
 * The SPF record parser (RFC 7208 §4.5, §4.6.1, §5, §6, §7). Pure: no DNS.
 *
 *   record    = version terms *SP          ; version = "v=spf1"
 *   terms     = *( 1*SP ( directive / modifier ) )
 *   directive = [ qualifier ] mechanism
 *   modifier  = redirect / explanation / unknown-modifier   ; name "=" macro-string
 *
 * Terms are separated by SP (U+0020) only; any other white space, and any character outside 7-bit
 * ASCII, makes the record a permerror (§3, §4.6.1). The parser never throws: every fault becomes
 * an error with its character offset, and parsing goes on with the next term so one record shows
 * all its faults. Terms split by a tab are still read as the author meant them (after reporting
 * the tab), so later checks judge what was intended.
 */
import { checkDomainSpec } from './domain-spec.js';
import { isIp4Network, isIp6Network } from './ip-network.js';
import { describeChar, scanMacroString, type MacroProblem } from './macro-string.js';
import type { ParsedSpf, SpfMechanismName, SpfQualifier, SpfSyntaxError, SpfTerm } from './spf-term.js';

const MECHANISMS: readonly SpfMechanismName[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
const MODIFIER = /^([A-Za-z][A-Za-z0-9_.-]*)=/;

/**
 * RFC 7208 §4.5: a TXT record is an SPF record when, ignoring case, it is exactly `v=spf1` or
 * starts with `v=spf1 ` (so `v=spf10` is not one). Pass the joined strings (§3.3).
 */
export function isSpfRecord(text: string): boolean {
  return text.slice(0, 6).toLowerCase() === 'v=spf1' && (text.length === 6 || text[6] === ' ');
}

/**
 * Parses one SPF record. Not remembered here: the check of a file remembers which SPF texts are
 * clean (see `cleanSpfTexts`), so a zone that repeats one record parses it once.
 */
export function parseSpf(text: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  const errors: SpfSyntaxError[] = [];
  if (!isSpfRecord(text)) {
    const first = text.split(' ')[0] ?? '';
    errors.push({
      offset: 0,
      length: Math.max(first.length, Math.min(text.length, 1)),
      term: first,
      message: 'an SPF record must start with "v=spf1" followed by a space or the end of the record',
    });
    return { terms, errors };
  }
  const state: ParseState = { terms, errors, seenRedirect: false, seenExp: false };
  let i = 6;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== ' ') end += 1;
    readToken(state, text.slice(i, end), i);
    i = end;
  }
  return { terms, errors };
}

interface ParseState {
  readonly terms: SpfTerm[];
  readonly errors: SpfSyntaxError[];
  seenRedirect: boolean;
  seenExp: boolean;
}

/** A space-delimited token: usually one term; more than one if a tab or other white space hides inside. */
function readToken(state: ParseState, token: string, offset: number): void {
  const whitespace = /[^\S ]/u.exec(token);
  if (whitespace !== null) {
    const char = whitespace[0];
    state.errors.push({
      offset: offset + whitespace.index,
      length: char.length,
      term: token,
      message: `"${printable(token)}" contains ${describeChar(char)}: SPF terms must be separated by plain spaces only`,
      suggestion: token.replace(/[^\S ]+/gu, ' ').trim(),
    });
    const piece = /[^\s]+/gu;
    for (let match = piece.exec(token); match !== null; match = piece.exec(token)) {
      readTerm(state, match[0], offset + match.index);
    }
    return;
  }
  readTerm(state, token, offset);
}

function readTerm(state: ParseState, term: string, offset: number): void {
  const bad = /[^\x21-\x7e]/u.exec(term);
  if (bad !== null) {
    const char = bad[0];
    const dash = char === '\u2013' || char === '\u2014' || char === '\u2212';
    state.errors.push({
      offset: offset + bad.index,
      length: char.length,
      term,
      message:
        (char.codePointAt(0) ?? 0) > 0x7e
          ? `"${printable(term)}" contains the non-ASCII character ${describeChar(char)}: SPF records must be 7-bit ASCII`
          : `"${printable(term)}" contains the control character ${describeChar(char)}`,
      ...(dash && { suggestion: term.replace(/[\u2013\u2014\u2212]/gu, '-') }),
    });
    return;
  }
  const modifier = MODIFIER.exec(term);
  if (modifier !== null) {
    readModifier(state, term, offset, (modifier[1] ?? '').toLowerCase(), modifier[0].length);
    return;
  }
  readMechanism(state, term, offset);
}

function readModifier(state: ParseState, term: string, offset: number, name: string, valueStart: number): void {
  const value = term.slice(valueStart);
  const fail = (problems: readonly MacroProblem[]): void => {
    for (const problem of problems) {
      state.errors.push({
        offset: offset + valueStart + problem.index,
        length: Math.max(problem.length, 1),
        term,
        message: `"${term}": ${problem.message}`,
      });
    }
  };
  if (name === 'redirect' || name === 'exp') {
    const seen = name === 'redirect' ? state.seenRedirect : state.seenExp;
    if (seen) {
      state.errors.push({
        offset,
        length: term.length,
        term,
        message: `"${term}": the ${name}= modifier appears more than once (RFC 7208 §6: permerror)`,
        suggestion: '',
      });
      return;
    }
    if (name === 'redirect') state.seenRedirect = true;
    else state.seenExp = true;
    const check = checkDomainSpec(value);
    if (check.problems.length > 0) return fail(check.problems);
    state.terms.push({ kind: 'modifier', name, value, hasMacro: check.hasMacro, text: term, offset });
    return;
  }
  if ((MECHANISMS as readonly string[]).includes(name)) {
    // Grammatically an unknown modifier (ignored by receivers), but surely a mistyped mechanism.
    state.errors.push({
      offset: offset + valueStart - 1,
      length: 1,
      term,
      message: `"${term}" is not the ${name} mechanism (write "${name}:"): as written it is an unknown modifier that receivers ignore`,
      suggestion: `${term.slice(0, valueStart - 1)}:${value}`,
    });
    return;
  }
  const scan = scanMacroString(value, true);
  if (scan.problems.length > 0) return fail(scan.problems);
  state.terms.push({ kind: 'modifier', name, value, hasMacro: scan.hasMacro, text: term, offset });
}

function readMechanism(state: ParseState, term: string, offset: number): void {
  let qualifier: SpfQualifier = '+';
  let start = 0;
  const first = term[0];
  if (first === '+' || first === '-' || first === '~' || first === '?') {
    qualifier = first;
    start = 1;
  }
  const rawName = /^[^:/]*/.exec(term.slice(start))?.[0] ?? '';
  const name = rawName.toLowerCase() as SpfMechanismName;
  const argOffset = start + rawName.length;
  const arg = term.slice(argOffset);
  const error = (at: number, length: number, message: string): void => {
    state.errors.push({ offset: offset + at, length: Math.max(length, 1), term, message: `"${term}": ${message}` });
  };

  if (!MECHANISMS.includes(name)) {
    if (rawName === '') error(0, term.length, start === 1 ? 'a qualifier must be followed by a mechanism' : 'not a mechanism or modifier');
    else if (MODIFIER.test(term.slice(start))) error(0, 1, 'a modifier cannot take a qualifier');
    else error(start, rawName.length, `"${rawName}" is not a mechanism (all, include, a, mx, ptr, ip4, ip6, exists) nor a modifier (name=value)`);
    return;
  }
  const base = { kind: 'mechanism' as const, qualifier, name, text: term, offset };

  switch (name) {
    case 'all': {
      if (arg !== '') return error(argOffset, arg.length, '"all" takes no argument');
      state.terms.push({ ...base, hasMacro: false });
      return;
    }
    case 'include':
    case 'exists': {
      if (!arg.startsWith(':')) return error(argOffset, arg.length, `"${name}" needs a domain: ${name}:example.com`);
      const spec = arg.slice(1);
      const check = checkDomainSpec(spec);
      if (check.problems.length > 0) {
        for (const problem of check.problems) {
          const hint = spec.includes('/') && !check.hasMacro ? ` ("${name}" takes no CIDR length)` : '';
          error(argOffset + 1 + problem.index, problem.length, problem.message + hint);
        }
        return;
      }
      state.terms.push({ ...base, domainSpec: spec, hasMacro: check.hasMacro });
      return;
    }
    case 'ptr': {
      if (arg === '') return void state.terms.push({ ...base, hasMacro: false });
      if (!arg.startsWith(':')) return error(argOffset, arg.length, '"ptr" takes no CIDR length');
      const spec = arg.slice(1);
      const check = checkDomainSpec(spec);
      if (check.problems.length > 0) {
        for (const problem of check.problems) error(argOffset + 1 + problem.index, problem.length, problem.message);
        return;
      }
      state.terms.push({ ...base, domainSpec: spec, hasMacro: check.hasMacro });
      return;
    }
    case 'a':
    case 'mx': {
      // a/mx [ ":" domain-spec ] [ dual-cidr-length ]. A domain-spec may hold "/" and ":" (RFC 7208
      // §7.1: any visible character but "%"; the suite's `a:foo:bar/baz.example.com`), so only "/"
      // and digits at the very end are the CIDR length.
      let spec: string | undefined;
      let cidr = arg;
      let cidrOffset = argOffset;
      if (arg.startsWith(':')) {
        const body = arg.slice(1);
        const cut = body.length - (TRAILING_CIDR.exec(body)?.[0].length ?? 0);
        spec = body.slice(0, cut);
        cidr = body.slice(cut);
        cidrOffset = argOffset + 1 + spec.length;
      }
      let hasMacro = false;
      let ok = true;
      if (spec !== undefined) {
        const check = checkDomainSpec(spec);
        hasMacro = check.hasMacro;
        const hint = spec.includes('/') && !check.hasMacro ? ' (a CIDR length is written /N or //N, at the end)' : '';
        for (const problem of check.problems) {
          ok = false;
          error(argOffset + 1 + problem.index, problem.length, problem.message + hint);
        }
      }
      const dual = parseDualCidr(cidr);
      if (typeof dual === 'string') {
        error(cidrOffset, cidr.length, dual);
        return;
      }
      if (!ok) return;
      state.terms.push({
        ...base,
        ...(spec !== undefined && { domainSpec: spec }),
        ...(dual.cidr4 !== undefined && { cidr4: dual.cidr4 }),
        ...(dual.cidr6 !== undefined && { cidr6: dual.cidr6 }),
        hasMacro,
      });
      return;
    }
    case 'ip4':
    case 'ip6': {
      if (!arg.startsWith(':')) return error(argOffset, arg.length, `"${name}" needs an address: ${name === 'ip4' ? 'ip4:192.0.2.0/24' : 'ip6:2001:db8::/32'}`);
      const body = arg.slice(1);
      const cut = body.indexOf('/');
      const network = cut < 0 ? body : body.slice(0, cut);
      const valid = name === 'ip4' ? isIp4Network(network) : isIp6Network(network);
      if (!valid) {
        const hint = name === 'ip4' && isIp6Network(network) ? ' (an IPv6 address needs ip6:)' : name === 'ip6' && isIp4Network(network) ? ' (an IPv4 address needs ip4:)' : '';
        return error(argOffset + 1, network.length, `"${network}" is not a valid ${name === 'ip4' ? 'IPv4' : 'IPv6'} address${hint}`);
      }
      let length: number | undefined;
      if (cut >= 0) {
        const digits = body.slice(cut + 1);
        const value = cidrLength(digits, name === 'ip4' ? 32 : 128);
        if (typeof value === 'string') return error(argOffset + 1 + cut, digits.length + 1, value);
        length = value;
      }
      state.terms.push({
        ...base,
        network,
        ...(length !== undefined && (name === 'ip4' ? { cidr4: length } : { cidr6: length })),
        hasMacro: false,
      });
      return;
    }
  }
}

/** dual-cidr-length at the end of an a/mx argument: `/24`, `//64`, `/24//64` (RFC 7208 §5.6). */
const TRAILING_CIDR = /(?:\/[0-9]+)?(?:\/\/[0-9]+)?$/;

/** dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ] (RFC 7208 §5.6). */
function parseDualCidr(text: string): { cidr4?: number; cidr6?: number } | string {
  if (text === '') return {};
  const match = /^(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/.exec(text);
  if (match === null) return `"${text}" is not a CIDR length: write /N for IPv4 (0–32) and //N for IPv6 (0–128)`;
  const result: { cidr4?: number; cidr6?: number } = {};
  if (match[1] !== undefined) {
    const value = cidrLength(match[1], 32);
    if (typeof value === 'string') return value;
    result.cidr4 = value;
  }
  if (match[2] !== undefined) {
    const value = cidrLength(match[2], 128);
    if (typeof value === 'string') return value;
    result.cidr6 = value;
  }
  return result;
}

/** ip4-cidr-length / ip6-cidr-length: no leading zero, 0–32 or 0–128. */
function cidrLength(digits: string, max: number): number | string {
  if (!/^(?:0|[1-9][0-9]*)$/.test(digits)) return `CIDR length "/${digits}" must be a number without leading zeros (0–${max})`;
  const value = Number(digits);
  if (value > max) return `CIDR length /${digits} is out of range 0–${max}`;
  return value;
}

/** The term with invisible characters shown, for messages. */
function printable(text: string): string {
  return text.replace(/[^\x21-\x7e]/gu, (char) => `<${describeChar(char)}>`);
}
