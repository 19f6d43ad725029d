/**
 * Which files are zone files or Terraform: one rule for `mx-doctor lint <dir>`'s directory search
 * and the language server's documents, so both claim the same files. A name decides first
 * (`*.tf`; the zone-file patterns, which are also the editor's `mxDoctor.zoneFilePatterns` default);
 * then the start of the file: binary content is never a zone file, and the names databases and
 * source files also use (`db.*`, `*.db`: SQLite, Berkeley DB, `db.py`) only count when the start
 * reads like an RFC 1035 §5 master file (the core's sniff).
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeZoneText, ZONE_SNIFF_CHARS } from '@mx-doctor/core';

export type FileKind = 'zone' | 'terraform';

/** Master-file names as BIND, its tools (`dnssec-signzone`: `.signed`) and common setups write them. */
export const ZONE_FILE_PATTERNS: readonly string[] = ['*.zone', 'db.*', '*.db', '*.signed', '*.rev', '*.hosts', 'named.root'];

/** Names a database or a source file may also have: claimed only when the content says zone. */
const SHARED_NAME = /^db\.|\.db$/i;

export function isTerraformName(name: string): boolean {
  return /\.tf$/i.test(name);
}

/** `*` any run of characters, `?` one character; matched against the whole base name, ignoring case. */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/**
 * The kind of a file from its base name and its start (`head`: called only when the name does not
 * settle it; undefined when it cannot be read). Only the first {@link ZONE_SNIFF_CHARS} characters
 * are judged, so that the CLI need not read a large database to leave it alone.
 */
export function fileKind(name: string, head: () => string | undefined, zoneFilePatterns: readonly string[] = ZONE_FILE_PATTERNS): FileKind | undefined {
  if (isTerraformName(name)) return 'terraform';
  if (!zoneFilePatterns.some((pattern) => matchesPattern(name, pattern))) return undefined;
  const start = head()?.slice(0, ZONE_SNIFF_CHARS);
  if (start === undefined || start.includes('\0')) return undefined; // binary, whatever the name says
  if (SHARED_NAME.test(name)) return looksLikeZoneText(start) ? 'zone' : undefined;
  return 'zone';
}

/** The first {@link ZONE_SNIFF_CHARS} bytes of a file as text, or undefined when it cannot be read. */
export function readFileHead(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(ZONE_SNIFF_CHARS);
    const length = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, length).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file the CLI names on its command line is read as given: `.tf` as Terraform, anything else as a zone file. */
export function kindOfNamedFile(path: string): FileKind {
  return isTerraformName(path) ? 'terraform' : 'zone';
}

export interface FoundFile {
  readonly path: string;
  readonly kind: FileKind;
}

/** Dependency, tool and build folders: never a project's own zones. */
const SKIP_DIRS = new Set(['node_modules', '.terraform', '.git', '.hg', '.svn', 'dist']);

/**
 * The zone and Terraform files under `dir` (sorted by name in each folder), regular files only:
 * a FIFO named like a zone would block the reader for ever. Each folder is searched once, by its
 * real path, so symbolic links that loop (`a -> .`) cannot make the search endless. Zone files are
 * those matching `zoneFilePatterns` (a project's `.mx-doctor.json` may add to the built-in ones).
 */
export function findZoneAndTerraformFiles(dir: string, out: FoundFile[] = [], zoneFilePatterns: readonly string[] = ZONE_FILE_PATTERNS, seen = new Set<string>()): FoundFile[] {
  let real: string;
  let entries: string[];
  try {
    real = realpathSync(dir);
    if (seen.has(real)) return out;
    seen.add(real);
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (!SKIP_DIRS.has(name)) findZoneAndTerraformFiles(path, out, zoneFilePatterns, seen);
      continue;
    }
    if (!stat.isFile()) continue;
    const kind = fileKind(name, () => readFileHead(path), zoneFilePatterns);
    if (kind !== undefined) out.push({ path, kind });
  }
  return out;
}
