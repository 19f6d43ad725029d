/**
 * Which `.mx-doctor.json` a run of `lint` or `check` uses: the nearest one above each folder
 * (node-files' walk, cached for the run), the one `--config PATH` names, or none (`--no-config`).
 * Each file's mistakes are written to stderr once, and the run goes on with what is valid.
 */
import { statSync } from 'node:fs';
import { escapeControls } from '@mx-doctor/core';
import { NO_PROJECT_CONFIG, ProjectConfigCache, ZONE_FILE_PATTERNS, type ProjectConfig } from '@mx-doctor/node-files';
import type { Io } from './io.js';
import { UsageError } from './usage.js';

/** `--config PATH` and `--no-config` (parseArgs' allowNegative reads the latter as `config: false`). */
export const CONFIG_OPTIONS = {
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
} as const;

export class RunConfig {
  private readonly cache = new ProjectConfigCache();

  private constructor(
    private readonly io: Io,
    private readonly choice: { readonly kind: 'nearest' } | { readonly kind: 'none' } | { readonly kind: 'file'; readonly path: string },
  ) {}

  /** From the parsed options; a `--config` file that does not exist is bad usage (exit status 2). */
  static fromOptions(values: { readonly config?: string | boolean | undefined; readonly 'no-config'?: boolean | undefined }, io: Io): RunConfig {
    const path = values.config;
    if (values['no-config'] === true || path === false) {
      if (typeof path === 'string') throw new UsageError('--config and --no-config cannot be used together');
      return new RunConfig(io, { kind: 'none' });
    }
    if (typeof path !== 'string') return new RunConfig(io, { kind: 'nearest' });
    try {
      statSync(path);
    } catch {
      throw new UsageError(`--config ${path}: no such file`);
    }
    return new RunConfig(io, { kind: 'file', path });
  }

  /** The configuration for files in `dir` (or, for `check`, the current folder). */
  forDirectory(dir: string): ProjectConfig {
    if (this.choice.kind === 'none') return NO_PROJECT_CONFIG;
    const loaded = this.choice.kind === 'file' ? this.cache.forPath(this.choice.path) : this.cache.forDirectory(dir);
    if (loaded.fresh) for (const problem of loaded.problems) this.io.stderr.write(`mx-doctor: ${escapeControls(problem)}\n`);
    return loaded.config;
  }
}

/** The built-in zone-file patterns and the project's. */
export function zoneFilePatternsOf(config: ProjectConfig): readonly string[] {
  return config.zoneFiles.length === 0 ? ZONE_FILE_PATTERNS : [...ZONE_FILE_PATTERNS, ...config.zoneFiles];
}
