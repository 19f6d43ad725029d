/**
 * The `v=…; name=value; …` records of MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3), read to
 * their shared grammar: the version, then fields separated by `;` with optional spaces or tabs
 * around it, an optional `;` at the end, names of 1–32 letters, digits, `_`, `-`, `.` (first a
 * letter or digit), values of printable ASCII without `;` and `=`. Hand-written: the grammar is a
 * few lines and no maintained npm package reads either record to the RFC (the ones that exist
 * reject unrelated TXT records, which the RFCs say to discard).
 */

export interface TagRecord {
  readonly fields: readonly { readonly name: string; readonly value: string }[];
  /** What breaks the grammar, in words (at most 10). */
  readonly problems: readonly string[];
}

const MAX_PROBLEMS = 10;
const FIELD_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const FIELD_VALUE = /^[\x21-\x3a\x3c\x3e-\x7e]+$/;

/** Whether a TXT record is one of `version`'s (the others at that name are discarded, not errors). */
export function startsWithVersion(text: string, version: string): boolean {
  return text.startsWith(version) && !/[A-Za-z0-9]/.test(text.charAt(version.length));
}

/** `uriFields`: fields whose value is a URI list (TLS-RPT's `rua`), checked by the caller, not as an extension value. */
export function parseTagRecord(text: string, version: string, uriFields: readonly string[] = []): TagRecord {
  const problems: string[] = [];
  const problem = (words: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(words);
  };
  const parts = text.slice(version.length).split(';');
  // parts[0] is what follows the version before the first ';': only spaces or tabs may be there.
  if (!/^[ \t]*$/.test(parts[0]!)) problem(`"${version}" must be followed by ";"`);
  const fields: { name: string; value: string }[] = [];
  parts.slice(1).forEach((raw, index, all) => {
    const part = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (part === '') {
      if (index !== all.length - 1) problem('an empty field (two ";" in a row)');
      return;
    }
    const equals = part.indexOf('=');
    if (equals < 0) return problem(`"${part}" is not a name=value field`);
    const name = part.slice(0, equals);
    const value = part.slice(equals + 1);
    if (!FIELD_NAME.test(name)) problem(`"${name}" is not a field name (1–32 letters, digits, "_", "-" or ".")`);
    else if (uriFields.includes(name) ? value.trim() === '' : !FIELD_VALUE.test(value)) problem(`the value of ${name} is empty or holds a space, ";" or "="`);
    fields.push({ name, value });
  });
  return { fields, problems };
}
