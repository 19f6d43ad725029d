/**
 * Finding and reading a project's `.mx-doctor.json`: the nearest one in the file's folder or
 * above, stopping at the repository's top (a folder with `.git`, a directory or a worktree's file)
 * or the filesystem root, as ESLint, ruff and EditorConfig look. Read capped at 64 KiB, regular
 * files only (the bounded reader). The cache re-reads a file only when its modification time or
 * size changed, so an editor may ask on every analysis.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { errorCode, readTextFile } from './read-text.js';
import { NO_PROJECT_CONFIG, parseProjectConfig, PROJECT_CONFIG_NAME, type ParsedProjectConfig } from './project-config.js';

/** A configuration file is a few lines; anything larger is refused unread. */
export const MAX_PROJECT_CONFIG_BYTES = 64 * 1024;

/** The nearest `.mx-doctor.json` from `dir` upwards, or undefined. */
export function findProjectConfig(dir: string): string | undefined {
  for (let current = resolve(dir); ; ) {
    const candidate = join(current, PROJECT_CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(current, '.git'))) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads and validates the file at `path` (a problem, not a throw, when it cannot be read). */
export function loadProjectConfig(path: string): ParsedProjectConfig {
  const read = readTextFile(path, { maxBytes: MAX_PROJECT_CONFIG_BYTES });
  if ('error' in read) return { config: { ...NO_PROJECT_CONFIG, path }, problems: [`${path}: cannot read it (${read.error}); it is ignored`] };
  return parseProjectConfig(read.text, path);
}

export interface CachedProjectConfig extends ParsedProjectConfig {
  /** True when the file was (re)read by this call: its problems are news. */
  readonly fresh: boolean;
}

/** Configurations by file, each re-read when it changes on disk. */
export class ProjectConfigCache {
  private readonly byPath = new Map<string, { readonly stamp: string; readonly parsed: ParsedProjectConfig }>();

  /** The configuration that applies to files in `dir`. */
  forDirectory(dir: string): CachedProjectConfig {
    const path = findProjectConfig(dir);
    if (path === undefined) return { config: NO_PROJECT_CONFIG, problems: [], fresh: false };
    return this.forPath(path);
  }

  /** The configuration in the file at `path` (`--config`). */
  forPath(path: string): CachedProjectConfig {
    let stamp: string;
    try {
      const stats = statSync(path);
      stamp = `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
    } catch (error) {
      stamp = `error:${errorCode(error)}`;
    }
    const cached = this.byPath.get(path);
    if (cached?.stamp === stamp) return { ...cached.parsed, fresh: false };
    const parsed = loadProjectConfig(path);
    this.byPath.set(path, { stamp, parsed });
    return { ...parsed, fresh: true };
  }
}
