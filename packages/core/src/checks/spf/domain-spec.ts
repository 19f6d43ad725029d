/**
 * `domain-spec` validation (RFC 7208 §7.1, §4.3):
 *   domain-spec = macro-string domain-end
 *   domain-end  = ( "." toplabel [ "." ] ) / macro-expand
 *   toplabel    = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 * So `include:example.123` (all-numeric top label) and `include:localhost` (no dot) do not parse.
 * A domain-spec without macros must also be a usable DNS name (§4.3: no empty label, labels of at
 * most 63 octets, names of at most 253).
 */
import { scanMacroString, type MacroProblem } from './macro-string.js';

const TOPLABEL = /^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

export interface DomainSpecCheck {
  readonly problems: MacroProblem[];
  readonly hasMacro: boolean;
}

export function checkDomainSpec(spec: string): DomainSpecCheck {
  if (spec === '') return { problems: [{ index: 0, length: 0, message: 'the domain is missing' }], hasMacro: false };
  const scan = scanMacroString(spec, false);
  if (scan.problems.length > 0) return { problems: scan.problems, hasMacro: scan.hasMacro };
  if (scan.lastMacroEnd === spec.length) return { problems: [], hasMacro: true };

  const tailStart = Math.max(scan.lastMacroEnd, 0);
  const tail = spec.slice(tailStart);
  const body = tail.endsWith('.') ? tail.slice(0, -1) : tail;
  const dot = body.lastIndexOf('.');
  if (dot < 0) {
    const message = scan.hasMacro
      ? `"${spec}" must end in a macro or in "." and a top-level label`
      : `"${spec}" is not a fully qualified domain name (it needs a dot and a top-level label, e.g. example.com)`;
    return { problems: [{ index: 0, length: spec.length, message }], hasMacro: scan.hasMacro };
  }
  const toplabel = body.slice(dot + 1);
  if (!TOPLABEL.test(toplabel)) {
    const why =
      toplabel === ''
        ? 'it is empty'
        : /^[0-9]+$/.test(toplabel)
          ? 'it is all-numeric'
          : 'it may hold only letters, digits and inner hyphens';
    return {
      problems: [{ index: tailStart + dot + 1, length: Math.max(toplabel.length, 1), message: `the top-level label "${toplabel}" of "${spec}" is not valid: ${why}` }],
      hasMacro: scan.hasMacro,
    };
  }
  if (!scan.hasMacro) {
    const name = spec.endsWith('.') ? spec.slice(0, -1) : spec;
    const labels = name.split('.');
    if (labels.some((label) => label === '')) {
      return { problems: [{ index: 0, length: spec.length, message: `"${spec}" has an empty label` }], hasMacro: false };
    }
    const long = labels.find((label) => label.length > 63);
    if (long !== undefined) {
      return { problems: [{ index: spec.indexOf(long), length: long.length, message: `label "${long.slice(0, 20)}…" of the domain is longer than 63 characters` }], hasMacro: false };
    }
    if (name.length > 253) {
      return { problems: [{ index: 0, length: spec.length, message: 'the domain is longer than 253 characters' }], hasMacro: false };
    }
  }
  return { problems: [], hasMacro: scan.hasMacro };
}
