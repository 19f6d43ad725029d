/**
 * Which files `lint` reads. Named files are read as given (`.tf` as Terraform, anything else as a
 * zone file); directories are searched for Terraform and zone-file names, skipping dependency and
 * tool folders. `.db` is also SQLite's extension, so such files are sniffed before being claimed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Looks like a master file: a `$ORIGIN`/`$TTL` directive or an SOA near the top, and no NUL bytes. */
export function looksLikeZoneFile(path: string): boolean {
  let head: Buffer;
  try {
    const buffer = readFileSync(path);
    head = buffer.subarray(0, 4096);
  } catch {
    return false;
  }
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  return /^\s*\$(ORIGIN|TTL|INCLUDE)\b/im.test(text) || /\bSOA\b/.test(text) || /\bIN\s+(MX|NS|A|AAAA|TXT|CNAME)\b/i.test(text);
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
    } else if (/\.tf$/i.test(name)) out.push({ path, kind: 'terraform' });
    else if (ZONE_NAME.test(basename(name)) || (MAYBE_ZONE.test(name) && looksLikeZoneFile(path))) out.push({ path, kind: 'zone' });
  }
  return out;
}
