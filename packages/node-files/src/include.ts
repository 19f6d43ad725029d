/**
 * The one `$INCLUDE` rule of the CLI and the language server. A zone file names its includes, and
 * a zone file may come from anyone (a cloned repository, a downloaded example): an include may only
 * read a regular file inside the allowed folders — the zone's folder for `lint`, the workspace
 * folders for the editor. Checked on the path as written (`../`, absolute paths) and again after
 * resolving symbolic links; devices, FIFOs and sockets are refused, and nothing refused is opened,
 * so its text can never be quoted in a finding.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { errorCode, readTextFile } from './read-text.js';

export interface IncludeRule {
  /** Folders an included file must be inside. */
  readonly roots: readonly string[];
  /** The roots in words, for the refusal: "the zone's folder", "the workspace folders". */
  readonly rootsName: string;
  /** The name the reader puts in ranges for a file (default: its absolute path). */
  readonly fileName?: (full: string) => string;
  /** Text held in memory (an editor's open documents), used instead of the disk. */
  readonly openText?: (full: string) => string | undefined;
  readonly maxBytes?: number;
}

/** The shape of the core reader's `IncludeResult`. */
export type IncludeRead = { readonly text: string; readonly file: string } | { readonly error: string };

/** Where an `$INCLUDE` path points, resolved against the including file's folder (what people mean; BIND uses its working directory). */
export function includePath(path: string, fromFile: string): string {
  return isAbsolute(path) ? resolve(path) : resolve(dirname(resolve(fromFile)), path);
}

/** Whether `file` is `root` or under it (both absolute). */
export function isInside(file: string, root: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The included file's absolute path when the rule allows it, judged on the path as written only. */
export function allowedIncludePath(path: string, fromFile: string, rule: IncludeRule): { readonly full: string } | { readonly error: string } {
  const full = includePath(path, fromFile);
  if (!rule.roots.some((root) => isInside(full, resolve(root)))) return { error: outside(rule) };
  return { full };
}

function outside(rule: IncludeRule): string {
  return `$INCLUDE outside ${rule.rootsName} is not read`;
}

/** Reads an `$INCLUDE`d file under the rule: its text, or why not (never its content). */
export function readIncludeFile(path: string, fromFile: string, rule: IncludeRule): IncludeRead {
  const allowed = allowedIncludePath(path, fromFile, rule);
  if ('error' in allowed) return allowed;
  const { full } = allowed;
  const file = rule.fileName?.(full) ?? full;
  let real: string;
  try {
    real = realpathSync(full);
  } catch (error) {
    // Not on disk (yet): an editor may hold it unsaved.
    const open = rule.openText?.(full);
    return open !== undefined ? { text: open, file } : { error: errorCode(error) };
  }
  // A symbolic link inside the folder may point anywhere: judge where it leads.
  if (!rule.roots.some((root) => isInside(real, realOrResolved(root)))) return { error: `${outside(rule)} (a symbolic link leads there)` };
  const open = rule.openText?.(full);
  if (open !== undefined) return { text: open, file };
  const read = readTextFile(real, rule.maxBytes === undefined ? {} : { maxBytes: rule.maxBytes });
  return 'error' in read ? read : { text: read.text, file };
}
