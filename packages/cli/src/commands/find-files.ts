/**
 * Which files `lint` reads. Named files are read as given (`.tf` as Terraform, anything else as a
 * zone file); directories are searched for Terraform and zone-file names, skipping dependency and
 * tool folders. `.db` is also SQLite's extension, so such files are sniffed before being claimed.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { looksLikeZoneText, ZONE_SNIFF_CHARS } from '@mx-doctor/core';
import { basename, join } from 'node:path';

export type LintFileKind = 'zone' | 'terraform';

export interface LintFile {
  readonly path: string;
  readonly kind: LintFileKind;
}

const SKIP_DIRS = new Set(['node_modules', '.terraform', '.git', '.hg', '.svn', 'dist']);
const ZONE_NAME = /(\.zone|\.signed|\.rev|\.hosts)$|^named\.root$/i;
const MAYBE_ZONE = /(^db\.|\.db$)/i;

export function kindOfNamedFile(path: string): LintFileKind {
  return /\.tf$/i.test(path) ? 'terraform' : 'zone';
}

/** Looks like a master file (the core's rule), judged on the first bytes only: a `.db` may be a large database. */
export function looksLikeZoneFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(ZONE_SNIFF_CHARS);
    const length = readSync(fd, head, 0, head.length, 0);
    return looksLikeZoneText(head.subarray(0, length).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function findLintFiles(dir: string, out: LintFile[] = []): LintFile[] {
  let entries: string[];
  try {
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
      if (!SKIP_DIRS.has(name)) findLintFiles(path, out);
    } else if (!stat.isFile()) {
      // A FIFO, device or socket named like a zone: opening a FIFO would wait for a writer for ever.
      continue;
    } else if (/\.tf$/i.test(name)) out.push({ path, kind: 'terraform' });
    else if (ZONE_NAME.test(basename(name)) || (MAYBE_ZONE.test(name) && looksLikeZoneFile(path))) out.push({ path, kind: 'zone' });
  }
  return out;
}
