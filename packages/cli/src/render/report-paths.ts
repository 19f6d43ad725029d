/**
 * The paths that CI reports (SARIF, GitLab Code Quality) give for files: relative to the source
 * root, `/`-separated, so that the same file has the same path on every machine and in every run.
 * The source root is the git work tree that holds the current directory, since code scanning
 * resolves a relative `artifactLocation.uri` against the repository's checkout and GitLab reads
 * `location.path` as a path in the repository; outside a work tree it is the current directory.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface ReportPaths {
  /** The source root, absolute. */
  readonly root: string;
  /** The file's path relative to the root (`zones/db.example`), or undefined when it lies outside the root. */
  relativeOf(file: string): string | undefined;
}

/** The nearest folder at or above `cwd` with a `.git` (a folder, or a file in a linked work tree or submodule), else `cwd`. */
export function sourceRoot(cwd: string = process.cwd()): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

export function reportPaths(root: string = sourceRoot(), cwd: string = process.cwd()): ReportPaths {
  return {
    root,
    relativeOf(file) {
      const path = relative(root, resolve(cwd, file));
      if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
      return path.split(sep).join('/');
    },
  };
}
